// One revoke-and-replace block per unique key, with its triage (live, pushed,
// in HEAD, age) and the steps that case calls for. All wording that is specific
// to a provider (steps, links, env var, case notes) comes from the rule file.
import type pc from "picocolors";
import type { Rule, RuleRemediation } from "../engine/rule.js";
import type { Finding } from "./finding.js";
import type { KeyExposure } from "./keys.js";
import { formatLocation } from "./location.js";

type Colors = ReturnType<typeof pc.createColors>;

/** Fill `{revokeUrl}`-style slots from the rule's remediation block, then from `extra`. */
export function fillStep(
  step: string,
  remediation: RuleRemediation,
  extra: Record<string, string | number> = {},
): string {
  return step.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (remediation as unknown as Record<string, unknown>)[name] ?? extra[name];
    return typeof value === "string" || typeof value === "number" ? String(value) : whole;
  });
}

/** Short status tags for the block's header: what triage knows, nothing it does not. */
function statusTags(key: KeyExposure, c: Colors): string[] {
  const tags: string[] = [];
  if (key.verified === true) tags.push(c.bold(c.red("LIVE")));
  if (key.verified === false) tags.push(c.green("revoked"));
  if (key.pushed === true) tags.push(c.red("pushed"));
  if (key.pushed === false) tags.push(c.yellow("not pushed"));
  if (key.inHead === true) tags.push("in HEAD");
  if (key.inHead === false) tags.push("gone from HEAD");
  if (key.firstCommit) {
    const date = key.firstDate ? ` on ${key.firstDate.slice(0, 10)}` : "";
    const age = key.ageDays === null ? "" : `, ${key.ageDays === 1 ? "1 day" : `${key.ageDays} days`} ago`;
    tags.push(`first committed in ${key.firstCommit.slice(0, 12)}${date}${age}`);
  }
  return tags;
}

/**
 * Rewriting local commits (amend, rebase) is advice for work of the last days; a
 * commit weeks old has usually been copied, branched from or backed up since.
 */
const REWRITE_DAYS = 14;
const isRecent = (key: KeyExposure) => key.ageDays === null || key.ageDays <= REWRITE_DAYS;

/** The case notes that apply to this key, in the order a user should act on them. */
function caseNotes(key: KeyExposure, r: RuleRemediation): string[] {
  const cases = r.cases ?? {};
  const extra = { ageDays: key.ageDays ?? "", rotationDays: r.rotationDays ?? "" };
  const notes: (string | undefined)[] = [];
  if (key.verified === true) notes.push(cases.live);
  if (key.verified === false) notes.push(cases.revoked);
  if (key.pushed === true) notes.push(cases.pushed);
  if (key.pushed === false && isRecent(key)) notes.push(cases.unpushed);
  if (key.inHead === true) notes.push(cases.inHead);
  if (key.ageDays !== null && r.rotationDays !== undefined && key.ageDays > r.rotationDays)
    notes.push(cases.old, r.rotation);
  return notes.filter((n): n is string => Boolean(n)).map((n) => fillStep(n, r, extra));
}

const PLACE_CASES = {
  "commit-message": "commitMessage",
  "tag-message": "tagMessage",
  note: "note",
} as const;

/** The clean-up a key in a message, note or unreachable object needs beyond revoke-and-replace (from the rule file). */
export function placeNote(f: Finding, r: RuleRemediation): string | undefined {
  // A message still being written (commit-msg hook) has no commit to reword yet.
  if (f.location === "commit-message" && f.commit === null) return undefined;
  const kind = f.location in PLACE_CASES ? PLACE_CASES[f.location as keyof typeof PLACE_CASES] : undefined;
  return kind ? r.cases?.[kind] : undefined;
}

/** Place notes for every kind of place the key was found in, each once. */
function placeNotes(places: readonly Finding[], r: RuleRemediation): string[] {
  const notes = places.map((f) => placeNote(f, r));
  if (places.some((f) => f.reachable === false)) notes.push(r.cases?.unreachable);
  return [...new Set(notes.filter((n): n is string => Boolean(n)))];
}

/** The remediation block for one key found at `places`; `key` carries its triage when known. */
export function renderRemediation(
  places: readonly Finding[],
  rule: Rule | undefined,
  c: Colors,
  key?: KeyExposure,
): string {
  const first = places[0]!;
  const count = places.length === 1 ? "1 place" : `${places.length} places`;
  const lines = [
    `${c.bold(c.red("●"))} ${c.bold(first.secret)}  ${c.dim(`${first.ruleId}, fingerprint ${first.fingerprint.slice(0, 12)}, ${count}`)}`,
  ];
  const tags = key ? statusTags(key, c) : [];
  if (tags.length) lines.push(`  ${tags.join(" · ")}`);
  for (const f of places.slice(0, 10)) lines.push(`    ${formatLocation(f)}`);
  if (places.length > 10) lines.push(c.dim(`    … and ${places.length - 10} more`));
  if (rule) {
    const r = rule.remediation;
    if (r.notice) lines.push(`  ${c.bold(c.yellow("?"))} ${r.notice}`);
    for (const note of [...(key ? caseNotes(key, r) : []), ...placeNotes(places, r)])
      lines.push(`  ${c.bold("!")} ${note}`);
    lines.push(`  ${c.bold(r.title)}:`);
    r.steps.forEach((step, i) => lines.push(`    ${i + 1}. ${fillStep(step, r)}`));
    if (r.docsUrl) lines.push(`  ${c.dim("Guide:")} ${c.cyan(r.docsUrl)}`);
  }
  return lines.join("\n");
}

/** After a blocked commit: the one command that moves the keys out of the staged files. */
export function renderFixHint(mode: string, c: Colors): string | undefined {
  if (mode !== "staged") return undefined;
  return `${c.bold("Quick fix:")} run ${c.cyan("tvly-guard fix")} to move the keys into a git-ignored .env and read them from the environment, then re-stage (git add) and commit again.`;
}
