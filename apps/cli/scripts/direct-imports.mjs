// An esbuild plugin for code splitting across the workspace's barrels. esbuild assigns whole files to chunks by the
// entry points that reach them through import statements, so `import { KUSTOMIZATION_FILE } from "@cloudlab/render"`
// makes every file the render package's index.ts re-exports (cdk8s, the constructs) part of what `validate` loads.
// This plugin rewrites each named import from a `@cloudlab/*` package into an import from the file that declares the
// name (following `export { … } from` and `export * from` chains with TypeScript's parser), so a command's chunks hold
// only the files it uses. A name it cannot trace keeps its import from the package; type-only names are dropped
// (esbuild erases them anyway, and an emptied import would still load the barrel).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";

const parsed = new Map();

function parse(file) {
  let source = parsed.get(file);
  if (source === undefined) {
    source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    parsed.set(file, source);
  }
  return source;
}

function resolveRelative(from, specifier) {
  return specifier.startsWith(".") ? resolve(dirname(from), specifier) : undefined;
}

const hasExportModifier = (node) => (ts.getModifiers?.(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a statement declares with `export` (not types). */
function declaredExports(statement) {
  if (!hasExportModifier(statement)) return [];
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) return [statement.name.text];
  return [];
}

/** Where `name`, as exported by `file`, is declared: `{ file, name }`, or undefined when it cannot be traced. */
function traceExport(file, name, seen = new Set()) {
  const key = `${file}\0${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  let source;
  try {
    source = parse(file);
  } catch {
    return undefined;
  }
  const stars = [];
  for (const statement of source.statements) {
    if (declaredExports(statement).includes(name)) return { file, name };
    if (!ts.isExportDeclaration(statement) || statement.isTypeOnly) continue;
    const target = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? resolveRelative(file, statement.moduleSpecifier.text) : undefined;
    if (statement.exportClause === undefined) {
      if (target !== undefined) stars.push(target);
      continue;
    }
    if (!ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      if (element.isTypeOnly || element.name.text !== name) continue;
      const local = element.propertyName?.text ?? name;
      if (statement.moduleSpecifier === undefined) return { file, name };
      return target === undefined ? undefined : traceExport(target, local, seen);
    }
  }
  for (const target of stars) {
    const found = traceExport(target, name, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The source with its value imports from `@cloudlab/*` packages pointed at the declaring files; undefined if unchanged. */
function rewrite(file, text, packageEntry) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const edits = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const entry = packageEntry(statement.moduleSpecifier.text);
    const clause = statement.importClause;
    if (entry === undefined || clause === undefined || clause.isTypeOnly || clause.name !== undefined) continue;
    if (clause.namedBindings === undefined || !ts.isNamedImports(clause.namedBindings)) continue;
    const lines = [];
    const untraced = [];
    for (const element of clause.namedBindings.elements) {
      if (element.isTypeOnly) continue;
      const imported = element.propertyName?.text ?? element.name.text;
      const found = traceExport(entry, imported);
      const binding = (name) => (name === element.name.text ? name : `${name} as ${element.name.text}`);
      if (found === undefined) untraced.push(binding(imported));
      else lines.push(`import { ${binding(found.name)} } from ${JSON.stringify(found.file)};`);
    }
    if (untraced.length > 0) lines.push(`import { ${untraced.join(", ")} } from ${JSON.stringify(statement.moduleSpecifier.text)};`);
    edits.push({ start: statement.getStart(source), end: statement.end, text: lines.join(" ") });
  }
  if (edits.length === 0) return undefined;
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * The plugin. `packageEntry(specifier)` gives the absolute path of a workspace package's entry file (its export ".")
 * for a `@cloudlab/*` specifier, else undefined.
 */
export function directImports(packageEntry) {
  return {
    name: "direct-imports",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes("/node_modules/")) return undefined;
        const text = readFileSync(args.path, "utf8");
        const contents = rewrite(args.path, text, packageEntry);
        return contents === undefined ? undefined : { contents, loader: "ts", resolveDir: dirname(args.path) };
      });
    },
  };
}
