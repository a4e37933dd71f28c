namespace MlConnector.Pipeline.Access;

/// <summary>What a caller of the console or the admin API may do: nothing, look, or change things.</summary>
public enum OperatorRole
{
    None,
    Reader,
    Operator,
}
