using System.Text;

namespace MlConnector.Simulators.SpsCommerce.Files;

/// <summary>A stored file: bytes, the <c>sps-meta-*</c> headers it was uploaded with, and when it arrived.</summary>
public sealed record SpsFile(string Path, byte[] Content, IReadOnlyDictionary<string, string> Meta, DateTimeOffset StoredAt);

/// <summary>One entry of a directory listing: a file or a sub-directory (paths without a leading slash).</summary>
public sealed record SpsEntry(string Path, bool IsDirectory);

/// <summary>One transaction in the processing history (<c>GET /transactions/v5/history</c>).</summary>
public sealed record SpsHistoryEntry(string Id, string Path, string Direction, List<(string Status, DateTimeOffset At)> StatusLog);

/// <summary>
/// The account's virtual, case-sensitive file system: <c>out/</c> (SPS to the supplier) and <c>in/</c> (supplier to
/// SPS), plus <c>testin/</c> and <c>testout/</c>. Directories exist when configured or when a file lives under them.
/// </summary>
public sealed class SpsFileStore(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly SortedDictionary<string, SpsFile> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { "in/", "out/", "testin/", "testout/", "out/PO/" };
    private readonly List<SpsHistoryEntry> _history = [];

    public IReadOnlyList<SpsFile> Files(string prefix = "")
    {
        lock (_gate)
        {
            return _files.Values.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
    }

    public SpsFile? Find(string path)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(path);
        }
    }

    public IReadOnlyList<SpsHistoryEntry> History()
    {
        lock (_gate)
        {
            return _history.ToList();
        }
    }

    public void AddDirectory(string directory)
    {
        lock (_gate)
        {
            _directories.Add(directory.EndsWith('/') ? directory : directory + "/");
        }
    }

    /// <summary>Stores (or overwrites) a file, as SPS does for <c>out/</c> and as an upload does for <c>in/</c>.</summary>
    public SpsFile Put(string path, byte[] content, IReadOnlyDictionary<string, string>? meta = null)
    {
        lock (_gate)
        {
            var file = new SpsFile(path, content, meta ?? new Dictionary<string, string>(), time.GetUtcNow());
            _files[path] = file;
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                _directories.Add(path[..(slash + 1)]);
            }

            Log(path, path.StartsWith("out/", StringComparison.Ordinal) || path.StartsWith("testout/", StringComparison.Ordinal) ? "outbound" : "inbound", "uploaded");
            return file;
        }
    }

    public SpsFile Put(string path, string content) => Put(path, Encoding.UTF8.GetBytes(content));

    public SpsFile? Download(string path)
    {
        lock (_gate)
        {
            if (_files.GetValueOrDefault(path) is not { } file)
            {
                return null;
            }

            Log(path, null, "downloaded");
            return file;
        }
    }

    public bool Delete(string path)
    {
        lock (_gate)
        {
            if (!_files.Remove(path))
            {
                return false;
            }

            Log(path, null, "deleted");
            return true;
        }
    }

    public bool DirectoryExists(string directory)
    {
        lock (_gate)
        {
            return directory.Length == 0 || _directories.Contains(directory);
        }
    }

    /// <summary>Entries directly under <paramref name="directory"/> whose name starts with <paramref name="namePrefix"/>, in name order after <paramref name="after"/>.</summary>
    public List<SpsEntry> List(string directory, string? namePrefix, string? after, int limit)
    {
        lock (_gate)
        {
            var entries = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var path in _files.Keys.Concat(_directories))
            {
                if (!path.StartsWith(directory, StringComparison.Ordinal) || path.Length == directory.Length)
                {
                    continue;
                }

                var rest = path[directory.Length..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                entries.Add(slash < 0 ? path : path[..(directory.Length + slash + 1)]);
            }

            return entries
                .Where(e => namePrefix is null || e[directory.Length..].StartsWith(namePrefix, StringComparison.Ordinal))
                .Where(e => after is null || string.CompareOrdinal(e, after) > 0)
                .Take(limit)
                .Select(e => new SpsEntry(e, e.EndsWith('/')))
                .ToList();
        }
    }

    private void Log(string path, string? direction, string status)
    {
        var entry = _history.LastOrDefault(h => h.Path == path && !h.StatusLog.Any(s => s.Status == "deleted"));
        if (entry is null || status == "uploaded")
        {
            entry = new SpsHistoryEntry(Guid.NewGuid().ToString("N"), "/" + path, direction ?? "outbound", []);
            _history.Add(entry);
        }

        entry.StatusLog.Add((status, time.GetUtcNow()));
    }
}
