/** How report text is styled: ANSI colours on a terminal, nothing elsewhere. */
export interface Painter {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly added: (text: string) => string;
  readonly removed: (text: string) => string;
  readonly changed: (text: string) => string;
  readonly risk: (text: string) => string;
}

const identity = (text: string) => text;

/** No styling. */
export const PLAIN: Painter = { bold: identity, dim: identity, added: identity, removed: identity, changed: identity, risk: identity };

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

/** ANSI colours: green added, red removed and risks, yellow changed. */
export const ANSI: Painter = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  added: sgr(32, 39),
  removed: sgr(31, 39),
  changed: sgr(33, 39),
  risk: (text) => sgr(1, 22)(sgr(31, 39)(text)),
};
