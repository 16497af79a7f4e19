// Human output: each finding, then one remediation block per unique key.
import pc from "picocolors";
import { groupByKey, type ReportContext } from "./context.js";
import { formatLocation } from "./location.js";
import { renderRemediation } from "./remediation.js";

export function renderText(ctx: ReportContext): string {
  if (ctx.findings.length === 0) return "";
  const c = pc.createColors(ctx.color);
  const groups = groupByKey(ctx.findings);
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const keys = groups.length === 1 ? "1 key" : `${groups.length} keys`;
  const places = ctx.findings.length === 1 ? "1 place" : `${ctx.findings.length} places`;
  const out = [c.bold(c.red(`tvly-guard: ${keys} found in ${places}`)), ""];
  for (const f of ctx.findings) out.push(`  ${formatLocation(f)}  ${c.yellow(f.secret)}  ${c.dim(f.ruleId)}`);
  out.push("", c.bold("What to do, key by key:"), "");
  for (const group of groups) out.push(renderRemediation(group, rulesById.get(group[0]!.ruleId), c), "");
  return out.join("\n");
}
