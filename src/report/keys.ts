// The key list every reporter shows: one entry per unique key (first commit,
// age, pushed, still at HEAD, live) and the urgency order remediation follows.
// Pure: what git can add to it (pushed, still at HEAD) is triage/exposure.ts.
import type { Finding } from "./finding.js";

/** One unique key, as the JSON `keys` array shows it. null: this mode cannot know. */
export interface KeyExposure {
  ruleId: string;
  fingerprint: string;
  /** Redacted (unless --no-redact). */
  secret: string;
  firstCommit: string | null;
  firstDate: string | null;
  ageDays: number | null;
  pushed: boolean | null;
  inHead: boolean | null;
  verified: boolean | null;
  /** How many findings (places) hold this key. */
  locations: number;
}

/** A finding as history reports it: it may already know whether the key is still at HEAD. */
type MaybeInHead = Finding & { inHead?: boolean | null };

const DAY_MS = 86_400_000;

/** Findings grouped by key (fingerprint), in first-seen order: one key to revoke, many places. */
export function groupByKey(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.fingerprint);
    if (group) group.push(f);
    else groups.set(f.fingerprint, [f]);
  }
  return [...groups.values()];
}

/** The earliest commit holding the key, by author date (ties: first seen). */
function firstCommitOf(group: readonly Finding[]): Finding | undefined {
  let first: Finding | undefined;
  for (const f of group) {
    if (!f.commit) continue;
    if (!first || (f.date && (!first.date || Date.parse(f.date) < Date.parse(first.date)))) first = f;
  }
  return first;
}

/** The key list without asking git: what any mode knows (scan: nulls but `verified`). */
export function summarizeKeys(findings: readonly Finding[], now = Date.now()): KeyExposure[] {
  return groupByKey(findings).map((group) => {
    const head = group[0]!;
    const first = firstCommitOf(group);
    const time = first?.date ? Date.parse(first.date) : NaN;
    const flags = group.map((f) => (f as MaybeInHead).inHead).filter((v): v is boolean => typeof v === "boolean");
    return {
      ruleId: head.ruleId,
      fingerprint: head.fingerprint,
      secret: head.secret,
      firstCommit: first?.commit ?? null,
      firstDate: first?.date ?? null,
      ageDays: Number.isNaN(time) ? null : Math.max(0, Math.floor((now - time) / DAY_MS)),
      pushed: null,
      inHead: flags.length ? flags.includes(true) : null,
      verified: verifiedOf(group),
      locations: group.length,
    };
  });
}

/** Live if any place says live; revoked only if checked and no place is unknown. */
function verifiedOf(group: readonly Finding[]): boolean | null {
  if (group.some((f) => f.verified === true)) return true;
  return group.every((f) => f.verified === false) ? false : null;
}

/** Urgency rank: live, pushed, still at HEAD, not pushed, unknown. Lower is more urgent. */
export function urgencyOf(key: KeyExposure): number {
  if (key.verified === true) return 0;
  if (key.pushed === true) return 1;
  if (key.inHead === true) return 2;
  if (key.pushed === false) return 3;
  return 4;
}

/** Most urgent first; within a rank the oldest exposure first; stable otherwise. */
export function sortByUrgency(keys: readonly KeyExposure[]): KeyExposure[] {
  const dated = (k: KeyExposure) => (k.firstDate ? Date.parse(k.firstDate) : Infinity);
  return keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => urgencyOf(a.key) - urgencyOf(b.key) || dated(a.key) - dated(b.key) || a.index - b.index)
    .map((x) => x.key);
}
