import { describe, expect, it } from "vitest";
import { buildClusterIssuer, buildIngressCertificates, certManagerAddon, externalSecretsAddon, addonsFor, validationMessages } from "../../src/index.ts";
import { gkeModel } from "../cluster-definition/helpers.ts";
import { modelOf, resolved, webSpec } from "../fixtures.ts";

describe("buildIngressCertificates", () => {
  it("gives every ingress host a Certificate in the gateway's namespace: one per TLS Secret, issued by the environment's issuer", () => {
    const model = modelOf("prod-us-west-2");
    const web = resolved(webSpec({ ingress: { hosts: ["www.shop.example.com", "shop.example.com"] } }));
    const admin = resolved(webSpec({ name: "admin", calls: [], ingress: { hosts: ["admin.shop.example.com"], tlsSecretName: "admin-tls" } }));
    const certificates = buildIngressCertificates(model.environment, [...model.services, web, admin]);
    for (const certificate of certificates) expect(validationMessages(certificate)).toEqual([]);
    const hosts = ["shop.example.com", "www.shop.example.com"];
    expect(certificates.map((c) => c.toJSON())).toEqual([
      {
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: { name: "admin-tls", namespace: "istio-ingress", labels: { "app.kubernetes.io/part-of": "platform", "app.kubernetes.io/managed-by": "cloudlab" } },
        spec: {
          secretName: "admin-tls",
          dnsNames: ["admin.shop.example.com"],
          issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: "letsencrypt" },
          privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
        },
      },
      {
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: { name: "ingress-tls", namespace: "istio-ingress", labels: { "app.kubernetes.io/part-of": "platform", "app.kubernetes.io/managed-by": "cloudlab" } },
        spec: {
          secretName: "ingress-tls",
          dnsNames: hosts,
          issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: "letsencrypt" },
          privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
        },
      },
    ]);
  });

  it("uses the staging CA's issuer outside prod, and renders nothing without edge services", () => {
    const dev = modelOf("dev");
    const web = resolved(webSpec({ ingress: { hosts: ["dev.shop.example.com"] } }), "dev");
    expect(buildIngressCertificates(dev.environment, [web]).map((c) => c.spec!.issuerRef.name)).toEqual(["letsencrypt-staging"]);
    expect(buildIngressCertificates(dev.environment, dev.services)).toEqual([]);
  });
});

describe("buildClusterIssuer", () => {
  it("registers at Let's Encrypt in prod and answers DNS-01 in Route 53 in the cluster's region", () => {
    const issuer = buildClusterIssuer(modelOf("prod-us-east-1").environment);
    expect(validationMessages(issuer)).toEqual([]);
    expect(issuer.toJSON().spec).toEqual({
      acme: {
        server: "https://acme-v02.api.letsencrypt.org/directory",
        email: "platform-team@cloud-lab.io",
        privateKeySecretRef: { name: "letsencrypt-account-key" },
        solvers: [{ dns01: { route53: { region: "us-east-1" } } }],
      },
    });
  });

  it("uses the staging CA outside prod, and Cloud DNS in the cluster's project on GKE", () => {
    expect(buildClusterIssuer(modelOf("staging").environment).toJSON().spec!.acme!.server).toBe("https://acme-staging-v02.api.letsencrypt.org/directory");
    expect(buildClusterIssuer(gkeModel("prod-us-central1").environment).toJSON().spec!.acme!.solvers).toEqual([{ dns01: { cloudDNS: { project: "cloudlab-prod" } } }]);
  });
});

describe("the secrets and certificates add-ons", () => {
  it("installs both with their CRDs, pinned, server-side, before the platform's objects that use them", () => {
    const environment = modelOf("prod-us-west-2").environment;
    const names = addonsFor(environment).map((a) => a.name);
    expect(names).toContain("external-secrets");
    expect(names).toContain("cert-manager");
    const eso = externalSecretsAddon(environment);
    const certManager = certManagerAddon(environment);
    expect([eso.source, eso.wave, eso.serverSideApply, eso.values.installCRDs]).toEqual([
      { kind: "helm", repoUrl: "https://charts.external-secrets.io", repoName: "external-secrets", chart: "external-secrets", version: "0.10.5" },
      -4,
      true,
      true,
    ]);
    expect([certManager.source, certManager.wave, certManager.serverSideApply, certManager.values.serviceAccount]).toEqual([
      { kind: "helm", repoUrl: "https://charts.jetstack.io", repoName: "jetstack", chart: "cert-manager", version: "v1.14.5" },
      -4,
      true,
      { create: false, name: "cert-manager" },
    ]);
    expect(certManagerAddon(gkeModel("prod-us-central1").environment).values.serviceAccount).toEqual({
      create: true,
      name: "cert-manager",
      annotations: { "iam.gke.io/gcp-service-account": "cert-manager@cloudlab-prod.iam.gserviceaccount.com" },
    });
  });
});
