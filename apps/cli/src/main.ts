import { parseArgs } from "node:util";
import type { Io } from "./io.ts";
import { UserError } from "./user-error.ts";

export const USAGE = `Usage: cloudlab <command> [options]

Commands:
  synth [--env NAME]... [--check] [--no-cache] [--timeout SECONDS]
                                    Render the platform into environments/ (only what changed is written).
                                    Re-renders only the services whose inputs changed since the last synth
                                    (records in node_modules/.cache/cloudlab/; --no-cache renders everything).
                                    --check writes nothing and exits 1 if any file differs from a fresh render.
                                    With a .github/ folder, also keeps .github/CODEOWNERS in step
                                    (teams of --codeowners-org ORG, default: cloud-lab).
                                    --timeout bounds the loading of each spec file (default: 30 s).
                                    Waits for another synth writing the same environment folders.
  diff [--base REF] [--format text|markdown|json] [--exit-zero] [--max-weight-step N] [--usage-hints FILE]
       [--max-cost-increase PERCENT]
                                    Compare the working tree's render with the base revision's (default: the
                                    merge base with origin/main, or main), object by object, risk flags first.
                                    A cost section gives the monthly delta at min and max replicas; a prod
                                    environment whose max-replica cost rises more than PERCENT (default 20)
                                    is flagged.
                                    Exit 0 no changes, 1 changes (0 with --exit-zero), 2 error.
  graph [--env NAME]... [--format mermaid|dot|html]
                                    Draw the mesh of each environment (default: all) on stdout: services
                                    grouped by tenant, who may call whom with the operations each callee
                                    accepts, ingress hosts, canary and blue-green versions. html is one
                                    self-contained page (no network), e.g. > dist/mesh.html.
  cost [--env NAME]... [--format text|markdown|json]
                                    Each environment's monthly cost at min and max replicas, per tenant and
                                    service, from the specs at the dated list prices of
                                    packages/constructs/src/cost/prices.json (docs/cost.md). Exit 1 when
                                    something cannot be priced.
  validate [PATH]... [--format human|json|github|sarif] [--strict] [--complete] [--kubernetes-version 1.28]
           [--istio-version 1.20] [--rule RULE=error|warning|off]...
                                    Validate YAML offline (default: every rendered environment, at its own
                                    versions): syntax, schemas, unknown fields, served API versions, apiserver
                                    rules, istiod's webhook, cross-resource analysis (istioctl analyze), policy
                                    (docs/rules.md). Paths other than environment folders are partial: a
                                    reference they do not resolve is a warning, unless --complete says they are
                                    the whole cluster. RULE is a rule id or an istioctl code (IST0101).
                                    Exit 0 clean, 1 errors (--strict: or warnings), 2 usage error.

Options:
  --platform DIR   The platform definitions (default: apps/platform)
  --out DIR        The output folder (default: environments)
  -h, --help       Show this help

Exit codes: 0 success, 1 errors in the specs or drift found by --check, 2 usage or internal error.
`;

/** The value of `--timeout`: a positive number of seconds. */
export function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) throw new UserError(`--timeout takes a positive number of seconds, not "${value}"`);
  return seconds;
}

// Each command is imported only when it runs (`await import(…)` below): `--help` loads nothing else, and `validate`
// never loads the renderer (cdk8s, the constructs). A new command is imported the same way.

/** Runs the CLI; returns the exit code. The one place where errors become messages and exit codes. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        env: { type: "string", multiple: true },
        check: { type: "boolean", default: false },
        "no-cache": { type: "boolean", default: false },
        platform: { type: "string", default: "apps/platform" },
        out: { type: "string", default: "environments" },
        help: { type: "boolean", short: "h", default: false },
        base: { type: "string" },
        format: { type: "string" },
        "exit-zero": { type: "boolean", default: false },
        "max-weight-step": { type: "string", default: "25" },
        "usage-hints": { type: "string" },
        "max-cost-increase": { type: "string" },
        "codeowners-org": { type: "string", default: "cloud-lab" },
        strict: { type: "boolean", default: false },
        complete: { type: "boolean", default: false },
        "kubernetes-version": { type: "string" },
        "istio-version": { type: "string" },
        rule: { type: "string", multiple: true },
        timeout: { type: "string" },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined) {
      io.stdout.write(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (rest.length > 0 && command !== "validate") throw new UserError(`unexpected argument "${rest[0]}"`);
    switch (command) {
      case "synth": {
        const { synthCommand } = await import("./commands/synth.ts");
        return await synthCommand(
          {
            platform: values.platform,
            out: values.out,
            environments: values.env ?? [],
            check: values.check,
            cache: !values["no-cache"],
            codeownersOrg: values["codeowners-org"],
            ...(values.timeout === undefined ? {} : { timeoutSeconds: parseTimeout(values.timeout) }),
          },
          io,
        );
      }
      case "diff": {
        const { diffCommand, parseDiffArguments, parseMaxCostIncrease } = await import("./commands/diff.ts");
        const { format, maxWeightStep } = parseDiffArguments(values.format ?? "text", values["max-weight-step"]);
        return await diffCommand(
          {
            platform: values.platform,
            out: values.out,
            ...(values.base === undefined ? {} : { base: values.base }),
            format,
            exitZero: values["exit-zero"],
            maxWeightStep,
            ...(values["usage-hints"] === undefined ? {} : { usageHints: values["usage-hints"] }),
            ...(values["max-cost-increase"] === undefined ? {} : { maxCostIncrease: parseMaxCostIncrease(values["max-cost-increase"]) }),
          },
          io,
        );
      }
      case "graph": {
        const { graphCommand } = await import("./commands/graph.ts");
        return await graphCommand({ platform: values.platform, environments: values.env ?? [], ...(values.format === undefined ? {} : { format: values.format }) }, io);
      }
      case "cost": {
        const { costCommand } = await import("./commands/cost.ts");
        return await costCommand({ platform: values.platform, environments: values.env ?? [], ...(values.format === undefined ? {} : { format: values.format }) }, io);
      }
      case "validate": {
        const { validateCommand } = await import("./commands/validate.ts");
        return await validateCommand(
          {
            paths: rest,
            platform: values.platform,
            out: values.out,
            ...(values.format === undefined ? {} : { format: values.format }),
            strict: values.strict,
            complete: values.complete,
            ...(values["kubernetes-version"] === undefined ? {} : { kubernetesVersion: values["kubernetes-version"] }),
            ...(values["istio-version"] === undefined ? {} : { istioVersion: values["istio-version"] }),
            rules: values.rule ?? [],
          },
          io,
        );
      }
      default:
        throw new UserError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr.write(`cloudlab: ${error.message}\n`);
      if (error.exitCode === 2) io.stderr.write("Run `cloudlab --help` for usage.\n");
      return error.exitCode;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`cloudlab: ${error.message}\nRun \`cloudlab --help\` for usage.\n`);
      return 2;
    }
    io.stderr.write(`cloudlab: internal error (a bug; please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
