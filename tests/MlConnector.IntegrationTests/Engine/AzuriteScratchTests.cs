using Azure.Storage.Queues;
using MlConnector.Runtime.Azurite;

namespace MlConnector.IntegrationTests.Engine;

/// <summary>The benchmark's Azurite keeps its data in a scratch folder: it must work and leave nothing behind.</summary>
public sealed class AzuriteScratchTests
{
    [Fact]
    public async Task Scratch_Azurite_serves_queues_and_removes_its_folder_on_dispose()
    {
        string folder;
        await using (var azurite = await AzuriteProcess.StartScratchAsync())
        {
            folder = azurite.DataDirectory!;
            Assert.True(Directory.Exists(folder));

            var queue = new QueueClient(azurite.ConnectionString, "scratch-check");
            await queue.CreateAsync();
            await queue.SendMessageAsync("kept on disk");
            var received = await queue.ReceiveMessageAsync();
            Assert.Equal("kept on disk", received.Value.MessageText);
        }

        Assert.False(Directory.Exists(folder));
    }
}
