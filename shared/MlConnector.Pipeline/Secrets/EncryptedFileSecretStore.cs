using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MlConnector.Core.Secrets;

namespace MlConnector.Pipeline.Secrets;

/// <summary>
/// The local runtime's secret store: one JSON file of AES-256-GCM encrypted values, with the key in a separate
/// file. Keeps credentials encrypted at rest for on-premise installs and demos. Both files are created readable by the
/// owner only (0600, the folder 0700) and tightened to that if found looser. Several runtimes may share the folder:
/// a change is a read-modify-write under a lock file, written to a file of its own and moved into place.
/// </summary>
public sealed class EncryptedFileSecretStore : ISecretStore
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);
    private readonly string _storePath;
    private readonly string _keyPath;
    private readonly string _lockPath;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public EncryptedFileSecretStore(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnly | UnixFileMode.UserExecute);
        }

        _storePath = Path.Combine(directory, "secrets.json");
        _keyPath = Path.Combine(directory, "secrets.key");
        _lockPath = Path.Combine(directory, "secrets.lock");
        Tighten(_storePath);
        Tighten(_keyPath);
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
            await using var processLock = await LockAsync(cancellationToken);
            var entries = await ReadAsync(cancellationToken);
            entries[name] = Seal(value, name);
            var temporary = $"{_storePath}.{Guid.NewGuid():N}.tmp";
            await using (var file = new FileStream(temporary, NewOwnerOnlyFile()))
            {
                await file.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entries)), cancellationToken);
            }

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
        try
        {
            // Created owner-only from its first byte; CreateNew, so two processes starting together agree on one key.
            using var file = new FileStream(_keyPath, NewOwnerOnlyFile());
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            return key;
        }
        catch (IOException) when (File.Exists(_keyPath))
        {
            return Convert.FromBase64String(File.ReadAllText(_keyPath));
        }
    }

    private static FileStreamOptions NewOwnerOnlyFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }

    /// <summary>Files written by an earlier version may be readable by others: narrow them to the owner.</summary>
    private static void Tighten(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>Holds the folder's lock file open exclusively: one writer at a time across processes.</summary>
    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = OwnerOnly;
                }

                return new FileStream(_lockPath, options);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 + Random.Shared.Next(30)), cancellationToken);
            }
        }
    }
}
