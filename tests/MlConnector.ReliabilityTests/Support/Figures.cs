using MlConnector.Runtime.Azurite;

namespace MlConnector.ReliabilityTests.Support;

/// <summary>The suite's figures, also written to .data/reliability/figures.txt, which scripts/test.sh prints at the end.</summary>
internal static class Figures
{
    private static readonly Lock Gate = new();

    public static void Record(params string[] lines)
    {
        if (Folder() is { } folder)
        {
            lock (Gate)
            {
                File.AppendAllLines(Path.Combine(folder, "figures.txt"), lines);
            }
        }
    }

    /// <summary>Replaces a detail file beside the figures (e.g. how each corpus case ended).</summary>
    public static void Write(string fileName, IEnumerable<string> lines)
    {
        if (Folder() is { } folder)
        {
            File.WriteAllLines(Path.Combine(folder, fileName), lines);
        }
    }

    private static string? Folder()
    {
        var root = AzuriteProcess.FindRepositoryRoot();
        if (root is null)
        {
            return null;
        }

        var folder = Path.Combine(root, ".data", "reliability");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
