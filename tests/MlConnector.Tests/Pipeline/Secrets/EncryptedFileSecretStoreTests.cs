using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MlConnector.Pipeline.Secrets;
using MlConnector.Tests.TestDoubles;

namespace MlConnector.Tests.Pipeline.Secrets;

public sealed class EncryptedFileSecretStoreTests : IDisposable
{
    private const string Name = "x3-cloud-refresh-token";
    private const string Plaintext = "s3cr3t-refresh-token-ÄÖÜ";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_secret_reads_back_as_it_was_set()
    {
        var store = new EncryptedFileSecretStore(_folder.Path);

        await store.SetSecretAsync(Name, Plaintext, CancellationToken.None);
        await store.SetSecretAsync("procurify-client-secret", "other", CancellationToken.None);

        Assert.Equal(Plaintext, await store.GetSecretAsync(Name, CancellationToken.None));
        Assert.Equal("other", await store.GetSecretAsync("procurify-client-secret", CancellationToken.None));
    }

    [Fact]
    public async Task A_secret_that_was_never_set_reads_as_null()
    {
        var store = new EncryptedFileSecretStore(_folder.Path);
        await store.SetSecretAsync(Name, Plaintext, CancellationToken.None);

        Assert.Null(await store.GetSecretAsync("never-set", CancellationToken.None));
    }

    [Fact]
    public async Task Setting_a_secret_again_replaces_its_value()
    {
        var store = new EncryptedFileSecretStore(_folder.Path);

        await store.SetSecretAsync(Name, "first", CancellationToken.None);
        await store.SetSecretAsync(Name, "second", CancellationToken.None);

        Assert.Equal("second", await store.GetSecretAsync(Name, CancellationToken.None));
    }

    [Fact]
    public async Task No_file_on_disk_holds_the_plaintext()
    {
        var store = new EncryptedFileSecretStore(_folder.Path);

        await store.SetSecretAsync(Name, Plaintext, CancellationToken.None);

        var plainBytes = Encoding.UTF8.GetBytes(Plaintext);
        var plainBase64 = Encoding.ASCII.GetBytes(Convert.ToBase64String(plainBytes));
        var files = Directory.GetFiles(_folder.Path);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(plainBytes) < 0, $"{file} holds the plaintext");
            Assert.True(bytes.AsSpan().IndexOf(plainBase64) < 0, $"{file} holds the plaintext in base64");
        }
    }

    [Fact]
    public async Task A_new_store_on_the_same_folder_reads_the_secret()
    {
        await new EncryptedFileSecretStore(_folder.Path).SetSecretAsync(Name, Plaintext, CancellationToken.None);

        var restarted = new EncryptedFileSecretStore(_folder.Path);

        Assert.Equal(Plaintext, await restarted.GetSecretAsync(Name, CancellationToken.None));
    }

    [Fact]
    public async Task The_key_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows protects files with ACLs, not modes; the store runs on Linux and macOS hosts
        }

        await new EncryptedFileSecretStore(_folder.Path).SetSecretAsync(Name, Plaintext, CancellationToken.None);

        var keyFiles = Directory.GetFiles(_folder.Path)
            .Where(file => !file.EndsWith(".lock", StringComparison.Ordinal) && !File.ReadAllText(file).Contains(Name, StringComparison.Ordinal))
            .ToList();

        var keyFile = Assert.Single(keyFiles);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public async Task A_tampered_value_fails_with_a_clear_cryptographic_error()
    {
        var store = new EncryptedFileSecretStore(_folder.Path);
        await store.SetSecretAsync(Name, Plaintext, CancellationToken.None);
        EditStore(entries =>
        {
            var sealedValue = Convert.FromBase64String(entries[Name]);
            sealedValue[14] ^= 0x01; // a ciphertext byte, after the 12-byte nonce
            entries[Name] = Convert.ToBase64String(sealedValue);
        });

        var error = await Assert.ThrowsAsync<CryptographicException>(() => store.GetSecretAsync(Name, CancellationToken.None));

        Assert.Contains($"'{Name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be decrypted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_copied_under_another_name_does_not_open()
    {
        var store = new EncryptedFileSecretStore(_folder.Path);
        await store.SetSecretAsync(Name, Plaintext, CancellationToken.None);
        EditStore(entries => entries["procurify-client-secret"] = entries[Name]);

        var error = await Assert.ThrowsAsync<CryptographicException>(() => store.GetSecretAsync("procurify-client-secret", CancellationToken.None));

        Assert.Contains("'procurify-client-secret'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a_b")]
    [InlineData("")]
    [InlineData("x3 password")]
    [InlineData("x3/password")]
    public async Task An_invalid_name_is_rejected_before_anything_is_stored(string name)
    {
        var store = new EncryptedFileSecretStore(_folder.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SetSecretAsync(name, Plaintext, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetSecretAsync(name, CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }

    private void EditStore(Action<Dictionary<string, string>> edit)
    {
        var storeFile = Assert.Single(Directory.GetFiles(_folder.Path, "*.json"));
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(storeFile))!;
        edit(entries);
        File.WriteAllText(storeFile, JsonSerializer.Serialize(entries));
    }

    [Fact]
    public async Task The_store_its_key_and_its_folder_are_the_owners_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = System.IO.Path.Combine(_folder.Path, "secrets");
        var store = new EncryptedFileSecretStore(folder);

        await store.SetSecretAsync(Name, Plaintext, CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(System.IO.Path.Combine(folder, "secrets.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(System.IO.Path.Combine(folder, "secrets.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }

    [Fact]
    public async Task A_store_an_earlier_version_left_readable_by_others_is_narrowed_to_the_owner()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await new EncryptedFileSecretStore(_folder.Path).SetSecretAsync(Name, Plaintext, CancellationToken.None);
        var storePath = System.IO.Path.Combine(_folder.Path, "secrets.json");
        File.SetUnixFileMode(storePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var reopened = new EncryptedFileSecretStore(_folder.Path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(storePath));
        Assert.Equal(Plaintext, await reopened.GetSecretAsync(Name, CancellationToken.None));
    }

    [Fact]
    public async Task Several_stores_writing_one_folder_at_once_lose_no_secret()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new EncryptedFileSecretStore(_folder.Path)).ToList();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => stores[i % stores.Count].SetSecretAsync($"secret-{i}", $"value-{i}", CancellationToken.None))));

        var reader = new EncryptedFileSecretStore(_folder.Path);
        foreach (var i in Enumerable.Range(0, 40))
        {
            Assert.Equal($"value-{i}", await reader.GetSecretAsync($"secret-{i}", CancellationToken.None));
        }
    }
}
