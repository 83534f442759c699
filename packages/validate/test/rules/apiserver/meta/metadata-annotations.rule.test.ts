import { metadataAnnotations } from "../../../../src/rules/apiserver/meta/metadata-annotations.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(metadataAnnotations, {
  valid: [
    { name: "prefixed keys with any value", manifests: [deployment((d) => { d.metadata.annotations = { "example.com/Note": "anything: at all", checksum: "x".repeat(1000) }; })] },
    { name: "upper-case prefixes are checked case-insensitively", manifests: [deployment((d) => { d.metadata.annotations = { "Example.COM/note": "x" }; })] },
  ],
  invalid: [
    { name: "a key with a space", manifests: [deployment((d) => { d.metadata.annotations = { "my note": "x" }; })], errors: ["metadata.annotations[my note]: Invalid value: \"my note\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"] },
    { name: "an empty prefix, on the pod template", manifests: [deployment((d) => { d.spec.template.metadata.annotations = { "/note": "x" }; })], errors: ['spec.template.metadata.annotations[/note]: Invalid value: "/note": prefix part must be non-empty'] },
    { name: "more than 256 KiB in total", manifests: [deployment((d) => { d.metadata.annotations = { a: "x".repeat(200_000), b: "y".repeat(70_000) }; })], errors: ["metadata.annotations: Too long: must have at most 262144 bytes"] },
  ],
});
