using MlConnector.Runtime.Azurite;

namespace MlConnector.ReliabilityTests.Support;

/// <summary>The suite's figures, also written to .data/reliability/figures.txt, which scripts/test.sh prints at the end.</summary>
internal static class Figures
{
    private static readonly Lock Gate = new();

    public static void Record(params string[] lines)
    {
        var root = AzuriteProcess.FindRepositoryRoot();
        if (root is null)
        {
            return;
        }

        var folder = Path.Combine(root, ".data", "reliability");
        Directory.CreateDirectory(folder);
        lock (Gate)
        {
            File.AppendAllLines(Path.Combine(folder, "figures.txt"), lines);
        }
    }
}
