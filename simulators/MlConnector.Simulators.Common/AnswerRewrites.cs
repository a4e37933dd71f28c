using System.Text.Json;
using System.Text.Json.Nodes;

namespace MlConnector.Simulators.Common;

/// <summary>
/// Test hook, off until a test adds a rewrite: after the real handler has answered, every JSON object in the answer that
/// a rewrite matches (a purchase-order row, an order item) is edited before it is sent. It lets a test serve values the
/// simulator's own model refuses to hold (a missing id, a price of "abc", a null vendor) through the real endpoints,
/// paging and filters. Each rewrite edits the row it matched; matches are found before any edit is made.
/// </summary>
public sealed class AnswerRewrites
{
    private readonly List<(Func<JsonObject, bool> Matches, Action<JsonObject> Edit)> _rewrites = [];

    public bool IsEmpty
    {
        get
        {
            lock (_rewrites)
            {
                return _rewrites.Count == 0;
            }
        }
    }

    /// <summary>Edits every object of every JSON answer that <paramref name="matches"/>, with <paramref name="edit"/>.</summary>
    public void Add(Func<JsonObject, bool> matches, Action<JsonObject> edit)
    {
        lock (_rewrites)
        {
            _rewrites.Add((matches, edit));
        }
    }

    public void Clear()
    {
        lock (_rewrites)
        {
            _rewrites.Clear();
        }
    }

    /// <summary>The answer with its matching rows edited; an answer that is not JSON, or that no rewrite matched, unchanged (null).</summary>
    internal string? Apply(string answer)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer);
        }
        catch (JsonException)
        {
            return null;
        }

        List<(Func<JsonObject, bool> Matches, Action<JsonObject> Edit)> rewrites;
        lock (_rewrites)
        {
            rewrites = [.. _rewrites];
        }

        var edits = Objects(root).SelectMany(row => rewrites.Where(rewrite => rewrite.Matches(row)).Select(rewrite => (Row: row, rewrite.Edit))).ToList();
        foreach (var (row, edit) in edits)
        {
            edit(row);
        }

        return edits.Count == 0 ? null : root!.ToJsonString();
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(property => property.Value).ToList())
                {
                    foreach (var nested in Objects(child))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    foreach (var nested in Objects(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
