// A process that compiles the same platform's specs again and again under alternating salts, so that every call
// rewrites the one cache entry (spec-bundle.test.ts runs several at once). Arguments: the working directory, the
// platform's spec files (relative to it), a name for this writer, how many rounds.
import { join } from "node:path";
import { specBundle } from "../src/spec-bundle.ts";

const [cwd, files, writer, rounds] = [process.argv[2]!, process.argv[3]!.split(","), process.argv[4]!, Number(process.argv[5])];
const paths = files.map((file) => join(cwd, file));
for (let round = 0; round < rounds; round++) {
  const bundle = await specBundle(paths, cwd, { cacheDir: join(cwd, "cache"), key: "platform", salt: `${writer}-${round}` });
  if (bundle === undefined) throw new Error("the specs did not compile");
  const spec = await bundle.load(paths[0]!);
  if ((spec.default as { name?: unknown }).name !== "shop") throw new Error("a spec loaded wrong");
}
