using Grpc.Core;
using MlConnector.Functions.ContractTests.Rpc;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>The host's gRPC endpoint: the worker dials it and opens one EventStream.</summary>
public sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channel.ServeAsync(requestStream, responseStream, context.CancellationToken);
}
