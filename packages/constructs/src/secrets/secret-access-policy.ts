import type { ResolvedEnvironment } from "@cloudlab/model";
import { tenantSecretPrefix } from "./secret-store-names.ts";

/** An AWS IAM policy document (the subset the platform writes). */
export interface IamPolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Action: readonly string[];
    readonly Resource: readonly string[] | string;
  }[];
}

/**
 * The IAM policy of a tenant's secret reader on EKS: read (and list the versions of) only the secrets whose names start
 * with the tenant's prefix, in the cluster's region (a DR cluster reads its region's replicas), in the cluster's own
 * account. Secrets Manager appends a random six-character suffix to each secret's ARN, hence the trailing `*`; the
 * prefix ends with `/`, so tenant `shop` never matches `shop-admin/…`.
 */
export function tenantSecretAccessPolicy(environment: ResolvedEnvironment, tenant: string): IamPolicyDocument {
  const prefix = tenantSecretPrefix(environment, tenant);
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ReadTenantSecrets",
        Effect: "Allow",
        Action: ["secretsmanager:GetResourcePolicy", "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds"],
        Resource: [`arn:aws:secretsmanager:${environment.cluster.region}:*:secret:${prefix}*`],
      },
    ],
  };
}
