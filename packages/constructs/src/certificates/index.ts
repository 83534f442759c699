export { buildClusterIssuer, clusterIssuerName, ACME_SERVERS } from "./cluster-issuer.ts";
export { buildIngressCertificates, certificateHosts } from "./ingress-certificate.ts";
export { certManagerAddon, CERT_MANAGER_CHART, CERT_MANAGER_NAMESPACE, CERT_MANAGER_SERVICE_ACCOUNT } from "./cert-manager-addon.ts";
