// Exposure triage: what git adds to the key list (report/keys.ts): whether
// each key's first commit was pushed, and whether HEAD still holds it.

import { type Finding, rawSecret } from "../report/finding.js";
import { groupByKey, type KeyExposure, summarizeKeys } from "../report/keys.js";

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
