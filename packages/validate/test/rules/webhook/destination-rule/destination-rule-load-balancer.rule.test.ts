import { destinationRuleLoadBalancer } from "../../../../src/rules/webhook/destination-rule/destination-rule-load-balancer.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { dr } from "../istio-fixtures.ts";

const lb = (l: object) => dr((d) => { d.spec.trafficPolicy = { loadBalancer: l }; });

ruleTable(destinationRuleLoadBalancer, {
  valid: [
    { name: "locality failover and a cookie hash", manifests: [lb({ consistentHash: { httpCookie: { name: "session", ttl: "0s" } }, localityLbSetting: { enabled: true, failover: [{ from: "us-east-1", to: "us-west-2" }] } })] },
    { name: "a distribution and a prime Maglev table", manifests: [lb({ consistentHash: { httpHeaderName: "x-user", maglev: { tableSize: 65537 } }, localityLbSetting: { distribute: [{ from: "us-east-1/*", to: { "us-east-1/*": 80, "us-west-2/*": 20 } }] } })] },
  ],
  invalid: [
    { name: "an unnamed cookie", manifests: [lb({ consistentHash: { httpCookie: { ttl: "10s" } } })], errors: ["spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.name: name required for HttpCookie"] },
    { name: "a composite Maglev table", manifests: [lb({ consistentHash: { useSourceIp: true, maglev: { tableSize: 1000 } } })], errors: ["spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize: tableSize must be a prime number for maglev"] },
    { name: "weights not summing to 100", manifests: [lb({ localityLbSetting: { distribute: [{ from: "us-east-1/*", to: { "us-east-1/*": 70, "us-west-2/*": 20 } }] } })], errors: ["spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to: total locality weight 90 != 100"] },
    {
      name: "distribute and failover",
      manifests: [lb({ localityLbSetting: { distribute: [{ from: "a/*", to: { "a/*": 100 } }], failover: [{ from: "a", to: "b" }] } })],
      errors: ["spec.trafficPolicy.loadBalancer.localityLbSetting: can not simultaneously specify 'distribute' and 'failover'"],
    },
    { name: "a failover to the same region", manifests: [lb({ localityLbSetting: { failover: [{ from: "us-east-1", to: "us-east-1" }] } })], errors: ["spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]: locality lb failover settings must specify different regions"] },
    { name: "a warm-up below 1ms", manifests: [lb({ warmupDurationSecs: "0s" })], errors: ["spec.trafficPolicy.loadBalancer.warmupDurationSecs: duration must be greater than 1ms"] },
  ],
});
