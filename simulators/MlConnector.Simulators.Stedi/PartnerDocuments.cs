using System.Text.Json.Nodes;

namespace MlConnector.Simulators.Stedi;

/// <summary>
/// Documents a trading partner sends, as Stedi's 004010 guides translate them to Guide JSON (line 1000, 12 EA): for
/// <see cref="StediSimulator.ReceiveFromPartner"/> in tests and the demo.
/// </summary>
public static class PartnerDocuments
{
    /// <summary>An 855 as Stedi's 004010 guide translates it.</summary>
    public static JsonObject Acknowledgment(string po, string type = "AD", string lineStatus = "IA", string item = "ITM-100") => new()
    {
        ["heading"] = new JsonObject
        {
            ["transaction_set_header_ST"] = new JsonObject { ["transaction_set_identifier_code_01"] = "855", ["transaction_set_control_number_02"] = "0001" },
            ["beginning_segment_for_purchase_order_acknowledgment_BAK"] = new JsonObject
            {
                ["transaction_set_purpose_code_01"] = "00",
                ["acknowledgment_type_02"] = type,
                ["purchase_order_number_03"] = po,
                ["date_04"] = "2025-03-01",
                ["date_09"] = "2025-03-02",
            },
        },
        ["detail"] = new JsonObject
        {
            ["baseline_item_data_PO1_loop"] = new JsonArray(new JsonObject
            {
                ["baseline_item_data_PO1"] = new JsonObject
                {
                    ["assigned_identification_01"] = "1000",
                    ["quantity_02"] = 12,
                    ["unit_or_basis_for_measurement_code_03"] = "EA",
                    ["product_service_id_qualifier_06"] = "BP",
                    ["product_service_id_07"] = item,
                },
                ["line_item_acknowledgment_ACK"] = new JsonArray(new JsonObject
                {
                    ["line_item_status_code_01"] = lineStatus,
                    ["quantity_02"] = 12,
                    ["unit_or_basis_for_measurement_code_03"] = "EA",
                    ["date_time_qualifier_04"] = "068",
                    ["date_05"] = "2025-03-09",
                }),
            }),
        },
    };

    /// <summary>An 856 (S-O-I) as Stedi translates it: flat HL loops.</summary>
    public static JsonObject ShipNotice(string shipment, string item, params string[] purchaseOrders)
    {
        var levels = new JsonArray
        {
            new JsonObject
            {
                ["hierarchical_level_HL"] = new JsonObject { ["hierarchical_id_number_01"] = "1", ["hierarchical_level_code_03"] = "S" },
                ["carrier_details_routing_sequence_transit_time_TD5"] = new JsonArray(new JsonObject { ["routing_sequence_code_01"] = "B", ["identification_code_qualifier_02"] = "2", ["identification_code_03"] = "UPSN" }),
                ["reference_information_REF"] = new JsonArray(new JsonObject { ["reference_identification_qualifier_01"] = "CN", ["reference_identification_02"] = "1Z999AA10123456784" }),
            },
        };
        var id = 2;
        foreach (var po in purchaseOrders)
        {
            levels.Add(new JsonObject
            {
                ["hierarchical_level_HL"] = new JsonObject { ["hierarchical_id_number_01"] = $"{id}", ["hierarchical_parent_id_number_02"] = "1", ["hierarchical_level_code_03"] = "O" },
                ["purchase_order_reference_PRF"] = new JsonObject { ["purchase_order_number_01"] = po },
            });
            levels.Add(new JsonObject
            {
                ["hierarchical_level_HL"] = new JsonObject { ["hierarchical_id_number_01"] = $"{id + 1}", ["hierarchical_parent_id_number_02"] = $"{id}", ["hierarchical_level_code_03"] = "I" },
                ["item_identification_LIN"] = new JsonObject { ["assigned_identification_01"] = "1000", ["product_service_id_qualifier_02"] = "BP", ["product_service_id_03"] = item },
                ["item_detail_shipment_SN1"] = new JsonObject { ["number_of_units_shipped_02"] = 12, ["unit_or_basis_for_measurement_code_03"] = "EA" },
            });
            id += 2;
        }

        return new JsonObject
        {
            ["heading"] = new JsonObject
            {
                ["beginning_segment_for_ship_notice_BSN"] = new JsonObject
                {
                    ["transaction_set_purpose_code_01"] = "00",
                    ["shipment_identification_02"] = shipment,
                    ["date_03"] = "2025-03-05",
                    ["time_04"] = "10:42",
                    ["hierarchical_structure_code_05"] = "0001",
                },
            },
            ["detail"] = new JsonObject { ["hierarchical_level_HL_loop"] = levels },
        };
    }
}
