import type { ResolvedService } from "@cloudlab/model";

/** The name of the volume claim (and its mount) of a stateful service. */
export const DATA_VOLUME = "data";

/** One emptyDir per declared writable path, named after the path (`/var/cache/nginx` → `writable-var-cache-nginx`). */
export function writableVolumes(service: ResolvedService): { readonly name: string; readonly mountPath: string }[] {
  const used = new Set<string>([DATA_VOLUME]);
  return service.security.writablePaths.map((mountPath, index) => {
    const slug = mountPath.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase() || "root";
    let name = `writable-${slug}`.slice(0, 63).replace(/-$/, "");
    // The fallback is checked too: `/2`, `/x`, `/x/` would otherwise give `/x/` the name `writable-2` a second time.
    for (let n = index; used.has(name); n++) name = `writable-${n}`;
    used.add(name);
    return { name, mountPath };
  });
}
