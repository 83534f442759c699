/** HTTP header names and values as istiod checks them in VirtualServices and RequestAuthentications. */

const HEADER_NAME = /^[-_A-Za-z0-9]+$/;
// eslint-disable-next-line no-control-regex
const HEADER_VALUE = /^[^\u0000-\u0008\u000A-\u001F\u007F]*$/;
const JWT_CLAIM_HEADER = "@request.auth.claims";

/** `ValidateHTTPHeaderName`. */
export function validateHeaderName(name: string): string | undefined {
  if (name === "") return "header name cannot be empty";
  return HEADER_NAME.test(name) ? undefined : `header name ${name} is not a valid header name`;
}

/** `ValidateCORSHTTPHeaderName`: a header name or `*`. */
export function validateCorsHeaderName(name: string): string | undefined {
  return name === "*" ? undefined : validateHeaderName(name);
}

/** Whether a match header names a JWT claim (`@request.auth.claims.sub`, `@request.auth.claims[groups]`). */
export function isJwtClaimHeader(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM_HEADER)) return false;
  const rest = name.slice(JWT_CLAIM_HEADER.length);
  return rest.startsWith(".") || (rest.startsWith("[") && rest.endsWith("]"));
}

/** `ValidateHTTPHeaderNameOrJwtClaimRoute`. */
export function validateMatchHeaderName(name: string): string | undefined {
  if (name === "") return "header name cannot be empty";
  return isJwtClaimHeader(name) ? undefined : validateHeaderName(name);
}

function isInternalHeader(name: string): boolean {
  return name.startsWith(":") || name.toLowerCase() === "host";
}

/** Whether the header is the authority (`:authority` or `host`, any case). */
export function isAuthorityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ":authority" || lower === "host";
}

/** `ValidateHTTPHeaderWithAuthorityOperationName`: request headers added or set (the authority may be). */
export function validateRequestHeaderSetName(name: string): string | undefined {
  if (name === "") return "header name cannot be empty";
  return isInternalHeader(name) && !isAuthorityHeader(name) ? `invalid header ${JSON.stringify(name)}: header cannot have ":" prefix` : undefined;
}

/** `ValidateHTTPHeaderOperationName`: headers removed, and response headers added or set. */
export function validateHeaderOperationName(name: string): string | undefined {
  if (name === "") return "header name cannot be empty";
  if (name.toLowerCase() === "host") return `invalid header ${JSON.stringify(name)}: cannot set Host header`;
  return isInternalHeader(name) ? `invalid header ${JSON.stringify(name)}: header cannot have ":" prefix` : undefined;
}

/** Envoy's header-value formatter grammar (`%VAR%`, `%VAR(args)%`, `%%`), as istiod ports it; the error or `undefined`. */
function headerValueFormatError(value: string): string | undefined {
  type State = "literal" | "name" | "array" | "string-start" | "string" | "delimiter" | "args-end" | "variable-end";
  let state: State = "literal";
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos]!;
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case "literal":
        if (ch !== "%") break;
        if (!hasNext) return "invalid header configuration. Un-escaped %";
        if (value[pos + 1] === "%") pos++;
        else state = "name";
        break;
      case "name":
        if (ch === "%") state = "literal";
        else if (ch === "(") state = "array";
        break;
      case "array":
        if (ch === "[") state = "string-start";
        else if (ch !== " ") state = "string";
        break;
      case "delimiter":
        if (ch === ",") state = "string-start";
        else if (ch === "]") state = "args-end";
        else if (ch !== " ") return "invalid header configuration. Expecting ',', ']', or whitespace";
        break;
      case "string-start":
        if (ch === '"') state = "string";
        else if (ch !== " ") return "invalid header configuration. Expecting '\"'";
        break;
      case "string":
        if (ch === "\\") {
          if (!hasNext) return "invalid header configuration. Un-terminated backslash in JSON string";
          pos++;
        } else if (ch === ")") state = "variable-end";
        else if (ch === '"') state = "delimiter";
        break;
      case "args-end":
        if (ch === ")") state = "variable-end";
        else if (ch !== " ") return "invalid header configuration. Expecting ')' or whitespace after '{}', but found '{}'";
        break;
      case "variable-end":
        if (ch === "%") state = "literal";
        else if (ch !== " ") return "invalid header configuration. Expecting '%' or whitespace after";
        break;
    }
  }
  return state === "literal" ? undefined : `invalid header configuration. Un-terminated variable expression '${value}'`;
}

/** `ValidateHTTPHeaderValue`: no control characters, and a well-formed Envoy formatter. */
export function validateHeaderValue(value: string): string | undefined {
  if (!HEADER_VALUE.test(value)) return `header value configuration ${value} is invalid`;
  const format = headerValueFormatError(value);
  return format === undefined ? undefined : `header value configuration: ${format}`;
}
