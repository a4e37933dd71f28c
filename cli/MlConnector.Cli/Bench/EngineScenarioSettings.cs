using MlConnector.Pipeline.Hosting;

namespace MlConnector.Cli.Bench;

/// <summary>What one engine run is: its size, how long each sink call takes, and the queue rules its workers follow.</summary>
/// <param name="Label">What the report calls this run, e.g. "instant sink".</param>
public sealed record EngineScenarioSettings(string Label, int Records, TimeSpan SinkCallDuration, QueueRules QueueRules);
