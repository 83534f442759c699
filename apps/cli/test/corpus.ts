import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Online Boutique's corpus (`../shared/corpus/online-boutique`, reference material that is not on every machine):
 * beside the checkout at `root`, or beside the main checkout when `root` is a git worktree (its `.git` file names
 * `<main>/.git/worktrees/<name>`). Undefined when it is in neither place.
 */
export function onlineBoutiqueCorpus(root: string): string | undefined {
  const candidates = [resolve(root, "../shared/corpus/online-boutique")];
  const git = join(root, ".git");
  if (existsSync(git) && statSync(git).isFile()) {
    const gitdir = /^gitdir: (.+)$/m.exec(readFileSync(git, "utf8"))?.[1];
    if (gitdir !== undefined) candidates.push(resolve(gitdir, "../../../../shared/corpus/online-boutique"));
  }
  return candidates.find((dir) => existsSync(dir));
}
