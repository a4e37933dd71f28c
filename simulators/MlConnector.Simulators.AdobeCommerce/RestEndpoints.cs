using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MlConnector.Simulators.AdobeCommerce;

/// <summary>The slice of the Commerce REST API the connector uses, under <c>/rest/{store}/V1/</c>, plus the IMS token endpoint.</summary>
internal static class RestEndpoints
{
    private const string Unauthorized = """{"message":"The consumer isn't authorized to access %resources.","parameters":{"resources":"Magento_Sales::sales"}}""";

    public static void Map(WebApplication app, AdobeCommerceSimulatorOptions options, CommerceStore store, RequestAuthorizer authorizer)
    {
        var api = app.MapGroup($"/rest/{options.StoreCode}/V1");
        api.AddEndpointFilter(async (context, next) =>
            authorizer.Refusal(context.HttpContext.Request) is null
                ? await next(context)
                : Results.Content(Unauthorized, "application/json", statusCode: StatusCodes.Status401Unauthorized));

        api.MapGet("/orders", (HttpRequest request) => Page(request, store.Orders(), options));
        api.MapGet("/orders/{id}", (string id) =>
            long.TryParse(id, out var entityId) && store.Order(entityId) is { } order ? Json(order) : NotFound());
        api.MapPost("/order/{id}/ship", async (string id, HttpRequest request) =>
        {
            if (!long.TryParse(id, out var entityId))
            {
                return NotFound();
            }

            var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
            var (shipmentId, status, error) = store.Ship(entityId, body);
            return shipmentId is { } created ? Results.Content(created.ToString(System.Globalization.CultureInfo.InvariantCulture), "application/json") : Error(status, error!);
        });
        api.MapGet("/shipments", (HttpRequest request) => Page(request, store.Shipments(), options));
        api.MapGet("/products", (HttpRequest request) => Page(request, store.Products(), options));
        api.MapGet("/products/{sku}", (string sku) =>
            store.Product(sku) is { } product
                ? Json(product)
                : Error(404, "The product that was requested doesn't exist. Verify the product and try again."));
        api.MapPost("/orders/{id}/comments", async (string id, HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            if (body?["statusHistory"] is not JsonObject history)
            {
                return Error(400, "\"statusHistory\" is required. Enter and try again.");
            }

            return long.TryParse(id, out var entityId) && store.AddComment(entityId, history) ? Results.Content("true", "application/json") : NotFound();
        });

        app.MapPost("/ims/token/v3", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return form["grant_type"] == "client_credentials" && form["client_id"] == options.ImsClientId && form["client_secret"] == options.ImsClientSecret
                ? Results.Json(new Dictionary<string, object>
                {
                    ["access_token"] = authorizer.IssueImsToken(),
                    ["token_type"] = "bearer",
                    ["expires_in"] = (long)options.ImsTokenLifetime.TotalSeconds,
                })
                : Results.Json(new { error = "invalid_client", error_description = "invalid client_id parameter" }, statusCode: 401);
        });
    }

    private static IResult Page(HttpRequest request, IReadOnlyList<JsonObject> all, AdobeCommerceSimulatorOptions options)
    {
        var criteria = SearchCriteriaQuery.Parse(request.Query);
        if (options.MaxPageSize is { } max && criteria.PageSize > max)
        {
            return Error(400, $"Maximum SearchCriteria pageSize is {max}");
        }

        return Json(criteria.Apply(all));
    }

    private static IResult Json(JsonNode node) => Results.Content(node.ToJsonString(), "application/json");

    private static IResult NotFound() => Error(404, "The entity that was requested doesn't exist. Verify the entity and try again.");

    private static IResult Error(int status, string message) =>
        Results.Content(JsonSerializer.Serialize(new { message }), "application/json", statusCode: status);
}
