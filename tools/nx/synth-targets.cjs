// An Nx plugin (inferred tasks): one cached `synth-<environment>` target per environment file of the platform, and a
// `synth-environments` target that runs them all (in parallel, as nx.json allows). An environment whose inputs have
// not changed is an Nx cache hit: it is not rendered at all. Its inputs are its own file, the files of the other
// environments of its stage (its failover peers: their regions and roles are rendered into it), every service and
// tenant, the platform's shared code and the generator; another stage's environment file is not one of them.
const { readFileSync } = require("node:fs");
const { basename, dirname, join } = require("node:path");

/** The stage an environment file declares (`stage: "prod"`), or undefined when it is not written literally. */
function stageOf(workspaceRoot, file) {
  const match = /\bstage:\s*["'`]([a-z]+)["'`]/.exec(readFileSync(join(workspaceRoot, file), "utf8"));
  return match === null ? undefined : match[1];
}

const ENVIRONMENT_FILES = "apps/platform/environments/*.ts";

/** The generator: what turns a platform into files (any change to it re-renders every environment). */
const GENERATOR_INPUTS = [
  "{workspaceRoot}/apps/cli/bin/**/*",
  "{workspaceRoot}/apps/cli/src/**/*",
  "{workspaceRoot}/packages/*/src/**/*",
  "{workspaceRoot}/package-lock.json",
];

function synthTarget(environment, peers) {
  return {
    command: `node apps/cli/bin/cloudlab.js synth --env ${environment}`,
    options: { cwd: "{workspaceRoot}" },
    cache: true,
    inputs: [
      ...[environment, ...peers].map((name) => `{projectRoot}/environments/${name}.ts`),
      "{projectRoot}/services/**/*",
      "{projectRoot}/tenants/**/*",
      "{projectRoot}/lib/**/*",
      ...GENERATOR_INPUTS,
    ],
    outputs: [`{workspaceRoot}/environments/${environment}`],
  };
}

module.exports.createNodesV2 = [
  ENVIRONMENT_FILES,
  (files, _options, context) => {
    const byProject = new Map();
    for (const file of files) {
      const root = dirname(dirname(file));
      const list = byProject.get(root) ?? [];
      list.push({ name: basename(file, ".ts"), stage: stageOf(context.workspaceRoot, file) });
      byProject.set(root, list);
    }
    return [...byProject].map(([root, declared]) => {
      const targets = {};
      const environments = declared.map((e) => e.name).sort();
      for (const { name, stage } of declared) {
        // Without a literal stage, any other environment may be a peer.
        const peers = declared.filter((other) => other.name !== name && (stage === undefined || other.stage === undefined || other.stage === stage)).map((other) => other.name).sort();
        targets[`synth-${name}`] = synthTarget(name, peers);
      }
      targets["synth-environments"] = { executor: "nx:noop", dependsOn: environments.map((environment) => `synth-${environment}`) };
      return [join(root, "environments"), { projects: { [root]: { targets } } }];
    });
  },
];
