using System.Text.Json;
using MlConnector.Functions.ContractTests.Rpc;
using MlConnector.Functions.ContractTests.Support;
using NCrontab;

namespace MlConnector.Functions.ContractTests;

/// <summary>What the host learns from the worker at start: the functions, their triggers, and that each one loads.</summary>
[Collection(SandboxWorkerCollection.Name)]
public sealed class FunctionIndexTests(SandboxWorkerFixture worker)
{
    [Fact]
    public void The_worker_indexes_exactly_the_expected_functions()
    {
        var indexed = worker.Host.Functions.Keys.ToHashSet(StringComparer.Ordinal);
        var expected = ExpectedFunctions.All.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        Assert.True(indexed.SetEquals(expected),
            $"Indexed but not expected (add a row to ExpectedFunctions): {string.Join(", ", indexed.Except(expected))}; " +
            $"expected but not indexed: {string.Join(", ", expected.Except(indexed))}");
    }

    [Fact]
    public void Each_function_has_the_expected_trigger_route_method_auth_level_queue_or_schedule()
    {
        Assert.All(ExpectedFunctions.All, expected =>
        {
            var function = worker.Host.Function(expected.Name);
            var target = expected.Trigger switch
            {
                "timerTrigger" => function.Property("schedule"),
                "queueTrigger" => function.Property("queueName"),
                _ => function.Property("route"),
            };
            var actual = new ExpectedFunction(function.Name, function.TriggerType, target!, function.Methods.Count == 0 ? null : string.Join(",", function.Methods), function.Property("authLevel"));

            Assert.Equal(expected, actual);
        });
    }

    [Fact]
    public void Every_function_loads()
    {
        Assert.Equal(worker.Host.Functions.Count, worker.Host.LoadResponses.Count);
        Assert.All(worker.Host.LoadResponses, load => Assert.True(
            load.Value.Result.Status == StatusResult.Types.Status.Success,
            $"{load.Key} did not load: {load.Value.Result.Exception?.Message}"));
    }

    [Theory]
    [InlineData("local.settings.sample.json")]
    [InlineData("infra/app/api.bicep")]
    public void Every_timer_schedule_is_a_setting_that_resolves_to_a_six_field_ncrontab_expression(string source)
    {
        var settings = source == "infra/app/api.bicep" ? AppSettingSets.Bicep().Values : AppSettingSets.LocalSample();
        var timers = worker.Host.Functions.Values.Where(f => f.TriggerType == "timerTrigger").ToList();

        Assert.NotEmpty(timers);
        Assert.All(timers, timer =>
        {
            var schedule = timer.Property("schedule")!;
            Assert.Matches("^%[A-Za-z0-9_]+%$", schedule);
            var setting = schedule.Trim('%');
            Assert.True(settings.TryGetValue(setting, out var expression) && expression.Length > 0, $"{timer.Name}: {source} has no value for {setting}");
            var parsed = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
            Assert.True(parsed is not null, $"{timer.Name}: {setting} = '{expression}' in {source} is not a six-field NCRONTAB expression");
        });
    }

    [Fact]
    public void The_worker_indexes_what_the_build_wrote_to_functions_metadata()
    {
        // The host uses functions.metadata when worker indexing is off; both come from the same attributes and must agree.
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(worker.Host.AppDirectory, "functions.metadata")));
        var written = file.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, StringComparer.Ordinal);

        Assert.Equal(written.Keys.Order(), worker.Host.Functions.Keys.Order());
        Assert.All(worker.Host.Functions.Values, function =>
        {
            var declared = written[function.Name];
            Assert.Equal(declared.GetProperty("entryPoint").GetString(), function.Metadata.EntryPoint);
            Assert.Equal(declared.GetProperty("scriptFile").GetString(), function.Metadata.ScriptFile);
            var trigger = declared.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(trigger.GetProperty("type").GetString(), function.TriggerType);
            Assert.Equal(trigger.GetProperty("name").GetString(), function.TriggerParameter);
        });
    }

    [Fact]
    public void The_worker_serves_http_triggers_on_a_loopback_endpoint_for_the_host_to_proxy()
    {
        var httpUri = new Uri(worker.Host.Capabilities["HttpUri"]);

        Assert.True(httpUri.IsLoopback, httpUri.ToString());
        Assert.Equal(bool.TrueString, worker.Host.Capabilities["WorkerStatus"]);
    }

    [Fact]
    public void The_worker_tells_the_host_it_exports_its_own_telemetry_through_opentelemetry()
    {
        // Set by UseFunctionsWorkerDefaults (Microsoft.Azure.Functions.Worker.OpenTelemetry): the host then stops
        // emitting the worker's telemetry itself, so nothing reaches Application Insights twice.
        Assert.Equal(bool.TrueString, worker.Host.Capabilities.GetValueOrDefault("WorkerOpenTelemetryEnabled"));
    }
}
