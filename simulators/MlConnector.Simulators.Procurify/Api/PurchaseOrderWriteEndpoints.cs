using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.Procurify.Api.Shapes;
using MlConnector.Simulators.Procurify.Model;
using State = MlConnector.Simulators.Procurify.Model.ProcurifyCodes.PurchaseOrderState;

namespace MlConnector.Simulators.Procurify.Api;

/// <summary>v3 purchase-order update, close and reopen; each bumps <c>version</c> and <c>last_modified</c>.</summary>
internal static class PurchaseOrderWriteEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPut("/api/v3/purchase-orders/{id}/", async (string id, HttpRequest request, ProcurifyStore store) =>
        {
            if (PurchaseOrderEndpoints.Find(store, id) is not { } current)
            {
                return NotFound();
            }

            JsonElement body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.Json(new Dictionary<string, string> { ["detail"] = "JSON parse error." }, statusCode: StatusCodes.Status400BadRequest);
            }

            if (!body.TryGetProperty("version", out var version) || !version.TryGetInt32(out var sentVersion) || sentVersion != current.Version)
            {
                return Results.Json(
                    new Dictionary<string, string[]> { ["version"] = [$"This purchase order has changed: send the current version ({current.Version})."] },
                    statusCode: StatusCodes.Status400BadRequest);
            }

            SimPurchaseOrder proposed;
            try
            {
                proposed = Apply(current, body);
            }
            catch (FormatException)
            {
                return Results.Json(new Dictionary<string, string[]> { ["order_items"] = ["A valid number is required."] }, statusCode: StatusCodes.Status400BadRequest);
            }

            var itemErrors = proposed.Lines.Select(ProcurifyDecimals.Errors).ToList();
            if (itemErrors.Any(errors => errors.Count > 0))
            {
                // DRF reports a nested list's errors position by position, an empty object for each item that is fine.
                return Results.Json(new Dictionary<string, object> { ["order_items"] = itemErrors }, statusCode: StatusCodes.Status400BadRequest);
            }

            var updated = store.Modify(current.ProcurifyPO, _ => proposed);
            return Results.Json(PurchaseOrderShapes.Updated(updated!));
        });

        app.MapPost("/api/v3/purchase-orders/{id}/close/", (string id, ProcurifyStore store, PurchaseOrderShapes shapes) =>
            Transition(store, shapes, id, order => order with { State = State.Closed, ClosedDate = store.Now }));
        app.MapPost("/api/v3/purchase-orders/{id}/reopen/", (string id, ProcurifyStore store, PurchaseOrderShapes shapes) =>
            Transition(store, shapes, id, order => order with { State = State.Reopened, ClosedDate = null }));
    }

    private static IResult Transition(ProcurifyStore store, PurchaseOrderShapes shapes, string id, Func<SimPurchaseOrder, SimPurchaseOrder> change) =>
        PurchaseOrderEndpoints.Find(store, id) is { } order && store.Modify(order.ProcurifyPO, change) is { } updated
            ? Results.Json(shapes.ReadDocs(updated))
            : NotFound();

    private static SimPurchaseOrder Apply(SimPurchaseOrder order, JsonElement body)
    {
        var lines = order.Lines.ToList();
        if (body.TryGetProperty("order_items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (!item.TryGetProperty("id", out var idValue) || !idValue.TryGetInt32(out var lineId))
                {
                    continue;
                }

                var index = lines.FindIndex(line => line.Id == lineId);
                if (index >= 0)
                {
                    var line = lines[index];
                    lines[index] = line with
                    {
                        Name = Text(item, "name") ?? line.Name,
                        Unit = Text(item, "unit") ?? line.Unit,
                        Quantity = Number(item, "quantity") ?? line.Quantity,
                        Price = Number(item, "price") ?? line.Price,
                    };
                }
            }
        }

        return order with
        {
            Lines = lines,
            Comment = Text(body, "comment") ?? order.Comment,
            Freight = Number(body, "freight") ?? order.Freight,
            Other = Number(body, "other") ?? order.Other,
            Tax = Modifier(body, "tax") ?? order.Tax,
            Discount = Modifier(body, "discount") ?? order.Discount,
            PromiseDate = Text(body, "promise_date") is { } promise && DateOnly.TryParse(promise, CultureInfo.InvariantCulture, out var date) ? date : order.PromiseDate,
        };
    }

    /// <summary>A <c>{value, type}</c> price modifier; null when absent or empty.</summary>
    private static SimPriceModifier? Modifier(JsonElement element, string name) =>
        element.TryGetProperty(name, out var modifier) && modifier.ValueKind == JsonValueKind.Object && Number(modifier, "value") is { } value
            ? new SimPriceModifier(value, Text(modifier, "type") == SimPriceModifier.PercentageType ? SimPriceModifier.PercentageType : SimPriceModifier.AmountType)
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.TryGetDecimal(out var number) ? number : throw new FormatException($"{name} is beyond any decimal Procurify stores"),
                JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                JsonValueKind.String => throw new FormatException($"{name} is not a number"),
                _ => null,
            }
            : null;

    private static IResult NotFound() =>
        Results.Json(new Dictionary<string, string> { ["detail"] = "Not found." }, statusCode: StatusCodes.Status404NotFound);
}
