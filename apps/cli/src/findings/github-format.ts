import type { Finding } from "@cloudlab/validate";

/** A workflow command's message: `%`, CR and LF escaped. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: also `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,title=<rule>::Kind/name field: message`.
 */
export function githubFormat(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const properties = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(f.ruleId)}`].join(",");
      const subject = [f.resource, f.path === "" ? "" : `${f.path}:`].filter((s) => s !== "").join(" ");
      return `::${f.severity} ${properties}::${escapeData(`${subject === "" ? "" : `${subject} `}${f.message}`)}\n`;
    })
    .join("");
}
