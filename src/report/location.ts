// How a finding's place is written for people: file:line:column, plus the commit for git finds;
// `commit 1a2b3c4 (message)`, `tag v1.0 (message)`, `note on commit 1a2b3c4` where there is no file.
import type { Finding } from "./finding.js";

const short = (sha: string) => sha.slice(0, 12);

/** The place without line and column: a file path, or the message, note or blob that holds the key. */
export function describePlace(f: Finding): string {
  switch (f.location) {
    case "file":
      return f.file ?? "";
    case "commit-message":
      // No commit yet: the message a commit-msg hook is checking.
      return f.commit ? `commit ${short(f.commit)} (message)` : "commit message";
    case "tag-message":
      return f.ref ? `tag ${f.ref} (message)` : `tag object ${short(f.object ?? "")} (message)`;
    case "note":
      return `note on ${f.commit ? `commit ${short(f.commit)}` : `object ${short(f.object ?? "")}`}${f.ref ? ` (${f.ref})` : ""}`;
    case "blob":
      return f.ref
        ? `blob ${short(f.object ?? "")} (${f.ref})`
        : `blob ${short(f.object ?? "")} (no commit or path names it)`;
  }
}

export function formatLocation(f: Finding): string {
  const how = [
    f.offset !== undefined ? `binary, byte ${f.offset}` : "",
    f.encoding ? `${f.encoding}-encoded` : "",
    f.severity === "warning" ? "test file" : "",
    f.reachable === false ? "not reachable from any ref" : "",
  ].filter(Boolean);
  const tags = how.length ? ` [${how.join(", ")}]` : "";
  if (f.location !== "file") {
    const by = f.author ? `, ${f.author}${f.date ? ` ${f.date.slice(0, 10)}` : ""}` : "";
    const stash = f.location === "commit-message" && f.ref ? ` (${f.ref})` : "";
    const named = f.location === "commit-message" || f.location === "tag-message"; // an author or a tagger
    return `${describePlace(f)}${stash} line ${f.line}:${f.column}${tags}${named ? by : ""}`;
  }
  const where = `${f.file}:${f.line}:${f.column}${tags}`;
  // A file no commit names (a tree a tag points at), or one in a stash entry: the ref says where.
  const ref = f.ref ? `${f.commit ? ", " : " ("}${f.ref}${f.commit ? "" : ")"}` : "";
  if (!f.commit) return `${where}${ref}`;
  const date = f.date ? ` ${f.date.slice(0, 10)}` : "";
  return `${where} (commit ${f.commit.slice(0, 12)}${ref}, ${f.author ?? "unknown author"}${date})`;
}
