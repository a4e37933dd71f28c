using MlConnector.Core.Flows;
using MlConnector.Core.Validation;

namespace MlConnector.Pipeline.Stages;

/// <summary>
/// The last check before a document is queued for writing: text no target should receive (<see cref="DocumentText"/>)
/// and the rules of the targets (<see cref="ITargetDocumentRules"/>, registered by each connector). A document that
/// breaks any is rejected with the reasons, never sent.
/// </summary>
public sealed class DocumentValidation(IEnumerable<ITargetDocumentRules> rules)
{
    /// <summary>Reasons are listed up to this many; the rest are counted.</summary>
    private const int ReasonsShown = 5;

    private readonly IReadOnlyList<ITargetDocumentRules> _rules = rules.ToList();

    /// <summary>Why <paramref name="document"/> must not be written to <paramref name="targetSystem"/>, or null when it may.</summary>
    public string? Refusal(TargetDocument document, string targetSystem)
    {
        var problems = DocumentText.Problems(document.Body).Concat(_rules.SelectMany(rule => rule.Check(document))).ToList();
        if (problems.Count == 0)
        {
            return null;
        }

        var shown = string.Join("; ", problems.Take(ReasonsShown));
        var more = problems.Count > ReasonsShown ? $"; and {problems.Count - ReasonsShown} more" : string.Empty;
        return $"not sent to {targetSystem}: {shown}{more}";
    }
}
