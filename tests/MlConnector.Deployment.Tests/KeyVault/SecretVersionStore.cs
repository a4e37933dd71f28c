namespace MlConnector.Deployment.Tests.KeyVault;

/// <summary>The fake vault's contents: every version of every secret, oldest first.</summary>
internal sealed class SecretVersionStore
{
    private readonly Dictionary<string, List<StoredSecretVersion>> secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    internal StoredSecretVersion Add(string name, string value, DateTimeOffset at)
    {
        lock (gate)
        {
            if (!secrets.TryGetValue(name, out List<StoredSecretVersion>? versions))
            {
                versions = [];
                secrets[name] = versions;
            }

            var version = new StoredSecretVersion(Guid.NewGuid().ToString("N"), value, at);
            versions.Add(version);
            return version;
        }
    }

    internal StoredSecretVersion? Latest(string name)
    {
        lock (gate)
        {
            return secrets.TryGetValue(name, out List<StoredSecretVersion>? versions) ? versions[^1] : null;
        }
    }

    internal StoredSecretVersion? Find(string name, string version)
    {
        lock (gate)
        {
            return secrets.TryGetValue(name, out List<StoredSecretVersion>? versions)
                ? versions.Find(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase))
                : null;
        }
    }

    internal IReadOnlyList<StoredSecretVersion> Versions(string name)
    {
        lock (gate)
        {
            return secrets.TryGetValue(name, out List<StoredSecretVersion>? versions) ? [.. versions] : [];
        }
    }
}

internal sealed record StoredSecretVersion(string Version, string Value, DateTimeOffset CreatedOn);
