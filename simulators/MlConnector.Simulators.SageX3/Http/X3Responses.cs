using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.SageX3.Http;

/// <summary>Writes JSON answers the way X3 shapes them, errors as a <c>$diagnoses</c> list.</summary>
internal static class X3Responses
{
    public static async Task Json(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task Diagnoses(HttpContext context, int status, string message) =>
        Json(context, status, new JsonObject
        {
            ["$diagnoses"] = new JsonArray(new JsonObject { ["$severity"] = "error", ["$message"] = message }),
        });

    /// <summary>
    /// X3's answer for a key it lacks: the generic message 721 without the key (ERR_GEN "Record does not exist"), at the
    /// configured status (404, or 200 on servers that report it only as a diagnosis).
    /// </summary>
    public static Task RecordDoesNotExist(HttpContext context, int status) => Diagnoses(context, status, "721 : Record does not exist");

    public static Task Message(HttpContext context, int status, string message) =>
        Json(context, status, new JsonObject { ["message"] = message });

    public static Task GraphQlError(HttpContext context, int status, string message) =>
        Json(context, status, new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message }),
            ["extensions"] = new JsonObject(),
        });
}
