import { virtualServiceDestination } from "../../../../src/rules/webhook/virtual-service/virtual-service-destination.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vs, vsHttp } from "../istio-fixtures.ts";

const split = (a: number, b: number) => vsHttp((h) => { h.route = [{ destination: { host: "web", subset: "v1" }, weight: a }, { destination: { host: "web", subset: "v2" }, weight: b }]; });

ruleTable(virtualServiceDestination, {
  valid: [
    { name: "one destination", manifests: [vs()] },
    { name: "weights that do not sum to 100 (no longer checked)", manifests: [split(30, 30)] },
    { name: "one destination with weight 0", manifests: [vsHttp((h) => { h.route[0].weight = 0; })] },
    { name: "a TCP route and a port", manifests: [vs((v) => { v.spec.tcp = [{ route: [{ destination: { host: "db.shop.svc.cluster.local", port: { number: 5432 } } }] }]; })] },
  ],
  invalid: [
    { name: "a negative weight", manifests: [split(-10, 110)], errors: ["spec.http[0].route[0].weight: weight -10 < 0"] },
    { name: "all weights 0", manifests: [split(0, 0)], errors: ["spec.http[0].route: total destination weight = 0"] },
    { name: "a * destination", manifests: [vsHttp((h) => { h.route[0].destination.host = "*"; })], errors: ["spec.http[0].route[0].destination.host: invalid destination host *"] },
    { name: "no destination", manifests: [vsHttp((h) => { h.route = [{ weight: 100 }]; })], errors: ["spec.http[0].route[0]: destination is required"] },
    { name: "an invalid subset", manifests: [vsHttp((h) => { h.route[0].destination.subset = "v1.0"; })], errors: ["spec.http[0].route[0].destination.subset: subset name is invalid: v1.0"] },
    { name: "a port 0", manifests: [vs((v) => { v.spec.tcp = [{ route: [{ destination: { host: "db", port: { number: 0 } } }] }]; })], errors: ["spec.tcp[0].route[0].destination.port.number: port number 0 must be in the range 1..65535"] },
    { name: "an empty mirror host", manifests: [vsHttp((h) => { h.mirror = { host: "" }; })], errors: ["spec.http[0].mirror.host: empty domain name not allowed"] },
    { name: "a mirror without destination", manifests: [vsHttp((h) => { h.mirrors = [{ percentage: { value: 5 } }]; })], errors: ["spec.http[0].mirrors[0]: destination is required for mirrors"] },
  ],
});
