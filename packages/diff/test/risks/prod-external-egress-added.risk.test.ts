import { prodExternalEgressAdded } from "../../src/risks/prod-external-egress-added.risk.ts";
import { manifest, rendered, replace, without } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

const PROVIDER = "api.payments.example";
const ENTRY = `ServiceEntry/shop/payment-egress-${PROVIDER}`;

/** A ServiceEntry as the platform renders a service's external host. */
function serviceEntry(hosts: readonly string[], ports: readonly [number, string][], location: string | undefined = "MESH_EXTERNAL", name = `payment-egress-${PROVIDER}`) {
  return manifest("networking.istio.io/v1beta1", "ServiceEntry", name, {
    hosts,
    ...(location === undefined ? {} : { location }),
    resolution: "DNS",
    exportTo: ["."],
    ports: ports.map(([number, protocol]) => ({ number, name: `${protocol.toLowerCase()}-${number}`, protocol })),
  });
}

const everyEnvironment = (object: ReturnType<typeof serviceEntry>) => ["dev", "staging", "prod-us-west-2", "prod-us-east-1"].map((env) => rendered(env, object));
const tls = serviceEntry([PROVIDER], [[443, "TLS"]]);

riskTable(prodExternalEgressAdded, [
  { name: "unchanged", head: (base) => base, flags: [] },
  {
    name: "a new external host in every environment: flagged in prod only",
    head: (base) => [...base, ...everyEnvironment(tls)],
    // Report order: the primary before the DR cluster.
    flags: [`prod-us-west-2 ${ENTRY}: new external egress: ${PROVIDER} on 443/TLS`, `prod-us-east-1 ${ENTRY}: new external egress: ${PROVIDER} on 443/TLS`],
  },
  { name: "a new external host in dev and staging only", head: (base) => [...base, rendered("dev", tls), rendered("staging", tls)], flags: [] },
  {
    name: "an entry without a location (Istio's default is MESH_EXTERNAL)",
    head: (base) => [...base, rendered("prod-us-west-2", serviceEntry([PROVIDER], [[443, "TLS"]], undefined))],
    flags: [`prod-us-west-2 ${ENTRY}: new external egress: ${PROVIDER} on 443/TLS`],
  },
  { name: "a new entry inside the mesh (MESH_INTERNAL)", head: (base) => [...base, rendered("prod-us-west-2", serviceEntry(["vm.shop.internal"], [[5432, "TCP"]], "MESH_INTERNAL"))], flags: [] },
  {
    name: "a port added to an external entry",
    base: [rendered("prod-us-west-2", tls)],
    head: (base) => replace(base, rendered("prod-us-west-2", serviceEntry([PROVIDER], [[443, "TLS"], [8443, "HTTPS"]]))),
    flags: [`prod-us-west-2 ${ENTRY}: new external ports of ${PROVIDER}: 8443/HTTPS`],
  },
  {
    name: "a host added to an external entry",
    base: [rendered("prod-us-west-2", tls)],
    head: (base) => replace(base, rendered("prod-us-west-2", serviceEntry([PROVIDER, "eu.payments.example"], [[443, "TLS"]]))),
    flags: [`prod-us-west-2 ${ENTRY}: new external hosts: eu.payments.example`],
  },
  {
    name: "an entry moved outside the mesh",
    base: [rendered("prod-us-west-2", serviceEntry([PROVIDER], [[443, "TLS"]], "MESH_INTERNAL"))],
    head: (base) => replace(base, rendered("prod-us-west-2", tls)),
    flags: [`prod-us-west-2 ${ENTRY}: new external egress: ${PROVIDER} on 443/TLS`],
  },
  { name: "a port removed (narrower)", base: [rendered("prod-us-west-2", serviceEntry([PROVIDER], [[443, "TLS"], [8443, "HTTPS"]]))], head: (base) => replace(base, rendered("prod-us-west-2", tls)), flags: [] },
  { name: "an external entry deleted", base: [rendered("prod-us-west-2", tls)], head: (base) => without(base, "prod-us-west-2", "ServiceEntry", `payment-egress-${PROVIDER}`), flags: [] },
]);
