/**
 * How a string is written in YAML. Plain (unquoted) only when every YAML 1.1 and 1.2 reader takes it back as that
 * same string — kubectl and Argo CD read YAML 1.1, where `yes`, `on`, `y`, `1_000` or `12:30` are not strings —
 * otherwise double-quoted with JSON escapes (a JSON string is a valid YAML double-quoted scalar).
 */

/** Words that some YAML version reads as a boolean or null. */
const KEYWORDS = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|=|<<|[-+.]+)$/;
/** Anything that some YAML version reads as a number (ints in any base, floats, infinities, sexagesimals). */
const NUMBER_LIKE =
  /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\.(?:inf|Inf|INF|nan|NaN|NAN))$/;
/** Anything made only of digits, dots, underscores, signs and an exponent: some reader takes it for a number. */
const NUMERIC_SHAPE = /^[-+]?[0-9_.]*(?:[eE][-+]?[0-9_]*)?$/;
/** A YAML 1.1 timestamp's start. */
const TIMESTAMP = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/;
/** Characters a plain scalar may hold here (block context), with a safe first character. */
const PLAIN = /^(?:[A-Za-z0-9_./$(]|-(?! ))[A-Za-z0-9_./$()@=+,~%*^:\- ]*$/;

/** Whether a string can be written without quotes and read back unchanged by YAML 1.1 and 1.2 parsers. */
export function isPlainSafe(value: string): boolean {
  return (
    value !== "" &&
    value !== "-" &&
    PLAIN.test(value) &&
    !value.endsWith(" ") &&
    !value.endsWith(":") &&
    !value.includes(": ") &&
    !value.includes(" #") &&
    !KEYWORDS.test(value) &&
    !NUMBER_LIKE.test(value) &&
    !NUMERIC_SHAPE.test(value) &&
    !TIMESTAMP.test(value)
  );
}

/** A string as a YAML scalar: plain when safe, else double-quoted. */
export function yamlString(value: string): string {
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

/**
 * Whether a multi-line string can be written as a literal block (`|` / `|-`) and read back unchanged: no carriage
 * returns or tabs, no line with trailing whitespace, a first line that does not start with a space (it would set the
 * indentation), at most one trailing newline.
 */
export function isLiteralBlockSafe(value: string): boolean {
  if (!value.includes("\n") || /[\r\t\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return false;
  if (value.startsWith(" ") || value.startsWith("\n") || value.endsWith("\n\n")) return false;
  return value.split("\n").every((line) => !line.endsWith(" "));
}
