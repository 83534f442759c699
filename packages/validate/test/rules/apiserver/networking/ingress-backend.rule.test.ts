import { ingressBackend } from "../../../../src/rules/apiserver/networking/ingress-backend.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ingress, SUBDOMAIN } from "./fixtures.ts";

const backend = (value: object) => ingress((i) => { i.spec.rules[0].http.paths[0].backend = value; });
const AT = "spec.rules[0].http.paths[0].backend";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

ruleTable(ingressBackend, {
  valid: [
    { name: "a service by port number", manifests: [ingress()] },
    { name: "a service by port name", manifests: [backend({ service: { name: "web", port: { name: "http" } } })] },
    { name: "a resource backend", manifests: [backend({ resource: { apiGroup: "k8s.example.com", kind: "StorageBucket", name: "static-assets" } })] },
    { name: "a resource of the core group (no apiGroup)", manifests: [backend({ resource: { kind: "ConfigMap", name: "maintenance-page" } })] },
    { name: "a default backend", manifests: [ingress((i) => { i.spec.defaultBackend = { service: { name: "fallback", port: { number: 8080 } } }; })] },
  ],
  invalid: [
    {
      name: "both a service and a resource",
      manifests: [backend({ service: { name: "web", port: { number: 80 } }, resource: { kind: "ConfigMap", name: "page" } })],
      errors: [`${AT}: Invalid value: "": cannot set both resource and service backends`],
    },
    { name: "neither", manifests: [backend({})], errors: [`${AT}: Invalid value: "": resource or service backend is required`] },
    { name: "both a port name and number", manifests: [backend({ service: { name: "web", port: { name: "http", number: 80 } } })], errors: [`${AT}: Invalid value: "": cannot set both port name & port number`] },
    { name: "no port", manifests: [backend({ service: { name: "web", port: {} } })], errors: [`${AT}: Required value: port name or number is required`] },
    { name: "a service name starting with a digit", manifests: [backend({ service: { name: "1web", port: { number: 80 } } })], errors: [`${AT}.service.name: Invalid value: "1web": ${DNS1035}`] },
    { name: "an empty service name", manifests: [backend({ service: { name: "", port: { number: 80 } } })], errors: [`${AT}.service.name: Required value`] },
    { name: "port 0 counts as no port", manifests: [backend({ service: { name: "web", port: { number: 0 } } })], errors: [`${AT}: Required value: port name or number is required`] },
    { name: "a port above 65535", manifests: [backend({ service: { name: "web", port: { number: 80000 } } })], errors: [`${AT}.service.port.number: Invalid value: 80000: must be between 1 and 65535, inclusive`] },
    { name: "a port name over 15 characters", manifests: [backend({ service: { name: "web", port: { name: "http-metrics-port" } } })], errors: [`${AT}.service.port.name: Invalid value: "http-metrics-port": must be no more than 15 characters`] },
    {
      name: "a resource with an empty kind and a '/' in its name",
      manifests: [backend({ resource: { kind: "", name: "a/b" } })],
      errors: [`${AT}.resource.kind: Required value: kind is required`, `${AT}.resource.name: Invalid value: "a/b": may not contain '/'`],
    },
    { name: "a resource with an empty apiGroup", manifests: [backend({ resource: { apiGroup: "", kind: "ConfigMap", name: "page" } })], errors: [`${AT}.resource.apiGroup: Invalid value: "": ${SUBDOMAIN}`] },
    {
      name: "a default backend without a port",
      manifests: [ingress((i) => { i.spec.defaultBackend = { service: { name: "fallback", port: {} } }; })],
      errors: ["spec.defaultBackend: Required value: port name or number is required"],
    },
  ],
});
