using Microsoft.Extensions.DependencyInjection;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Stages;
using MlConnector.ReliabilityTests.Support;

namespace MlConnector.ReliabilityTests.BadInput;

/// <summary>
/// Canonical documents as the map stage checks them before queueing a write (folders canonical-&lt;document kind&gt;):
/// the composition root's <see cref="DocumentValidation"/>, with X3's rules as configured.
/// </summary>
internal static class CanonicalDocumentCases
{
    public const string Prefix = "canonical-";

    public static CaseResult Run(ReliabilityWorld world, CorpusCase corpusCase)
    {
        var kind = corpusCase.Text("kind")!;
        var document = new TargetDocument(kind, "corpus", corpusCase.Name, corpusCase.Input.GetProperty("document"));
        var refusal = world.Services.GetRequiredService<DocumentValidation>().Refusal(document, "Sage X3");
        return refusal is null
            ? new CaseResult(corpusCase, "accepted", null, string.Empty)
            : new CaseResult(corpusCase, "refused", null, refusal);
    }
}
