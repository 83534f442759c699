import type { ResolvedEnvironment, ResolvedService, ResolvedTenant } from "@cloudlab/model";
import type { ExternalSecret } from "@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret";
import { serviceLabels, tenantLabels } from "../labels.ts";
import { PAGERDUTY_ROUTING_KEY, SLACK_WEBHOOK_URL } from "../observability/alert-routing.ts";
import { buildExternalSecret } from "./external-secret.ts";

/** Where the alert receivers' keys live under each tenant's prefix (`<pathPrefix>/<tenant>/alert-receivers`). */
export const ALERT_RECEIVERS_PATH = "alert-receivers";

/** The ExternalSecrets of one service: one per declared secret, into the service's folder. */
export function serviceExternalSecrets(service: ResolvedService, environment: ResolvedEnvironment): ExternalSecret[] {
  return service.secrets.map((secret) => buildExternalSecret({ secret, tenant: service.tenant, environment, labels: serviceLabels(service) }));
}

/**
 * The ExternalSecrets of a whole tenant, into `<tenant>/_tenant/`: the secrets it shares with its services and, where
 * the tenant's AlertmanagerConfig reads its receivers from a Secret (the Prometheus Operator), that Secret, read from
 * the tenant's `alert-receivers` (keys `pagerduty-routing-key` and `slack-webhook-url`), so alert routing never
 * depends on a Secret created by hand.
 */
export function tenantExternalSecrets(tenant: ResolvedTenant, environment: ResolvedEnvironment): ExternalSecret[] {
  const labels = tenantLabels(tenant);
  const receivers =
    environment.observability.scraping === "operator"
      ? [
          {
            name: environment.observability.alerting.receiversSecretName,
            from: ALERT_RECEIVERS_PATH,
            keys: [PAGERDUTY_ROUTING_KEY, SLACK_WEBHOOK_URL],
            refresh: "1h",
          },
        ]
      : [];
  return [...tenant.secrets, ...receivers].map((secret) => buildExternalSecret({ secret, tenant: tenant.name, environment, labels }));
}
