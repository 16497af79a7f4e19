// The shape every reporter sees: Finding (one key at one place; ScanSummary,
// what a scan covered, lives with the sources that count it). The raw key rides along hidden.
import type { Match } from "../engine/detect.js";
import { fingerprint, redact } from "../engine/redact.js";
import { isTestPath } from "../engine/test-path.js";
import type { Chunk, LocationKind } from "../sources/chunk.js";

export interface Finding {
  ruleId: string;
  /** The rule's severity, lowered to "warning" in test fixtures (a real key there is still a leak, so it is reported). */
  severity: "error" | "warning" | "note";
  /** Where the key sits: a file's content, or a commit message, tag message, note or pathless blob. */
  location: LocationKind;
  /** The file, for `location: "file"`; null for messages, notes and blobs (no path names them). */
  file: string | null;
  /** Line and column inside the file or the message. */
  line: number;
  column: number;
  commit: string | null;
  /** "Name <email>" and ISO 8601 date of the commit's author, or of an annotated tag's tagger (a tag message). */
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
  /** The tag of a tag message, the notes ref of a note (a note's `commit` is the commit it annotates). */
  ref?: string;
  /** The git object that holds the key when no path or ref names it (an unreferenced blob, a deleted tag). */
  object?: string;
  /** false when only objects no ref reaches hold the key (history --all-objects); absent otherwise. */
  reachable?: false;
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
    location: chunk.location ?? "file",
    file: (chunk.location ?? "file") === "file" ? chunk.path : null,
    line: match.line,
    column: match.column,
    commit: chunk.commit?.sha ?? null,
    author: chunk.commit?.author ?? chunk.tagger?.name ?? null,
    date: chunk.commit?.date ?? (chunk.tagger?.date || null),
    secret: options.showSecret ? match.secret : redact(match.secret, match.prefix),
    fingerprint: fingerprint(match.secret),
    verified: null,
    inHead: null,
  };
  if (match.encoding) finding.encoding = match.encoding;
  if (match.binary) finding.offset = match.offset;
  if (chunk.ref !== undefined) finding.ref = chunk.ref;
  if (chunk.object !== undefined) finding.object = chunk.object;
  if (chunk.reachable === false) finding.reachable = false;
  Object.defineProperty(finding, RAW, { value: match.secret, enumerable: false });
  return finding;
}

/**
 * What names a finding's place, as one string: the file, else the kind and the
 * commit, ref or object (`commit-message:1a2b…`). Used for ordering, baselines
 * and SARIF fingerprints, so a message finding is as stable as a file finding.
 */
export function placeOf(f: Finding): string {
  if (f.file !== null) return f.file;
  return `${f.location}:${f.location === "tag-message" ? (f.ref ?? f.object ?? "") : (f.commit ?? f.object ?? f.ref ?? "")}`;
}

/** Stable report order: files first, then messages, notes and blobs; line, column, then commit. */
export function compareFindings(a: Finding, b: Finding): number {
  const [pa, pb] = [placeOf(a), placeOf(b)];
  const kind = Number(a.file === null) - Number(b.file === null);
  return (
    kind ||
    (pa < pb ? -1 : pa > pb ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.commit ?? "").localeCompare(b.commit ?? "")
  );
}
