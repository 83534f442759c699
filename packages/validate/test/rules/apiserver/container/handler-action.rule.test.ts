import { handlerAction } from "../../../../src/rules/apiserver/container/handler-action.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { withContainer } from "./helpers.ts";

const HEADER_ERROR = "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

ruleTable(handlerAction, {
  valid: [
    { name: "an exec command and valid headers", manifests: [deployment(), withContainer((c) => { c.livenessProbe = { exec: { command: ["/bin/health"] } }; c.readinessProbe.httpGet.httpHeaders = [{ name: "X-Probe", value: "1" }]; })] },
    { name: "an httpGet with an empty path (defaulted to /)", manifests: [withContainer((c) => { c.lifecycle = { preStop: { httpGet: { path: "", port: 8080 } } }; })] },
  ],
  invalid: [
    { name: "an exec probe without a command", manifests: [withContainer((c) => { c.livenessProbe = { exec: {} }; })], errors: ["spec.template.spec.containers[0].livenessProbe.exec.command: Required value"] },
    { name: "a preStop hook with an empty command", manifests: [withContainer((c) => { c.lifecycle = { preStop: { exec: { command: [] } } }; })], errors: ["spec.template.spec.containers[0].lifecycle.preStop.exec.command: Required value"] },
    { name: "an underscore in a header name (reported without its index)", manifests: [withContainer((c) => { c.readinessProbe.httpGet.httpHeaders = [{ name: "X-Ok", value: "1" }, { name: "X_Probe", value: "1" }]; })], errors: [`spec.template.spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: "X_Probe": ${HEADER_ERROR}`] },
  ],
});
