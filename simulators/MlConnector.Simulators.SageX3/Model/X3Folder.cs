using System.Globalization;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.SageX3.Model;

/// <summary>
/// One X3 folder's data: records per class, stored by X3 field code with their lines under <c>$lines</c>.
/// Maintains the technical columns (CREDATTIM, UPDDATTIM), <c>$uuid</c> and <c>$etag</c> on every write.
/// </summary>
internal sealed class X3Folder(string name, TimeProvider time)
{
    public const string LinesKey = "$lines";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _creates = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>A deep copy of every record of a class, in key order.</summary>
    public IReadOnlyList<JsonObject> All(string className)
    {
        lock (_gate)
        {
            return Table(className).Values.Select(r => (JsonObject)r.DeepClone()).ToList();
        }
    }

    public JsonObject? Find(string className, string key)
    {
        lock (_gate)
        {
            return Table(className).TryGetValue(key, out var record) ? (JsonObject)record.DeepClone() : null;
        }
    }

    public int CreateCount(string className)
    {
        lock (_gate)
        {
            return _creates.GetValueOrDefault(className);
        }
    }

    /// <summary>Inserts a record, assigning its number when the class numbers its own records. Returns the stored copy.</summary>
    public JsonObject Insert(X3ClassDefinition cls, JsonObject fields, bool countAsCreate = true)
    {
        lock (_gate)
        {
            var table = Table(cls.Name);
            var key = fields[cls.KeyField]?.GetValue<string>();
            if (string.IsNullOrEmpty(key))
            {
                var next = _sequences.GetValueOrDefault(cls.Name) + 1;
                _sequences[cls.Name] = next;
                key = string.Create(CultureInfo.InvariantCulture, $"{cls.NumberPrefix}{Name}{next:D5}");
                fields[cls.KeyField] = key;
            }

            if (table.ContainsKey(key))
            {
                throw new X3ValidationException($"{cls.Name} {key}: record already exists");
            }

            var now = Stamp();
            fields["CREDATTIM"] ??= now;
            fields["UPDDATTIM"] ??= now;
            fields["$uuid"] = Guid.NewGuid().ToString();
            fields["$etag"] = 1;
            fields[LinesKey] ??= new JsonArray();
            IdentifyLines(fields[LinesKey]!.AsArray());
            table[key] = fields;
            if (countAsCreate)
            {
                _creates[cls.Name] = _creates.GetValueOrDefault(cls.Name) + 1;
            }

            return (JsonObject)fields.DeepClone();
        }
    }

    /// <summary>Merges the given header fields (and replaces the lines when given), as <c>$edit</c> does.</summary>
    public JsonObject? Update(X3ClassDefinition cls, string key, JsonObject changes, JsonArray? lines)
    {
        lock (_gate)
        {
            if (!Table(cls.Name).TryGetValue(key, out var record))
            {
                return null;
            }

            foreach (var (field, value) in changes)
            {
                record[field] = value?.DeepClone();
            }

            if (lines is not null)
            {
                var copy = lines.DeepClone().AsArray();
                IdentifyLines(copy);
                record[LinesKey] = copy;
            }

            record["UPDDATTIM"] = Stamp();
            record["$etag"] = record["$etag"]!.GetValue<int>() + 1;
            return (JsonObject)record.DeepClone();
        }
    }

    public bool Exists(string className, string key)
    {
        lock (_gate)
        {
            return Table(className).ContainsKey(key);
        }
    }

    /// <summary>Every line carries its own <c>$uuid</c>, which <c>$edit</c> (and GraphQL's line <c>_id</c>) address it by.</summary>
    private static void IdentifyLines(JsonArray lines)
    {
        foreach (var line in lines.OfType<JsonObject>())
        {
            line["$uuid"] ??= Guid.NewGuid().ToString();
        }
    }

    private string Stamp() => time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private SortedDictionary<string, JsonObject> Table(string className)
    {
        if (!_tables.TryGetValue(className, out var table))
        {
            table = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _tables[className] = table;
        }

        return table;
    }
}

/// <summary>A business rule X3 would refuse with an error diagnosis.</summary>
internal sealed class X3ValidationException(string message) : Exception(message);
