import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { kindCatalogText } from "./kind-catalog-generator.ts";

const target = fileURLToPath(new URL("../src/generated/kind-catalog.json", import.meta.url));
writeFileSync(target, kindCatalogText());
