// Which staged files hold none of some byte strings: `git grep` over the
// index, for `staged` to leave out files the engine could find nothing in
// without reading them itself (git reads each staged blob once, no diff).
//
//   git grep --cached -I -L -z --full-name -P -e tvly\x2d -e ... -- :(top,literal)src/a.ts ...
//   src/a.ts\0src/b.ts\0            (-L: the files with no match; -z: NUL after each name)
import { type GitContext, runGitForCode } from "./exec.js";
import { literalPathspecBatches } from "./pathspec.js";

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
 * The `paths` (repository-relative, regular files in the index) whose staged
 * content git read and found none of `texts` in. A file git treats as binary
 * (`-I`: a NUL in its first 8,000 bytes, or the `binary` attribute) is never
 * in it, nor one git did not search (a symlink, a submodule): `-L` lists only
 * what it read. Git matches line by line, so no text may hold a newline.
 * Throws a GitError when git cannot (no PCRE support, an object it would have
 * to fetch); the caller then keeps the files.
 * https://git-scm.com/docs/git-grep#Documentation/git-grep.txt---cached
 * https://git-scm.com/docs/git-grep#Documentation/git-grep.txt--L
 * https://git-scm.com/docs/git-grep#Documentation/git-grep.txt--I
 * https://git-scm.com/docs/git-grep#Documentation/git-grep.txt---perl-regexp
 */
export async function listStagedFilesWithout(
  ctx: GitContext,
  texts: readonly string[],
  paths: readonly string[],
): Promise<Set<string>> {
  if (texts.length === 0 || texts.some((t) => t.length === 0 || t.includes("\n")))
    throw new Error("listStagedFilesWithout: each text must be non-empty and hold no newline");
  // One -e per text, not one alternation: git searches for each literal on its own, with PCRE's
  // fast scan for a fixed first byte (2,000 files of 7 KB: 742M instructions against 985M).
  const patterns = texts.flatMap((t) => ["-e", literalRegex(t)]);
  const without = new Set<string>();
  for (const batch of literalPathspecBatches(paths)) {
    // Exit 1: every file matched (none listed).
    const { stdout } = await runGitForCode(ctx, [
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
      ...batch,
    ]);
    for (const name of stdout.toString("utf8").split("\0")) if (name) without.add(name);
  }
  return without;
}
