import { yamlSyntax } from "../../../src/rules/syntax/yaml-syntax.rule.ts";
import { ruleTable } from "../rule-table.ts";

ruleTable(yamlSyntax, {
  valid: [
    { name: "one document", manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n" },
    { name: "several documents, an empty one and a comment", manifests: "# settings\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n" },
  ],
  invalid: [
    {
      name: "a duplicate key, where the repeated key is",
      manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n",
      errors: ['5:3 key "name" already set in map'],
    },
    {
      name: "an unclosed flow sequence, in the second document only",
      manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\ndata: [a, b\n",
      errors: ["6:1 Flow sequence in block collection must be sufficiently indented and end with a ]"],
    },
    {
      name: "a tab used for indentation",
      manifests: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n",
      errors: ["4:1 Tabs are not allowed as indentation"],
    },
  ],
});
