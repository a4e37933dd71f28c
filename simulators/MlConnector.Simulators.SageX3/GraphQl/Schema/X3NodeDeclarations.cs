namespace MlConnector.Simulators.SageX3.GraphQl.Schema;

/// <summary>The one-line helpers <see cref="X3Nodes"/> declares its properties with.</summary>
internal static class X3NodeDeclarations
{
    /// <summary>The field a value type's code lives in, and the field a line's identity lives in.</summary>
    public const string CodeField = "$code";

    public const string LineIdField = "$uuid";

    /// <summary>A node from properties and property groups (<see cref="Stamps"/>).</summary>
    public static X3NodeType Node(string typeName, string? className, params object[] properties) =>
        new(typeName, className, properties.SelectMany(p => p is X3Property[] many ? many : [(X3Property)p]).ToList());

    /// <summary>A type whose records are a code alone: <c>{ _id code }</c>.</summary>
    public static X3NodeType Value(string typeName) =>
        new(typeName, null, [new("_id", X3PropertyKind.Scalar, CodeField, "Id", false), new("code", X3PropertyKind.Scalar, CodeField, "String", false)]);

    /// <summary><c>_id</c>: the record's key.</summary>
    public static X3Property Id(string keyField) => new("_id", X3PropertyKind.Scalar, keyField, "Id", true);

    /// <summary>A line's <c>_id</c>: the identity updates address it by.</summary>
    public static X3Property LineId() => new("_id", X3PropertyKind.Scalar, LineIdField, "Id", true);

    public static X3Property Text(string name, string field, bool writable = true) => new(name, X3PropertyKind.Scalar, field, "String", writable);

    public static X3Property Scalar(string name, string field, string type, bool writable = true) => new(name, X3PropertyKind.Scalar, field, type, writable);

    /// <summary>A dimensioned field (X3 stores FIELD_0..n): a list of <paramref name="type"/> values.</summary>
    public static X3Property Dimensioned(string name, string field, string type) => new(name, X3PropertyKind.Dimensioned, field, type, true);

    public static X3Property Flag(string name, string field) => new(name, X3PropertyKind.YesNo, field, "Boolean", true);

    public static X3Property Ref(string name, string field, string target, bool writable = true) => new(name, X3PropertyKind.Reference, field, target, writable);

    public static X3Property Lines(string name, string lineType) => new(name, X3PropertyKind.Collection, "$lines", lineType, true);

    public static X3Property InputOnly(string name, string field, string type) => new(name, X3PropertyKind.InputOnly, field, type, true);

    public static X3Property InputList(string name, string field, string inputType) => new(name, X3PropertyKind.InputList, field, inputType, true);

    /// <summary><c>_createStamp</c> / <c>_updateStamp</c> (CREDATTIM / UPDDATTIM).</summary>
    public static X3Property[] Stamps() =>
    [
        new("_createStamp", X3PropertyKind.Scalar, "CREDATTIM", "Datetime", false),
        new("_updateStamp", X3PropertyKind.Scalar, "UPDDATTIM", "Datetime", false),
    ];
}
