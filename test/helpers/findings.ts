// Real findings for reporter tests: fake keys run through the real engine.
import { detectSecrets } from "../../src/engine/detect.js";
import { builtinRules } from "../../src/engine/rule.js";
import type { ReportContext } from "../../src/report/context.js";
import { type Finding, toFinding } from "../../src/report/finding.js";
import type { Chunk, CommitInfo } from "../../src/sources/chunk.js";
import { emptySummary } from "../../src/sources/chunk.js";

/** Findings for `text` as if it were the file `path` (optionally in `commit`). */
export function findingsIn(path: string, text: string, commit?: CommitInfo): Finding[] {
  const rules = builtinRules();
  const chunk = { path, data: Buffer.from(text), startLine: 1, ...(commit ? { commit } : {}) };
  return detectSecrets(chunk, rules).map((m) => toFinding(m, chunk));
}

/** Findings for `text` as a commit message, tag message or note (no file), with `place`'s ref, object or reachability. */
export function findingsInMessage(
  text: string,
  place: Pick<Chunk, "location" | "ref" | "object" | "reachable" | "commit">,
): Finding[] {
  const chunk: Chunk = { path: "", data: Buffer.from(text), startLine: 1, ...place };
  return detectSecrets(chunk, builtinRules()).map((m) => toFinding(m, chunk));
}

/** A report context around `findings`, the way finishScan builds one. */
export function reportContext(findings: Finding[], mode = "scan"): ReportContext {
  const summary = { ...emptySummary(), files: 3, bytes: 1234, commits: mode === "scan" ? 0 : 2 };
  return { version: "0.0.0-test", mode, findings, summary, rules: builtinRules(), color: false };
}
