import { statefulsetVolumeClaimTemplates } from "../../../../src/rules/apiserver/workload/statefulset-volume-claim-templates.rule.ts";
import { statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const LATER = " (the StatefulSet is accepted, but the claims its controller creates from this template are rejected)";
const claim = (spec: object) => statefulSet((s) => { s.spec.volumeClaimTemplates[0].spec = spec; });

ruleTable(statefulsetVolumeClaimTemplates, {
  valid: [
    { name: "ReadWriteOnce and a storage request", manifests: [statefulSet()] },
    { name: "ReadWriteOncePod alone, a storage class, Block mode", manifests: [claim({ accessModes: ["ReadWriteOncePod"], storageClassName: "fast-ssd", volumeMode: "Block", resources: { requests: { storage: "10Gi" } } })] },
    { name: "no templates", manifests: [statefulSet((s) => { delete s.spec.volumeClaimTemplates; s.spec.template.spec.containers[0].volumeMounts = []; })] },
  ],
  invalid: [
    {
      name: "no access mode and no storage request",
      manifests: [claim({})],
      errors: [`spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required${LATER}`, `spec.volumeClaimTemplates[0].spec.resources[storage]: Required value${LATER}`],
    },
    {
      name: "ReadWriteOncePod mixed with another mode",
      manifests: [claim({ accessModes: ["ReadWriteOncePod", "ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } })],
      errors: [`spec.volumeClaimTemplates[0].spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes${LATER}`],
    },
    {
      name: "a zero storage request and a bad class name",
      manifests: [claim({ accessModes: ["ReadWriteOnce"], storageClassName: "Fast_SSD", resources: { requests: { storage: "0" } } })],
      errors: [
        `spec.volumeClaimTemplates[0].spec.storageClassName: Invalid value: "Fast_SSD": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')${LATER}`,
        `spec.volumeClaimTemplates[0].spec.resources[storage]: Invalid value: "0": must be greater than zero${LATER}`,
      ],
    },
  ],
});
