import { createHash } from "node:crypto";
import { compareStrings, type EnvironmentModel } from "@cloudlab/model";
import { environmentKustomizations, renderEnvironment, type EnvironmentRender, type RenderedFile, type RenderProblem } from "@cloudlab/render";
import { defaultRegistry, resourceCount, RULES, validateGroups, type Finding } from "@cloudlab/validate";
import { environmentGroup, outputPrefix } from "../validation-gate.ts";
import { RECORD_FORMAT, type EnvironmentRecord, type UnitRecord } from "./environment-record.ts";
import { relationsDigest } from "./relations-digest.ts";
import { renderUnitKeys } from "./unit-keys.ts";

/** One environment rendered and gated. */
export interface EnvironmentOutput {
  readonly environment: string;
  readonly problems: readonly RenderProblem[];
  /** The gate's findings, every severity (empty when there are problems). */
  readonly findings: readonly Finding[];
  /** Objects validated (or remembered as validated). */
  readonly resources: number;
  /**
   * Files with their bytes: every file of the environment (`full`), or the rebuilt units' files and the
   * kustomizations (`incremental`: the other files are unchanged on disk).
   */
  readonly files: readonly RenderedFile[];
  /** Every file of the environment's output, sorted. */
  readonly paths: readonly string[];
  /** The record to keep once the files are written (absent when there are problems or no record is kept). */
  readonly record?: EnvironmentRecord;
  readonly mode: "full" | "incremental";
  /** Render units built / in the environment. */
  readonly units: { readonly built: number; readonly total: number };
}

/** How to render an environment. */
export interface GatedEnvironmentOptions {
  /** The output folder as findings name files (`<out>/<env>/…`). */
  readonly out: string;
  /**
   * Whether the output carries the record of the render: a synth that keeps none (`--no-cache`, `--check`) spares
   * digesting every object and file for it.
   * @default true
   */
  readonly record?: boolean;
  /** The generator's fingerprint (a record of another generator is ignored). */
  readonly fingerprint: string;
  /**
   * The record of the last render written, trusted to describe the output folder.
   * @default none: a full render
   */
  readonly previous?: EnvironmentRecord;
  /**
   * The render units' cache keys, when the caller computed them already (see `renderUnitKeys`).
   * @default computed from the model and the fingerprint
   */
  readonly keys?: ReadonlyMap<string, string>;
}

const GROUP_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.scope === "group").map((r) => r.id));
const STOPPING_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.stops !== undefined).map((r) => r.id));
const OBJECT_RULES = RULES.filter((r) => r.scope !== "group");

/**
 * The kinds the gate's `schema` rule validates (those of its kind catalog): the gate runs right after the render
 * over the same objects with the same kubernetes-models validators, so the render skips their model validation and
 * each object is validated once (a schema-invalid one stops synth as a gate error).
 */
function gateValidates(apiVersion: string, kind: string): boolean {
  return defaultRegistry().find(apiVersion, kind) !== undefined;
}

function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function byPath(a: { readonly path: string }, b: { readonly path: string }): number {
  return compareStrings(a.path, b.path);
}

function environmentRelations(units: Readonly<Record<string, UnitRecord>>): string {
  return sha1(
    Object.keys(units)
      .sort()
      .map((unit) => `${unit}=${units[unit]!.relations}`)
      .join("\n"),
  );
}

/** The units of the rendered units' objects, their findings (split per unit) and their relations. */
function unitRecords(render: EnvironmentRender, keys: ReadonlyMap<string, string>, findings: readonly Finding[], out: string): Record<string, UnitRecord> {
  const unitOfFile = new Map<string, string>();
  for (const [unit, objects] of render.units) for (const object of objects) unitOfFile.set(`${out}/${object.path}`, unit);
  const findingsOf = new Map<string, Finding[]>();
  for (const finding of findings) {
    const unit = unitOfFile.get(finding.file);
    if (unit === undefined) continue;
    const list = findingsOf.get(unit) ?? [];
    list.push(finding);
    findingsOf.set(unit, list);
  }
  const records: Record<string, UnitRecord> = {};
  for (const [unit, objects] of render.units) {
    records[unit] = {
      key: keys.get(unit)!,
      objects,
      relations: relationsDigest(objects.map((o) => ({ path: o.path, document: render.documents.get(o.path) }))),
      findings: findingsOf.get(unit) ?? [],
      resources: objects.reduce((n, o) => n + resourceCount(render.documents.get(o.path)), 0),
    };
  }
  return records;
}

function shas(files: readonly RenderedFile[], into: Record<string, string> = {}): Record<string, string> {
  for (const file of files) into[file.path] = sha1(file.content);
  return into;
}

/** An environment whose render has problems: nothing to gate, write or remember. */
function withProblems(environment: string, problems: readonly RenderProblem[], mode: EnvironmentOutput["mode"], units: EnvironmentOutput["units"]): EnvironmentOutput {
  return { environment, problems, findings: [], resources: 0, files: [], paths: [], mode, units };
}

/** Renders and gates every unit of the environment. */
function fullRender(model: EnvironmentModel, options: GatedEnvironmentOptions, keys: ReadonlyMap<string, string>): EnvironmentOutput {
  const environment = model.environment.name;
  const render = renderEnvironment(model, { validatedByCaller: gateValidates });
  const total = keys.size;
  if (render.problems.length > 0) {
    return withProblems(environment, render.problems, "full", { built: total, total });
  }
  const out = outputPrefix(options.out);
  const report = validateGroups([environmentGroup(model.environment, render.files, options.out, render.documents)]);
  const output = { environment, problems: [], findings: report.findings, resources: report.resources, files: render.files, paths: render.files.map((f) => f.path) };
  if (options.record === false) return { ...output, mode: "full", units: { built: total, total } };
  const units = unitRecords(render, keys, report.findings.filter((f) => !GROUP_RULES.has(f.ruleId)), out);
  const record: EnvironmentRecord = {
    format: RECORD_FORMAT,
    fingerprint: options.fingerprint,
    environment,
    relations: environmentRelations(units),
    units,
    groupFindings: report.findings.filter((f) => GROUP_RULES.has(f.ruleId)),
    files: shas(render.files),
    directories: {},
    stats: {},
  };
  return { ...output, record, mode: "full", units: { built: total, total } };
}

/**
 * Renders and gates one environment. With a trusted record of the last render of the same generator, only the units
 * whose cache keys changed are built and gated, and the cross-object findings are reused as long as what those
 * analyses can see is unchanged (see `relationsDigest`); otherwise, or when a rebuilt unit's objects stop the gate,
 * the whole environment is rendered. The files and findings are the same either way.
 */
export function gatedEnvironment(model: EnvironmentModel, options: GatedEnvironmentOptions): EnvironmentOutput {
  const keys = options.keys ?? renderUnitKeys(model, options.fingerprint);
  const previous = options.previous;
  if (previous === undefined || previous.format !== RECORD_FORMAT || previous.fingerprint !== options.fingerprint || previous.environment !== model.environment.name) {
    return fullRender(model, options, keys);
  }
  const environment = model.environment.name;
  const rebuild = new Set([...keys].filter(([unit, key]) => previous.units[unit]?.key !== key).map(([unit]) => unit));
  const kept = new Set(Object.keys(previous.units).filter((unit) => keys.has(unit) && !rebuild.has(unit)));
  const otherIdentities = new Map<string, string>();
  for (const unit of kept) for (const object of previous.units[unit]!.objects) otherIdentities.set(object.identity, object.path);
  const render = renderEnvironment(model, { units: rebuild, otherIdentities, validatedByCaller: gateValidates });
  if (render.problems.length > 0) {
    return withProblems(environment, render.problems, "incremental", { built: rebuild.size, total: keys.size });
  }
  const out = outputPrefix(options.out);
  const report = validateGroups([environmentGroup(model.environment, render.files, options.out, render.documents)], { rules: OBJECT_RULES });
  const fresh = unitRecords(render, keys, report.findings, out);
  const units: Record<string, UnitRecord> = {};
  for (const unit of [...kept, ...Object.keys(fresh)].sort()) units[unit] = fresh[unit] ?? previous.units[unit]!;
  // The cross-object findings still hold only if the analyses see the same objects, none of the rebuilt objects
  // was kept out of them, and none of those findings is in a rebuilt or removed file (its line may have moved).
  const rebuiltOrRemoved = Object.keys(previous.units).filter((unit) => !kept.has(unit));
  const touched = new Set(rebuiltOrRemoved.flatMap((unit) => previous.units[unit]!.objects.map((o) => `${out}/${o.path}`)));
  const relations = environmentRelations(units);
  if (
    relations !== previous.relations ||
    report.findings.some((f) => STOPPING_RULES.has(f.ruleId)) ||
    previous.groupFindings.some((f) => touched.has(f.file))
  ) {
    return fullRender(model, options, keys);
  }
  const paths = Object.values(units)
    .flatMap((u) => u.objects.map((o) => o.path))
    .sort();
  const kustomizations = environmentKustomizations(environment, paths);
  const files = [...render.files, ...kustomizations].sort(byPath);
  const allPaths = [...paths, ...kustomizations.map((k) => k.path)].sort();
  const fileShas: Record<string, string> = {};
  for (const path of allPaths) fileShas[path] = previous.files[path] ?? "";
  shas(files, fileShas);
  const findings = [...Object.values(units).flatMap((u) => u.findings), ...previous.groupFindings];
  return {
    environment,
    problems: [],
    findings,
    resources: Object.values(units).reduce((n, u) => n + u.resources, 0),
    files,
    paths: allPaths,
    record: { ...previous, relations, units, files: fileShas },
    mode: "incremental",
    units: { built: rebuild.size, total: keys.size },
  };
}
