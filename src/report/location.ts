// How a finding's place is written for people: file:line:column, plus the commit for git finds.
import type { Finding } from "./finding.js";

export function formatLocation(f: Finding): string {
  const where = `${f.file}:${f.line}:${f.column}`;
  if (!f.commit) return where;
  const date = f.date ? ` ${f.date.slice(0, 10)}` : "";
  return `${where} (commit ${f.commit.slice(0, 12)}, ${f.author ?? "unknown author"}${date})`;
}
