using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;

namespace MlConnector.Connectors.SpsCommerce;

/// <summary>
/// Writes <c>sps-rsx</c> documents: the body is an RSX 7.7.7 JSON document, the external reference its file name. The
/// file goes to <see cref="SpsCommerceOptions.UploadFolder"/> under that name; the Transaction API has no idempotency
/// key, but the same path overwrites, so a retry after a lost answer replaces the file rather than adding a second
/// document. SPS's validation errors (400) are permanent and carry SPS's detail.
/// </summary>
public sealed class SpsRsxUploadSink(SpsCommerceClient client, IOptions<SpsCommerceOptions> options) : ITargetSink
{
    public const string Kind = "sps-rsx";

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken cancellationToken)
    {
        if (request.Document.Kind != Kind)
        {
            throw new TargetWriteException($"This sink writes '{Kind}' documents, not '{request.Document.Kind}'.", isTransient: false);
        }

        var name = request.Document.ExternalReference;
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal))
        {
            throw new TargetWriteException($"An SPS document needs a plain file name, not '{name}'.", isTransient: false);
        }

        var content = JsonSerializer.SerializeToUtf8Bytes(request.Document.Body);
        try
        {
            var path = await client.UploadAsync(options.Value.UploadFolder + name, content, new Dictionary<string, string> { ["source-key"] = request.SourceKey }, cancellationToken);
            return new WriteResult(path, WriteAction.Created);
        }
        catch (SpsCommerceApiException refused)
        {
            var transient = refused.IsTransient || refused.StatusCode is HttpStatusCode.Unauthorized;
            throw new TargetWriteException($"SPS Commerce refused {name}: {refused.Detail ?? refused.Message}", transient, (int?)refused.StatusCode, refused);
        }
        catch (HttpRequestException failure)
        {
            throw new TargetWriteException($"SPS Commerce did not answer the upload of {name}: {failure.Message}", isTransient: true, (int?)failure.StatusCode, failure);
        }
    }
}
