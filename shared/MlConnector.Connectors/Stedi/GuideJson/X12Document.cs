namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// An outbound transaction by X12 identity (sections, loops, segments, element positions), before any Guide JSON key
/// is chosen: <see cref="GuideJsonWriter"/> names it with the guide of the transaction setting.
/// </summary>
public sealed class X12Document(string transactionSetId)
{
    public string TransactionSetId { get; } = transactionSetId;

    public List<X12Node> Heading { get; } = [];

    public List<X12Node> Detail { get; } = [];

    public List<X12Node> Summary { get; } = [];

    public IEnumerable<(string Name, List<X12Node> Nodes)> Sections => [("heading", Heading), ("detail", Detail), ("summary", Summary)];
}

/// <summary>A segment or a loop. An optional node is left out when the guide has no place for it; a required one is a problem.</summary>
public abstract class X12Node(string segmentId, string context, bool optional)
{
    /// <summary>The segment id, or for a loop the id of the segment it starts with (N1 for an N1 loop).</summary>
    public string SegmentId { get; } = segmentId;

    /// <summary>What the node stands for in a problem's wording, e.g. "line 1000".</summary>
    public string Context { get; } = context;

    public bool Optional { get; } = optional;
}

public sealed class X12Loop(string segmentId, string context = "", bool optional = false) : X12Node(segmentId, context, optional)
{
    public List<X12Node> Children { get; } = [];

    /// <summary>The segment the loop starts with: its qualifiers pick a guide's qualifier-specific loop.</summary>
    public X12Segment? First => Children.OfType<X12Segment>().FirstOrDefault(segment => segment.SegmentId == SegmentId);

    public X12Loop Add(X12Node child)
    {
        Children.Add(child);
        return this;
    }
}

public sealed class X12Segment(string segmentId, string context = "", bool optional = false) : X12Node(segmentId, context, optional)
{
    private readonly SortedDictionary<int, X12Element> _elements = [];

    public IEnumerable<(int Position, X12Element Element)> Elements => _elements.Select(pair => (pair.Key, pair.Value));

    /// <summary>A value the document needs: a guide without this element is a problem.</summary>
    public X12Segment Require(int position, object value, string meaning) => Put(position, value, meaning, optional: false);

    /// <summary>A value sent when the guide has the element (and a non-empty value), left out otherwise.</summary>
    public X12Segment Set(int position, object? value, string meaning) =>
        value is null || value is string { Length: 0 } ? this : Put(position, value, meaning, optional: true);

    public object? Value(int position) => _elements.TryGetValue(position, out var element) ? element.Value : null;

    private X12Segment Put(int position, object value, string meaning, bool optional)
    {
        _elements[position] = new X12Element(value, meaning, optional);
        return this;
    }
}

/// <summary>One element value: a string, or a decimal for amounts and quantities (Stedi's JSON carries real decimals).</summary>
public sealed record X12Element(object Value, string Meaning, bool Optional);
