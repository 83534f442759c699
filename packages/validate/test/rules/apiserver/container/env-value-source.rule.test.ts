import { envValueSource } from "../../../../src/rules/apiserver/container/env-value-source.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const env = (variable: object) => deployment((d) => { d.spec.template.spec.containers[0].env = [variable]; });
const secret = { secretKeyRef: { name: "db", key: "password" } };

ruleTable(envValueSource, {
  valid: [
    { name: "a value", manifests: [env({ name: "A", value: "1" })] },
    { name: "a valueFrom with one source", manifests: [env({ name: "A", valueFrom: secret })] },
    { name: "an empty value with a valueFrom", manifests: [env({ name: "A", value: "", valueFrom: secret })] },
    { name: "neither (an empty variable)", manifests: [env({ name: "A" })] },
  ],
  invalid: [
    { name: "both value and valueFrom", manifests: [env({ name: "A", value: "1", valueFrom: secret })], errors: ['spec.template.spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'] },
    { name: "two sources", manifests: [env({ name: "A", valueFrom: { ...secret, configMapKeyRef: { name: "c", key: "k" } } })], errors: ['spec.template.spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time'] },
    { name: "a value and two sources: one finding, about the value", manifests: [env({ name: "A", value: "1", valueFrom: { ...secret, configMapKeyRef: { name: "c", key: "k" } } })], errors: ['spec.template.spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty'] },
    { name: "no source", manifests: [env({ name: "A", valueFrom: {} })], errors: ['spec.template.spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'] },
  ],
});
