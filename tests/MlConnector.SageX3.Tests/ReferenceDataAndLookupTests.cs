using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlConnector.Connectors.SageX3;
using MlConnector.Core;
using MlConnector.Core.Documents;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.SageX3.Tests.Support;
using MlConnector.Simulators.SageX3;

namespace MlConnector.SageX3.Tests;

public sealed class ReferenceDataAndLookupTests : IAsyncLifetime
{
    private SageX3Simulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SageX3Simulator.StartAsync();

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Theory]
    [InlineData(SageX3Mode.Rest)]
    [InlineData(SageX3Mode.GraphQl)]
    public async Task Reference_data_says_which_code_does_not_exist_in_which_folder(SageX3Mode mode)
    {
        await using var connector = X3Connector.Build(_simulator, mode);
        var reference = connector.GetRequiredService<SageX3ReferenceData>();

        Assert.True(await reference.ExistsAsync(ReferenceKind.GlAccount, "6061", CancellationToken.None));
        Assert.True(await reference.ExistsAsync(ReferenceKind.CostCentre, "ADM", CancellationToken.None));
        Assert.True(await reference.ExistsAsync(ReferenceKind.Supplier, "S0003", CancellationToken.None));
        Assert.True(await reference.ExistsAsync(ReferenceKind.Product, "PALLET-EU", CancellationToken.None));
        Assert.True(await reference.ExistsAsync(ReferenceKind.PurchaseOrder, "POSEED0004", CancellationToken.None));
        Assert.False(await reference.ExistsAsync(ReferenceKind.GlAccount, "6071", CancellationToken.None));
        Assert.False(await reference.ExistsAsync(ReferenceKind.CostCentre, "MARKETING", CancellationToken.None));

        Assert.Equal("X3 folder SEED", connector.GetRequiredService<IReferenceData>().Scope);
        Assert.Equal("GL account 6071 does not exist in X3 folder SEED", reference.DescribeMissing(ReferenceKind.GlAccount, "6071"));
    }

    [Fact]
    public async Task Reference_data_is_cached_for_its_lifetime_then_refreshed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest, time: time, overrides: new Dictionary<string, string?> { ["ReferenceDataCacheLifetime"] = "00:02:00" });
        var reference = connector.GetRequiredService<IReferenceData>();

        Assert.False(await reference.ExistsAsync(ReferenceKind.GlAccount, "6071", CancellationToken.None));
        _simulator.SeedGlAccount("6071", "Freight in");
        var lookupsBefore = _simulator.Journal.Entries.Count;
        Assert.False(await reference.ExistsAsync(ReferenceKind.GlAccount, "6071", CancellationToken.None));
        Assert.Equal(lookupsBefore, _simulator.Journal.Entries.Count);

        time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(await reference.ExistsAsync(ReferenceKind.GlAccount, "6071", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_questions_about_one_code_are_answered_by_one_x3_request()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest);
        var reference = connector.GetRequiredService<IReferenceData>();
        _simulator.Faults.Latency = TimeSpan.FromMilliseconds(200);
        var lookupsBefore = _simulator.Journal.Entries.Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => reference.ExistsAsync(ReferenceKind.Supplier, "S0003", CancellationToken.None).AsTask()));

        Assert.All(answers, Assert.True);
        Assert.Single(_simulator.Journal.Entries.Skip(lookupsBefore), entry => entry.Path.Contains("BPSUPPLIER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_purchase_order_lookup_finds_an_order_with_its_lines_and_total()
    {
        await using var connector = X3Connector.Build(_simulator, SageX3Mode.Rest);
        var lookup = connector.GetRequiredService<IPurchaseOrderLookup>();

        var found = await lookup.FindAsync("POSEED0002", CancellationToken.None);
        var missing = await lookup.FindAsync("PONOPE", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Null(missing);
        Assert.Equal("S0003", found.SupplierCode);
        Assert.Equal(3, found.Lines.Count);
        Assert.Equal(found.Lines.Sum(l => l.Quantity * l.UnitPrice), found.TotalExcludingTax);
    }

    [Theory]
    [InlineData(SageX3Mode.Rest)]
    [InlineData(SageX3Mode.GraphQl)]
    public async Task The_shipment_stream_yields_deliveries_changed_since_the_cursor(SageX3Mode mode)
    {
        await using var connector = X3Connector.Build(_simulator, mode);
        var stream = connector.GetRequiredKeyedService<ISourceStream>("x3-shipments");
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        _simulator.SeedDelivery("SDH0099", "100000099", new DateOnly(2026, 11, 23), "FEDEX", "7712345", confirmed: true, [("CHAIR-ERG", 2m)]);

        var records = new List<SourceRecord>();
        await foreach (var page in stream.ReadAsync(new StreamPosition(since, null), CancellationToken.None))
        {
            records.AddRange(page.Records);
        }

        var record = Assert.Single(records);
        Assert.Equal("SDH0099", record.Key);
        Assert.NotNull(record.ModifiedAt);
        var shipment = CanonicalJson.FromElement<Shipment>(record.Payload);
        Assert.Equal("100000099", shipment.OrderReference);
        Assert.Equal("7712345", Assert.Single(shipment.Tracking).TrackingNumber);
        Assert.Equal(new ShippedLine(1000, "CHAIR-ERG", 2m, "UN"), Assert.Single(shipment.Lines));
    }

    [Fact]
    public void Invalid_settings_are_refused_at_start_up_naming_the_setting()
    {
        using var connector = X3Connector.Build(_simulator, SageX3Mode.GraphQl, overrides: new Dictionary<string, string?> { ["ServerUrl"] = "x3-server", ["ClientId"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => connector.GetRequiredService<IOptions<SageX3Options>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("SageX3__ServerUrl", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("SageX3__ClientId", StringComparison.Ordinal));
    }
}
