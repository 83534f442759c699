import { containerImage } from "../../../../src/rules/apiserver/container/container-image.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { initContainer, pod, withContainer, withInitContainers } from "./helpers.ts";

ruleTable(containerImage, {
  valid: [
    { name: "images with tags and digests", manifests: [deployment(), pod((p) => { p.spec.containers[0].image = "registry.example/web@sha256:" + "a".repeat(64); })] },
    { name: "an untagged image (policy's concern, not the apiserver's)", manifests: [withContainer((c) => { c.image = "nginx"; })] },
  ],
  invalid: [
    { name: "no image", manifests: [withContainer((c) => { delete c.image; })], errors: ["spec.template.spec.containers[0].image: Required value"] },
    { name: "an empty image on an init container", manifests: [withInitContainers(initContainer("init", { image: "" }))], errors: ["spec.template.spec.initContainers[0].image: Required value"] },
    { name: "a trailing space in a Pod", manifests: [pod((p) => { p.spec.containers[0].image = "nginx:1.25 "; })], errors: ['spec.containers[0].image: Invalid value: "nginx:1.25 ": must not have leading or trailing whitespace'] },
    { name: "a blank image in a template (its pods would be rejected)", manifests: [withContainer((c) => { c.image = " "; })], errors: ['spec.template.spec.containers[0].image: Invalid value: " ": must not have leading or trailing whitespace'] },
  ],
});
