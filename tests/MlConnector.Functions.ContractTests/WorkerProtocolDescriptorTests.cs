using System.Reflection;
using System.Runtime.Loader;
using Google.Protobuf.Reflection;
using MlConnector.Functions.ContractTests.Rpc;
using MlConnector.Functions.ContractTests.Support;

namespace MlConnector.Functions.ContractTests;

/// <summary>
/// Our FunctionRpc.proto subset is the worker's wire contract: every service, message, field name, number and type
/// in it is checked against the descriptor compiled into the worker's own Microsoft.Azure.Functions.Worker.Grpc.
/// </summary>
public sealed class WorkerProtocolDescriptorTests
{
    private static readonly Lazy<FileDescriptorProto> Worker = new(ReadWorkerDescriptor);

    [Fact]
    public void The_service_and_package_are_the_workers()
    {
        var ours = FunctionRpcReflection.Descriptor;

        Assert.Equal(Worker.Value.Package, ours.Package);
        var service = Assert.Single(ours.Services);
        var theirs = Assert.Single(Worker.Value.Service, s => s.Name == service.Name);
        var method = Assert.Single(service.Methods);
        var theirMethod = Assert.Single(theirs.Method, m => m.Name == method.Name);
        Assert.True(theirMethod.ClientStreaming && theirMethod.ServerStreaming);
        Assert.True(method.IsClientStreaming && method.IsServerStreaming);
    }

    [Fact]
    public void Every_message_field_has_the_workers_name_number_type_and_label()
    {
        var theirs = Messages(Worker.Value.MessageType, prefix: string.Empty);
        var problems = new List<string>();
        foreach (var (name, message) in Messages(FunctionRpcReflection.Descriptor.ToProto().MessageType, prefix: string.Empty))
        {
            if (!theirs.TryGetValue(name, out var theirMessage))
            {
                problems.Add($"{name}: the worker has no such message");
                continue;
            }

            foreach (var field in message.Field)
            {
                var theirField = theirMessage.Field.SingleOrDefault(f => f.Number == field.Number);
                if (theirField is null || theirField.Name != field.Name || theirField.Type != field.Type || theirField.TypeName != field.TypeName ||
                    theirField.Label != field.Label || theirField.HasOneofIndex != field.HasOneofIndex)
                {
                    problems.Add($"{name}.{field.Name} = {field.Number} ({field.Label} {field.Type} {field.TypeName}): the worker has " +
                                 (theirField is null ? "no field with that number" : $"{theirField.Name} ({theirField.Label} {theirField.Type} {theirField.TypeName})"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_enum_value_has_the_workers_name_and_number()
    {
        var theirs = Messages(Worker.Value.MessageType, prefix: string.Empty);
        var problems = new List<string>();
        foreach (var (name, message) in Messages(FunctionRpcReflection.Descriptor.ToProto().MessageType, prefix: string.Empty))
        {
            foreach (var ours in message.EnumType)
            {
                var theirEnum = theirs[name].EnumType.SingleOrDefault(e => e.Name == ours.Name);
                problems.AddRange(ours.Value
                    .Where(value => theirEnum?.Value.Any(v => v.Name == value.Name && v.Number == value.Number) != true)
                    .Select(value => $"{name}.{ours.Name}.{value.Name} = {value.Number}: not in the worker's enum"));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static Dictionary<string, DescriptorProto> Messages(IEnumerable<DescriptorProto> messages, string prefix) =>
        messages.SelectMany(m => Messages(m.NestedType, prefix + m.Name + ".").Append(new KeyValuePair<string, DescriptorProto>(prefix + m.Name, m)))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>
    /// The worker's generated FunctionRpcReflection.Descriptor is internal: read its serialized FileDescriptorProto through
    /// reflection, in a load context of the app's own folder so the worker's Google.Protobuf serves its own types.
    /// </summary>
    private static FileDescriptorProto ReadWorkerDescriptor()
    {
        var context = new AssemblyLoadContext("worker-grpc", isCollectible: true);
        context.Resolving += (ctx, name) =>
        {
            var path = Path.Combine(FunctionApp.Directory, name.Name + ".dll");
            return File.Exists(path) ? ctx.LoadFromAssemblyPath(path) : null;
        };
        try
        {
            var grpc = context.LoadFromAssemblyPath(Path.Combine(FunctionApp.Directory, "Microsoft.Azure.Functions.Worker.Grpc.dll"));
            var reflection = grpc.GetType("Microsoft.Azure.Functions.Worker.Grpc.Messages.FunctionRpcReflection", throwOnError: true)!;
            var descriptor = reflection.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var serialized = descriptor.GetType().GetProperty("SerializedData", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(descriptor)!;
            var bytes = (byte[])serialized.GetType().GetMethod("ToByteArray")!.Invoke(serialized, null)!;
            return FileDescriptorProto.Parser.ParseFrom(bytes);
        }
        finally
        {
            context.Unload();
        }
    }
}
