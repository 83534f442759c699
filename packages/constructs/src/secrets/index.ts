export {
  EXTERNAL_SECRETS_NAMESPACE,
  tenantSecretStoreName,
  tenantSecretReaderName,
  tenantSecretPrefix,
  remoteSecretKey,
  secretKeySeparator,
} from "./secret-store-names.ts";
export { buildExternalSecret, type ExternalSecretProps } from "./external-secret.ts";
export { buildTenantClusterSecretStore } from "./cluster-secret-store.ts";
export { serviceExternalSecrets, tenantExternalSecrets, ALERT_RECEIVERS_PATH } from "./tenant-secret-objects.ts";
export { externalSecretsAddon, EXTERNAL_SECRETS_CHART } from "./external-secrets-addon.ts";
export { tenantSecretAccessPolicy, type IamPolicyDocument } from "./secret-access-policy.ts";
