// Log alerts on the pipeline's custom metrics (meter "MlConnector", exported by the Azure Monitor OpenTelemetry
// distro to Application Insights customMetrics, one row per series and export interval, with the instrument's tags
// `flow`, `stage` or `queue` as customDimensions; poison depth is per queue, the rest per flow). See docs/operations.md
// for what each one means and what to do.

param applicationInsightsId string
param location string
param tags object
param namePrefix string

@description('Email that receives alerts; empty creates the alerts without a notification (visible in the portal).')
param alertEmail string = ''

@description('Alert when a flow\'s source lag (seconds since the newest record it has caught up to) exceeds this many minutes.')
param sourceLagAlertMinutes int = 120

@description('Alert when a flow has more failed map/write attempts than this in 15 minutes (single failures are retried and usually heal).')
param failedAttemptsAlertThreshold int = 10

@description('The operator console\'s Needs attention page; the new-reject-reason alert links to it.')
param attentionPageUrl string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'mlc-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmail) ? [] : [actionGroup.id]

resource poisonDepth 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-poison-depth'
  location: location
  tags: tags
  properties: {
    displayName: 'ml-connector: messages in a poison queue'
    description: 'A record failed maxDequeueCount (5) times and waits in <queue>-poison. Fix the cause, then replay (docs/operations.md).'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "mlc.poison.depth" | extend queue = tostring(customDimensions.queue) | summarize depth = max(valueMax) by queue'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'depth'
          dimensions: [
            {
              name: 'queue'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actions
    }
  }
}

resource sourceLag 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-source-lag'
  location: location
  tags: tags
  properties: {
    displayName: 'ml-connector: a flow is behind its source'
    description: 'The newest source change a flow has processed is older than the threshold: polls are failing or not running.'
    severity: 3
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT30M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "mlc.source.lag" | extend flow = tostring(customDimensions.flow) | summarize lagMinutes = max(valueMax) / 60.0 by flow'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'lagMinutes'
          dimensions: [
            {
              name: 'flow'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: sourceLagAlertMinutes
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actions
    }
  }
}

resource recordsFailed 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-records-failed'
  location: location
  tags: tags
  properties: {
    displayName: 'ml-connector: map or write attempts failing'
    description: 'Many map/write attempts failed (mlc.records.failed, by flow and stage); each is retried, and after 5 the message moves to a poison queue.'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "mlc.records.failed" | extend flow = tostring(customDimensions.flow) | summarize attempts = sum(valueSum) by flow'
          timeAggregation: 'Total'
          metricMeasureColumn: 'attempts'
          dimensions: [
            {
              name: 'flow'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: failedAttemptsAlertThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actions
    }
  }
}

// A new reject reason (per flow and reason group, not per record): mlc.records.rejected carries the reason group as
// its `reason` dimension (RejectReason in the engine). Stateful (autoMitigate): one notification per flow and reason,
// not repeated while that reason keeps recurring (rejects are retried on every sync, at least daily), resolved after two
// days without it. The `page` dimension carries the console link filtered to the flow, so the notification says what
// to do and where.
resource newRejectReason 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${namePrefix}-new-reject-reason'
  location: location
  tags: tags
  properties: {
    displayName: 'ml-connector: records rejected for a new reason'
    description: 'Records of a flow are rejected for a reason not seen before (the `reason` dimension), usually a missing mapping or X3 record. Open the `page` link (the operator console, Needs attention), add the mapping or fix the data there, then reprocess. See docs/operations.md.'
    severity: 3
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'P2D'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "mlc.records.rejected" | extend flow = tostring(customDimensions.flow), reason = tostring(customDimensions.reason) | where isnotempty(reason) and reason != "(none)" | summarize rejected = sum(valueSum) by flow, reason | extend page = strcat("${attentionPageUrl}?flow=", url_encode_component(flow))'
          timeAggregation: 'Total'
          metricMeasureColumn: 'rejected'
          dimensions: [
            {
              name: 'flow'
              operator: 'Include'
              values: [
                '*'
              ]
            }
            {
              name: 'reason'
              operator: 'Include'
              values: [
                '*'
              ]
            }
            {
              name: 'page'
              operator: 'Include'
              values: [
                '*'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: actions
    }
  }
}
