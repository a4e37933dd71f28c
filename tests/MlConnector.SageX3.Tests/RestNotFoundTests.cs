using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Rest;
using MlConnector.Connectors.SageX3.Writing;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

/// <summary>
/// X3 answers a missing key with the generic "721 : Record does not exist", which does not repeat the key, with a 404 or
/// with a 200 carrying the error diagnosis: both mean "no such record"; other 404s stay errors.
/// </summary>
public sealed class RestNotFoundTests
{
    [Theory]
    [InlineData(404)]
    [InlineData(200)]
    public async Task A_missing_key_reads_as_no_record(int status)
    {
        await using var simulator = await SageX3Simulator.StartAsync(new SageX3SimulatorOptions { NotFoundStatus = status });
        await using var connector = X3Connector.Build(simulator, SageX3Mode.Rest);
        var rest = connector.GetRequiredService<SageX3RestClient>();

        var missing = await rest.GetDetailsAsync("PORDER", "PORDER", "PONOSUCH", CancellationToken.None);
        var present = await rest.GetDetailsAsync("PORDER", "PORDER", "POSEED0001", CancellationToken.None);

        Assert.Null(missing);
        Assert.Equal("POSEED0001", present!["POHNUM"]!.ToString());
    }

    [Theory]
    [InlineData(404)]
    [InlineData(200)]
    public async Task A_receipt_for_an_order_X3_lacks_is_refused_with_the_reason(int status)
    {
        await using var simulator = await SageX3Simulator.StartAsync(new SageX3SimulatorOptions { NotFoundStatus = status });
        await using var connector = X3Connector.Build(simulator, SageX3Mode.Rest);
        var notice = new ShipNotice
        {
            SourceId = "856-9",
            ShipmentId = "ASN-9",
            PurchaseOrderNumber = "PONOSUCH",
            ShipDate = new DateOnly(2026, 11, 22),
            Lines = [new ShippedLine(1000, "PALLET-EU", 3, "UN")],
        };

        var error = await Assert.ThrowsAsync<TargetWriteException>(() => connector.GetRequiredService<SageX3Writer>().RecordReceiptAsync(notice, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Contains("purchase order PONOSUCH does not exist in X3 folder SEED", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, simulator.CreateCount("PRECEIPT"));
    }

    [Fact]
    public async Task An_unknown_class_is_an_error_not_a_missing_record()
    {
        await using var simulator = await SageX3Simulator.StartAsync();
        await using var connector = X3Connector.Build(simulator, SageX3Mode.Rest);

        var error = await Assert.ThrowsAsync<SageX3ApiException>(() => connector.GetRequiredService<SageX3RestClient>().GetDetailsAsync("PORDERX", "PORDER", "POSEED0001", CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
    }
}
