import { prodDigestChanged } from "../../src/risks/prod-digest-changed.risk.ts";
import type { RenderedObject } from "../../src/index.ts";
import { baseline, deployment, rendered, replace } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

const A = `sha256:${"a".repeat(64)}`;
const B = `sha256:${"b".repeat(64)}`;
const web = (image: string) => deployment("web", { image: `registry.example/shop/web${image}` });
/** `base` with web running `image` in every environment. */
const running = (image: string) => (base: readonly RenderedObject[]) => base.map((o) => (o.key.kind === "Deployment" ? rendered(o.key.environment, web(image)) : o));
/** The baseline with web running `image` in every environment. */
const from = (image: string) => running(image)(baseline());

riskTable(prodDigestChanged, [
  { name: "a new tag and a new digest", base: from(`:1.0.0@${A}`), head: running(`:1.1.0@${B}`), flags: [] },
  { name: "a new tag, no digests", head: running(":1.1.0"), flags: [] },
  { name: "a digest added to the same tag (pinning it)", base: from(":1.0.0"), head: running(`:1.0.0@${A}`), flags: [] },
  { name: "a digest removed", base: from(`:1.0.0@${A}`), head: running(":1.0.0"), flags: [] },
  { name: "another repository, same tag, another digest", base: from(`:1.0.0@${A}`), head: (base) => base.map((o) => (o.key.kind === "Deployment" ? rendered(o.key.environment, deployment("web", { image: `mirror.example/shop/web:1.0.0@${B}` })) : o)), flags: [] },
  { name: "the same digest", base: from(`:1.0.0@${A}`), head: running(`:1.0.0@${A}`), flags: [] },
  {
    name: "staging and dev only",
    base: from(`:1.0.0@${A}`),
    head: (base) => replace(base, rendered("staging", web(`:1.0.0@${B}`)), rendered("dev", web(`:1.0.0@${B}`))),
    flags: [],
  },
  {
    name: "the same tag, another digest, in both prod clusters",
    base: from(`:1.0.0@${A}`),
    head: running(`:1.0.0@${B}`),
    flags: [
      "prod-us-west-2 Deployment/shop/web: container server: image registry.example/shop/web:1.0.0 changes its digest (sha256:aaaaaaaaaaaa… → sha256:bbbbbbbbbbbb…) but not its tag: confirm the new build, or give it a new tag",
      "prod-us-east-1 Deployment/shop/web: container server: image registry.example/shop/web:1.0.0 changes its digest (sha256:aaaaaaaaaaaa… → sha256:bbbbbbbbbbbb…) but not its tag: confirm the new build, or give it a new tag",
    ],
  },
  {
    name: "no tag at all, another digest",
    base: from(`@${A}`),
    head: (base) => replace(base, rendered("prod-us-west-2", web(`@${B}`))),
    flags: ["prod-us-west-2 Deployment/shop/web: container server: image registry.example/shop/web changes its digest (sha256:aaaaaaaaaaaa… → sha256:bbbbbbbbbbbb…) but not its tag: confirm the new build, or give it a new tag"],
  },
]);
