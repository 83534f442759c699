import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import { AlertmanagerConfig } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig";
import { tenantLabels } from "../labels.ts";

/** The labels alerts are grouped by: one notification per service of a tenant. */
export const ALERT_GROUP_BY: readonly string[] = ["tenant", "service"];
/** How long Alertmanager waits to batch a new group's first alerts. */
export const GROUP_WAIT = "30s";
/** How long it waits before notifying about alerts added to a group already notified. */
export const GROUP_INTERVAL = "5m";

/** The Secret keys of the receivers (with the Prometheus Operator, in each tenant's Secret). */
export const PAGERDUTY_ROUTING_KEY = "pagerduty-routing-key";
export const SLACK_WEBHOOK_URL = "slack-webhook-url";

/** The receivers' names. */
export const PAGERDUTY_RECEIVER = "pagerduty-critical";
export const SLACK_RECEIVER = "slack-warnings";

/** The Slack message: which service of which tenant, and each alert's description. */
export const SLACK_TITLE = "[{{ .Status | toUpper }}] {{ .CommonLabels.tenant }}/{{ .CommonLabels.service }}: {{ .CommonLabels.alertname }}";
export const SLACK_TEXT = "{{ range .Alerts }}{{ .Annotations.description }}\n{{ end }}";

/** `15m`: how often a firing alert is sent again (PagerDuty's escalation runs on the repeats). */
export function repeatInterval(environment: ResolvedEnvironment): string {
  return `${environment.observability.alerting.repeatIntervalMinutes}m`;
}

/**
 * A tenant's alert routing (`alert-routing`, with the Prometheus Operator): alerts from its namespace grouped by
 * tenant and service; `critical` ones page through PagerDuty, the rest go to Slack; repeated every 15 minutes while
 * they fire; a critical alert of a service silences its warnings. The receivers' routing key and webhook URL come
 * from the environment's receivers Secret in the tenant's namespace: never from Git.
 *
 * The route matches `namespace` itself, since the monitoring add-on adds no namespace matcher
 * (`alertmanagerConfigMatcherStrategy: None`).
 */
export function buildAlertmanagerConfig(tenant: ResolvedTenant, environment: ResolvedEnvironment): AlertmanagerConfig | undefined {
  if (environment.observability.scraping !== "operator") return undefined;
  const secret = environment.observability.alerting.receiversSecretName;
  return new AlertmanagerConfig({
    metadata: { name: "alert-routing", namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: {
      route: {
        receiver: SLACK_RECEIVER,
        matchers: [{ name: "namespace", matchType: "=", value: tenant.name }],
        groupBy: [...ALERT_GROUP_BY],
        groupWait: GROUP_WAIT,
        groupInterval: GROUP_INTERVAL,
        repeatInterval: repeatInterval(environment),
        routes: [{ receiver: PAGERDUTY_RECEIVER, matchers: [{ name: "severity", matchType: "=", value: "critical" }] }],
      },
      receivers: [
        { name: PAGERDUTY_RECEIVER, pagerdutyConfigs: [{ routingKey: { name: secret, key: PAGERDUTY_ROUTING_KEY }, sendResolved: true }] },
        {
          name: SLACK_RECEIVER,
          slackConfigs: [{ apiURL: { name: secret, key: SLACK_WEBHOOK_URL }, sendResolved: true, title: SLACK_TITLE, text: SLACK_TEXT }],
        },
      ],
      inhibitRules: [
        {
          sourceMatch: [{ name: "severity", matchType: "=", value: "critical" }],
          targetMatch: [{ name: "severity", matchType: "=", value: "warning" }],
          equal: [...ALERT_GROUP_BY],
        },
      ],
    },
  });
}
