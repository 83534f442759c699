import { virtualServiceIneffectiveMatch } from "../../../../src/rules/analysis/virtual-service/virtual-service-ineffective-match.rule.ts";
import { virtualService, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const destination = { destination: { host: "web.shop.svc.cluster.local" } };
const http = (...rules: Json[]) => virtualService((v) => { v.spec.http = rules.map((r) => ({ route: [destination], ...r })); });

ruleTable(virtualServiceIneffectiveMatch, {
  valid: [
    { name: "distinct matches", manifests: [http({ match: [{ uri: { exact: "/a" } }] }, { match: [{ uri: { exact: "/b" } }] })] },
    { name: "a longer prefix before a shorter one", manifests: [http({ match: [{ uri: { prefix: "/api/v2" } }] }, { match: [{ uri: { prefix: "/api" } }] })] },
    { name: "a shorter prefix with a header condition the later match lacks", manifests: [http({ match: [{ uri: { prefix: "/api" }, headers: { x: { exact: "1" } } }] }, { match: [{ uri: { prefix: "/api/v2" } }] })] },
    { name: "a shorter prefix on another port", manifests: [http({ match: [{ uri: { prefix: "/api" }, port: 8080 }] }, { match: [{ uri: { prefix: "/api/v2" } }] })] },
    { name: "a shorter prefix for another method", manifests: [http({ match: [{ uri: { prefix: "/api" }, method: { exact: "POST" } }] }, { match: [{ uri: { prefix: "/api/v2" } }] })] },
  ],
  invalid: [
    {
      name: "a duplicate match in a later rule",
      manifests: [http({ match: [{ uri: { exact: "/a" } }] }, { match: [{ uri: { exact: "/b" } }, { uri: { exact: "/a" } }] })],
      errors: ["spec.http[1].match[1]: VirtualService rule #1 match #1 is not used (duplicate/overlapping match in rule #0). (IST0131)"],
    },
    {
      name: "named rules and matches",
      manifests: [http({ name: "first", match: [{ uri: { exact: "/a" } }] }, { name: "second", match: [{ uri: { exact: "/b" } }, { name: "again", uri: { exact: "/a" } }] })],
      errors: ['spec.http[1].match[1]: VirtualService rule "second" match "again" is not used (duplicate/overlapping match in rule "first"). (IST0131)'],
    },
    {
      name: "a prefix covered by an earlier, shorter one",
      manifests: [http({ match: [{ uri: { prefix: "/api" } }] }, { match: [{ uri: { prefix: "/api/v2" } }] })],
      errors: ["spec.http[1].match[0]: VirtualService rule #1 match #0 of prefix /api/v2 is not used (duplicate/overlapping match in rule #0 of prefix /api on #0). (IST0131)"],
    },
    {
      name: "a tls match repeated",
      manifests: [
        virtualService((v) => {
          v.spec.http = undefined;
          v.spec.tls = [
            { match: [{ sniHosts: ["web.shop.svc.cluster.local"] }], route: [destination] },
            { match: [{ sniHosts: ["web.shop.svc.cluster.local"] }, { sniHosts: ["web.shop.svc.cluster.local"], port: 8443 }], route: [destination] },
          ];
        }),
      ],
      errors: ["spec.tls[1].match[0]: VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0). (IST0131)"],
    },
  ],
});
