import { imageNotInStaging } from "../../src/risks/image-not-in-staging.risk.ts";
import { deployment, rendered, replace } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

const web = (image: string) => deployment("web", { image: `registry.example/shop/web:${image}` });

riskTable(imageNotInStaging, [
  { name: "promoted everywhere at once (staging runs it)", head: (base) => base.map((o) => (o.key.kind === "Deployment" ? rendered(o.key.environment, web("1.1.0")) : o)), flags: [] },
  { name: "staging first", head: (base) => replace(base, rendered("staging", web("1.1.0"))), flags: [] },
  { name: "prod after staging already runs it", base: [rendered("staging", web("1.1.0")), rendered("prod-us-west-2", web("1.0.0"))], head: (base) => replace(base, rendered("prod-us-west-2", web("1.1.0"))), flags: [] },
  {
    name: "prod before staging",
    head: (base) => replace(base, rendered("prod-us-west-2", web("1.1.0"))),
    flags: ["prod-us-west-2 Deployment/shop/web: container server: image registry.example/shop/web:1.1.0 is not running in staging"],
  },
  {
    name: "staging moved on in the same change (compared with the new render)",
    head: (base) => replace(base, rendered("staging", web("1.2.0")), rendered("prod-us-west-2", web("1.1.0")), rendered("prod-us-east-1", web("1.1.0"))),
    flags: [
      "prod-us-west-2 Deployment/shop/web: container server: image registry.example/shop/web:1.1.0 is not running in staging",
      "prod-us-east-1 Deployment/shop/web: container server: image registry.example/shop/web:1.1.0 is not running in staging",
    ],
  },
  {
    name: "a new workload in prod only",
    head: (base) => [...base, rendered("prod-us-west-2", deployment("api"))],
    flags: ["prod-us-west-2 Deployment/shop/api: container server: image registry.example/shop/api:1.0.0 is not running in staging"],
  },
  { name: "dev runs ahead", head: (base) => replace(base, rendered("dev", web("2.0.0"))), flags: [] },
]);
