import { envVarName } from "../../../../src/rules/apiserver/container/env-var-name.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const REGEX = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const env = (...names: string[]) => deployment((d) => { d.spec.template.spec.containers[0].env = names.map((name) => ({ name, value: "x" })); });

ruleTable(envVarName, {
  valid: [
    { name: "letters, digits, '_', '-' and '.'", manifests: [env("PORT", "my.env-name", "_x", "MyEnvName1")] },
    { name: "an envFrom prefix", manifests: [deployment((d) => { d.spec.template.spec.containers[0].envFrom = [{ prefix: "DB_", configMapRef: { name: "db" } }]; })] },
  ],
  invalid: [
    { name: "a leading digit", manifests: [env("1ST")], errors: [`spec.template.spec.containers[0].env[0].name: Invalid value: "1ST": ${REGEX}`] },
    { name: "a space, and '..'", manifests: [env("MY VAR", "..")], errors: [`spec.template.spec.containers[0].env[0].name: Invalid value: "MY VAR": ${REGEX}`, "spec.template.spec.containers[0].env[1].name: Invalid value: \"..\": must not be '..'"] },
    { name: "an envFrom prefix with '='", manifests: [deployment((d) => { d.spec.template.spec.containers[0].envFrom = [{ prefix: "A=", configMapRef: { name: "db" } }]; })], errors: [`spec.template.spec.containers[0].envFrom[0].prefix: Invalid value: "A=": ${REGEX}`] },
  ],
});
