import { destinationRuleConnectionPool } from "../../../../src/rules/webhook/destination-rule/destination-rule-connection-pool.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { dr } from "../istio-fixtures.ts";

const pool = (p: object) => dr((d) => { d.spec.trafficPolicy = { connectionPool: p }; });

ruleTable(destinationRuleConnectionPool, {
  valid: [{ name: "HTTP and TCP limits", manifests: [pool({ http: { http1MaxPendingRequests: 1024, http2MaxRequests: 1024, idleTimeout: "1h" }, tcp: { maxConnections: 100, connectTimeout: "250ms", tcpKeepalive: { time: "7200s", interval: "75s" } } })] }],
  invalid: [
    { name: "an empty pool", manifests: [pool({})], errors: ["spec.trafficPolicy.connectionPool: connection pool must have at least one field"] },
    { name: "negative limits", manifests: [pool({ tcp: { maxConnections: -1 }, http: { maxRetries: -2 } })], errors: ["spec.trafficPolicy.connectionPool.tcp.maxConnections: max connections must be non-negative", "spec.trafficPolicy.connectionPool.http.maxRetries: max retries must be non-negative"] },
    { name: "a connect timeout below 1ms", manifests: [pool({ tcp: { connectTimeout: "500us" } })], errors: ["spec.trafficPolicy.connectionPool.tcp.connectTimeout: duration must be greater than 1ms"] },
    { name: "client protocol with UPGRADE", manifests: [pool({ http: { h2UpgradePolicy: "UPGRADE", useClientProtocol: true } })], errors: ["spec.trafficPolicy.connectionPool.http.useClientProtocol: use client protocol must not be true when H2UpgradePolicy is UPGRADE"] },
  ],
});
