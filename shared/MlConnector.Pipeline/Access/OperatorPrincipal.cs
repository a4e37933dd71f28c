namespace MlConnector.Pipeline.Access;

/// <summary>
/// Who is calling, as the host established it: a signed-in Entra ID user with an app role in Azure, or the person
/// at the machine on the local runtime's loopback listener. <see cref="Name"/> is what the operator audit records.
/// </summary>
public sealed record OperatorPrincipal(string Name, OperatorRole Role, bool IsAuthenticated, string? Refusal = null)
{
    public static OperatorPrincipal Anonymous(string refusal) => new("anonymous", OperatorRole.None, IsAuthenticated: false, refusal);

    public bool CanView => Role is OperatorRole.Reader or OperatorRole.Operator;

    public bool CanChange => Role is OperatorRole.Operator;
}
