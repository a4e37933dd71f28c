namespace MlConnector.Connectors.Stedi.GuideJson;

/// <summary>
/// The names a plain X12 release gives the segments and elements our 850 and 810 use, as Stedi derives Guide JSON keys
/// from them (snake case of the X12 name, then the id or position). 004010 and 005010 differ where X12 renamed things:
/// N1 "Name" became "Party Identification", N3 "Address Information" "Party Location", REF "Reference Identification"
/// "Reference Information", AMT "Monetary Amount" "Monetary Amount Information", PO102 "Quantity Ordered" "Quantity".
/// Sources: Stedi's X12 reference (https://www.stedi.com/edi/x12-004010/segment/N1, …/x12-005010/segment/N1, and the
/// same pages for REF, N3, PO1, AMT); 005010 keys as Stedi translates them in Stedi-Demos/bootstrap-archived README.md
/// (855) and src/resources/X12/5010/850/Outbound850Schema.ts (850); 004010 keys as Stedi translations show them
/// (<c>name_N1_loop</c>, <c>quantity_ordered_02</c>, <c>reference_identification_REF</c>).
/// </summary>
public sealed class ReleaseGuide : IGuide
{
    public const string Release4010 = "004010";
    public const string Release5010 = "005010";

    // Segments Stedi writes as arrays because the standard lets them repeat in place (max use > 1).
    private static readonly HashSet<string> Repeating = new(StringComparer.Ordinal) { "REF", "DTM", "TXI", "N3", "PER", "TD5" };

    private readonly Dictionary<string, string> _segments;
    private readonly Dictionary<(string Segment, int Position), string> _elements;

    private ReleaseGuide(string release)
    {
        Release = release;
        var is5010 = release == Release5010;
        _segments = new(StringComparer.Ordinal)
        {
            ["ST"] = "transaction_set_header",
            ["BEG"] = "beginning_segment_for_purchase_order",
            ["BIG"] = "beginning_segment_for_invoice",
            ["CUR"] = "currency",
            ["REF"] = is5010 ? "reference_information" : "reference_identification",
            ["DTM"] = "date_time_reference",
            ["N1"] = is5010 ? "party_identification" : "name",
            ["N3"] = is5010 ? "party_location" : "address_information",
            ["N4"] = "geographic_location",
            ["PO1"] = "baseline_item_data",
            ["IT1"] = "baseline_item_data_invoice",
            ["PID"] = "product_item_description",
            ["CTT"] = "transaction_totals",
            ["AMT"] = is5010 ? "monetary_amount_information" : "monetary_amount",
            ["TDS"] = "total_monetary_value_summary",
            ["TXI"] = "tax_information",
        };
        _elements = [];
        Elements("ST", "transaction_set_identifier_code", "transaction_set_control_number");
        Elements("BEG", "transaction_set_purpose_code", "purchase_order_type_code", "purchase_order_number", "release_number", "date");
        Elements("BIG", "date", "invoice_number", "date", "purchase_order_number", "release_number", "change_order_sequence_number", "transaction_type_code");
        Elements("CUR", "entity_identifier_code", "currency_code");
        Elements("REF", "reference_identification_qualifier", "reference_identification", "description");
        Elements("DTM", "date_time_qualifier", "date", "time");
        Elements("N1", "entity_identifier_code", "name", "identification_code_qualifier", "identification_code");
        Elements("N3", "address_information", "address_information");
        Elements("N4", "city_name", "state_or_province_code", "postal_code", "country_code");
        Elements("PO1", "assigned_identification", is5010 ? "quantity" : "quantity_ordered", "unit_or_basis_for_measurement_code", "unit_price", "basis_of_unit_price_code");
        Elements("IT1", "assigned_identification", "quantity_invoiced", "unit_or_basis_for_measurement_code", "unit_price", "basis_of_unit_price_code");
        foreach (var segment in new[] { "PO1", "IT1" })
        {
            // PO106-PO125 and IT106-IT125: ten qualifier/id pairs.
            for (var position = 6; position <= 24; position += 2)
            {
                _elements[(segment, position)] = "product_service_id_qualifier";
                _elements[(segment, position + 1)] = "product_service_id";
            }
        }

        Elements("PID", "item_description_type", "product_process_characteristic_code", "agency_qualifier_code", "product_description_code", "description");
        Elements("CTT", "number_of_line_items", "hash_total");
        Elements("AMT", "amount_qualifier_code", "monetary_amount");
        Elements("TDS", "amount", "amount", "amount", "amount");
        Elements("TXI", "tax_type_code", "monetary_amount");
    }

    public static ReleaseGuide X4010 { get; } = new(Release4010);

    public static ReleaseGuide X5010 { get; } = new(Release5010);

    public static IReadOnlyList<string> Releases { get; } = [Release4010, Release5010];

    public string Release { get; }

    public string Description => $"plain X12 {Release}";

    /// <summary>The built-in names of <paramref name="release"/> (004010 or 005010; 004010VICS reads as 004010).</summary>
    public static ReleaseGuide For(string release) => release.StartsWith(Release5010, StringComparison.Ordinal) ? X5010
        : release.StartsWith(Release4010, StringComparison.Ordinal) ? X4010
        : throw new ArgumentException($"ml-connector has built-in Guide JSON names for X12 {Release4010} and {Release5010}, not '{release}': import the guide's JSON schema instead.", nameof(release));

    public GuidePlace? Section(string name) => new(name, false, name);

    public GuidePlace? Child(GuidePlace parent, X12Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!_segments.TryGetValue(node.SegmentId, out var name))
        {
            return null;
        }

        var key = $"{name}_{node.SegmentId}";
        return node is X12Loop ? new GuidePlace(key + "_loop", true, node.SegmentId) : new GuidePlace(key, Repeating.Contains(node.SegmentId), node.SegmentId);
    }

    public GuideElement? Element(GuidePlace segment, int position)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return _elements.TryGetValue(((string)segment.Handle, position), out var name) ? new GuideElement($"{name}_{position:00}") : null;
    }

    public IReadOnlyCollection<string> Required(GuidePlace place) => [];

    private void Elements(string segment, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            _elements[(segment, i + 1)] = names[i];
        }
    }
}
