using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MlConnector.ReliabilityTests.Support;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// local.settings.json values an operator could get wrong, given to `mlc run` (the built executable): the corpus's
/// working settings with the case's <c>set</c> applied (name -> value, null removes; names as in the file, with "__").
/// A bad value must stop the runtime at start with an error naming the setting (<c>refused</c>); the controls stay up
/// (<c>started</c>). Each run gets a storage name prefix of its own, so a runtime that does start touches no corpus queue.
/// </summary>
internal static class SettingsCases
{
    public const string Intake = "settings";

    public static async Task<CaseResult> RunAsync(ReliabilityWorld world, CorpusCase corpusCase)
    {
        var folder = CliCases.ScratchFolder(world, corpusCase);
        var values = world.Settings.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key.Replace(":", "__", StringComparison.Ordinal), pair => pair.Value);
        values["Pipeline__NamePrefix"] = "s" + Guid.NewGuid().ToString("N")[..8];
        foreach (var change in corpusCase.Input.GetProperty("set").EnumerateObject())
        {
            values[change.Name] = change.Value.ValueKind == JsonValueKind.Null ? null : change.Value.GetString();
        }

        var file = Path.Combine(folder, "local.settings.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values.Where(pair => pair.Value is not null).ToDictionary() }));
        var outcome = await MlcCommand.RunAsync(["run", "--settings", file, "--url", $"http://127.0.0.1:{FreePort()}"], folder, TimeSpan.FromSeconds(120), startedMarker: "listening on", stillRunningAfter: TimeSpan.FromSeconds(8));
        return CliCases.Judge(corpusCase, outcome);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
