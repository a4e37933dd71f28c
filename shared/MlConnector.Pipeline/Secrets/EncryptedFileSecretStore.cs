using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MlConnector.Core.Secrets;

namespace MlConnector.Pipeline.Secrets;

/// <summary>
/// The local runtime's secret store: one JSON file of AES-256-GCM encrypted values, with the key in a separate
/// file readable by the owner only. Keeps credentials encrypted at rest for on-premise installs and demos.
/// </summary>
public sealed class EncryptedFileSecretStore : ISecretStore
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly string _storePath;
    private readonly string _keyPath;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public EncryptedFileSecretStore(string directory)
    {
        Directory.CreateDirectory(directory);
        _storePath = Path.Combine(directory, "secrets.json");
        _keyPath = Path.Combine(directory, "secrets.key");
    }

    public async Task<string?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entries = await ReadAsync(cancellationToken);
            return entries.TryGetValue(name, out var sealedValue) ? Open(sealedValue, name) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entries = await ReadAsync(cancellationToken);
            entries[name] = Seal(value, name);
            var temporary = _storePath + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(entries), cancellationToken);
            File.Move(temporary, _storePath, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Dictionary<string, string>> ReadAsync(CancellationToken cancellationToken) =>
        File.Exists(_storePath)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(_storePath, cancellationToken)) ?? []
            : [];

    /// <summary>The secret's name is the associated data: a value copied under another name will not open.</summary>
    private string Seal(string value, string name)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var output = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(), TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes, plain.Length), output.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(name));
        return Convert.ToBase64String(output);
    }

    private string Open(string sealedValue, string name)
    {
        var input = Convert.FromBase64String(sealedValue);
        var plain = new byte[input.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(Key(), TagBytes);
        try
        {
            aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes, plain.Length), input.AsSpan(NonceBytes + plain.Length), plain, Encoding.UTF8.GetBytes(name));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException($"Secret '{name}' cannot be decrypted with the key in {_keyPath}: the store or the key was changed.", ex);
        }

        return Encoding.UTF8.GetString(plain);
    }

    private byte[] Key()
    {
        if (File.Exists(_keyPath))
        {
            return Convert.FromBase64String(File.ReadAllText(_keyPath));
        }

        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(_keyPath, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
