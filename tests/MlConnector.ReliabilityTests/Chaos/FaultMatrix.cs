using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using MlConnector.Core.Configuration;
using MlConnector.ReliabilityTests.Support;
using MlConnector.Simulators.AdobeCommerce;
using MlConnector.Simulators.Procurify.Seeding;
using AdobeLine = MlConnector.Simulators.AdobeCommerce.SimulatedOrderLine;
using X3Line = MlConnector.Simulators.SageX3.SimulatedOrderLine;

namespace MlConnector.ReliabilityTests.Chaos;

/// <summary>
/// Records through `mlc run` processes while everything that can go wrong does: X3 answers 429 with Retry-After and
/// bursts of 5xx, applies writes whose answers time out or whose connections drop, Procurify revokes its tokens mid-sync,
/// Azurite restarts, runtimes are killed with SIGKILL mid-write and between stages, and Adobe Commerce delivers every
/// order twice, out of order, and replays old versions. Seven in ten records are Procurify purchase orders (polled), three
/// Adobe Commerce orders in two versions each (webhooks). Once the system is quiet, the ledger says what was lost,
/// written twice or left stuck.
/// </summary>
internal sealed class FaultMatrix(ReliabilityWorld world, FaultMatrixOptions options, Action<string> report)
{
    public const string PolledFlow = "procurify-x3";
    public const string WebhookFlow = "adobe-commerce-x3";

    private const string Supplier = "SUPADB";
    private const string Product = "ITM-ADB-1";
    private const string FirstName = "Widget v1";
    private const string LatestName = "Widget v2";

    private readonly FaultCounts _faults = new();
    private readonly Stopwatch _clock = new();

    /// <summary>Settings for runtimes that must recover within a test's minutes: short leases and recovery windows.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["LocalRuntime:MessageLeaseSeconds"] = "30",
        ["LocalRuntime:StopGraceSeconds"] = "10",
        ["Pipeline:StalledIntakeSeconds"] = "60",
        ["Pipeline:InboxLeftoverSeconds"] = "15",
        ["Pipeline:WriteClaimSeconds"] = "60",
        ["Pipeline:IntakeMaxBacklog"] = "400",
        ["Maintenance_Schedule"] = "*/5 * * * * *",
        ["Logging:LogLevel:Default"] = "Information",
    };

    public static Dictionary<string, string> Schedules() => new() { [AppSettingNames.ProcurifyX3Schedule] = "*/3 * * * * *" };

    public async Task<FaultMatrixFigures> RunAsync()
    {
        _clock.Start();
        var scenario = await world.Sandbox.SeedProcurifyAsync(
            new SeedRequest { PurchaseOrders = options.PolledRecords, LinesPerOrder = 1, UnmappableShare = 0 }, world.Mappings, CancellationToken.None);
        var orders = SeedAdobeOrders();
        report($"seeded {options.PolledRecords} Procurify purchase orders and {orders.Count} Adobe Commerce orders in {_clock.Elapsed.TotalSeconds:F0} s");

        for (var i = 0; i < options.Runtimes; i++)
        {
            await world.StartRuntimeAsync();
        }

        using var chaos = new CancellationTokenSource();
        var monkey = Task.Run(() => MonkeyAsync(chaos.Token));
        var deliveries = await DeliverAsync(orders);
        await Task.WhenAny(monkey, Task.Delay(Remaining(options.ChaosWindow)));
        await chaos.CancelAsync();
        await monkey;
        report($"chaos over at {_clock.Elapsed.TotalSeconds:F0} s; waiting for the system to go quiet");

        ClearFaults();
        if (world.Alive().Count == 0)
        {
            await world.StartRuntimeAsync();
        }

        var quiet = await Quiet.WaitAsync(world, [PolledFlow, WebhookFlow], Remaining(options.Deadline), async () =>
            (await world.CountAsync(PolledFlow)).Values.Sum() >= options.PolledRecords && (await world.CountAsync(WebhookFlow)).Values.Sum() >= orders.Count);
        var ledger = await Ledger.ComputeAsync(world, scenario.MappablePurchaseOrders, orders.Select(order => order.IncrementId).ToList(), LatestName);
        return new FaultMatrixFigures(options, ledger, _faults, deliveries, quiet, _clock.Elapsed);
    }

    private TimeSpan Remaining(TimeSpan budget) => budget > _clock.Elapsed ? budget - _clock.Elapsed : TimeSpan.Zero;

    /// <summary>Each Adobe order pays an X3 purchase order of the same total (4 x 25 USD), so the invoice is within tolerance.</summary>
    private List<AdobeOrder> SeedAdobeOrders()
    {
        world.Sandbox.X3.SeedSupplier(Supplier, "Storefront supplier");
        world.Sandbox.X3.SeedProduct(Product, "Widget");
        world.Sandbox.X3.SeedGlAccount("60710", "Purchases of goods");
        var orders = new List<AdobeOrder>(options.WebhookRecords);
        for (var i = 1; i <= options.WebhookRecords; i++)
        {
            var poNumber = string.Create(CultureInfo.InvariantCulture, $"POADB{i:D6}");
            world.Sandbox.X3.SeedPurchaseOrder(Supplier, new DateOnly(2025, 3, 3), [new X3Line(1, Product, "Widget", 4, "UN", 25m, "60710")], number: poNumber);
            var incrementId = string.Create(CultureInfo.InvariantCulture, $"ADB{i:D7}");
            var first = world.Sandbox.Adobe.SeedOrder(new SimulatedOrder(incrementId, poNumber, [new AdobeLine(Product, FirstName, 4, 25m, TaxPercent: 10)]));
            var latest = first.DeepClone().AsObject();
            latest["updated_at"] = "2025-03-03 09:16:00";
            latest["items"]![0]!["name"] = LatestName;
            orders.Add(new AdobeOrder(incrementId, first, latest));
        }

        return orders;
    }

    /// <summary>
    /// Every order is delivered four times, as Commerce retries and replays do: mostly v1, v1 again, v2, then the captured
    /// v1 once more; one order in three gets v2 first. Each delivery is retried, at any live runtime, until it is acknowledged.
    /// </summary>
    private async Task<DeliveryCounts> DeliverAsync(IReadOnlyList<AdobeOrder> orders)
    {
        var random = new Random(17);
        var plan = orders.SelectMany((order, index) => (index % 3 == 0
                ? new[] { order.Latest, order.First, order.First, order.Latest }
                : [order.First, order.First, order.Latest, order.First])
            .Select((body, step) => (Order: index, Step: step, Body: body)))
            .OrderBy(delivery => delivery.Step * orders.Count + random.Next(orders.Count))
            .ToList();
        var counts = new DeliveryCounts();
        _faults.Add("Adobe deliveries repeated, reordered or replayed (older version after newer)", plan.Count - orders.Count);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (delivery, ct) =>
        {
            var prepared = world.Sandbox.Adobe.Webhooks.Prepare(delivery.Body, WebhookSigningScheme.CommerceRsa);
            while (true)
            {
                var alive = world.Alive();
                if (alive.Count == 0)
                {
                    await Task.Delay(500, ct);
                    continue;
                }

                var target = alive[Random.Shared.Next(alive.Count)];
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.BaseAddress, "api/webhooks/adobe-commerce")) { Content = new ByteArrayContent(prepared.Body) };
                foreach (var (name, value) in prepared.Headers)
                {
                    // Once each: a header on both the request and its content reaches the listener as "value, value".
                    if (!request.Headers.TryAddWithoutValidation(name, value))
                    {
                        request.Content.Headers.TryAddWithoutValidation(name, value);
                    }
                }

                try
                {
                    using var response = await http.SendAsync(request, ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        counts.Acknowledged();
                        return;
                    }

                    counts.Refused((int)response.StatusCode);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    counts.Unanswered();
                }

                await Task.Delay(300, ct);
            }
        });
        return counts;
    }

    /// <summary>The faults, on a one-minute cycle repeated until the chaos window closes.</summary>
    private async Task MonkeyAsync(CancellationToken stop)
    {
        var x3 = world.Sandbox.X3.Faults;
        var cycle = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var start = _clock.Elapsed;
                await WaitUntil(start + TimeSpan.FromSeconds(3), stop);
                x3.FailNext(429, times: 16, pathContains: "/PORDER", method: "POST", retryAfter: TimeSpan.FromSeconds(2));
                x3.FailNext(503, times: 4, pathContains: "/PINVOICE", method: "POST");
                _faults.Add("X3 429 with Retry-After", 16);
                _faults.Add("X3 5xx", 4);

                await WaitUntil(start + TimeSpan.FromSeconds(8), stop);
                x3.FailNext(500, times: 10, pathContains: "/PORDER", method: "POST");
                x3.FailNext(503, times: 10, pathContains: "/PINVOICE", method: "POST");
                world.Sandbox.Procurify.ExpireAllTokens();
                _faults.Add("X3 5xx", 20);
                _faults.Add("Procurify 401 mid-sync (tokens revoked)", 1);

                await WaitUntil(start + TimeSpan.FromSeconds(12), stop);
                x3.DelayAnswerAfterApply(TimeSpan.FromSeconds(35), pathContains: "/PORDER", method: "POST", times: 2);
                x3.DelayAnswerAfterApply(TimeSpan.FromSeconds(35), pathContains: "/PINVOICE", method: "POST", times: 1);
                _faults.Add("X3 timeout after the write was applied", 3);

                await WaitUntil(start + TimeSpan.FromSeconds(15), stop);
                x3.DropConnectionAfterNext(pathContains: "/PORDER", method: "POST", times: 8);
                x3.DropConnectionAfterNext(pathContains: "/PINVOICE", method: "POST", times: 4);
                _faults.Add("X3 connection dropped after the write was applied", 12);

                await WaitUntil(start + TimeSpan.FromSeconds(18), stop);
                await KillOneAsync(stop);

                await WaitUntil(start + TimeSpan.FromSeconds(24), stop);
                if (cycle % 2 == 0)
                {
                    var down = Stopwatch.StartNew();
                    await world.Azurite.RestartAsync(TimeSpan.FromSeconds(2), stop);
                    _faults.Add("Azurite restarted", 1);
                    report($"Azurite restarted: storage unreachable for {down.Elapsed.TotalSeconds:F1} s");
                }

                await WaitUntil(start + TimeSpan.FromSeconds(30), stop);
                world.Sandbox.Procurify.ExpireAllTokens();
                _faults.Add("Procurify 401 mid-sync (tokens revoked)", 1);

                await WaitUntil(start + TimeSpan.FromSeconds(36), stop);
                await KillOneAsync(stop);

                await WaitUntil(start + TimeSpan.FromSeconds(60), stop);
                cycle++;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The chaos window closed.
        }
    }

    /// <summary>kill -9 one runtime (mid-write when X3 is busy at that moment) and start a replacement a few seconds later.</summary>
    private async Task KillOneAsync(CancellationToken stop)
    {
        var alive = world.Alive();
        if (alive.Count == 0)
        {
            return;
        }

        var before = world.Sandbox.X3.Journal.Entries.Count;
        await Task.Delay(200, stop);
        var writing = world.Sandbox.X3.Journal.Entries.Count > before;
        alive[Random.Shared.Next(alive.Count)].KillHard();
        _faults.Add(writing ? "runtime killed with SIGKILL mid-write" : "runtime killed with SIGKILL between stages", 1);
        await Task.Delay(TimeSpan.FromSeconds(3), stop);
        await world.StartRuntimeAsync(cancellationToken: stop);
    }

    private async Task WaitUntil(TimeSpan at, CancellationToken stop)
    {
        var wait = at - _clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, stop);
        }
    }

    private void ClearFaults()
    {
        world.Sandbox.X3.Faults.Clear();
        world.Sandbox.Procurify.Faults.Clear();
        world.Sandbox.Adobe.Faults.Clear();
    }

    private sealed record AdobeOrder(string IncrementId, JsonObject First, JsonObject Latest);
}
