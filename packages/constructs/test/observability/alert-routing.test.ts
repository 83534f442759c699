import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { buildAlertmanagerConfig, buildAlertmanagerConfigMap } from "../../src/index.ts";
import { observedModel } from "./observability-fixtures.ts";

describe("buildAlertmanagerConfig", () => {
  const model = observedModel("prod-us-west-2", { alerting: { receiversSecretName: "shop-receivers", repeatIntervalMinutes: 15 } });
  const shop = model.tenants.find((t) => t.name === "shop")!;
  const config = buildAlertmanagerConfig(shop, model.environment)!;

  it("routes the tenant's alerts, grouped by tenant and service, repeated every 15 minutes", () => {
    expect(config.metadata).toMatchObject({ name: "alert-routing", namespace: "shop" });
    expect(config.spec.route).toMatchObject({
      matchers: [{ name: "namespace", matchType: "=", value: "shop" }],
      groupBy: ["tenant", "service"],
      repeatInterval: "15m",
      receiver: "slack-warnings",
    });
    expect(() => config.validate()).not.toThrow();
  });

  it("pages critical alerts through PagerDuty and sends warnings to Slack", () => {
    expect(config.spec.route!.routes).toEqual([{ receiver: "pagerduty-critical", matchers: [{ name: "severity", matchType: "=", value: "critical" }] }]);
    const receivers = Object.fromEntries(config.spec.receivers!.map((r) => [r.name, r]));
    expect(Object.keys(receivers)).toEqual(["pagerduty-critical", "slack-warnings"]);
    expect(receivers["pagerduty-critical"]!.pagerdutyConfigs).toMatchObject([{ routingKey: { name: "shop-receivers", key: "pagerduty-routing-key" } }]);
    expect(receivers["slack-warnings"]!.slackConfigs).toMatchObject([{ apiURL: { name: "shop-receivers", key: "slack-webhook-url" } }]);
  });

  it("holds no endpoint or key itself: only references to the Secret", () => {
    const text = JSON.stringify(config.toJSON());
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/hooks\.slack|events\.pagerduty/);
  });

  it("follows the environment's repeat interval, and is replaced by the ConfigMap without the operator", () => {
    const slow = observedModel("staging", { alerting: { repeatIntervalMinutes: 60 } });
    expect(buildAlertmanagerConfig(slow.tenants[0]!, slow.environment)!.spec.route!.repeatInterval).toBe("60m");
    expect(buildAlertmanagerConfigMap(model)).toBeUndefined();
    const plain = observedModel("prod-us-west-2", { scraping: "annotations" });
    expect(buildAlertmanagerConfig(plain.tenants[0]!, plain.environment)).toBeUndefined();
  });
});

describe("buildAlertmanagerConfigMap", () => {
  const model = observedModel("prod-us-west-2", { scraping: "annotations" });
  const config = parse(buildAlertmanagerConfigMap(model)!.data!["alertmanager.yml"]!) as {
    route: { group_by: string[]; repeat_interval: string; routes: { matchers: string[]; receiver: string; routes: { matchers: string[]; receiver: string }[] }[] };
    receivers: { name: string; pagerduty_configs?: { routing_key_file: string }[]; slack_configs?: { api_url_file: string }[] }[];
  };

  it("routes each tenant's namespace to its own receivers, critical alerts to PagerDuty", () => {
    expect(config.route.group_by).toEqual(["tenant", "service"]);
    expect(config.route.repeat_interval).toBe("15m");
    expect(config.route.routes).toEqual([
      { receiver: "shop-slack", matchers: ['namespace="shop"'], routes: [{ receiver: "shop-pagerduty", matchers: ['severity="critical"'] }] },
      { receiver: "storefront-slack", matchers: ['namespace="storefront"'], routes: [{ receiver: "storefront-pagerduty", matchers: ['severity="critical"'] }] },
    ]);
  });

  it("reads the receivers' key and webhook from the mounted Secret's files", () => {
    const shop = config.receivers.filter((r) => r.name.startsWith("shop-"));
    expect(shop).toMatchObject([
      { name: "shop-pagerduty", pagerduty_configs: [{ routing_key_file: "/etc/alertmanager/secrets/alert-receivers/shop-pagerduty-routing-key" }] },
      { name: "shop-slack", slack_configs: [{ api_url_file: "/etc/alertmanager/secrets/alert-receivers/shop-slack-webhook-url" }] },
    ]);
  });
});
