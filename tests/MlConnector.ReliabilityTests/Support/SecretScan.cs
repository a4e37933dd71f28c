using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MlConnector.Runtime.Admin;

namespace MlConnector.ReliabilityTests.Support;

/// <summary>
/// Looks through every runtime's log for every configured secret value, the admin token, the storage account key,
/// every credential the simulators were shown (bearer tokens, Basic credentials) and any Authorization header written
/// out whole, whatever its value. A hit names the secret and the file, never the value.
/// </summary>
internal sealed partial record SecretScan(int Secrets, int Tokens, long BytesScanned, int Files, IReadOnlyList<string> Hits)
{
    /// <summary>Shorter values match ordinary words by chance; every credential here is longer.</summary>
    private const int ShortestScanned = 8;

    public string Headline() => string.Create(CultureInfo.InvariantCulture,
        $"secret scan: {Hits.Count} hits for {Secrets} secrets and {Tokens} tokens in {BytesScanned / 1024.0 / 1024.0:F1} MB of logs from {Files} runtime runs");

    public static async Task<SecretScan> RunAsync(ReliabilityWorld world)
    {
        var secrets = await StoredSecretsAsync(world);
        if (world.Settings.TryGetValue("AzureWebJobsStorage", out var storage) && storage?.Split(';').FirstOrDefault(part => part.StartsWith("AccountKey=", StringComparison.Ordinal)) is { } key)
        {
            secrets["storage account key"] = key["AccountKey=".Length..];
        }

        var tokens = PresentedCredentials(world);
        var wanted = secrets.Select(pair => (Name: pair.Key, pair.Value))
            .Concat(tokens.Select((token, index) => (Name: $"credential presented to a simulator #{index + 1}", Value: token)))
            .Where(item => item.Value.Length >= ShortestScanned)
            .ToList();
        var hits = new List<string>();
        long bytes = 0;
        var files = Directory.GetFiles(world.LogFolder);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            bytes += Encoding.UTF8.GetByteCount(text);
            hits.AddRange(wanted.Where(item => text.Contains(item.Value, StringComparison.Ordinal)).Select(item => $"{item.Name} in {Path.GetFileName(file)}"));
            hits.AddRange(AuthorizationHeader().Matches(text).Select(match => $"an Authorization header with its {match.Groups["scheme"].Value} credential in {Path.GetFileName(file)}"));
        }

        return new SecretScan(secrets.Count, tokens.Count, bytes, files.Length, hits);
    }

    /// <summary>Runs the scan over a test's logs, records its figure and fails the test on any hit.</summary>
    public static async Task AssertCleanAsync(ReliabilityWorld world, string test)
    {
        var scan = await RunAsync(world);
        Figures.Record($"{scan.Headline()} ({test})");
        Assert.True(scan.Hits.Count == 0, $"secrets in the logs: {string.Join("; ", scan.Hits)}");
    }

    /// <summary>"Authorization: Bearer eyJ…", "authorization=Basic dXNl…" and the like; "REDACTED" and "[hidden]" do not match.</summary>
    [GeneratedRegex(@"authorization[""']?\s*[:=]\s*[""']?(?<scheme>bearer|basic|oauth|sharedkey)\s+(?!REDACTED)[A-Za-z0-9+/=._~:-]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    /// <summary>Every secret the runtimes could read: all names in the encrypted store, opened with its key.</summary>
    private static async Task<Dictionary<string, string>> StoredSecretsAsync(ReliabilityWorld world)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var storeFile = Path.Combine(world.SecretsFolder, "secrets.json");
        var names = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(storeFile))!.Keys;
        foreach (var name in names.Append(AdminAccess.SecretName).Distinct(StringComparer.Ordinal))
        {
            if (await world.Secrets.GetSecretAsync(name, CancellationToken.None) is { Length: > 0 } value)
            {
                values[name] = value;
            }
        }

        return values;
    }

    /// <summary>Bearer tokens and Basic credentials as the simulators received them.</summary>
    private static HashSet<string> PresentedCredentials(ReliabilityWorld world)
    {
        var sandbox = world.Sandbox;
        var journals = new[] { sandbox.X3.Journal, sandbox.Procurify.Journal, sandbox.Adobe.Journal, sandbox.Jaggaer.Journal, sandbox.Sps.Journal, sandbox.Stedi.Journal };
        var credentials = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in journals.SelectMany(journal => journal.Entries))
        {
            if (!entry.Headers.TryGetValue("authorization", out var authorization))
            {
                continue;
            }

            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                credentials.Add(authorization[7..].Trim());
            }
            else if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                credentials.Add(authorization[6..].Trim());
            }
        }

        return credentials;
    }
}
