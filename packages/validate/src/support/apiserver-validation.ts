/**
 * The kube-apiserver's validation functions and messages (k8s.io/apimachinery/pkg/util/validation and
 * pkg/util/validation/field), word for word, so findings read like the errors `kubectl apply` prints.
 */
import { quote } from "./values.ts";

function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(" or ")}regex used for validation is '${format}')`;
}

/** `must be no more than N characters`. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const QNAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const ENV_VAR_NAME_FMT = "[-._a-zA-Z][-._a-zA-Z0-9]*";

const full = (format: string) => new RegExp(`^${format}$`);
const DNS1123_LABEL = full(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = full(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = full(DNS1035_LABEL_FMT);
const QNAME = full(QNAME_FMT);
const LABEL_VALUE = full(LABEL_VALUE_FMT);
const ENV_VAR_NAME = full(ENV_VAR_NAME_FMT);

/** IsDNS1123Label: at most 63 lowercase alphanumerics or '-', alphanumeric at both ends. */
export function isDns1123Label(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLenError(63));
  if (!DNS1123_LABEL.test(value)) {
    if (DNS1123_SUBDOMAIN.test(value)) errors.push("must not contain dots");
    else {
      errors.push(
        regexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
          DNS1123_LABEL_FMT,
          "my-name",
          "123-abc",
        ),
      );
    }
  }
  return errors;
}

/** IsDNS1123Subdomain: at most 253 characters of dot-separated DNS-1123 labels. */
export function isDns1123Subdomain(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 253) errors.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errors.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        "example.com",
      ),
    );
  }
  return errors;
}

/** IsDNS1035Label: like a DNS-1123 label, but starting with a letter. */
export function isDns1035Label(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLenError(63));
  if (!DNS1035_LABEL.test(value)) {
    errors.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        "my-name",
        "abc-123",
      ),
    );
  }
  return errors;
}

const QNAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** IsQualifiedName: label and annotation keys, `[prefix/]name` with a DNS subdomain prefix and a 63-character name. */
export function isQualifiedName(value: string): string[] {
  const errors: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errors.push("prefix part must be non-empty");
    else errors.push(...isDns1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a qualified name ${regexError(QNAME_MESSAGE, QNAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errors.push("name part must be non-empty");
  else if (name.length > 63) errors.push(`name part ${maxLenError(63)}`);
  if (!QNAME.test(name)) errors.push(`name part ${regexError(QNAME_MESSAGE, QNAME_FMT, "MyName", "my.name", "123-abc")}`);
  return errors;
}

/** IsValidLabelValue: empty, or at most 63 alphanumerics, '-', '_' or '.', alphanumeric at both ends. */
export function isValidLabelValue(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 63) errors.push(maxLenError(63));
  if (!LABEL_VALUE.test(value)) {
    errors.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        "MyValue",
        "my_value",
        "12345",
      ),
    );
  }
  return errors;
}

/** IsValidPortName (IANA_SVC_NAME): at most 15 lowercase alphanumerics and '-', a letter, no '--', no '-' at an end. */
export function isValidPortName(value: string): string[] {
  const errors: string[] = [];
  if (value.length > 15) errors.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(value)) errors.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(value)) errors.push("must contain at least one letter (a-z)");
  if (value.includes("--")) errors.push("must not contain consecutive hyphens");
  if (value.length > 0 && (value.startsWith("-") || value.endsWith("-"))) errors.push("must not begin or end with a hyphen");
  return errors;
}

/** IsValidPortNum: 1 to 65535. */
export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** `must be between LO and HI, inclusive`. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

/** IsEnvVarName (Kubernetes ≤ 1.29 rules): letters, digits, '_', '-' and '.', not starting with a digit. */
export function isEnvVarName(value: string): string[] {
  const errors: string[] = [];
  if (!ENV_VAR_NAME.test(value)) {
    errors.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME_FMT,
        "my.env-name",
        "MY_ENV.NAME",
        "MyEnvName1",
      ),
    );
  }
  if (value === ".") errors.push("must not be '.'");
  else if (value === "..") errors.push("must not be '..'");
  else if (value.startsWith("..")) errors.push("must not start with '..'");
  return errors;
}

/** IsValidPathSegmentName (RBAC object names): not `.` or `..`, no `/` or `%`. */
export function isValidPathSegmentName(value: string): string[] {
  if (value === "." || value === "..") return [`may not be '${value}'`];
  const errors: string[] = [];
  if (value.includes("/")) errors.push("may not contain '/'");
  if (value.includes("%")) errors.push("may not contain '%'");
  return errors;
}

// field.Error bodies (k8s.io/apimachinery/pkg/util/validation/field).

/** `Invalid value: <value>: <detail>`. */
export function invalid(value: unknown, detail: string): string {
  return `Invalid value: ${quote(value)}: ${detail}`;
}

/** `Required value` (with `: <detail>` when given). */
export function required(detail = ""): string {
  return detail === "" ? "Required value" : `Required value: ${detail}`;
}

/** `Duplicate value: <value>`. */
export function duplicate(value: unknown): string {
  return `Duplicate value: ${quote(value)}`;
}

/** `Not found: <value>`. */
export function notFound(value: unknown): string {
  return `Not found: ${quote(value)}`;
}

/** `Forbidden: <detail>`. */
export function forbidden(detail: string): string {
  return `Forbidden: ${detail}`;
}

/** `Unsupported value: <value>: supported values: "a", "b"`. */
export function notSupported(value: unknown, supported: readonly string[]): string {
  return `Unsupported value: ${quote(value)}: supported values: ${supported.map((s) => quote(s)).join(", ")}`;
}

/** IsValidPercent: digits followed by '%'. */
export function isValidPercent(value: string): string[] {
  if (/^[0-9]+%$/.test(value)) return [];
  return [regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%")];
}

/** IsWildcardDNS1123Subdomain: `*.` followed by a DNS-1123 subdomain, at most 253 characters in all. */
export function isWildcardDns1123Subdomain(value: string): string[] {
  const format = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
  const errors: string[] = [];
  if (value.length > 253) errors.push(maxLenError(253));
  if (!full(format).test(value)) {
    const message =
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
    errors.push(regexError(message, format, "*.example.com"));
  }
  return errors;
}

/** The path check of IsDomainPrefixedPath: the characters RFC 3986 allows in an HTTP path. */
export function isHttpPath(value: string): string[] {
  const format = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
  return full(format).test(value) ? [] : [regexError("Invalid path", format)];
}
