// Exposure triage: one entry per unique key (first commit, age, pushed, still
// at HEAD, live) and the urgency order remediation and the JSON `keys` follow.
import { groupByKey } from "../report/context.js";
import { type Finding, rawSecret } from "../report/finding.js";

/** What triage needs from git; src/git/ answers it, tests may fake it. */
export interface TriageGit {
  /**
   * For these commits (asked all at once: one git walk), a test that is true when a commit is
   * reachable from a remote-tracking ref and false when only local; null when git cannot say.
   */
  readPushed(commits: readonly string[]): Promise<((commit: string) => boolean) | null>;
  /** Each path's bytes at HEAD; a path missing at HEAD maps to null. Undefined when there is no HEAD. */
  readHeadFiles(paths: readonly string[]): Promise<Map<string, Buffer | null> | undefined>;
}

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

/**
 * Full triage for git modes: pushed (first commit reachable from a remote-tracking
 * ref) and inHead (HEAD's version of the files still holds the key, checked on
 * blob bytes so the key never goes on a git command line). Keys without a commit
 * (scan, staged) stay null.
 */
export async function triageKeys(
  findings: readonly Finding[],
  git: TriageGit,
  now = Date.now(),
): Promise<KeyExposure[]> {
  const keys = summarizeKeys(findings, now);
  const groups = groupByKey(findings);
  if (!keys.some((k) => k.firstCommit)) return keys;
  const needHead = keys.flatMap((k, i) =>
    k.firstCommit && k.inHead === null ? groups[i]!.flatMap((f) => (f.file === null ? [] : [f.file])) : [],
  );
  const headFiles = needHead.length ? await git.readHeadFiles([...new Set(needHead)]) : undefined;
  const commits = [...new Set(keys.flatMap((k) => (k.firstCommit ? [k.firstCommit] : [])))];
  const pushed = await git.readPushed(commits);
  for (const [i, key] of keys.entries()) {
    if (!key.firstCommit) continue;
    key.pushed = pushed === null ? null : pushed(key.firstCommit);
    if (key.inHead === null && headFiles) {
      const group = groups[i]!;
      const needle = Buffer.from(rawSecret(group[0]!));
      key.inHead = group.some((f) => f.file !== null && (headFiles.get(f.file)?.indexOf(needle) ?? -1) !== -1);
    }
  }
  return keys;
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
