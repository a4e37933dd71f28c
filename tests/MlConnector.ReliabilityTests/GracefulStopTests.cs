using System.Diagnostics;
using MlConnector.Core.Configuration;
using MlConnector.Pipeline.Records;
using MlConnector.ReliabilityTests.Support;
using MlConnector.Simulators.Procurify.Seeding;

namespace MlConnector.ReliabilityTests;

/// <summary>
/// `mlc run` stopped the way a service manager (SIGTERM) or an operator (Ctrl+C, SIGINT) stops it: it stops polling at
/// once, lets the writes in flight finish within the grace, exits 0, and leaves nothing behind for the next runtime to
/// redo or lose.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class GracefulStopTests
{
    private const string Flow = "procurify-x3";
    private static readonly Dictionary<string, string> PollEveryTwoSeconds = new() { [AppSettingNames.ProcurifyX3Schedule] = "*/2 * * * * *" };

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_stop_signal_finishes_the_writes_in_flight_writes_nothing_after_and_exits_zero(string signal)
    {
        await using var world = await ReliabilityWorld.StartAsync(PollEveryTwoSeconds, Overrides());
        await world.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 30, LinesPerOrder = 1, UnmappableShare = 0 }, world.Mappings, CancellationToken.None);
        world.Sandbox.X3.Faults.DelayAnswerAfterApply(TimeSpan.FromSeconds(2), pathContains: "/PORDER", method: "POST", times: 1000);
        var runtime = await world.StartRuntimeAsync();
        await WaitUntilAsync(() => world.Sandbox.X3.CreateCount("PORDER") >= 2, TimeSpan.FromMinutes(2));

        var signalled = Stopwatch.StartNew();
        var signalledAt = DateTimeOffset.UtcNow;
        await runtime.SignalAsync(signal);
        var exited = await runtime.WaitForExitAsync(TimeSpan.FromSeconds(45));
        var stopTook = signalled.Elapsed;
        var writtenAtExit = world.Sandbox.X3.CreateCount("PORDER");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.True(exited, $"mlc run was still running {stopTook.TotalSeconds:F0} s after SIG{signal}");
        Assert.Equal(0, runtime.ExitCode);
        Assert.Equal(writtenAtExit, world.Sandbox.X3.CreateCount("PORDER"));
        Assert.DoesNotContain(world.Sandbox.Procurify.Journal.Entries, entry => entry.Path.StartsWith("/api/", StringComparison.Ordinal) && entry.At > signalledAt.AddSeconds(2));
        var counts = await world.CountAsync(Flow);
        Assert.Equal(writtenAtExit, counts[RecordStatus.Written]); // every write X3 applied was recorded before the exit

        // The next runtime picks up exactly what was left.
        world.Sandbox.X3.Faults.Clear();
        await world.StartRuntimeAsync();
        Assert.True(await Quiet.WaitAsync(world, [Flow], TimeSpan.FromMinutes(3), async () => (await world.CountAsync(Flow))[RecordStatus.Written] == 30));
        AssertEachOrderOnce(world, 30);
        await SecretScan.AssertCleanAsync(world, "graceful stop, 30 orders");
    }

    [Fact]
    public async Task A_write_slower_than_the_grace_is_given_up_and_released_and_the_next_runtime_finds_it_written()
    {
        await using var world = await ReliabilityWorld.StartAsync(PollEveryTwoSeconds, Overrides());
        await world.Sandbox.SeedProcurifyAsync(new SeedRequest { PurchaseOrders = 3, LinesPerOrder = 1, UnmappableShare = 0 }, world.Mappings, CancellationToken.None);
        world.Sandbox.X3.Faults.DelayAnswerAfterApply(TimeSpan.FromSeconds(25), pathContains: "/PORDER", method: "POST", times: 3);
        var runtime = await world.StartRuntimeAsync(new Dictionary<string, string> { ["LocalRuntime__StopGraceSeconds"] = "3" });
        await WaitUntilAsync(() => world.Sandbox.X3.CreateCount("PORDER") >= 1, TimeSpan.FromMinutes(2));

        var signalled = Stopwatch.StartNew();
        await runtime.SignalAsync("TERM");
        var exited = await runtime.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exited, $"mlc run was still running {signalled.Elapsed.TotalSeconds:F0} s after SIGTERM with a 3 s grace");
        Assert.Equal(0, runtime.ExitCode);
        Assert.True(signalled.Elapsed < TimeSpan.FromSeconds(20));

        world.Sandbox.X3.Faults.Clear();
        await world.StartRuntimeAsync();
        Assert.True(await Quiet.WaitAsync(world, [Flow], TimeSpan.FromMinutes(3), async () => (await world.CountAsync(Flow))[RecordStatus.Written] == 3));
        AssertEachOrderOnce(world, 3);
        await SecretScan.AssertCleanAsync(world, "graceful stop, 3 orders");
    }

    /// <summary>Short leases and recovery windows, so that what a stopped runtime leaves behind is picked up within the test.</summary>
    private static Dictionary<string, string?> Overrides() => new()
    {
        ["LocalRuntime:MessageLeaseSeconds"] = "30",
        ["Pipeline:StalledIntakeSeconds"] = "60",
        ["Pipeline:InboxLeftoverSeconds"] = "10",
        ["Maintenance_Schedule"] = "*/5 * * * * *",
    };

    private static void AssertEachOrderOnce(ReliabilityWorld world, int expected)
    {
        var references = world.Sandbox.X3.PurchaseOrders().Select(order => order["YEXTREF"]?.ToString()).Where(reference => !string.IsNullOrEmpty(reference)).ToList();
        Assert.Equal(expected, references.Count);
        Assert.Equal(expected, references.Distinct(StringComparer.Ordinal).Count());
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < timeout, "the runtime did not start writing in time");
            await Task.Delay(100);
        }
    }
}
