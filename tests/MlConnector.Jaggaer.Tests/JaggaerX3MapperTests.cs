using System.Text.Json;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Flows.JaggaerX3;
using MlConnector.Jaggaer.Tests.Support;

namespace MlConnector.Jaggaer.Tests;

/// <summary>
/// JAGGAER payloads in the shapes public clients read (profiles nested under <c>returnCompanyInfo</c> or <c>companyMaster</c>;
/// orders as <c>{header, lineList}</c> documents) to X3 suppliers and purchase orders, against in-memory mappings and X3 codes.
/// </summary>
public sealed class JaggaerX3MapperTests
{
    private readonly InMemoryMappingTables _mappings = new();
    private readonly InMemoryReferenceData _x3 = new InMemoryReferenceData()
        .Add(ReferenceKind.Supplier, "JS0001")
        .Add(ReferenceKind.GlAccount, "60110", "60120")
        .Add(ReferenceKind.CostCentre, "CC100");

    [Fact]
    public async Task A_supplier_profile_becomes_an_x3_supplier_coded_by_its_erp_code()
    {
        var result = await SupplierMapper().MapAsync(Record("7001", Profile("7001", "js0001")), CancellationToken.None);

        var supplier = Mapped<Supplier>(result, "x3-supplier");
        Assert.Equal("JS0001", supplier.Code);
        Assert.Equal("Acme Supplies Ltd", supplier.Name);
        Assert.Equal("US123", supplier.TaxNumber);
        Assert.Equal("Chicago", supplier.Address!.City);
        Assert.True(supplier.Active);
    }

    [Fact]
    public async Task A_mapping_row_wins_over_the_erp_code_and_without_either_the_prefixed_id_is_used()
    {
        _mappings.Add(MappingTableNames.VendorToSupplier, "7001", "S0042");

        var mapped = Mapped<Supplier>(await SupplierMapper().MapAsync(Record("7001", Profile("7001", "JS0001")), CancellationToken.None), "x3-supplier");
        var derived = Mapped<Supplier>(await SupplierMapper().MapAsync(Record("7002", Profile("7002", null)), CancellationToken.None), "x3-supplier");

        Assert.Equal("S0042", mapped.Code);
        Assert.Equal("JG7002", derived.Code);
    }

    [Fact]
    public async Task Buyer_profiles_and_codes_x3_cannot_take_are_rejected_with_the_fix()
    {
        var buyer = await SupplierMapper().MapAsync(Record("7003", Profile("7003", "JS3", type: "BUYER")), CancellationToken.None);
        var tooLong = await SupplierMapper().MapAsync(Record("7004", Profile("7004", "A-VERY-LONG-SUPPLIER-CODE")), CancellationToken.None);

        Assert.Contains("is a BUYER profile, not a supplier", Rejected(buyer), StringComparison.Ordinal);
        Assert.Contains("'A-VERY-LONG-SUPPLIER-CODE' (from its JAGGAER ERP code) is not a valid X3 supplier code", Rejected(tooLong), StringComparison.Ordinal);
        Assert.Contains("add a vendor-supplier mapping for JAGGAER supplier 7004", Rejected(tooLong), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_nested_under_companyMaster_reads_the_same_as_under_returnCompanyInfo()
    {
        var supplier = Mapped<Supplier>(await SupplierMapper().MapAsync(Record("7001", Profile("7001", "JS0001", rowKey: "companyMaster")), CancellationToken.None), "x3-supplier");

        Assert.Equal(("JS0001", "Acme Supplies Ltd", "US123"), (supplier.Code, supplier.Name, supplier.TaxNumber));
    }

    [Fact]
    public async Task A_row_without_a_profile_or_without_its_bravo_id_is_rejected_with_the_reason()
    {
        var flat = await SupplierMapper().MapAsync(Record("row-1", """{"bravoId":"7001","companyName":"Flat Ltd"}"""), CancellationToken.None);
        var anonymous = await SupplierMapper().MapAsync(Record("row-2", """{"returnCompanyInfo":{"companyName":"Nameless Ltd","type":"SELLER"}}"""), CancellationToken.None);

        Assert.Equal("JAGGAER supplier row row-1 has no profile (returnCompanyInfo or companyMaster): it carries bravoId, companyName", Rejected(flat));
        Assert.StartsWith("JAGGAER supplier row row-2 ('Nameless Ltd') has no bravoId", Rejected(anonymous), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purchase_order_maps_its_supplier_lines_gl_accounts_and_cost_centres()
    {
        var result = await OrderMapper().MapAsync(Record("90001", Order(("60110", "CC100"), ("60120", null))), CancellationToken.None);

        var order = Mapped<PurchaseOrder>(result, "x3-purchase-order");
        Assert.Equal("JPO-90001", order.Number);
        Assert.Equal("JS0001", order.Supplier.Code);
        Assert.Equal(new DateOnly(2025, 3, 3), order.OrderDate);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(["60110", "60120"], order.Lines.Select(line => line.GlAccount));
        Assert.Equal(["CC100", null], order.Lines.Select(line => line.CostCentre));
        Assert.Equal(["JG-ITEM-1", "JG-ITEM-2"], order.Lines.Select(line => line.ItemCode));
        Assert.Equal(2.5m * 12m + 5m * 14.5m, order.TotalExcludingTax);
        Assert.Equal("JPO-90001", ((MapResult.MappedResult)result).Document.ExternalReference);
    }

    [Fact]
    public async Task An_unknown_gl_account_rejects_the_order_with_a_reason_and_a_mapping_lets_it_through()
    {
        var record = Record("90002", Order(("60110", "CC100"), ("69999", "CC100")));

        var rejected = await OrderMapper().MapAsync(record, CancellationToken.None);
        _mappings.Add(MappingTableNames.CostCodeToGlAccount, "69999", "60120");
        var retried = await OrderMapper().MapAsync(record, CancellationToken.None);

        Assert.Equal(
            "GL account 69999 (JAGGAER account 69999 on line 2 of PO JPO-90001) does not exist in X3 folder SEED: create it in X3 or map JAGGAER account 69999 in costcode-glaccount",
            Rejected(rejected));
        Assert.Equal(["60110", "60120"], Mapped<PurchaseOrder>(retried, "x3-purchase-order").Lines.Select(line => line.GlAccount));
    }

    [Fact]
    public async Task Every_problem_of_an_order_is_reported_together()
    {
        var payload = Order(("60110", "CC999"), ("60110;60120", null), supplierNumber: "JS0009");

        var reason = Rejected(await OrderMapper().MapAsync(Record("90003", payload), CancellationToken.None));

        Assert.Contains("Supplier 'Acme Supplies Ltd' (JAGGAER supplier 7001) is not in X3 folder SEED as JS0009 (from its JAGGAER ERP code): the jaggaer-suppliers-x3 flow creates it", reason, StringComparison.Ordinal);
        Assert.Contains("Cost centre CC999 (JAGGAER cost centre CC999 on line 1 of PO JPO-90001) does not exist in X3 folder SEED", reason, StringComparison.Ordinal);
        Assert.Contains("Line 2 of PO JPO-90001 is split across GL accounts 60110, 60120: X3 takes one GL account per line", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_order_maps_to_a_cancelled_x3_order()
    {
        var payload = Order(("60110", "CC100"), status: "Cancelled");

        var order = Mapped<PurchaseOrder>(await OrderMapper().MapAsync(Record("90004", payload), CancellationToken.None), "x3-purchase-order");

        Assert.Equal(PurchaseOrderStatus.Cancelled, order.Status);
    }

    private JaggaerSupplierMapper SupplierMapper() => new(_mappings, new JaggaerX3Options());

    private JaggaerPurchaseOrderMapper OrderMapper() => new(_mappings, _x3, new JaggaerX3Options());

    private static SourceRecord Record(string key, string json) => new(key, "v1", null, JsonDocument.Parse(json).RootElement.Clone());

    private static T Mapped<T>(MapResult result, string kind)
    {
        var mapped = Assert.IsType<MapResult.MappedResult>(result);
        Assert.Equal(kind, mapped.Document.Kind);
        return CanonicalJson.FromElement<T>(mapped.Document.Body);
    }

    private static string Rejected(MapResult result) => Assert.IsType<MapResult.RejectedResult>(result).Reason;

    /// <summary>A <c>returnCompanyData</c> row: the profile nested under <paramref name="rowKey"/>, <c>bravoId</c> a string.</summary>
    private static string Profile(string id, string? extCode, string type = "SELLER", string rowKey = "returnCompanyInfo") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        [rowKey] = new Dictionary<string, object?>
        {
            ["bravoId"] = id,
            ["companyName"] = "Acme Supplies Ltd",
            ["extCode"] = extCode,
            ["type"] = type,
            ["status"] = "ACTIVE",
            ["currency"] = "USD",
            ["euVat"] = "US123",
            ["address"] = "1 Market Street",
            ["city"] = "Chicago",
            ["zip"] = "60601",
            ["isoCountry"] = "US",
            ["lastModTime"] = "20250303080000",
        },
    });

    /// <param name="first">A line's account segment (several joined by ';' for a split line) and its cost centre; <paramref name="second"/> likewise.</param>
    private static string Order((string Accounts, string? CostCentre) first, (string Accounts, string? CostCentre)? second = null, string supplierNumber = "JS0001", string status = "Issued")
    {
        var lines = new List<(string, string?)> { first };
        if (second is { } extra)
        {
            lines.Add(extra);
        }

        // The ji invoice document's shape (UCLALibrary/jaggaer-api sample_data/invoice_sample.json): a header, a line list,
        // numeric unit prices and the accounting segments nested four lists deep.
        return JsonSerializer.Serialize(new
        {
            header = new
            {
                purchaseOrderId = 90001,
                poNumber = "JPO-90001",
                orderDate = "2025-03-03T00:00:00.000Z",
                lastUpdate = "2025-03-03T09:00:00.000Z",
                status,
                supplier = new { id = 7001, name = "Acme Supplies Ltd", supplierNumber },
                total = new { currency = "USD", value = 102.5m },
            },
            lineList = new
            {
                poLine = lines.Select((line, index) => new
                {
                    lineNumber = index + 1,
                    item = new { description = $"Item {index + 1}", catalogNumber = $"JG-ITEM-{index + 1}", productType = "CatalogItem", unitOfMeasure = new { dimension = "EA" } },
                    quantity = 2.5m * (index + 1),
                    unitPrice = 12m + 2.5m * index,
                    splittableFieldSetGroupList = new
                    {
                        splittableFieldSetGroup = line.Item1.Split(';').Select(account => new
                        {
                            splittableFieldIndexSet = new[]
                            {
                                new
                                {
                                    context = "Line",
                                    splittableFieldIndexList = new
                                    {
                                        splittableFieldIndex = new[]
                                        {
                                            new
                                            {
                                                customFieldValueList = new
                                                {
                                                    customFieldValue = new[] { new { internalName = "Account", value = account } }
                                                        .Concat(line.Item2 is { } centre ? [new { internalName = "CostCenter", value = centre }] : []),
                                                },
                                            },
                                        },
                                    },
                                },
                            },
                        }),
                    },
                }),
            },
        });
    }
}
