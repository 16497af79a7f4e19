// What a refused commit prints by default: what was found, where, the one fix
// and the revoke link, in a few lines (about eight for one key). The full
// report, with every step and the triage notes, is `--verbose` away.
import type pc from "picocolors";
import type { ReportContext } from "./context.js";
import { groupByKey } from "./keys.js";
import { formatLocation } from "./location.js";
import { ruleLabel } from "./message.js";

type Colors = ReturnType<typeof pc.createColors>;

/** At most this many places per key; the rest are counted. */
const MAX_PLACES = 5;

export function renderBlockedCommit(ctx: ReportContext, c: Colors): string {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const groups = groupByKey(ctx.findings);
  const out = [
    c.bold(c.red(`tvly-guard: ${groups.length === 1 ? "a key" : `${groups.length} keys`} in the staged changes`)),
  ];
  for (const group of groups) {
    const first = group[0]!;
    out.push(`  ${c.yellow(first.secret)}  ${c.dim(ruleLabel(rulesById.get(first.ruleId), first.ruleId))}`);
    for (const f of group.slice(0, MAX_PLACES)) out.push(`    ${formatLocation(f)}`);
    if (group.length > MAX_PLACES) out.push(c.dim(`    … and ${group.length - MAX_PLACES} more`));
  }
  const remediations = [...new Set(ctx.findings.map((f) => f.ruleId))].map((id) => rulesById.get(id)?.remediation);
  const envVars = [...new Set(remediations.map((r) => r?.envVar).filter(Boolean))];
  const revokeUrls = [...new Set(remediations.map((r) => r?.revokeUrl).filter(Boolean))];
  const lookup = envVars.length ? `the ${envVars.join(" / ")} environment variable` : "an environment variable";
  out.push(
    `${c.bold("Fix:")} read the key from ${lookup} instead (${c.cyan("tvly-guard fix")} rewrites it for you), then git add and commit again.`,
    `${c.bold("Revoke:")} it has been on disk in plain text: replace it at ${revokeUrls.map((u) => c.cyan(u!)).join(", ") || "your provider's dashboard"}.`,
    c.dim("Every step and the triage: tvly-guard staged --verbose"),
  );
  return `${out.join("\n")}\n`;
}
