using MlConnector.Pipeline.Hosting;

namespace MlConnector.Cli.Bench;

/// <summary>What one engine run is: its size, how long each sink call takes, the queue rules its workers follow, and its write cap.</summary>
/// <param name="Label">What the report calls this run, e.g. "instant sink".</param>
/// <param name="MaxConcurrentWrites">Pipeline__MaxConcurrentWrites: sink calls at once (0: bounded by the queue rules only).</param>
public sealed record EngineScenarioSettings(string Label, int Records, TimeSpan SinkCallDuration, QueueRules QueueRules, int MaxConcurrentWrites = 0);
