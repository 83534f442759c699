// The entry Nx loads for `nx g @cloudlab/platform:tenant` (generators.json): the generator is TypeScript, loaded
// through tsx (a dependency of the workspace), so Nx needs neither @nx/devkit nor a TypeScript plugin of its own.
const { require: load } = require("tsx/cjs/api");

module.exports = function generate(tree, options) {
  return load("./tenant-generator.ts", __filename).default(tree, options);
};
