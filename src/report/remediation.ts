// One revoke-and-replace block per unique key. All wording that is specific
// to a provider (steps, links, env var) comes from the rule file.
import type pc from "picocolors";
import type { Rule, RuleRemediation } from "../engine/rule.js";
import type { Finding } from "./finding.js";
import { formatLocation } from "./location.js";

type Colors = ReturnType<typeof pc.createColors>;

/** Fill `{revokeUrl}`-style slots in a step from the rule's remediation block. */
export function fillStep(step: string, remediation: RuleRemediation): string {
  return step.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (remediation as unknown as Record<string, unknown>)[name];
    return typeof value === "string" ? value : whole;
  });
}

/** The remediation block for one key found at `places`. */
export function renderRemediation(places: readonly Finding[], rule: Rule | undefined, c: Colors): string {
  const first = places[0]!;
  const count = places.length === 1 ? "1 place" : `${places.length} places`;
  const lines = [`${c.bold(c.red("●"))} ${c.bold(first.secret)}  ${c.dim(`${first.ruleId}, fingerprint ${first.fingerprint.slice(0, 12)}, ${count}`)}`];
  for (const f of places.slice(0, 10)) lines.push(`    ${formatLocation(f)}`);
  if (places.length > 10) lines.push(c.dim(`    … and ${places.length - 10} more`));
  if (rule) {
    const r = rule.remediation;
    lines.push(`  ${c.bold(r.title)}:`);
    r.steps.forEach((step, i) => lines.push(`    ${i + 1}. ${fillStep(step, r)}`));
    if (r.docsUrl) lines.push(`  ${c.dim("Guide:")} ${c.cyan(r.docsUrl)}`);
  }
  return lines.join("\n");
}
