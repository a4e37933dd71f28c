using System.Text.Json.Serialization;

namespace MlConnector.Connectors.AdobeCommerce.Models;

/// <summary>The body of <c>POST /V1/orders/{id}/comments</c>.</summary>
public sealed record OrderStatusCommentRequest([property: JsonPropertyName("statusHistory")] OrderStatusComment StatusHistory);

public sealed record OrderStatusComment
{
    public required string Comment { get; init; }
    public int IsCustomerNotified { get; init; }
    public int IsVisibleOnFront { get; init; }
    public long ParentId { get; init; }
    public string? Status { get; init; }
}
