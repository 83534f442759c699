import { volumeSource } from "../../../../src/rules/apiserver/pod/volume-source.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withVolumes } from "./pod-fixtures.ts";

const V = `${SPEC}.volumes[0]`;
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const one = (source: object) => [withVolumes([{ name: "v", ...source }])];

ruleTable(volumeSource, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "a volume with no source (defaulted to emptyDir)", manifests: one({}) },
    {
      name: "the common sources, well formed",
      manifests: [
        withVolumes([
          { name: "tmp", emptyDir: { medium: "Memory", sizeLimit: "64Mi" } },
          { name: "docker", hostPath: { path: "/var/run/docker.sock", type: "Socket" } },
          { name: "config", configMap: { name: "web", optional: true } },
          { name: "certs", secret: { secretName: "web-tls" } },
          { name: "data", persistentVolumeClaim: { claimName: "web-data", readOnly: true } },
          { name: "share", nfs: { server: "nfs.example.com", path: "/exports/web" } },
          { name: "store", csi: { driver: "secrets-store.csi.k8s.io", readOnly: true, volumeAttributes: { secretProviderClass: "web" } } },
          { name: "lun", iscsi: { targetPortal: "10.0.0.1:3260", iqn: "iqn.2001-04.com.example:storage.disk1", lun: 0, initiatorName: "iqn.1996-04.de.suse:01:a" } },
          { name: "quobyte", quobyte: { registry: "registry:7861,[::1]:7861", volume: "web" } },
          { name: "disk", azureDisk: { diskName: "web", diskURI: "https://account.blob.core.windows.net/vhds/web.vhd" } },
          { name: "flex", flexVolume: { driver: "example/lvm", options: { size: "1G" } } },
        ]),
      ],
    },
    { name: "a hostPath with '..' inside a name, not as an element", manifests: one({ hostPath: { path: "/var/lib/..data" } }) },
    { name: "a managed Azure disk by resource ID", manifests: one({ azureDisk: { diskName: "d", diskURI: "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/disks/d", kind: "Managed" } }) },
    { name: "an emptyDir size limit of 0", manifests: one({ emptyDir: { sizeLimit: "0" } }) },
  ],
  invalid: [
    { name: "two volume types", manifests: one({ emptyDir: {}, configMap: { name: "web" } }), errors: [`${V}.configMap: Forbidden: may not specify more than 1 volume type`] },
    { name: "a downward API second type (the apiserver's spelling)", manifests: one({ secret: { secretName: "s" }, downwardAPI: { items: [] } }), errors: [`${V}.downwarAPI: Forbidden: may not specify more than 1 volume type`] },
    { name: "a hostPath with an empty path", manifests: one({ hostPath: { path: "" } }), errors: [`${V}.hostPath.path: Required value`] },
    { name: "a hostPath with '..'", manifests: one({ hostPath: { path: "/var/../etc" } }), errors: [`${V}.hostPath.path: Invalid value: "/var/../etc": must not contain '..'`] },
    { name: "a secret with no name", manifests: one({ secret: {} }), errors: [`${V}.secret.secretName: Required value`] },
    { name: "a configMap with an empty name", manifests: one({ configMap: { name: "" } }), errors: [`${V}.configMap.name: Required value`] },
    { name: "a claim with an empty claimName", manifests: one({ persistentVolumeClaim: { claimName: "" } }), errors: [`${V}.persistentVolumeClaim.claimName: Required value`] },
    { name: "a negative emptyDir size limit", manifests: one({ emptyDir: { sizeLimit: "-1Gi" } }), errors: [`${V}.emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity`] },
    { name: "a relative NFS path", manifests: one({ nfs: { server: "nfs", path: "exports" } }), errors: [`${V}.nfs.path: Invalid value: "exports": must be an absolute path`] },
    {
      name: "an NFS volume with empty server and path",
      manifests: one({ nfs: { server: "", path: "" } }),
      errors: [`${V}.nfs.server: Required value`, `${V}.nfs.path: Invalid value: "": must be an absolute path`, `${V}.nfs.path: Required value`],
    },
    { name: "an empty CSI driver", manifests: one({ csi: { driver: "" } }), errors: [`${V}.csi.driver: Invalid value: "": ${SUBDOMAIN_MESSAGE}`, `${V}.csi.driver: Required value`] },
    {
      name: "a CSI driver name over 63 characters",
      manifests: one({ csi: { driver: `${"d".repeat(60)}.example.com` } }),
      errors: [`${V}.csi.driver: Too long: must have at most 63 bytes`],
    },
    { name: "a CSI secret ref without a name", manifests: one({ csi: { driver: "csi.example.com", nodePublishSecretRef: { name: "" } } }), errors: [`${V}.csi.nodePublishSecretRef.name: Required value`] },
    {
      name: "an iSCSI volume with a malformed IQN and LUN",
      manifests: one({ iscsi: { targetPortal: "10.0.0.1:3260", iqn: "iqn.2001.example", lun: 256 } }),
      errors: [`${V}.iscsi.iqn: Invalid value: "iqn.2001.example": must be valid format`, `${V}.iscsi.lun: Invalid value: 256: must be between 0 and 255, inclusive`],
    },
    {
      name: "an iSCSI volume with CHAP and no secret",
      manifests: one({ iscsi: { targetPortal: "10.0.0.1:3260", iqn: "disk1", lun: 0, chapAuthSession: true } }),
      errors: [`${V}.iscsi.secretRef: Required value`, `${V}.iscsi.iqn: Invalid value: "disk1": must be valid format starting with iqn, eui, or naa`],
    },
    {
      name: "a GCE disk (reported under persistentDisk)",
      manifests: one({ gcePersistentDisk: { pdName: "", partition: 300 } }),
      errors: [`${V}.persistentDisk.partition: Invalid value: 300: must be between 1 and 255, inclusive`, `${V}.persistentDisk.pdName: Required value`],
    },
    { name: "an Azure blob disk URI that is not https", manifests: one({ azureDisk: { diskName: "d", diskURI: "/subscriptions/x" } }), errors: [`${V}.azureDisk.diskURI: Unsupported value: "/subscriptions/x": supported values: "https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"`] },
    { name: "a quobyte registry without a port", manifests: one({ quobyte: { registry: "registry", volume: "v" } }), errors: [`${V}.quobyte.registry: Invalid value: "registry": must be a host:port pair or multiple pairs separated by commas`] },
    { name: "a flex volume option in a reserved namespace", manifests: one({ flexVolume: { driver: "x/y", options: { "kubernetes.io/secret": "s" } } }), errors: [`${V}.flexVolume.options[kubernetes.io/secret]: Invalid value: "kubernetes.io/secret": kubernetes.io and k8s.io namespaces are reserved`] },
    { name: "an RBD volume without monitors", manifests: one({ rbd: { monitors: [], image: "img" } }), errors: [`${V}.rbd.monitors: Required value`] },
    { name: "an FC volume with both WWNs and WWIDs", manifests: one({ fc: { targetWWNs: ["500a0982991b8dc5"], wwids: ["3600508b400105e21"], lun: 2 } }), errors: [`${V}.fc.targetWWNs: Invalid value: []string{"500a0982991b8dc5"}: targetWWNs and wwids can not be specified simultaneously`] },
    { name: "a git repo directory with '..'", manifests: one({ gitRepo: { repository: "https://example.com/r.git", directory: "../up" } }), errors: [`${V}.gitRepo.directory: Invalid value: "../up": must not contain '..'`] },
  ],
});
