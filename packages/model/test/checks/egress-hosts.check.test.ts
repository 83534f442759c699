import { describe, expect, it } from "vitest";
import { egressHosts } from "../../src/checks/egress-hosts.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { EgressSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec } from "../fixtures.ts";

const api = "api.payments.example";

describe("service/egress-hosts", () => {
  it("accepts a service without egress", () => {
    expect(egressHosts.check(checkoutSpec(), CONTEXT)).toEqual([]);
  });

  it.each<[string, EgressSpec[], FieldProblem[]]>([
    ["one host with the defaults (443, tls)", [{ host: api }], []],
    ["one host on two ports", [{ host: api }, { host: api, port: 8443, protocol: "https" }], []],
    ["two hosts on the same port", [{ host: api }, { host: "smtp.mail.example", port: 587, protocol: "tcp" }, { host: "hooks.mail.example" }], []],
    ["a port just outside the sidecar's", [{ host: api, port: 15002, protocol: "tcp" }], []],
    ["the same host and port twice", [{ host: api }, { host: api, port: 443, protocol: "https" }], [{ path: "egress[1]", message: "api.payments.example:443 is already declared by egress[0]" }]],
    [
      "a repeat three times, pointing at the first",
      [{ host: api, port: 80, protocol: "http" }, { host: api }, { host: api, port: 80 }, { host: api, port: 80, protocol: "tcp" }],
      [
        { path: "egress[2]", message: "api.payments.example:80 is already declared by egress[0]" },
        { path: "egress[3]", message: "api.payments.example:80 is already declared by egress[0]" },
      ],
    ],
    [
      "a service of the cluster",
      [{ host: "cart.shop.svc.cluster.local", port: 8080, protocol: "http" }],
      [{ path: "egress[0].host", message: '"cart.shop.svc.cluster.local" is a cluster-internal name (*.local); declare a service of the mesh in calls' }],
    ],
    ["a short cluster name", [{ host: "cart.shop.svc" }], [{ path: "egress[0].host", message: '"cart.shop.svc" is a cluster-internal name (*.svc); declare a service of the mesh in calls' }]],
    ["the sidecar's outbound port", [{ host: api, port: 15001 }], [{ path: "egress[0].port", message: "15001 is a port of the Istio sidecar itself" }]],
    [
      "a host too long for the ServiceEntry's name",
      [{ host: `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.com` }],
      [{ path: "egress[0].host", message: `"${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.com" makes the ServiceEntry name 263 characters long (at most 253)` }],
    ],
  ])("%s", (_, egress, problems) => {
    expect(egressHosts.check(checkoutSpec({ egress }), CONTEXT)).toEqual(problems);
  });
});
