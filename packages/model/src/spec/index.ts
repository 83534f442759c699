export type * from "./primitives.ts";
export type * from "./service-spec.ts";
export type * from "./tenant-spec.ts";
export type * from "./environment-spec.ts";
export type * from "./mesh-spec.ts";
export type * from "./observability-spec.ts";
export type * from "./delivery-spec.ts";
