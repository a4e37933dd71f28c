using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MlConnector.Simulators.Stedi.Api;

/// <summary>
/// <c>GET /2023-08-01/x12/partnerships</c>: <c>{items, nextPageToken}</c>, <c>pageSize</c> 1..500 (default 100). The item
/// shape is inferred from the partnership fields the events carry (partnershipId, profiles).
/// </summary>
internal static class PartnershipEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet(ApiGate.BasePath + "/x12/partnerships", (HttpContext context, StediStore store) =>
        {
            var size = int.TryParse(context.Request.Query["pageSize"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var requested) ? requested : 100;
            if (size is < 1 or > 500)
            {
                return Errors.WriteAsync(context, 400, "pageSize must be between 1 and 500.", "validation_error");
            }

            var skip = int.TryParse(context.Request.Query["pageToken"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var token) ? token : 0;
            var all = store.Partnerships();
            var items = all.Skip(skip).Take(size).Select(p => new
            {
                partnershipId = p.PartnershipId,
                partnershipType = "x12",
                localProfileId = p.LocalProfileId,
                partnerProfileId = p.PartnerProfileId,
                transactionSettings = p.TransactionSettings.Select(s => new { transactionSettingId = s.TransactionSettingId, transactionSetIdentifier = s.TransactionSetId, direction = s.Direction, guideId = s.GuideId }),
            }).ToList();
            var next = skip + size < all.Count ? (skip + size).ToString(CultureInfo.InvariantCulture) : null;
            return context.Response.WriteAsJsonAsync(new { items, nextPageToken = next });
        });
}
