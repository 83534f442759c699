import { ingressClassName } from "../../../../src/rules/apiserver/networking/ingress-class-name.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ingress, SUBDOMAIN } from "./fixtures.ts";

const annotated = (value: string, className?: string) =>
  ingress((i) => {
    i.metadata.annotations = { "kubernetes.io/ingress.class": value };
    if (className === undefined) delete i.spec.ingressClassName;
    else i.spec.ingressClassName = className;
  });

ruleTable(ingressClassName, {
  valid: [
    { name: "a class name", manifests: [ingress()] },
    { name: "only the deprecated annotation", manifests: [annotated("nginx")] },
    { name: "annotation and class name agreeing (accepted since Kubernetes 1.27)", manifests: [annotated("nginx", "nginx")] },
    { name: "no class at all (the default class)", manifests: [ingress((i) => { delete i.spec.ingressClassName; })] },
  ],
  invalid: [
    {
      name: "annotation and class name disagreeing",
      manifests: [annotated("traefik", "nginx")],
      errors: ['annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified'],
    },
    { name: "an upper-case class name", manifests: [ingress((i) => { i.spec.ingressClassName = "NGINX"; })], errors: [`spec.ingressClassName: Invalid value: "NGINX": ${SUBDOMAIN}`] },
  ],
});
