namespace MlConnector.Simulators.Stedi.X12;

/// <summary>
/// What a plain X12 release calls the segments and elements of the 850, 810, 855 and 856 (the names Stedi turns into
/// Guide JSON keys), and which numeric elements carry implied decimals (X12 type Nn). Source: Stedi's X12 reference,
/// https://www.stedi.com/edi/x12-004010/segment/{ID} and https://www.stedi.com/edi/x12-005010/segment/{ID}; 005010 keys
/// as in Stedi-Demos/bootstrap-archived README.md (855 translation). Columns: id | 004010 name | 005010 name (- when
/// unchanged) | elements (position=name, a 5010-only rename after '/'); '#Nn' marks an implied-decimal element.
/// </summary>
internal static class ReleaseDictionary
{
    private const string Table = """
        ST  | transaction_set_header | - | 01=transaction_set_identifier_code 02=transaction_set_control_number
        SE  | transaction_set_trailer | - | 01=number_of_included_segments 02=transaction_set_control_number
        BEG | beginning_segment_for_purchase_order | - | 01=transaction_set_purpose_code 02=purchase_order_type_code 03=purchase_order_number 04=release_number 05=date
        BIG | beginning_segment_for_invoice | - | 01=date 02=invoice_number 03=date 04=purchase_order_number 05=release_number 06=change_order_sequence_number 07=transaction_type_code
        BAK | beginning_segment_for_purchase_order_acknowledgment | - | 01=transaction_set_purpose_code 02=acknowledgment_type 03=purchase_order_number 04=date 09=date
        BSN | beginning_segment_for_ship_notice | - | 01=transaction_set_purpose_code 02=shipment_identification 03=date 04=time 05=hierarchical_structure_code
        CUR | currency | - | 01=entity_identifier_code 02=currency_code
        REF | reference_identification | reference_information | 01=reference_identification_qualifier 02=reference_identification 03=description
        PER | administrative_communications_contact | - | 01=contact_function_code 02=name
        DTM | date_time_reference | - | 01=date_time_qualifier 02=date 03=time
        N1  | name | party_identification | 01=entity_identifier_code 02=name 03=identification_code_qualifier 04=identification_code
        N3  | address_information | party_location | 01=address_information 02=address_information
        N4  | geographic_location | - | 01=city_name 02=state_or_province_code 03=postal_code 04=country_code
        PO1 | baseline_item_data | - | 01=assigned_identification 02=quantity_ordered/quantity 03=unit_or_basis_for_measurement_code 04=unit_price 05=basis_of_unit_price_code
        IT1 | baseline_item_data_invoice | - | 01=assigned_identification 02=quantity_invoiced 03=unit_or_basis_for_measurement_code 04=unit_price 05=basis_of_unit_price_code
        ACK | line_item_acknowledgment | - | 01=line_item_status_code 02=quantity 03=unit_or_basis_for_measurement_code 04=date_time_qualifier 05=date
        PID | product_item_description | - | 01=item_description_type 05=description
        CTT | transaction_totals | - | 01=number_of_line_items#N0 02=hash_total
        AMT | monetary_amount | monetary_amount_information | 01=amount_qualifier_code 02=monetary_amount
        TDS | total_monetary_value_summary | - | 01=amount#N2 02=amount#N2 03=amount#N2 04=amount#N2
        TXI | tax_information | - | 01=tax_type_code 02=monetary_amount
        SAC | service_promotion_allowance_or_charge_information | - | 01=allowance_or_charge_indicator 05=amount#N2
        HL  | hierarchical_level | - | 01=hierarchical_id_number 02=hierarchical_parent_id_number 03=hierarchical_level_code
        PRF | purchase_order_reference | - | 01=purchase_order_number
        TD1 | carrier_details_quantity_and_weight | - | 01=packaging_code 02=lading_quantity
        TD5 | carrier_details_routing_sequence_transit_time | - | 01=routing_sequence_code 02=identification_code_qualifier 03=identification_code
        MAN | marks_and_numbers | marks_and_numbers_information | 01=marks_and_numbers_qualifier 02=marks_and_numbers
        LIN | item_identification | - | 01=assigned_identification
        SN1 | item_detail_shipment | - | 01=assigned_identification 02=number_of_units_shipped 03=unit_or_basis_for_measurement_code
        """;

    private static readonly Dictionary<string, Entry> Entries = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
        .ToDictionary(columns => columns[0], columns => new Entry(columns[1], columns[2] == "-" ? columns[1] : columns[2], columns[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(element => element.Split('='))
            .ToDictionary(pair => int.Parse(pair[0], System.Globalization.CultureInfo.InvariantCulture), pair => pair[1])), StringComparer.Ordinal);

    public static bool Is5010(string release) => string.CompareOrdinal(release, "005010") >= 0;

    /// <summary>The segment's name in <paramref name="release"/>, or null when the dictionary does not know the segment.</summary>
    public static string? SegmentName(string id, string release) =>
        Entries.TryGetValue(id, out var entry) ? (Is5010(release) ? entry.Name5010 : entry.Name4010) : null;

    /// <summary>The element's name in <paramref name="release"/>, or null when unknown (then any name is accepted).</summary>
    public static string? ElementName(string id, int position, string release)
    {
        if (!Entries.TryGetValue(id, out var entry))
        {
            return null;
        }

        if (entry.Elements.TryGetValue(position, out var spec))
        {
            var name = spec.Split('#')[0];
            return name.Contains('/', StringComparison.Ordinal) ? name.Split('/')[Is5010(release) ? 1 : 0] : name;
        }

        // PO1/IT1/LIN carry qualifier/id pairs after their fixed elements.
        return id switch
        {
            "PO1" or "IT1" when position >= 6 => position % 2 == 0 ? "product_service_id_qualifier" : "product_service_id",
            "LIN" when position >= 2 => position % 2 == 0 ? "product_service_id_qualifier" : "product_service_id",
            _ => null,
        };
    }

    /// <summary>Implied decimals of an Nn element (N2 TDS01 = 2), or null for R, AN, ID and unknown elements.</summary>
    public static int? ImpliedDecimals(string id, int position) =>
        Entries.TryGetValue(id, out var entry) && entry.Elements.TryGetValue(position, out var spec) && spec.Split("#N") is [_, var places]
            ? int.Parse(places, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private sealed record Entry(string Name4010, string Name5010, Dictionary<int, string> Elements);
}
