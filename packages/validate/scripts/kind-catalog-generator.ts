/**
 * Derives the kind catalog (`src/generated/kind-catalog.json`) from the TypeScript declarations of the
 * kubernetes-models packages: every class with a static `apiVersion` and `kind` is a kind; the interface it
 * implements (`I<Kind>`) gives its fields, recursively. An object type with properties becomes a closed shape (any
 * other field is unknown); a string index signature is a map whose values have a shape; `any`, `unknown`, `object`
 * and `{}` (free-form objects, `x-kubernetes-preserve-unknown-fields`) stay open; scalars (IntOrString, quantities,
 * enums) are leaves. Nothing here is hand-maintained: a test regenerates the catalog and fails when it drifts.
 * Which packages give the fields and which the run-time model classes is `model-sources.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import type { CatalogKind, KindCatalogData, Shape, ShapeRef } from "../src/schema/shape.ts";
import { MODEL_SOURCES, PROMOTED_FROM, type ModelSource } from "./model-sources.ts";

const require = createRequire(import.meta.url);

interface KindFile {
  readonly source: ModelSource;
  readonly file: string;
  /** The path inside the package without `.d.ts`: `<group>/<version>/<Name>` (`v1/<Name>` for the core group). */
  readonly path: string;
}

function packageRoot(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageRoot(name), "package.json"), "utf8")) as { version: string }).version;
}

function runtimePackage(source: ModelSource): string {
  return source.runtime ?? source.declarations;
}

/** Every `<group>/<version>/<Name>.d.ts` (or `v1/<Name>.d.ts` for the core group) of a model package. */
function kindFiles(source: ModelSource, packageName = source.declarations): KindFile[] {
  const root = packageRoot(packageName);
  const files: KindFile[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (entry === "node_modules" || entry.startsWith("_")) continue;
      if (statSync(path).isDirectory()) {
        if (depth < 2) walk(path, depth + 1);
      } else if (entry.endsWith(".d.ts") && entry !== "index.d.ts" && depth >= 1) {
        files.push({ source, file: path, path: relative(root, path).replace(/\\/g, "/").replace(/\.d\.ts$/, "") });
      }
    }
  };
  walk(root, 0);
  return files;
}

/** A quick text test before asking the checker: only kind classes declare a static `kind`. */
function declaresKind(file: string): boolean {
  return readFileSync(file, "utf8").includes("static kind:");
}

/** The run-time model class of a kind: the run-time package's own, or the class of the version it was promoted from. */
function runtimeModel(file: KindFile, apiVersion: string): { module: string; modelApiVersion?: string } {
  const runtime = runtimePackage(file.source);
  const has = (path: string) => existsSync(join(packageRoot(runtime), `${path}.d.ts`));
  if (has(file.path)) return { module: `${runtime}/${file.path}` };
  const older = PROMOTED_FROM[apiVersion];
  // `<group>/<version>/<Name>`: the same kind in the older `<group>/<version>`.
  const olderPath = `${older}/${file.path.split("/").at(-1)}`;
  if (older === undefined || !has(olderPath)) {
    throw new Error(`${runtime} has no model class for ${apiVersion} ${file.path} (declared by ${file.source.declarations}): add it to PROMOTED_FROM or pin a newer ${runtime}`);
  }
  return { module: `${runtime}/${olderPath}`, modelApiVersion: older };
}

/** Fails when a run-time package has a kind its declarations package lacks: the catalog would silently drop it. */
function checkRuntimeKindsDeclared(files: readonly KindFile[]): void {
  for (const source of MODEL_SOURCES) {
    if (source.runtime === undefined) continue;
    const declared = new Set(files.filter((f) => f.source === source).map((f) => f.path));
    const missing = kindFiles(source, source.runtime)
      .filter((f) => declaresKind(f.file) && !declared.has(f.path))
      .map((f) => f.path);
    if (missing.length > 0) throw new Error(`${source.declarations} does not declare kinds ${source.runtime} has: ${missing.join(", ")}`);
  }
}

/** Fails when a declaration imports a module the checker cannot resolve: its types would be `any`, every field open. */
function checkImportsResolve(program: ts.Program, checker: ts.TypeChecker): void {
  const unresolved: string[] = [];
  for (const source of program.getSourceFiles()) {
    if (program.isSourceFileDefaultLibrary(source)) continue;
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || statement.moduleSpecifier === undefined) continue;
      if (checker.getSymbolAtLocation(statement.moduleSpecifier) === undefined) unresolved.push(`${source.fileName}: ${statement.moduleSpecifier.getText(source)}`);
    }
  }
  if (unresolved.length > 0) throw new Error(`unresolved imports in the model declarations:\n${unresolved.join("\n")}`);
}

class ShapeBuilder {
  readonly shapes: Shape[] = [];
  private readonly byKey = new Map<string, ShapeRef>();
  private readonly byContent = new Map<string, number>();

  public constructor(private readonly checker: ts.TypeChecker) {}

  /** The shape of a value of any of `types` (a union). */
  public refOf(types: readonly ts.Type[]): ShapeRef {
    const flat = this.flatten(types);
    if (flat === "*") return "*";
    const objects = flat.filter((t) => this.isObjectLike(t));
    if (objects.length === 0) return "s";
    const key = objects
      .map((t) => (t as { id?: number }).id ?? 0)
      .sort((a, b) => a - b)
      .join(",");
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    // Reserve an index first: recursive types (JSONSchemaProps) refer to themselves.
    const index = this.shapes.length;
    this.shapes.push({});
    this.byKey.set(key, index);
    const shape = this.shapeOf(objects);
    if (shape === "*") {
      this.byKey.set(key, "*");
      this.shapes[index] = {};
      return "*";
    }
    this.shapes[index] = shape;
    return index;
  }

  /** A copy of the object shape `ref` whose fields `names` are open (free-form), when it has them. */
  public withOpenFields(ref: ShapeRef, names: readonly string[]): ShapeRef {
    if (typeof ref !== "number" || names.length === 0) return ref;
    const shape = this.shapes[ref]!;
    const f = Object.fromEntries(Object.entries(shape.f ?? {}).map(([name, field]) => [name, names.includes(name) ? "*" : field]));
    this.shapes.push({ ...shape, f });
    return this.shapes.length - 1;
  }

  /** Folds identical shapes onto one index and renumbers, so the catalog is small and deterministic. */
  public compact(roots: ShapeRef[]): { shapes: Shape[]; roots: ShapeRef[] } {
    // Iterate to a fixed point: merging two shapes can make their parents identical.
    let shapes = this.shapes.map((s) => ({ ...s }) as Shape);
    let refs = roots;
    const merged = new Set<number>();
    for (;;) {
      const canonical = new Map<string, number>();
      const remap = new Map<number, number>();
      shapes.forEach((shape, index) => {
        if (merged.has(index)) return;
        const text = JSON.stringify(shape);
        const first = canonical.get(text);
        if (first === undefined) canonical.set(text, index);
        else remap.set(index, first);
      });
      if (remap.size === 0) break;
      for (const index of remap.keys()) merged.add(index);
      const mapRef = (r: ShapeRef): ShapeRef => (typeof r === "number" ? (remap.get(r) ?? r) : r);
      shapes = shapes.map((s) => rewrite(s, mapRef));
      refs = refs.map(mapRef);
    }
    // Renumber in first-visit order from the roots (depth first, fields sorted): unreferenced shapes disappear.
    const order = new Map<number, number>();
    const visit = (r: ShapeRef) => {
      if (typeof r !== "number" || order.has(r)) return;
      order.set(r, order.size);
      const s = shapes[r]!;
      for (const name of Object.keys(s.f ?? {}).sort()) visit(s.f![name]!);
      if (s.m !== undefined) visit(s.m);
    };
    refs.forEach(visit);
    const mapRef = (r: ShapeRef): ShapeRef => (typeof r === "number" ? order.get(r)! : r);
    const out: Shape[] = new Array(order.size);
    for (const [old, index] of order) out[index] = rewrite(shapes[old]!, mapRef);
    return { shapes: out, roots: refs.map(mapRef) };
  }

  /** Union members without null/undefined/never, arrays replaced by their elements; `"*"` when any is open. */
  private flatten(types: readonly ts.Type[]): ts.Type[] | "*" {
    const out: ts.Type[] = [];
    const seen = new Set<ts.Type>();
    const add = (t: ts.Type): boolean => {
      if (seen.has(t)) return true;
      seen.add(t);
      if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.NonPrimitive)) return false;
      if (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Never | ts.TypeFlags.Void)) return true;
      if (t.isUnion()) return t.types.every(add);
      if (this.checker.isArrayType(t) || this.checker.isTupleType(t)) {
        return this.checker.getTypeArguments(t as ts.TypeReference).every(add);
      }
      // `Array<A> & Array<B>`, from an intersection of two object types with the same array field (oneOf variants).
      if (t.isIntersection() && t.types.every((m) => this.checker.isArrayType(m))) return t.types.every(add);
      out.push(t);
      return true;
    };
    for (const t of types) if (!add(t)) return "*";
    return out;
  }

  private isObjectLike(t: ts.Type): boolean {
    return (t.flags & ts.TypeFlags.Object) !== 0 || t.isIntersection();
  }

  private shapeOf(objects: readonly ts.Type[]): Shape | "*" {
    const fields = new Map<string, ts.Type[]>();
    const mapValues: ts.Type[] = [];
    let open = false;
    for (const type of objects) {
      const properties = this.checker.getPropertiesOfType(type);
      const index = this.checker.getIndexInfosOfType(type).filter((i) => i.keyType.flags & ts.TypeFlags.String);
      // `{}`: a free-form object (`x-kubernetes-preserve-unknown-fields`, `type: object` without properties).
      if (properties.length === 0 && index.length === 0) open = true;
      for (const property of properties) {
        const name = property.getName();
        const propertyType = this.checker.getTypeOfSymbol(property);
        fields.set(name, [...(fields.get(name) ?? []), propertyType]);
      }
      for (const info of index) mapValues.push(info.type);
    }
    if (open) return "*";
    const f: Record<string, ShapeRef> = {};
    for (const name of [...fields.keys()].sort()) f[name] = this.refOf(fields.get(name)!);
    const shape: { f?: Record<string, ShapeRef>; m?: ShapeRef } = {};
    if (fields.size > 0) shape.f = f;
    if (mapValues.length > 0) shape.m = this.refOf(mapValues);
    return shape;
  }
}

function rewrite(shape: Shape, mapRef: (r: ShapeRef) => ShapeRef): Shape {
  const out: { f?: Record<string, ShapeRef>; m?: ShapeRef } = {};
  if (shape.f !== undefined) out.f = Object.fromEntries(Object.entries(shape.f).map(([k, v]) => [k, mapRef(v)]));
  if (shape.m !== undefined) out.m = mapRef(shape.m);
  return out;
}

/** Builds the catalog from the installed model packages. */
export function generateKindCatalog(): KindCatalogData {
  const files = MODEL_SOURCES.flatMap((source) => kindFiles(source)).filter((f) => declaresKind(f.file));
  checkRuntimeKindsDeclared(files);
  // Bundler resolution follows `exports` (the ESM-only 3.x packages have nothing else) and still reads the CommonJS ones.
  const program = ts.createProgram(
    files.map((f) => f.file),
    { noEmit: true, skipLibCheck: true, types: [], strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  );
  const checker = program.getTypeChecker();
  checkImportsResolve(program, checker);
  const builder = new ShapeBuilder(checker);
  const found: (Omit<CatalogKind, "shape"> & { root: ShapeRef })[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file.file);
    if (source === undefined) throw new Error(`cannot read ${file.file}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) continue;
    const exports = checker.getExportsOfModule(moduleSymbol);
    for (const symbol of exports) {
      const declaration = symbol.declarations?.[0];
      if (declaration === undefined || !ts.isClassDeclaration(declaration) || declaration.name?.text !== symbol.getName()) continue;
      const statics = checker.getTypeOfSymbolAtLocation(symbol, declaration);
      const literal = (name: string) => {
        const property = statics.getProperty(name);
        if (property === undefined) return undefined;
        const type = checker.getTypeOfSymbol(property);
        return type.isStringLiteral() ? type.value : undefined;
      };
      const apiVersion = literal("apiVersion");
      const kind = literal("kind");
      if (apiVersion === undefined || kind === undefined) continue;
      const data = exports.find((e) => e.getName() === `I${symbol.getName()}`);
      if (data === undefined) throw new Error(`${file.source.declarations}/${file.path}: no interface I${symbol.getName()}`);
      const root = builder.withOpenFields(builder.refOf([checker.getDeclaredTypeOfSymbol(data)]), file.source.openFields ?? []);
      found.push({ apiVersion, kind, ...runtimeModel(file, apiVersion), export: symbol.getName(), root });
    }
  }
  found.sort((a, b) => compare(a.apiVersion, b.apiVersion) || compare(a.kind, b.kind));
  const { shapes, roots } = builder.compact(found.map((k) => k.root));
  const kinds: CatalogKind[] = found.map(({ root: _, ...k }, i) => ({
    apiVersion: k.apiVersion,
    kind: k.kind,
    module: k.module,
    export: k.export,
    ...(k.modelApiVersion === undefined ? {} : { modelApiVersion: k.modelApiVersion }),
    shape: roots[i]!,
  }));
  const names = [...new Set(MODEL_SOURCES.flatMap((source) => [runtimePackage(source), source.declarations]))];
  const packages = Object.fromEntries(names.map((name) => [name, packageVersion(name)]));
  return { packages, kinds, shapes };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The catalog as committed: one kind or shape per line, so diffs stay readable. */
export function kindCatalogText(catalog: KindCatalogData = generateKindCatalog()): string {
  const lines = [
    "{",
    `  "packages": ${JSON.stringify(catalog.packages)},`,
    `  "kinds": [`,
    catalog.kinds.map((k) => `    ${JSON.stringify(k)}`).join(",\n"),
    "  ],",
    `  "shapes": [`,
    catalog.shapes.map((s) => `    ${JSON.stringify(s)}`).join(",\n"),
    "  ]",
    "}",
  ];
  return `${lines.join("\n")}\n`;
}
