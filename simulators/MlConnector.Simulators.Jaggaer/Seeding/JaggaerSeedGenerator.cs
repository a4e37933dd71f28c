using System.Globalization;
using MlConnector.Simulators.Jaggaer.Model;

namespace MlConnector.Simulators.Jaggaer.Seeding;

/// <summary>
/// Deterministic supplier profiles and purchase orders. Every supplier has an ERP code (<c>extCode</c>); every order
/// line has a known GL account and a cost centre, and a catalog number except every fifth line, a non-catalog purchase
/// (ordered in X3 as <see cref="NonCatalogueItem"/>); a share of orders charges their last line to an account X3 does
/// not have, so a sync has something to reject.
/// </summary>
public static class JaggaerSeedGenerator
{
    private static readonly string[] GlAccounts = ["60110", "60120", "60130"];
    private static readonly string[] CostCentres = ["CC100", "CC200"];
    private static readonly string[] Units = ["EA", "BOX", "KG"];
    private const string UnknownAccount = "69999";
    private const int ProductCount = 5;

    /// <summary>The X3 product non-catalog lines are ordered as (setting <c>JaggaerX3__NonCatalogueItemCode</c>).</summary>
    public const string NonCatalogueItem = "JG-NONCAT";

    public static SeedScenario Seed(JaggaerStore store, SeedRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Suppliers, 1);
        var supplierCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Suppliers; i++)
        {
            var id = request.FirstSupplierId + i;
            var code = "JS" + (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            store.Put(new SimSupplier(id, $"Supplier {code} Ltd", code)
            {
                Currency = request.Currency,
                BizEmail = $"orders@{code.ToLowerInvariant()}.example",
                Address = $"{100 + i} Market Street",
                City = "Chicago",
                Province = "IL",
                Zip = "60601",
                EuVat = $"US{900000 + id}",
                LastModTime = request.StartAt.AddMinutes(i),
            });
            supplierCodes[id.ToString(CultureInfo.InvariantCulture)] = code;
        }

        var rejectEvery = request.UnknownAccountShare <= 0 ? 0 : (int)Math.Max(1, Math.Round(1 / request.UnknownAccountShare));
        var writable = new List<string>();
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < request.PurchaseOrders; i++)
        {
            var id = request.FirstPurchaseOrderId + i;
            var key = id.ToString(CultureInfo.InvariantCulture);
            var unknownAccount = rejectEvery > 0 && (i + 1) % rejectEvery == 0;
            var lines = Enumerable.Range(1, request.LinesPerOrder)
                .Select(line => new SimPurchaseOrderLine(
                    line,
                    $"Item {line} of PO {id}",
                    (i + line) % 5 == 0 ? null : Product((i + line) % ProductCount),
                    Units[(i + line) % Units.Length],
                    line + (i % 4),
                    10m + line * 2.5m + i % 7,
                    unknownAccount && line == request.LinesPerOrder ? UnknownAccount : GlAccounts[(i + line) % GlAccounts.Length],
                    CostCentres[i % CostCentres.Length]))
                .ToList();
            var order = new SimPurchaseOrder(id, $"JPO-{id}", request.FirstSupplierId + i % request.Suppliers, DateOnly.FromDateTime(request.StartAt.UtcDateTime), request.Currency, lines)
            {
                LastUpdate = request.StartAt.AddHours(1).AddMinutes(i),
            };
            store.Put(order);
            numbers[key] = order.PoNumber;
            if (unknownAccount)
            {
                rejected[key] = UnknownAccount;
            }
            else
            {
                writable.Add(key);
            }
        }

        return new SeedScenario
        {
            SupplierCodes = supplierCodes,
            X3GlAccounts = GlAccounts,
            X3CostCentres = CostCentres,
            X3Products = [.. Enumerable.Range(0, ProductCount).Select(Product), NonCatalogueItem],
            UnknownGlAccounts = rejected.Count > 0 ? [UnknownAccount] : [],
            WritablePurchaseOrders = writable,
            RejectedPurchaseOrders = rejected,
            PoNumbers = numbers,
        };
    }

    private static string Product(int index) => "JG-ITEM-" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
