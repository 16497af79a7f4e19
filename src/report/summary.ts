// The one-line account of what a scan covered. It goes to stderr in every
// format, so an empty scan can never pass for a clean one.
import type { ScanSummary } from "../sources/chunk.js";

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let i = 0;
  for (; v >= 1024 && i < units.length - 1; i++) v /= 1024;
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** "1 file", "2 files". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** How each reason to skip reads, for one and for many ("1 symlink", "2 not regular files"). */
const SKIPPED: Record<keyof ScanSummary["skipped"], [string, string]> = {
  binary: ["binary", "binary"],
  tooLarge: ["too large", "too large"],
  symlinks: ["symlink", "symlinks"],
  unreadable: ["unreadable", "unreadable"],
  unreadableDirectories: ["unreadable directory", "unreadable directories"],
  special: ["not a regular file", "not regular files"],
};

export function formatSummary(s: ScanSummary, findings: number, keys: number, mode: string): string {
  const fileModes = mode === "scan" || mode === "staged"; // no commits: the working tree or the index
  const messages = s.messages > 0 || mode === "message" ? [plural(s.messages, "message")] : [];
  const files =
    mode === "message"
      ? []
      : [plural(s.files, fileModes ? "file" : "blob") + (s.binary > 0 ? ` (${s.binary} binary)` : "")];
  // Files whose staged bytes were searched for the keywords (plain or encoded) and held none: read, but not diffed.
  const ruledOut = s.ruledOut > 0 ? [`${plural(s.ruledOut, "more file")} with no keyword in them`] : [];
  const covered = [...files, ...messages, formatBytes(s.bytes), ...ruledOut];
  if (!fileModes && mode !== "message") covered.unshift(plural(s.commits, "commit"));
  const skipped = (Object.keys(SKIPPED) as (keyof ScanSummary["skipped"])[])
    .filter((why) => s.skipped[why] > 0)
    .map((why) => plural(s.skipped[why], ...SKIPPED[why]));
  const result = findings === 0 ? "no keys found" : `${plural(keys, "key")} found in ${plural(findings, "place")}`;
  return `tvly-guard ${mode}: scanned ${covered.join(", ")}${skipped.length ? ` (skipped ${skipped.join(", ")})` : ""}: ${result}.`;
}
