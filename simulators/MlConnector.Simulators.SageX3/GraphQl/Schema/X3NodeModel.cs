namespace MlConnector.Simulators.SageX3.GraphQl.Schema;

/// <summary>How a GraphQL property of an X3 node is stored and typed.</summary>
internal enum X3PropertyKind
{
    /// <summary>A value read from (and written to) one X3 field.</summary>
    Scalar,

    /// <summary>A yes/no local menu (1 = no, 2 = yes) shown as a Boolean.</summary>
    YesNo,

    /// <summary>Another node, found by the code the X3 field holds; written as that code.</summary>
    Reference,

    /// <summary>The record's lines, as a collection with its own <c>query</c>; written as a list of line inputs.</summary>
    Collection,

    /// <summary>Only in the input type: a scalar written to an X3 field (e.g. <c>purchaseOrderLineNumber</c>).</summary>
    InputOnly,

    /// <summary>A dimensioned X3 field (BPDADDLIG_0..2): a list of scalars, read and written whole.</summary>
    Dimensioned,

    /// <summary>Only in the input type: a list of nested inputs kept with the record (e.g. a receipt line's <c>stockDetails</c>).</summary>
    InputList,
}

/// <summary>
/// One property: its GraphQL name, kind, the X3 field behind it (<c>$code</c> = the code of a value type, <c>$uuid</c> =
/// a line's identity), its type (scalar name, or the target node type) and whether the input type has it.
/// </summary>
internal sealed record X3Property(string Name, X3PropertyKind Kind, string Field, string Type, bool IsWritable);

/// <summary>
/// One GraphQL object type. With a class it is a stored X3 object (found by its key); without, either a line type
/// (records are the lines of its parent) or a value type built from a code alone (units, currencies).
/// </summary>
internal sealed record X3NodeType(string TypeName, string? ClassName, IReadOnlyList<X3Property> Properties)
{
    public X3Property? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

/// <summary>A node published under a package root: <c>{root}{Package} { {Name} { query / read / create / update } }</c>.</summary>
internal sealed record X3PublishedNode(string Package, string Name, string TypeName);
