// How a finding's place is written for people: file:line:column, plus the commit for git finds.
import type { Finding } from "./finding.js";

export function formatLocation(f: Finding): string {
  const how = [
    f.offset !== undefined ? `binary, byte ${f.offset}` : "",
    f.encoding ? `${f.encoding}-encoded` : "",
    f.severity === "warning" ? "test file" : "",
  ].filter(Boolean);
  const where = `${f.file}:${f.line}:${f.column}${how.length ? ` [${how.join(", ")}]` : ""}`;
  if (!f.commit) return where;
  const date = f.date ? ` ${f.date.slice(0, 10)}` : "";
  return `${where} (commit ${f.commit.slice(0, 12)}, ${f.author ?? "unknown author"}${date})`;
}
