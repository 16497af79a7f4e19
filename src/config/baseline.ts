// Baselines: the findings a team has reviewed and accepted, as (fingerprint,
// file, rule) triples. Never the key, never a line number, so entries
// survive code moving around and the file is safe to commit.
import { ConfigError } from "../errors.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import { readRegularFile } from "../fs/open-file.js";
import { parseJson } from "./load.js";

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** SHA-256 of the key (Finding.fingerprint). */
  fingerprint: string;
  /** Path relative to the repository root. */
  file: string;
  ruleId: string;
}

const FIELDS = ["fingerprint", "file", "ruleId"] as const;
const TOP = ["tool", "version", "findings"];

const entryId = (e: BaselineEntry) => `${e.fingerprint}\0${e.file}\0${e.ruleId}`;

/** The accepted findings, for membership tests. */
export class Baseline {
  private readonly ids: Set<string>;
  constructor(readonly entries: readonly BaselineEntry[]) {
    this.ids = new Set(entries.map(entryId));
  }
  has(entry: BaselineEntry): boolean {
    return this.ids.has(entryId(entry));
  }
}

/** Sorted by file, rule, fingerprint (code-unit order, not locale), duplicates dropped: diffs stay clean. */
export function sortEntries(entries: Iterable<BaselineEntry>): BaselineEntry[] {
  const unique = new Map<string, BaselineEntry>();
  for (const e of entries) unique.set(entryId(e), { fingerprint: e.fingerprint, file: e.file, ruleId: e.ruleId });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...unique.values()].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint),
  );
}

/** The baseline file's text: pretty JSON, one field per line, a trailing newline. */
export function renderBaseline(entries: Iterable<BaselineEntry>): string {
  return `${JSON.stringify({ tool: "tvly-guard", version: BASELINE_VERSION, findings: sortEntries(entries) }, null, 2)}\n`;
}

/** Read and check a baseline; `file` is how errors name it. Values are never echoed (a hand-edited file may hold a key). */
export function readBaseline(abs: string, file: string): Baseline {
  const text = readRegularFile(abs, `baseline ${file}`).toString("utf8");
  const raw = parseJson(text, file) as Record<string, unknown>;
  const bad = (what: string) => new ConfigError(`${file}: ${what} (write baselines with --write-baseline)`);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad("not a tvly-guard baseline");
  const unknown = Object.keys(raw).find((k) => !TOP.includes(k));
  if (unknown !== undefined) throw bad(`unknown key "${unknown.slice(0, 40)}" (expected one of: ${TOP.join(", ")})`);
  if (raw.version !== BASELINE_VERSION) throw bad(`"version" must be ${BASELINE_VERSION}`);
  if (!Array.isArray(raw.findings)) throw bad(`"findings" must be a list`);
  const entries = raw.findings.map((e: unknown, i: number) => {
    const entry = e as Record<string, unknown>;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry))
      throw bad(`"findings[${i}]" must be an object`);
    const extra = Object.keys(entry).find((k) => !(FIELDS as readonly string[]).includes(k));
    if (extra !== undefined)
      throw bad(`unknown key "findings[${i}].${extra.slice(0, 40)}" (expected one of: ${FIELDS.join(", ")})`);
    for (const f of FIELDS)
      if (typeof entry[f] !== "string" || entry[f] === "")
        throw bad(`"findings[${i}].${f}" must be a non-empty string`);
    if (!/^[0-9a-f]{64}$/.test(entry.fingerprint as string))
      throw bad(`"findings[${i}].fingerprint" must be a SHA-256 fingerprint (64 lowercase hex digits)`);
    return entry as unknown as BaselineEntry;
  });
  return new Baseline(entries);
}

/** Write a baseline file; returns how many entries it holds. */
export function writeBaseline(abs: string, file: string, entries: Iterable<BaselineEntry>): number {
  const sorted = sortEntries(entries);
  writeFileAtomic(abs, renderBaseline(sorted), { what: `baseline ${file}` });
  return sorted.length;
}
