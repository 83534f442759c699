import { mtlsRelaxed } from "../../src/risks/mtls-relaxed.risk.ts";
import { destinationRule, peerAuthentication, rendered, replace, without } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

riskTable(mtlsRelaxed, [
  { name: "STRICT stays STRICT", head: (base) => base, flags: [] },
  {
    name: "PeerAuthentication STRICT → PERMISSIVE, in dev too",
    head: (base) => replace(base, rendered("dev", peerAuthentication("PERMISSIVE"))),
    flags: ["dev PeerAuthentication/shop/default: mtls.mode STRICT → PERMISSIVE"],
  },
  {
    name: "PeerAuthentication mode removed (inherits)",
    head: (base) => replace(base, rendered("staging", peerAuthentication(undefined))),
    flags: ["staging PeerAuthentication/shop/default: mtls.mode STRICT removed"],
  },
  {
    name: "a STRICT PeerAuthentication deleted",
    head: (base) => without(base, "prod-us-west-2", "PeerAuthentication", "default"),
    flags: ["prod-us-west-2 PeerAuthentication/shop/default: a STRICT PeerAuthentication is deleted"],
  },
  {
    name: "a new PERMISSIVE PeerAuthentication",
    head: (base) => [...base, rendered("dev", peerAuthentication("PERMISSIVE", "web"))],
    flags: ["dev PeerAuthentication/shop/web: mtls.mode is PERMISSIVE"],
  },
  { name: "a new STRICT PeerAuthentication", head: (base) => [...base, rendered("dev", peerAuthentication("STRICT", "web"))], flags: [] },
  {
    name: "DestinationRule tls ISTIO_MUTUAL → DISABLE",
    head: (base) => replace(base, rendered("prod-us-west-2", destinationRule("web", "DISABLE", ["v1", "v2"]))),
    flags: ["prod-us-west-2 DestinationRule/shop/web: trafficPolicy.tls.mode ISTIO_MUTUAL → DISABLE"],
  },
  {
    name: "DestinationRule tls removed",
    head: (base) => replace(base, rendered("dev", destinationRule("web", undefined, ["v1", "v2"]))),
    flags: ["dev DestinationRule/shop/web: trafficPolicy.tls.mode ISTIO_MUTUAL removed"],
  },
  { name: "DestinationRule subsets changed, tls kept", head: (base) => replace(base, rendered("dev", destinationRule("web", "ISTIO_MUTUAL", ["v2"]))), flags: [] },
]);
