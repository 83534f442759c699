import type { EnvironmentModel } from "@cloudlab/model";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { PLATFORM_LABELS } from "../objects/ingress-gateway.ts";
import {
  ALERT_GROUP_BY,
  GROUP_INTERVAL,
  GROUP_WAIT,
  PAGERDUTY_ROUTING_KEY,
  repeatInterval,
  SLACK_TEXT,
  SLACK_TITLE,
  SLACK_WEBHOOK_URL,
} from "./alert-routing.ts";
import { configYaml } from "./config-yaml.ts";
import { MONITORING_NAMESPACE } from "./monitoring-names.ts";

/** Where Alertmanager mounts the receivers Secret (the Alertmanager chart's `secrets:` layout). */
export const ALERTMANAGER_SECRETS_DIR = "/etc/alertmanager/secrets";

/**
 * Alertmanager's configuration without the Prometheus Operator (`alertmanager-config`, `alertmanager.yml`): the same
 * routing as each tenant's AlertmanagerConfig, one route per tenant matching its namespace. The receivers read their
 * routing key and webhook URL from files of the environment's receivers Secret (in `monitoring`, keys
 * `<tenant>-pagerduty-routing-key` and `<tenant>-slack-webhook-url`), mounted by the add-on: never from Git.
 * `undefined` with the operator.
 */
export function buildAlertmanagerConfigMap(model: EnvironmentModel): ConfigMap | undefined {
  const { environment, tenants } = model;
  if (environment.observability.scraping !== "annotations") return undefined;
  const secretDir = `${ALERTMANAGER_SECRETS_DIR}/${environment.observability.alerting.receiversSecretName}`;
  const config = {
    route: {
      receiver: "unrouted",
      group_by: [...ALERT_GROUP_BY],
      group_wait: GROUP_WAIT,
      group_interval: GROUP_INTERVAL,
      repeat_interval: repeatInterval(environment),
      routes: tenants.map((tenant) => ({
        receiver: `${tenant.name}-slack`,
        matchers: [`namespace="${tenant.name}"`],
        routes: [{ receiver: `${tenant.name}-pagerduty`, matchers: ['severity="critical"'] }],
      })),
    },
    receivers: [
      { name: "unrouted" },
      ...tenants.flatMap((tenant) => [
        { name: `${tenant.name}-pagerduty`, pagerduty_configs: [{ routing_key_file: `${secretDir}/${tenant.name}-${PAGERDUTY_ROUTING_KEY}`, send_resolved: true }] },
        {
          name: `${tenant.name}-slack`,
          slack_configs: [{ api_url_file: `${secretDir}/${tenant.name}-${SLACK_WEBHOOK_URL}`, send_resolved: true, title: SLACK_TITLE, text: SLACK_TEXT }],
        },
      ]),
    ],
    inhibit_rules: [{ source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: [...ALERT_GROUP_BY] }],
  };
  return new ConfigMap({
    metadata: { name: "alertmanager-config", namespace: MONITORING_NAMESPACE, labels: { ...PLATFORM_LABELS } },
    data: { "alertmanager.yml": configYaml(config) },
  });
}
