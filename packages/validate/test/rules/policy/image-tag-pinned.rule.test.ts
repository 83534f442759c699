import { imageTagPinned } from "../../../src/rules/policy/image-tag-pinned.rule.ts";
import { deployment } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

const image = (reference: string) => deployment((d) => { d.spec.template.spec.containers[0].image = reference; });

ruleTable(imageTagPinned, {
  valid: [
    { name: "a version tag", manifests: [image("registry.example:5000/shop/web:1.2.3")] },
    { name: "a digest", manifests: [image(`registry.example/shop/web@sha256:${"a".repeat(64)}`)] },
  ],
  invalid: [
    { name: "latest", manifests: [image("registry.example/shop/web:latest")], errors: ['spec.template.spec.containers[0].image: Invalid value: "registry.example/shop/web:latest": uses the moving `latest` tag; pin a version tag or a digest'] },
    { name: "no tag (a registry port is not a tag)", manifests: [image("registry.example:5000/shop/web")], errors: ['spec.template.spec.containers[0].image: Invalid value: "registry.example:5000/shop/web": has no tag, so it pulls the moving `latest`; pin a version tag or a digest'] },
  ],
});
