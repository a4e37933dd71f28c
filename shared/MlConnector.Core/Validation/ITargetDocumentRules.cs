using MlConnector.Core.Flows;

namespace MlConnector.Core.Validation;

/// <summary>
/// What a target system accepts, checked by the map stage before a document is queued for writing: a document that
/// breaks a rule is rejected with the reasons (kept on the record, retried on later syncs) instead of being sent, so
/// the target never receives nonsense and the operator reads why. A connector registers one per target it writes.
/// </summary>
public interface ITargetDocumentRules
{
    /// <summary>What is wrong with <paramref name="document"/> for this target, one plain sentence each; empty when it may be written, or when the rules do not know its kind.</summary>
    IEnumerable<string> Check(TargetDocument document);
}
