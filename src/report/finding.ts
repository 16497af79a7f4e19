// The shapes every reporter sees: Finding (one key at one place) and
// ScanSummary (what a scan covered). The raw key rides along hidden.
import type { Match } from "../engine/detect.js";
import { fingerprint, redact } from "../engine/redact.js";
import { isTestPath } from "../engine/test-path.js";
import type { Chunk } from "../sources/chunk.js";

export interface Finding {
  ruleId: string;
  /** The rule's severity, lowered to "warning" in test fixtures (a real key there is still a leak, so it is reported). */
  severity: "error" | "warning" | "note";
  file: string;
  line: number;
  column: number;
  commit: string | null;
  author: string | null;
  date: string | null;
  /** Redacted unless the user asked for --no-redact. */
  secret: string;
  /** SHA-256 of the key: the stable identity used for grouping, baselines and SARIF. */
  fingerprint: string;
  /** true live, false revoked or invalid, null not checked or unknown. */
  verified: boolean | null;
  /** history: does HEAD's version of the file still hold the key? null where the mode cannot know. */
  inHead: boolean | null;
  /** How the key was encoded where it was found ("base64", "percent", "utf16le"...); absent for a plain key. */
  encoding?: string;
  /** Byte offset of the key in a binary file (then line is 1 and column is offset + 1); absent for text. */
  offset?: number;
}

export interface ScanSummary {
  commits: number;
  files: number;
  bytes: number;
  /** How many of `files` were binary (searched byte by byte, located by offset). */
  binary: number;
  /** Not read, by reason; `special`: FIFOs, devices and sockets (never opened for reading). */
  skipped: { binary: number; tooLarge: number; symlinks: number; unreadable: number; special: number };
  /** Things the user must know about coverage (shallow clone, missing objects...). */
  warnings: string[];
}

export function emptySummary(): ScanSummary {
  return {
    commits: 0,
    files: 0,
    bytes: 0,
    binary: 0,
    skipped: { binary: 0, tooLarge: 0, symlinks: 0, unreadable: 0, special: 0 },
    warnings: [],
  };
}

// A symbol-keyed, non-enumerable property: JSON.stringify, spreads and
// Object.keys never see it, so no reporter can write the key by accident.
const RAW = Symbol("tvly-guard.raw-secret");

/** The whole key, for --verify, fix and --no-redact only. */
export function rawSecret(finding: Finding): string {
  const raw = (finding as unknown as Record<symbol, string | undefined>)[RAW];
  if (raw === undefined) throw new Error("finding has lost its key (was it copied with a spread?)");
  return raw;
}

export interface FindingOptions {
  /** Show the whole key in `secret` (--no-redact). */
  showSecret?: boolean;
}

/** Turn an engine match into a Finding: redacted, fingerprinted, located. */
export function toFinding(match: Match, chunk: Chunk, options: FindingOptions = {}): Finding {
  const finding: Finding = {
    ruleId: match.rule.id,
    severity: isTestPath(chunk.path) && match.rule.severity === "error" ? "warning" : match.rule.severity,
    file: chunk.path,
    line: match.line,
    column: match.column,
    commit: chunk.commit?.sha ?? null,
    author: chunk.commit?.author ?? null,
    date: chunk.commit?.date ?? null,
    secret: options.showSecret ? match.secret : redact(match.secret, match.prefix),
    fingerprint: fingerprint(match.secret),
    verified: null,
    inHead: null,
  };
  if (match.encoding) finding.encoding = match.encoding;
  if (match.binary) finding.offset = match.offset;
  Object.defineProperty(finding, RAW, { value: match.secret, enumerable: false });
  return finding;
}

/** Stable report order: file, line, column, then commit. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file
    ? -1
    : a.file > b.file
      ? 1
      : a.line - b.line || a.column - b.column || (a.commit ?? "").localeCompare(b.commit ?? "");
}
