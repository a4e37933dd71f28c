namespace MlConnector.ReliabilityTests.Support;

/// <summary>Tests that start whole runtimes run one at a time: each brings its own Azurite and several processes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Processes";
}
