import { namespaceFinalizers } from "../../../../src/rules/apiserver/core/namespace-finalizers.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { namespace } from "./core-objects.ts";

ruleTable(namespaceFinalizers, {
  valid: [
    { name: "the standard kubernetes finalizer", manifests: [namespace(["kubernetes"])] },
    { name: "a prefixed finalizer", manifests: [namespace(["example.com/cleanup", "orphan", "foregroundDeletion"])] },
  ],
  invalid: [
    { name: "an unprefixed unknown finalizer (reported without an index)", manifests: [namespace(["kubernetes", "cleanup"])], errors: ['spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified'] },
    {
      name: "a finalizer that is not a qualified name",
      manifests: [namespace(["example.com/clean up"])],
      errors: [
        "spec.finalizers: Invalid value: \"example.com/clean up\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
  ],
});
