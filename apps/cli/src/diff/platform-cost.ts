import { environmentCost, type EnvironmentCost } from "@cloudlab/constructs";
import type { CostInput } from "@cloudlab/diff";
import { formatSpecError, type PlatformDefinition } from "@cloudlab/model";
import { planSynthesis } from "@cloudlab/render";
import type { BaseRender } from "./base-render.ts";

/** Every environment's cost of a platform that checks (the caller has made sure it does). */
export function platformCost(definition: PlatformDefinition): EnvironmentCost[] {
  return planSynthesis(definition).models.map((model) => environmentCost(model));
}

/**
 * Both sides' costs for `cloudlab diff`, each computed with this revision's code and price list (so a change of the
 * price list itself shows no delta): the base's from its specs, loaded from its worktree. A base without a platform
 * costs nothing; a base whose specs do not load or check with this revision's model is "not compared", with why.
 */
export function costInput(head: PlatformDefinition, base: BaseRender): CostInput {
  const headCost = platformCost(head);
  if (base.source === "empty") return { base: [], head: headCost };
  if (base.definition === undefined) return { base: undefined, head: headCost, unavailable: "the base revision's specs were not loaded" };
  if (typeof base.definition === "string") return { base: undefined, head: headCost, unavailable: `the base revision's specs do not load: ${base.definition}` };
  const plan = planSynthesis(base.definition);
  if (plan.specErrors.length > 0) {
    const count = plan.specErrors.length;
    return {
      base: undefined,
      head: headCost,
      unavailable: `the base revision's specs do not check with this revision's model (${count} error${count === 1 ? "" : "s"}, the first: ${formatSpecError(plan.specErrors[0]!)})`,
    };
  }
  return { base: plan.models.map((model) => environmentCost(model)), head: headCost };
}
