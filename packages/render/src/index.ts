export { canonicalObject } from "./canonical-object.ts";
export { manifestYaml } from "./manifest-yaml.ts";
export { kustomizationYaml, KUSTOMIZATION_FILE } from "./kustomization.ts";
export { renderEnvironment, type EnvironmentRender } from "./render-environment.ts";
export { renderPlatform, type PlatformRender } from "./render-platform.ts";
export { planWrite, type WritePlan } from "./write-plan.ts";
export { formatRenderProblem, type RenderedFile, type RenderProblem } from "./rendered-file.ts";
export { synthesize, type Synthesis, type SynthesizeOptions } from "./synthesize.ts";
export * from "./analysis/index.ts";
