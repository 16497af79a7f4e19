// Human output: each finding, then one remediation block per unique key, most urgent first.
import pc from "picocolors";
import { renderBlockedCommit } from "./blocked.js";
import type { ReportContext } from "./context.js";
import { groupByKey, sortByUrgency, summarizeKeys } from "./keys.js";
import { formatLocation } from "./location.js";
import { renderFixHint, renderRemediation } from "./remediation.js";

export function renderText(ctx: ReportContext): string {
  if (ctx.findings.length === 0) return "";
  const c = pc.createColors(ctx.color);
  if (ctx.mode === "staged" && !ctx.verbose) return renderBlockedCommit(ctx, c);
  const groups = new Map(groupByKey(ctx.findings).map((g) => [g[0]!.fingerprint, g]));
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const keys = groups.size === 1 ? "1 key" : `${groups.size} keys`;
  const places = ctx.findings.length === 1 ? "1 place" : `${ctx.findings.length} places`;
  const out = [c.bold(c.red(`tvly-guard: ${keys} found in ${places}`)), ""];
  for (const f of ctx.findings) out.push(`  ${formatLocation(f)}  ${c.yellow(f.secret)}  ${c.dim(f.ruleId)}`);
  out.push("", c.bold("What to do, key by key (most urgent first):"), "");
  for (const key of sortByUrgency(ctx.keys ?? summarizeKeys(ctx.findings))) {
    const group = groups.get(key.fingerprint);
    if (group) out.push(renderRemediation(group, rulesById.get(key.ruleId), c, key), "");
  }
  const hint = renderFixHint(ctx.mode, c);
  if (hint) out.push(hint, "");
  return out.join("\n");
}
