import type { EnvironmentModel } from "@cloudlab/model";
import { RECORD_FORMAT } from "./environment-record.ts";
import type { EnvironmentOutput, GatedEnvironmentOptions } from "./gated-environment.ts";

/**
 * An environment none of whose render units changed since the trusted record of its last render (the same units, each
 * with the same cache key, see `renderUnitKeys`): its output comes from the record alone, without loading the renderer
 * or the gate. It is what `gatedEnvironment` returns for it (the same paths, findings, resources and record), except
 * that `files` is empty: no unit is rebuilt, and the kustomizations list the same paths as before, so no file may
 * differ. Undefined when anything must be rebuilt (or there is no record to trust): `gatedEnvironment` then renders.
 */
export function unchangedEnvironment(model: EnvironmentModel, keys: ReadonlyMap<string, string>, options: GatedEnvironmentOptions): EnvironmentOutput | undefined {
  const previous = options.previous;
  const environment = model.environment.name;
  if (previous === undefined || previous.format !== RECORD_FORMAT || previous.fingerprint !== options.fingerprint || previous.environment !== environment) return undefined;
  const recorded = Object.keys(previous.units);
  if (recorded.length !== keys.size || recorded.some((unit) => previous.units[unit]!.key !== keys.get(unit))) return undefined;
  const units = Object.values(previous.units);
  return {
    environment,
    problems: [],
    findings: [...units.flatMap((u) => u.findings), ...previous.groupFindings],
    resources: units.reduce((n, u) => n + u.resources, 0),
    files: [],
    paths: Object.keys(previous.files).sort(),
    record: previous,
    mode: "incremental",
    units: { built: 0, total: keys.size },
  };
}
