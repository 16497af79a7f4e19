// Which staged files hold none of some byte strings: `git grep` over an index
// of just those files, for `staged` to leave out files the engine could find
// nothing in without reading them itself (git reads each staged blob once, no diff).
//
//   git update-index -z --index-info       (GIT_INDEX_FILE: a new index in a temp folder)
//   100644 <oid>\tsrc/a.ts\0100644 <oid>\tsrc/b.ts\0   (stdin)
//   git grep --cached -I -L -z --full-name -P -e tvly\x2d -e ...   (same GIT_INDEX_FILE)
//   src/a.ts\0src/b.ts\0            (-L: the files with no match; -z: NUL after each name)
import { mkdtempSync, readdirSync, rmdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { nodeOs } from "../lazy-builtins.js";
import { type GitContext, runGit, runGitForCode } from "./exec.js";

/** A file as the index holds it: what git grep searches. */
export interface IndexedFile {
  mode: string;
  oid: string;
  path: string;
}

/**
 * A Perl-compatible regex matching `text` (latin1: one char per byte) and
 * nothing else: every byte but letters and digits spelt as \xHH, so a NUL
 * (UTF-16 text) can be searched for too. In the C locale git's PCRE matches bytes.
 */
export function literalRegex(text: string): string {
  return [...text]
    .map((c) => (/[A-Za-z0-9]/.test(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`))
    .join("");
}

/**
 * The `files` (regular files of the index, repository-relative) whose staged
 * content git read and found none of `texts` in. A file git treats as binary
 * (`-I`: a NUL in its first 8,000 bytes, or the `binary` attribute) is never
 * in it: `-L` lists only what it read. Git matches line by line, so no text
 * may hold a newline.
 * Git greps an index of its own that holds only `files` (ids and modes, no
 * content; in a temp folder, removed after), not the real one with a pathspec
 * per file: git matches every pathspec against every index entry, so 2,000
 * pathspecs over a 50,000-file index cost it seconds, more than the diff saved.
 * Throws a GitError when git cannot (no PCRE support, an object it would have
 * to fetch); the caller then keeps the files.
 * https://git-scm.com/docs/git-update-index#_using_index_info
 * https://git-scm.com/docs/git#Documentation/git.txt-codeGITINDEXFILEcode
 * https://git-scm.com/docs/git-grep#Documentation/git-grep.txt---cached
 * https://git-scm.com/docs/git-grep#Documentation/git-grep.txt--L
 * https://git-scm.com/docs/git-grep#Documentation/git-grep.txt--I
 * https://git-scm.com/docs/git-grep#Documentation/git-grep.txt---perl-regexp
 */
export async function listStagedFilesWithout(
  ctx: GitContext,
  texts: readonly string[],
  files: readonly IndexedFile[],
): Promise<Set<string>> {
  if (texts.length === 0 || texts.some((t) => t.length === 0 || t.includes("\n")))
    throw new Error("listStagedFilesWithout: each text must be non-empty and hold no newline");
  const without = new Set<string>();
  if (files.length === 0) return without;
  // One -e per text, not one alternation: git searches for each literal on its own, with PCRE's
  // fast scan for a fixed first byte (2,000 files of 7 KB: 742M instructions against 985M).
  const patterns = texts.flatMap((t) => ["-e", literalRegex(t)]);
  const folder = mkdtempSync(join(nodeOs().tmpdir(), "tvly-guard-index-"));
  try {
    const own = { cwd: ctx.cwd, env: { ...ctx.env, GIT_INDEX_FILE: join(folder, "index") } };
    // A split or sparse index would write shared files into the repository, or fold entries away.
    const plain = ["-c", "core.splitIndex=false", "-c", "index.sparse=false"];
    const info = files.map((f) => `${f.mode} ${f.oid}\t${f.path}\0`).join("");
    await runGit(own, [...plain, "update-index", "-z", "--index-info"], info);
    // Exit 1: every file matched (none listed).
    const { stdout } = await runGitForCode(own, [
      ...plain,
      "grep",
      "--cached",
      "-I",
      "-L",
      "-z",
      "--full-name",
      "--no-textconv",
      "--no-recurse-submodules",
      "-P",
      ...patterns,
      "--",
      ":/", // the whole index, wherever git runs (a subfolder alone by default)
    ]);
    for (const name of stdout.toString("utf8").split("\0")) if (name) without.add(name);
  } finally {
    removeFolder(folder);
  }
  return without;
}

/** The temp folder and what git left in it (the index; a lock if git failed): a few calls, not a recursive walk. */
function removeFolder(folder: string): void {
  for (const name of readdirSync(folder)) unlinkSync(join(folder, name));
  rmdirSync(folder);
}
