import { peerAuthenticationPortLevelMtls } from "../../../../src/rules/webhook/peer-authentication/peer-authentication-port-level-mtls.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { pa } from "../istio-fixtures.ts";

ruleTable(peerAuthenticationPortLevelMtls, {
  valid: [
    { name: "a selected workload's port", manifests: [pa((p) => { p.spec.portLevelMtls = { 8080: { mode: "STRICT" } }; })] },
    { name: "namespace-wide without ports", manifests: [pa((p) => { delete p.spec.selector; })] },
  ],
  invalid: [
    { name: "namespace-wide with ports", manifests: [pa((p) => { delete p.spec.selector; p.spec.portLevelMtls = { 8080: { mode: "STRICT" } }; })], errors: ["spec.portLevelMtls: mesh/namespace peer authentication cannot have port level mTLS"] },
    { name: "an empty map", manifests: [pa((p) => { p.spec.portLevelMtls = {}; })], errors: ["spec.portLevelMtls: port level mTLS, if defined, must have at least one element"] },
    { name: "port 0", manifests: [pa((p) => { p.spec.portLevelMtls = { 0: { mode: "STRICT" } }; })], errors: ["spec.portLevelMtls[0]: port must be in range 1..65535"] },
    { name: "a wildcard selector", manifests: [pa((p) => { p.spec.selector.matchLabels = { app: "*" }; })], errors: ['spec.selector.matchLabels[app]: wildcard is not supported in selector: "app=*"'] },
  ],
});
