const { generateKindCatalog } = await import("./kind-catalog-generator.ts");
const c = generateKindCatalog();
console.error("done", c.kinds.length, c.shapes.length);
