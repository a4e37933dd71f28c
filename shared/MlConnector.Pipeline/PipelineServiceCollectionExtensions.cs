using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlConnector.Core.Flows;
using MlConnector.Core.Mapping;
using MlConnector.Core.Secrets;
using MlConnector.Pipeline.Access;
using MlConnector.Pipeline.Audit;
using MlConnector.Pipeline.Cursors;
using MlConnector.Pipeline.Flows;
using MlConnector.Pipeline.Hosting;
using MlConnector.Pipeline.Http;
using MlConnector.Pipeline.Intake;
using MlConnector.Pipeline.Mapping;
using MlConnector.Pipeline.Messages;
using MlConnector.Pipeline.Records;
using MlConnector.Pipeline.Replay;
using MlConnector.Pipeline.Secrets;
using MlConnector.Pipeline.Stages;
using MlConnector.Pipeline.Storage;
using MlConnector.Pipeline.Telemetry;

namespace MlConnector.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: storage, stages, replay, HTTP endpoints and the secret store. Both hosts call it;
    /// a host may register its own <see cref="QueueRules"/> first (the local runtime reads the repo's host.json).
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection("Pipeline"))
            .Validate(options => options.ClaimCheckThresholdBytes is > 0 and <= 48_000, "Pipeline__ClaimCheckThresholdBytes must be between 1 and 48000 (base64 must fit in 64 KB).")
            .Validate(options => options.MaxDeferralMinutes >= 0, "Pipeline__MaxDeferralMinutes must be 0 or more.")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => QueueRules.LoadFromAppDirectory());
        services.TryAddSingleton(_ => StorageConnection.FromConfiguration(configuration));
        services.AddSingleton(sp => new StorageNames(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.NamePrefix));
        services.AddSingleton<StorageOperationCounter>();
        services.AddSingleton<PipelineStorage>();
        services.AddSingleton<MessageCodec>();
        services.AddSingleton<RecordStore>();
        services.AddSingleton<RecordPartitionMigration>();
        services.AddSingleton<RecordDocuments>();
        services.AddSingleton<RecordSearch>();
        services.AddSingleton<RecordActivity>();
        services.AddSingleton<OperatorAudit>();
        services.AddSingleton<RunLog>();
        services.TryAddSingleton<IOperatorAccess, EasyAuthAccess>();
        services.AddSingleton<RefusalAudit>();
        services.AddSingleton<CursorStore>();
        services.AddSingleton<TableMappingTables>();
        services.AddSingleton<IMappingTables>(sp => new MappingLookupRecorder(sp.GetRequiredService<TableMappingTables>()));
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton(sp => new FlowCatalog(sp.GetServices<FlowDefinition>(), sp));
        services.AddSingleton<RecordAdmission>();
        services.AddSingleton<WebhookInbox>();
        services.AddSingleton<InboxForwarder>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<PipelineBacklog>();
        services.AddSingleton<RecordRecovery>();
        services.AddSingleton<PoisonQueueWriter>();
        services.AddSingleton<IntakeBacklogGate>();
        services.AddSingleton<TickLease>();
        services.AddSingleton<FlowPoller>();
        services.AddSingleton<MessageDeferral>();
        services.AddSingleton<DocumentValidation>();
        services.AddSingleton<MapStage>();
        services.AddSingleton<WriteConcurrencyGate>();
        services.AddSingleton<WriteStage>();
        services.AddSingleton<DryRunner>();
        services.AddSingleton<PipelineMaintenance>();
        services.AddSingleton<PoisonReplayer>();
        services.AddSingleton<PipelineStatusReader>();
        services.AddSingleton<WebhookEndpoint>();
        services.AddSingleton<AdminEndpoints>();
        services.TryAddSingleton<ISecretStore>(_ => SecretStoreFactory.Create(configuration));
        return services;
    }

    /// <summary>Adds a flow the engine will run.</summary>
    public static IServiceCollection AddFlow(this IServiceCollection services, FlowDefinition flow) => services.AddSingleton(flow);
}
