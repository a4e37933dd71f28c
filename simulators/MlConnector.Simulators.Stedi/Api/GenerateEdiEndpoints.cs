using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MlConnector.Simulators.Stedi.Model;
using MlConnector.Simulators.Stedi.X12;

namespace MlConnector.Simulators.Stedi.Api;

/// <summary>
/// <c>POST /2023-08-01/x12/partnerships/{partnershipId}/generate-edi</c>: validates each transaction against its
/// transaction setting, writes one interchange with the partnership's next control number and answers
/// <c>{edi, artifactId, fileExecutionId, metadata}</c> (Stedi's OpenAPI GenerateEdiResponseContent; a value with a
/// delimiter in it is refused unless <c>repairOptions.replaceStediCanonicalDelimitersConflicts</c>). An <c>Idempotency-Key</c> (at most 255 characters) is remembered for
/// 24 hours: the same key and body replay the first answer without a second interchange; the same key with another
/// body is 422 (UnprocessableEntityException: "The request parameters do not match a previous request with the same
/// idempotency key"); a key whose first request is still running is 409; a replay carries <c>idempotent-replayed</c>. (Replay and conflict answers are not documented
/// by Stedi: these are the most plausible semantics, see research section 2.3.)
/// </summary>
internal static class GenerateEdiEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapPost(ApiGate.BasePath + "/x12/partnerships/{partnershipId}/generate-edi", HandleAsync);

    private static async Task HandleAsync(HttpContext context, string partnershipId, StediStore store, StediSimulatorOptions options, WebhookSender webhooks)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var raw = buffer.ToArray();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 255)
        {
            await Errors.WriteAsync(context, 400, "Idempotency-Key must be at most 255 characters.", "validation_error");
            return;
        }

        if (key.Length > 0)
        {
            var claim = store.Claim(key, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(partnershipId).Concat(raw).ToArray())));
            switch (claim.State)
            {
                case IdempotencyState.Conflict:
                    await Errors.WriteAsync(context, 422, "This Idempotency-Key was already used with a different request.", "idempotency_key_reused");
                    return;
                case IdempotencyState.InFlight:
                    await Errors.WriteAsync(context, 409, "A request with this Idempotency-Key is still being processed.", "idempotency_conflict");
                    return;
                case IdempotencyState.Replay:
                    context.Response.StatusCode = claim.Status;
                    context.Response.Headers["idempotent-replayed"] = "true";
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(claim.Response!, context.RequestAborted);
                    return;
            }
        }

        var (status, response) = Generate(partnershipId, raw, key, store, options, webhooks);
        if (key.Length > 0)
        {
            store.Complete(key, status, response);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response, context.RequestAborted);
    }

    private static (int Status, string Body) Generate(string partnershipId, byte[] raw, string key, StediStore store, StediSimulatorOptions options, WebhookSender webhooks)
    {
        var partnership = store.Partnership(partnershipId);
        if (partnership is null)
        {
            return Error(404, $"Partnership '{partnershipId}' not found.", "entity_not_found");
        }

        JsonObject request;
        try
        {
            request = JsonNode.Parse(raw) as JsonObject ?? throw new JsonException("the body is not a JSON object");
        }
        catch (JsonException exception)
        {
            return Error(400, $"Request body is not valid JSON: {exception.Message}", "validation_error");
        }

        if (request["transactionGroups"] is not JsonArray groups || groups.Count == 0)
        {
            return Error(400, "transactionGroups: at least one transaction group is required.", "validation_error");
        }

        var repair = request["repairOptions"]?["replaceStediCanonicalDelimitersConflicts"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        var resolved = new List<IReadOnlyList<RenderedTransaction>>();
        var inputs = new List<(SimTransactionSetting Setting, JsonObject Transaction)>();
        var errors = new List<string>();
        string? version = null;
        for (var g = 0; g < groups.Count; g++)
        {
            var settingId = groups[g]?["transactionSettingId"]?.ToString();
            var setting = partnership.TransactionSettings.FirstOrDefault(s => s.TransactionSettingId == settingId);
            if (setting is null)
            {
                return Error(404, $"Transaction setting '{settingId}' not found on partnership '{partnershipId}'.", "entity_not_found");
            }

            if (setting.Direction != "outbound")
            {
                return Error(400, $"Transaction setting '{settingId}' is for inbound {setting.TransactionSetId} transactions; generate-edi needs an outbound setting.", "validation_error");
            }

            if ((version ??= setting.Release[..5]) != setting.Release[..5])
            {
                return Error(400, $"Transaction setting '{settingId}' uses X12 {setting.Release}, but an interchange has one version (ISA12): send it in its own request.", "validation_error");
            }

            if (groups[g]?["transactions"] is not JsonArray transactions || transactions.Count == 0)
            {
                errors.Add($"/transactionGroups/{g}/transactions: at least one transaction is required");
                continue;
            }

            var list = new List<RenderedTransaction>();
            for (var t = 0; t < transactions.Count; t++)
            {
                if (transactions[t] is not JsonObject transaction)
                {
                    errors.Add($"/transactionGroups/{g}/transactions/{t}: must be an object");
                    continue;
                }

                var found = GuideJson.Validate(transaction, setting);
                var segments = GuideJson.Segments(transaction, setting, Delimiters.For(setting.Release), repair, found);
                errors.AddRange(found.Distinct(StringComparer.Ordinal).Select(error => $"/transactionGroups/{g}/transactions/{t}{error}"));
                list.Add(new RenderedTransaction(setting, segments));
                inputs.Add((setting, transaction));
            }

            resolved.Add(list);
        }

        if (errors.Count > 0)
        {
            // Stedi's BadRequestExceptionResponseContent has only code and message: the details go in the message.
            return Error(400, $"The transaction does not conform to the guide: {string.Join("; ", errors)}", "validation_error");
        }

        var at = store.Time.GetUtcNow();
        var control = store.NextControlNumber(partnershipId);
        var usage = request["overrides"]?["interchangeUsageIndicator"]?.ToString() ?? options.UsageIndicator;
        var ack = request["overrides"]?["acknowledgmentRequestedCode"]?.ToString() ?? "0";
        var (edi, metadata) = InterchangeWriter.Write(partnership, fromPartner: false, control, at, usage, ack, resolved);
        var fileExecutionId = StediStore.NewId();
        store.AddInterchange(new SimInterchange(partnershipId, key.Length > 0 ? key : null, fileExecutionId, edi, request, at));
        for (var i = 0; i < inputs.Count; i++)
        {
            var stored = new SimTransaction(StediStore.NewId(), "OUTBOUND", inputs[i].Setting.TransactionSetId, partnershipId, inputs[i].Setting.TransactionSettingId,
                fileExecutionId, at, (JsonObject)inputs[i].Transaction.DeepClone(), edi, metadata[i]);
            store.AddTransaction(stored);
            if (options.DeliverOutboundEvents)
            {
                webhooks.Deliver(stored);
            }
        }

        var groupNumbers = Enumerable.Range(control, resolved.Count).ToList();
        return (200, JsonSerializer.Serialize(new
        {
            edi,
            artifactId = fileExecutionId + ".x12",
            fileExecutionId,
            metadata = new { interchangeMetadata = new[] { new { interchangeControlNumber = control, functionalGroupControlNumbers = groupNumbers } } },
        }));
    }

    private static (int, string) Error(int status, string message, string code) => (status, JsonSerializer.Serialize(new { message, code }));
}
