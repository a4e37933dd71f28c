using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlConnector.Connectors.SageX3;
using MlConnector.Connectors.SageX3.Auth;
using MlConnector.Core.Configuration;
using MlConnector.Core.Secrets;
using MlConnector.Flows;
using MlConnector.Pipeline.Records;
using MlConnector.ReliabilityTests.Support;
using MlConnector.Simulators.Procurify.Seeding;
using Xunit.Abstractions;

namespace MlConnector.ReliabilityTests;

/// <summary>
/// Four `mlc run` processes on one storage account, writing to X3 Cloud (whose refresh tokens rotate: each use revokes
/// the one used): every tick of the poll runs in exactly one of them, the others skip it quietly, nothing is written
/// twice, and no runtime loses the pairing to another's rotation.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class MultiRuntimeTests(ITestOutputHelper output)
{
    private const string Flow = "procurify-x3";

    [Fact]
    public async Task Four_runtimes_poll_each_tick_once_write_each_order_once_and_share_the_rotating_x3_pairing()
    {
        await using var world = await ReliabilityWorld.StartAsync(
            new Dictionary<string, string> { [AppSettingNames.ProcurifyX3Schedule] = "*/2 * * * * *" },
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["LocalRuntime:MessageLeaseSeconds"] = "30",
            },
            sandbox => new Dictionary<string, string?>
            {
                ["SageX3:Mode"] = "Cloud",
                ["SageX3:ClientId"] = sandbox.X3.Options.CloudClientId,
                ["SageX3:CloudGatewayUrl"] = sandbox.X3.CloudGatewayAddress.ToString(),
            });
        await PairX3CloudAsync(world);
        var scenario = await world.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 150, LinesPerOrder = 1, UnmappableShare = 0 }, world.Mappings, CancellationToken.None);

        var runtimes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.StartRuntimeAsync()));
        var written = await Quiet.WaitAsync(world, [Flow], TimeSpan.FromMinutes(8), async () => (await world.CountAsync(Flow))[RecordStatus.Written] == 150);
        await Task.Delay(TimeSpan.FromSeconds(6)); // a few more ticks with nothing new to read
        foreach (var runtime in runtimes)
        {
            await runtime.SignalAsync("TERM");
            Assert.True(await runtime.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal(0, runtime.ExitCode);
        }

        var logs = Directory.GetFiles(world.LogFolder).ToDictionary(file => Path.GetFileName(file), File.ReadAllText);
        var ticks = logs.Values.SelectMany(log => TickLine().Matches(log)).Select(match => match.Groups["tick"].Value).ToList();
        var runtimesPolling = logs.Count(pair => TickLine().IsMatch(pair.Value));
        output.WriteLine($"{ticks.Count} ticks polled, by {runtimesPolling} of {runtimes.Length} runtimes; {world.Sandbox.X3.CloudTokensIssued} X3 Cloud access tokens issued");
        Figures.Record($"4 runtimes on one storage account: {ticks.Count} poll ticks each run once ({ticks.Count - ticks.Distinct().Count()} run twice), 150 of 150 orders written once, {world.Sandbox.X3.CloudTokensIssued} rotating X3 Cloud refreshes, 0 re-pairings");

        Assert.True(written, "the 150 orders were not all written");
        Assert.NotEmpty(ticks);
        Assert.Equal(ticks.Count, ticks.Distinct(StringComparer.Ordinal).Count());
        var references = world.Sandbox.X3.PurchaseOrders().Select(order => order["YEXTREF"]?.ToString()).Where(reference => !string.IsNullOrEmpty(reference)).ToList();
        Assert.Equal(scenario.MappablePurchaseOrders.Order(StringComparer.Ordinal), references.Order(StringComparer.Ordinal));
        foreach (var (file, log) in logs)
        {
            Assert.DoesNotContain("paired again", log, StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", log, StringComparison.Ordinal);
            Assert.False(WarningAboutOthers().IsMatch(log), $"{file} warns about another runtime's work");
        }

        await SecretScan.AssertCleanAsync(world, "4 runtimes");
    }

    /// <summary>Pairs the app with the simulated X3 Cloud as an administrator would (mlc x3 pair), into the shared secret store.</summary>
    private static async Task PairX3CloudAsync(ReliabilityWorld world)
    {
        var settings = new Dictionary<string, string?>(world.Settings);
        await world.Secrets.SetSecretAsync(SageX3SecretNames.CloudClientSecret, world.Sandbox.X3.Options.CloudClientSecret, CancellationToken.None);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(world.Secrets)
            .AddMlConnector(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        await services.GetRequiredService<SageX3CloudPairing>().CompleteAsync(world.Sandbox.X3.ApprovePairing(), CancellationToken.None);
    }

    [GeneratedRegex(@"Poll of procurify-x3 for the (?<tick>\S+) tick ran here")]
    private static partial Regex TickLine();

    [GeneratedRegex(@"(warn|fail): [^\n]*\n[^\n]*(another run|moved by another|CursorConflict)", RegexOptions.IgnoreCase)]
    private static partial Regex WarningAboutOthers();
}
