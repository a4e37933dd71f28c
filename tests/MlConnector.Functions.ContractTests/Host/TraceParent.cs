using System.Diagnostics;

namespace MlConnector.Functions.ContractTests.Host;

/// <summary>W3C traceparent values like the ones the host puts in RpcTraceContext for each invocation.</summary>
public static class TraceParent
{
    public static string New() => $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";
}
