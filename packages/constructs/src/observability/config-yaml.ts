import { stringify } from "yaml";

/** A configuration file's text (Prometheus, Alertmanager): block YAML in the given key order, no line wrapping. */
export function configYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}
