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
                    ["quantity_ordered_02"] = 12,
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
                ["reference_identification_REF"] = new JsonArray(new JsonObject { ["reference_identification_qualifier_01"] = "CN", ["reference_identification_02"] = "1Z999AA10123456784" }),
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

    /// <summary>
    /// Stedi's own translation of a partner's 005010 855 (Samples/stedi-855-5010.json): lines <c>item-1</c> (VC VND1234567,
    /// SK ACM/8900-400, 8 EA) and <c>item-2</c> (VC VND000111222, SK ACM/1100-001, 4 EA), both IA; BAK03 set to <paramref name="po"/>.
    /// </summary>
    public static JsonObject StediSampleAcknowledgment(string po)
    {
        using var stream = typeof(PartnerDocuments).Assembly.GetManifestResourceStream("stedi-855-5010.json")
                           ?? throw new InvalidOperationException("The embedded Stedi 855 sample is missing.");
        var json = JsonNode.Parse(stream)!.AsObject();
        json["heading"]!["beginning_segment_for_purchase_order_acknowledgment_BAK"]!["purchase_order_number_03"] = po;
        return json;
    }

    /// <summary>
    /// A pick-and-pack 856 (structure 0001 with tare levels) as a 005010 guide with qualifier-split HL loops translates it:
    /// shipment (TD5 carrier, REF BM bill of lading) -> one order level per purchase order (PRF01) -> a pallet (tare, MAN GM
    /// SSCC) -> cartons (pack, MAN GM SSCC, REF CN tracking) -> items (LIN BP/VP ids, SN1 quantity), each level nested
    /// in its parent's loop. <paramref name="orders"/> gives per order the cartons and, per carton, the items shipped.
    /// </summary>
    public static JsonObject PalletShipNotice(string shipment, params (string Po, (string Item, decimal Quantity)[][] Cartons)[] orders)
    {
        var id = 1;
        var orderLevels = new JsonArray();
        foreach (var (po, cartons) in orders)
        {
            var orderId = ++id;
            var tareId = ++id;
            var packs = new JsonArray();
            foreach (var carton in cartons)
            {
                var packId = ++id;
                var items = new JsonArray();
                foreach (var (item, quantity) in carton)
                {
                    items.Add(new JsonObject
                    {
                        ["hierarchical_level_HL"] = Hl(++id, packId, "I"),
                        ["item_identification_LIN"] = new JsonObject { ["product_service_id_qualifier_02"] = "BP", ["product_service_id_03"] = item, ["product_service_id_qualifier_04"] = "VP", ["product_service_id_05"] = "V-" + item },
                        ["item_detail_shipment_SN1"] = new JsonObject { ["number_of_units_shipped_02"] = quantity, ["unit_or_basis_for_measurement_code_03"] = "EA" },
                    });
                }

                packs.Add(new JsonObject
                {
                    ["hierarchical_level_HL"] = Hl(packId, tareId, "P"),
                    ["marks_and_numbers_information_MAN"] = new JsonArray(new JsonObject { ["marks_and_numbers_qualifier_01"] = "GM", ["marks_and_numbers_02"] = $"00006141411234567{packId:D3}" }),
                    ["reference_information_REF"] = new JsonArray(new JsonObject { ["reference_identification_qualifier_01"] = "CN", ["reference_identification_02"] = $"1Z999AA1012345{packId:D4}" }),
                    ["hierarchical_level_HL_loop_item"] = items,
                });
            }

            orderLevels.Add(new JsonObject
            {
                ["hierarchical_level_HL"] = Hl(orderId, 1, "O"),
                ["purchase_order_reference_PRF"] = new JsonObject { ["purchase_order_number_01"] = po },
                ["hierarchical_level_HL_loop_tare"] = new JsonArray(new JsonObject
                {
                    ["hierarchical_level_HL"] = Hl(tareId, orderId, "T"),
                    ["marks_and_numbers_information_MAN"] = new JsonArray(new JsonObject { ["marks_and_numbers_qualifier_01"] = "GM", ["marks_and_numbers_02"] = $"00006141419876543{tareId:D3}" }),
                    ["hierarchical_level_HL_loop_pack"] = packs,
                }),
            });
        }

        return new JsonObject
        {
            ["heading"] = new JsonObject
            {
                ["transaction_set_header_ST"] = new JsonObject { ["transaction_set_identifier_code_01"] = "856", ["transaction_set_control_number_02"] = "0001" },
                ["beginning_segment_for_ship_notice_BSN"] = new JsonObject
                {
                    ["transaction_set_purpose_code_01"] = "00",
                    ["shipment_identification_02"] = shipment,
                    ["date_03"] = "2025-03-05",
                    ["time_04"] = "10:42",
                    ["hierarchical_structure_code_05"] = "0001",
                },
            },
            ["detail"] = new JsonObject
            {
                ["hierarchical_level_HL_loop_shipment"] = new JsonArray(new JsonObject
                {
                    ["hierarchical_level_HL"] = new JsonObject { ["hierarchical_id_number_01"] = "1", ["hierarchical_level_code_03"] = "S" },
                    ["carrier_details_routing_sequence_transit_time_TD5"] = new JsonArray(new JsonObject { ["routing_sequence_code_01"] = "B", ["identification_code_qualifier_02"] = "2", ["identification_code_03"] = "UPSN" }),
                    ["reference_information_REF"] = new JsonArray(new JsonObject { ["reference_identification_qualifier_01"] = "BM", ["reference_identification_02"] = "BOL-" + shipment }),
                    ["hierarchical_level_HL_loop_order"] = orderLevels,
                }),
            },
            ["summary"] = new JsonObject { ["transaction_totals_CTT"] = new JsonObject { ["number_of_line_items_01"] = id } },
        };
    }

    private static JsonObject Hl(int id, int parent, string code) => new()
    {
        ["hierarchical_id_number_01"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["hierarchical_parent_id_number_02"] = parent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["hierarchical_level_code_03"] = code,
    };
}
