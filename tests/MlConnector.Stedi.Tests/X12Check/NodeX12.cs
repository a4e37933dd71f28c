using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MlConnector.Stedi.Tests.X12Check;

/// <summary>
/// Parses an interchange with node-x12 (npm, installed into .tools/node-x12 by scripts/install-node-x12.sh, which the
/// test script runs; run here on first use when missing): an X12 reader that is not ours, in strict mode, so a wrong
/// ISA width, SE01/GE01/IEA01 count or control number fails the test with node-x12's own message.
/// </summary>
internal static class NodeX12
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The interchange as node-x12 read it: isa, iea, groups[] with gs, ge and transactions[] with st, se, segments.</summary>
    public static async Task<JsonObject> ParseStrictAsync(string edi)
    {
        var modules = Path.Combine(Root.Value, ".tools", "node-x12", "node_modules");
        await EnsureInstalledAsync(modules);
        var start = new ProcessStartInfo("node", [Path.Combine(Root.Value, "tests", "MlConnector.Stedi.Tests", "X12Check", "x12-check.cjs")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NODE_PATH"] = modules;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        await process.StandardInput.WriteAsync(edi);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var result = JsonNode.Parse(output.Length > 0 ? output : "{}") as JsonObject ?? [];
        Assert.True(result["ok"]?.GetValue<bool>() == true, $"node-x12 refused the interchange: {result["error"]}{errors}\n{edi}");
        return result["interchange"]!.AsObject();
    }

    /// <summary>Every segment of every transaction as node-x12 read it, joined back with '*' for easy assertions.</summary>
    public static async Task<IReadOnlyList<string>> SegmentsAsync(string edi)
    {
        var interchange = await ParseStrictAsync(edi);
        return interchange["groups"]!.AsArray()
            .SelectMany(group => group!["transactions"]!.AsArray())
            .SelectMany(transaction => transaction!["segments"]!.AsArray())
            .Select(segment => string.Join('*', segment!.AsArray().Select(element => element!.ToString())))
            .ToList();
    }

    private static async Task EnsureInstalledAsync(string modules)
    {
        if (File.Exists(Path.Combine(modules, "node-x12", "index.js")))
        {
            return;
        }

        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(modules, "node-x12", "index.js")))
            {
                using var install = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root.Value, "scripts", "install-node-x12.sh")]))!;
                await install.WaitForExitAsync();
                Assert.True(install.ExitCode == 0, "scripts/install-node-x12.sh failed: node-x12 is needed to check the simulator's X12.");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MlConnector.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (MlConnector.sln) is not above the test assembly.");
    }
}
