using MlConnector.Simulators.SageX3.Auth;
using MlConnector.Simulators.SageX3.Model;

namespace MlConnector.Simulators.SageX3;

/// <summary>Everything the simulated server holds: its options, its folders and the cloud gateway's grants.</summary>
internal sealed class SimulatorState
{
    public SimulatorState(SageX3SimulatorOptions options)
    {
        Options = options;
        Folders = options.Folders.ToDictionary(f => f, f => new X3Folder(f, options.Time), StringComparer.Ordinal);
        Cloud = new CloudGrants(options);
        Representations = X3Catalog.Representations(options.WritableRepresentations);
        GraphQl = new GraphQl.X3GraphQlServer(options);
        if (options.SeedDemoData)
        {
            SeedData.Load(Folders[options.Folders[0]], options.Time.GetUtcNow());
        }
    }

    public SageX3SimulatorOptions Options { get; }

    public IReadOnlyDictionary<string, X3Folder> Folders { get; }

    public CloudGrants Cloud { get; }

    public IReadOnlyList<X3Representation> Representations { get; }

    public GraphQl.X3GraphQlServer GraphQl { get; }

    public X3Representation? FindRepresentation(string className, string name) =>
        Representations.FirstOrDefault(r => r.ClassName == className && string.Equals(r.Name, name, StringComparison.Ordinal));
}
