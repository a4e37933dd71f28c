using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MlConnector.Core.Flows;
using MlConnector.Pipeline.Http;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Storage;

namespace MlConnector.IntegrationTests.Engine;

[Collection(AzuriteCollection.Name)]
public sealed class AdminEndpointTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("write")]
    [InlineData("write-poison")]
    [InlineData("WRITE-POISON")]
    public async Task Replay_takes_the_stage_or_the_poison_queue_the_operator_looked_at(string queue)
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);
        await harness.Mappings.SetAsync(PrefixMapper.Table, "acme", "SUP01", CancellationToken.None);
        harness.Source.Put("acme-1");
        harness.Sink.FailWith = new TargetWriteException("Supplier SUP01 is blocked", isTransient: false, statusCode: 400);
        await harness.SyncAsync();
        harness.Sink.FailWith = null;

        var result = await harness.Get<AdminEndpoints>().ReplayAsync(Request($"queue={queue}&flow={PipelineHarness.FlowName}"), CancellationToken.None);
        await harness.DrainAsync();

        var replayed = Assert.IsType<ReplayResult>(Assert.IsType<OkObjectResult>(result).Value);
        Assert.Equal(1, replayed.FromWritePoison);
        Assert.Equal(0, await harness.PoisonDepthAsync(PipelineQueue.Write));
        Assert.Equal(1, harness.Sink.WritesOf("acme-1"));
    }

    [Fact]
    public async Task Replay_of_a_queue_that_does_not_exist_is_a_400_naming_the_choices()
    {
        await using var harness = await PipelineHarness.StartAsync(azurite.ConnectionString);

        var result = await harness.Get<AdminEndpoints>().ReplayAsync(Request("queue=outbox"), CancellationToken.None);

        Assert.Contains("write-poison", Assert.IsType<BadRequestObjectResult>(result).Value!.ToString(), StringComparison.Ordinal);
    }

    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?" + query);
        return context.Request;
    }
}
