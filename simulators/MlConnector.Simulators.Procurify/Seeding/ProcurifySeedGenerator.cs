using System.Globalization;
using MlConnector.Simulators.Procurify.Model;

namespace MlConnector.Simulators.Procurify.Seeding;

/// <summary>
/// Deterministic tenant data: vendors, account codes, departments, N purchase orders of M lines and approved
/// requisitions, a requested share of the orders deliberately unmappable. Ids follow from the request only. Orders
/// vary their PO-level money as real ones do: tax as an amount, as a percentage or none, freight, other charges, and
/// a discount as a percentage or an amount.
/// </summary>
public static class ProcurifySeedGenerator
{
    private static readonly string[] VendorNames = ["Acme Ltd", "Northwind Traders", "Contoso Supplies", "Fabrikam Industrial", "Tailspin Office"];
    private static readonly (string Code, string Description, string GlAccount)[] AccountCodes =
    [
        ("6061", "Office supplies", "606100"),
        ("6063", "Small equipment", "606300"),
        ("6226", "Professional fees", "622600"),
    ];

    private static readonly (string Name, string CostCentre)[] Departments = [("Operations", "CC-OPS"), ("Marketing", "CC-MKT"), ("Engineering", "CC-ENG")];
    private static readonly (string Name, string Sku, string Unit, decimal Price)[] Items =
    [
        ("Printer paper A4", "PAP-A4", "BOX", 42.50m),
        ("Ergonomic chair", "CHR-ERG", "EA", 310.00m),
        ("USB-C dock", "DCK-USBC", "EA", 129.99m),
        ("Toner cartridge", "TON-BLK", "EA", 88.00m),
    ];

    public const int FirstVendorId = 101;
    public const int UnmappedVendorId = 199;
    public const int FirstAccountCodeId = 11;
    public const int InvalidAccountCodeId = 19;
    public const string InvalidAccountCode = "9999";
    public const int FirstDepartmentId = 1;

    /// <summary>X3 service products the X3 side orders PO-level money as (the <c>ProcurifyX3</c> charge item settings).</summary>
    public const string FreightItem = "FREIGHT";
    public const string OtherChargeItem = "CHARGES";
    public const string DiscountItem = "DISCOUNT";

    public static SeedScenario Seed(ProcurifyStore store, SeedRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.PurchaseOrders);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.LinesPerOrder, 1);
        if (request.UnmappableShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "UnmappableShare must be between 0 and 1.");
        }

        SeedReferenceData(store, request.StartAt.AddDays(-30));
        var unmappableCount = (int)Math.Round(request.PurchaseOrders * request.UnmappableShare, MidpointRounding.AwayFromZero);
        var mappable = new List<string>();
        var unmappable = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineId = 100_000;
        for (var index = 0; index < request.PurchaseOrders; index++)
        {
            var number = request.FirstPurchaseOrderNumber + index;
            var cause = UnmappableCause(index, request.PurchaseOrders, unmappableCount);
            var vendorId = cause == Cause.Vendor ? UnmappedVendorId : FirstVendorId + (index % VendorNames.Length);
            var lines = Enumerable.Range(1, request.LinesPerOrder)
                .Select(lineNumber => Line(++lineId, lineNumber, index, cause == Cause.AccountCode && lineNumber == 1))
                .ToList();
            var stamp = request.StartAt.AddHours(index);
            store.Put(new SimPurchaseOrder(number, vendorId, request.Currency, stamp, lines)
            {
                Uuid = DeterministicGuid(number),
                PoNum = $"ACME-{number}",
                PromiseDate = DateOnly.FromDateTime(stamp.UtcDateTime).AddDays(14),
                Tax = (index % 3) switch
                {
                    0 => SimPriceModifier.Amount(lines.Sum(line => line.TaxAmount)),
                    1 => SimPriceModifier.Percentage(5m),
                    _ => null,
                },
                Freight = index % 4 == 0 ? 25m : 0m,
                Other = index % 6 == 0 ? 5m : 0m,
                Discount = index % 5 == 0 ? SimPriceModifier.Percentage(10m) : index % 7 == 0 ? SimPriceModifier.Amount(15m) : null,
            });
            var key = number.ToString(CultureInfo.InvariantCulture);
            if (cause == Cause.None)
            {
                mappable.Add(key);
            }
            else
            {
                unmappable[key] = cause == Cause.Vendor ? "unmapped vendor" : "invalid account code";
            }
        }

        var requisitions = new List<string>();
        for (var index = 0; index < request.ApprovedRequisitions; index++)
        {
            var number = request.FirstRequisitionNumber + index;
            var vendorId = FirstVendorId + (index % VendorNames.Length);
            var lines = Enumerable.Range(1, request.LinesPerOrder)
                .Select(lineNumber => new SimRequisitionLine(Line(++lineId, lineNumber, index, false) with { Status = ProcurifyCodes.OrderItemStatus.PurchasePending }, vendorId))
                .ToList();
            var stamp = request.StartAt.AddHours(index).AddMinutes(30);
            store.Put(new SimRequisition(number, FirstDepartmentId + (index % Departments.Length), request.Currency, stamp, lines)
            {
                Uuid = DeterministicGuid(1_000_000 + number),
                Description = $"Requisition {number}",
                DateRequired = DateOnly.FromDateTime(stamp.UtcDateTime).AddDays(10),
            });
            requisitions.Add(number.ToString(CultureInfo.InvariantCulture));
        }

        return Scenario(request, mappable, unmappable, requisitions);
    }

    private static void SeedReferenceData(ProcurifyStore store, DateTimeOffset at)
    {
        for (var index = 0; index < VendorNames.Length; index++)
        {
            store.Put(new SimVendor(FirstVendorId + index, VendorNames[index], ExternalId: null, at)
            {
                Type = index == VendorNames.Length - 1 ? ProcurifyCodes.VendorType.Regular : ProcurifyCodes.VendorType.Preferred,
            });
        }

        store.Put(new SimVendor(UnmappedVendorId, "Unmapped Vendor Co", ExternalId: null, at));
        for (var index = 0; index < AccountCodes.Length; index++)
        {
            store.Put(new SimAccountCode(FirstAccountCodeId + index, AccountCodes[index].Code, AccountCodes[index].Description));
        }

        store.Put(new SimAccountCode(InvalidAccountCodeId, InvalidAccountCode, "Suspense (not in X3)"));
        for (var index = 0; index < Departments.Length; index++)
        {
            store.Put(new SimDepartment(FirstDepartmentId + index, Departments[index].Name, ExternalId: null));
        }
    }

    private static SimOrderItem Line(int id, int lineNumber, int orderIndex, bool invalidAccount)
    {
        var item = Items[(orderIndex + lineNumber - 1) % Items.Length];
        var accountCodeId = invalidAccount ? InvalidAccountCodeId : FirstAccountCodeId + ((orderIndex + lineNumber) % AccountCodes.Length);
        return new SimOrderItem(id, lineNumber, item.Name, item.Sku, item.Unit, lineNumber, item.Price, accountCodeId, FirstDepartmentId + (orderIndex % Departments.Length))
        {
            TaxAmount = Math.Round(lineNumber * item.Price * 0.05m, 2),
        };
    }

    /// <summary>Spreads the unmappable orders evenly; they alternate between the two causes.</summary>
    private static Cause UnmappableCause(int index, int total, int unmappableCount)
    {
        if (unmappableCount == 0)
        {
            return Cause.None;
        }

        // Order i is unmappable when it starts a new 1/unmappableCount slice of the run.
        var slice = (long)index * unmappableCount / total;
        var previousSlice = index == 0 ? -1 : (long)(index - 1) * unmappableCount / total;
        if (slice == previousSlice)
        {
            return Cause.None;
        }

        return slice % 2 == 0 ? Cause.Vendor : Cause.AccountCode;
    }

    private static SeedScenario Scenario(SeedRequest request, List<string> mappable, Dictionary<string, string> unmappable, List<string> requisitions)
    {
        var vendors = Enumerable.Range(0, VendorNames.Length)
            .ToDictionary(index => (FirstVendorId + index).ToString(CultureInfo.InvariantCulture), index => $"SUP{FirstVendorId + index}");
        return new SeedScenario
        {
            VendorToSupplier = vendors,
            AccountCodeToGlAccount = AccountCodes.ToDictionary(code => code.Code, code => code.GlAccount),
            DepartmentToCostCentre = Enumerable.Range(0, Departments.Length)
                .ToDictionary(index => (FirstDepartmentId + index).ToString(CultureInfo.InvariantCulture), index => Departments[index].CostCentre),
            X3Suppliers = [.. vendors.Values],
            X3GlAccounts = [.. AccountCodes.Select(code => code.GlAccount)],
            X3CostCentres = [.. Departments.Select(department => department.CostCentre)],
            X3Products = [.. Items.Select(item => item.Sku), FreightItem, OtherChargeItem, DiscountItem],
            ChargeItems = new ChargeItems(FreightItem, OtherChargeItem, DiscountItem),
            UnmappedVendorIds = [UnmappedVendorId.ToString(CultureInfo.InvariantCulture)],
            InvalidAccountCodes = [InvalidAccountCode],
            MappablePurchaseOrders = mappable,
            UnmappablePurchaseOrders = unmappable,
            ApprovedRequisitions = requisitions,
            Currency = request.Currency,
        };
    }

    private static Guid DeterministicGuid(int seed)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(seed).CopyTo(bytes, 0);
        bytes[7] = 0x40; // version 4 layout, so it reads like the UUIDs Procurify issues
        bytes[8] = 0x80;
        return new Guid(bytes);
    }

    private enum Cause
    {
        None,
        Vendor,
        AccountCode,
    }
}
