import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rulesDocument } from "./rules-document.ts";

writeFileSync(fileURLToPath(new URL("../../../docs/rules.md", import.meta.url)), rulesDocument());
