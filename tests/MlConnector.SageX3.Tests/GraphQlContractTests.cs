using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.GraphQl;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>
/// The simulator's GraphQL answers Sage's own sample documents (Contracts/SageSamples, copied unmodified) as X3 does, and
/// refuses what X3's schema refuses: a nullable variable in a non-null position, an unknown field, a wrongly typed variable.
/// </summary>
public sealed class GraphQlContractTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;
    private ServiceProvider _connector = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SageX3Simulator.StartAsync();
        _connector = X3Connector.Build(_simulator, SageX3Mode.GraphQl);
        _simulator.SeedSupplier("CN001", "Shanghai Tools");
        _simulator.SeedProduct("DIS012", "Display 12 in");
        _simulator.SeedProduct("DIS013", "Display 13 in");
        _simulator.SeedPurchaseOrder("CN001", new DateOnly(2021, 8, 1),
            [new SimulatedOrderLine(1000, "DIS012", "Display 12 in", 10, "UN", 50m), new SimulatedOrderLine(2000, "DIS013", "Display 13 in", 20, "UN", 60m)],
            number: "POFR0110112", site: "FR011");
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private SageX3GraphQlClient Client => _connector.GetRequiredService<SageX3GraphQlClient>();

    [Fact]
    public async Task Sages_purchase_order_list_and_detail_documents_run_unmodified()
    {
        var list = await Client.ExecuteAsync(Sample("PurchaseOrder_query.graphql"),
            new JsonObject { ["first"] = 50, ["filter"] = "{orderFromSupplier:{_id:'CN001'}, purchaseSite:{_id:'FR011'}}", ["orderBy"] = "{purchaseSite:{_id:-1},_id:-1}" }, CancellationToken.None);
        var detail = await Client.ExecuteAsync(Sample("PurchaseOrder_read.graphql"), new JsonObject { ["id"] = "POFR0110112" }, CancellationToken.None);

        var node = list["x3Purchasing"]!["purchaseOrder"]!["query"]!["edges"]![0]!["node"]!;
        Assert.Equal("POFR0110112", node["_id"]!.ToString());
        Assert.Equal("CN001", node["orderFromSupplier"]!["code"]!["code"]!.ToString());
        Assert.Equal("Lyon entrepot", node["purchaseSite"]!["name"]!.ToString());
        var lines = detail["x3Purchasing"]!["purchaseOrder"]!["read"]!["purchaseOrderLines"]!["query"]!["edges"]!.AsArray();
        Assert.Equal(["DIS012", "DIS013"], lines.Select(l => l!["node"]!["product"]!["code"]!.ToString()));
    }

    [Fact]
    public async Task Sages_receipt_mutation_with_its_readme_variables_creates_a_receipt_that_Sages_detail_document_reads_back()
    {
        var variables = JsonNode.Parse(Sample("PurchaseReceipt_mutation.variables.json"))!.AsObject();

        var created = await Client.ExecuteAsync(Sample("PurchaseReceipt_mutation.graphql"), variables, CancellationToken.None, isQuery: false);
        var id = created["x3Purchasing"]!["purchaseReceipt"]!["create"]!["id"]!.ToString();
        var read = await Client.ExecuteAsync(Sample("PurchaseReceipt_read.graphql"), new JsonObject { ["id"] = id }, CancellationToken.None);

        var receipt = read["x3Purchasing"]!["purchaseReceipt"]!["read"]!;
        Assert.Equal("FR011", receipt["receiptSite"]!["_id"]!.ToString());
        Assert.Equal("CN001", receipt["supplier"]!["_id"]!.ToString());
        var lines = receipt["lines"]!["query"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        Assert.Equal([(1000, 1, 10m), (2000, 1, 20m)],
            lines.Select(l => (l["purchaseOrderLine"]!["lineNumber"]!.GetValue<int>(), l["purchaseOrderLine"]!["sequenceNumber"]!.GetValue<int>(), l["quantityInReceiptUnitReceived"]!.GetValue<decimal>())));
        Assert.All(lines, l => Assert.Equal("POFR0110112", l["purchaseOrder"]!["id"]!.ToString()));
        var stored = _simulator.Find("PRECEIPT", id)!;
        Assert.Equal("A", stored["$lines"]![0]!["$stockDetails"]![0]!["STA"]!.ToString());
    }

    [Fact]
    public async Task A_nullable_data_variable_is_refused_as_X3_refuses_it()
    {
        var nullable = Sample("PurchaseReceipt_mutation.graphql").Replace("PurchaseReceipt_Input!", "PurchaseReceipt_Input", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<SageX3ApiException>(() =>
            Client.ExecuteAsync(nullable, JsonNode.Parse(Sample("PurchaseReceipt_mutation.variables.json"))!.AsObject(), CancellationToken.None, isQuery: false));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Variable \"$data\" of type \"PurchaseReceipt_Input\" used in position expecting type \"PurchaseReceipt_Input!\".", Assert.Single(error.Diagnoses));
        Assert.Equal(0, _simulator.CreateCount("PRECEIPT"));
    }

    [Fact]
    public async Task A_receipt_without_stock_details_or_with_details_short_of_the_quantity_is_refused()
    {
        var withoutDetails = JsonNode.Parse(Sample("PurchaseReceipt_mutation.variables.json"))!.AsObject();
        foreach (var line in withoutDetails["data"]!["lines"]!.AsArray())
        {
            line!.AsObject().Remove("stockDetails");
        }

        var shortDetails = JsonNode.Parse(Sample("PurchaseReceipt_mutation.variables.json"))!.AsObject();
        shortDetails["data"]!["lines"]![0]!["stockDetails"]!["quantityInPackingUnit"] = "4";

        var missing = await Assert.ThrowsAsync<SageX3ApiException>(() => Client.ExecuteAsync(Sample("PurchaseReceipt_mutation.graphql"), withoutDetails, CancellationToken.None, isQuery: false));
        var uncovered = await Assert.ThrowsAsync<SageX3ApiException>(() => Client.ExecuteAsync(Sample("PurchaseReceipt_mutation.graphql"), shortDetails, CancellationToken.None, isQuery: false));

        Assert.Contains("Stock details: mandatory for lines 1000, 2000", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Line 1000: the stock details (4) do not cover the quantity received (10)", uncovered.Message, StringComparison.Ordinal);
        Assert.Equal(0, _simulator.CreateCount("PRECEIPT"));
    }

    [Theory]
    [InlineData("query { x3Purchasing { purchaseOrder { query { edges { node { _id purchaseSite { code } currency { code } orderFromSupplier { code { companyName } } } } } } } }", "Cannot query field \"companyName\" on type \"BusinessPartner\"")]
    [InlineData("query { x3Purchasing { purchaseOrder { query { edges { node { purchaseOrderLines { query { edges { node { taxAmount } } } } } } } } } }", "Cannot query field \"taxAmount\" on type \"PurchaseOrderLine\"")]
    [InlineData("query($first:String) { x3Purchasing { purchaseOrder { query(first:$first) { edges { node { _id } } } } } }", "Variable \"$first\" of type \"String\" used in position expecting type \"Int\"")]
    [InlineData("mutation($data:PurchaseOrder_Input!) { x3Purchasing { purchaseOrder { update(_id:\"PO1\", data:$data) { _id } } } }", "Unknown argument \"_id\" on field \"update\"")]
    public async Task What_X3s_schema_does_not_declare_is_refused_naming_it(string document, string message)
    {
        var error = await Assert.ThrowsAsync<SageX3ApiException>(() => Client.ExecuteAsync(document, new JsonObject { ["data"] = new JsonObject() }, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains(error.Diagnoses, d => d.Contains(message, StringComparison.Ordinal));
    }

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contracts", "SageSamples", name));
}
