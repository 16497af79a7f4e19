// Questions about commits and refs: which commits exist here, which a range
// selects, and which have already reached a remote.
import { type GitContext, gitStderr, runGit, runGitText } from "./exec.js";
import { parseTagObject, type TagObject } from "./messages.js";

/**
 * Those of `shas` that name commits this repository holds. `--ignore-missing`
 * drops the others quietly (a partial clone's refused fetch included), where a
 * plain rev-list would fail on them.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---ignore-missing
 *
 *   <sha>\n per known commit
 */
export async function filterKnownCommits(ctx: GitContext, shas: readonly string[]): Promise<string[]> {
  if (shas.length === 0) return [];
  const out = await runGitText(ctx, ["rev-list", "--no-walk", "--ignore-missing", ...shas, "--"]);
  const known = new Set(out.split("\n").filter(Boolean));
  return shas.filter((s) => known.has(s));
}

/**
 * The commits `revs` selects, newest first (only needed in shallow clones, to
 * see whether the range runs into the boundary). https://git-scm.com/docs/git-rev-list
 */
export async function listRangeCommits(ctx: GitContext, revs: readonly string[]): Promise<string[]> {
  return (await runGitText(ctx, ["rev-list", ...revs, "--"])).split("\n").filter(Boolean);
}

/**
 * Which of `commits` have left this machine: reachable from a remote-tracking
 * ref. In a bare repository (a server or a `clone --mirror`) every commit
 * counts as pushed; with no remote-tracking ref at all, none. Otherwise one
 * `git rev-list <commits> --not --remotes`, whose output is only the unpushed
 * part of history, instead of one reachability walk per commit. null when git
 * cannot say (an unknown commit). `remoteTracking`: whether any ref is under
 * refs/remotes/, when the caller listed the refs already (history): no
 * for-each-ref then.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---remotesltpatterngt
 *
 *   refs/remotes/origin/main\n        (for-each-ref --count=1: is there any?)
 *   <unpushed sha>\n ...               (rev-list)
 */
export async function readPushedCommits(
  ctx: GitContext,
  commits: readonly string[],
  bare: boolean,
  remoteTracking?: boolean,
): Promise<((commit: string) => boolean) | null> {
  if (bare) return () => true;
  try {
    const anyRemote =
      remoteTracking ??
      /\S/.test(await runGitText(ctx, ["for-each-ref", "--count=1", "--format=%(refname)", "refs/remotes/"]));
    // No remote-tracking ref: nothing to compare with, so "not pushed" would be a guess.
    if (!anyRemote) return null;
    const out = await runGitText(ctx, ["rev-list", ...commits, "--not", "--remotes", "--"]);
    const unpushed = new Set(out.split("\n").filter(Boolean));
    return (commit) => !unpushed.has(commit);
  } catch {
    return null;
  }
}

/** A ref and what it points at. */
export interface RefTip {
  name: string;
  oid: string;
  /** "commit", "tag" (an annotated tag), "tree" or "blob". */
  type: string;
  /** An annotated tag's object, read in the same pass (so no cat-file is needed for the tags refs name); absent with git < 2.34. */
  tag?: TagObject;
}

/**
 * Every ref (branches, tags, notes, the stash, anything under refs/), with
 * the type of the object it names, and each annotated tag's raw object
 * (%(raw), git >= 2.34: the bytes cat-file would give, NULs included), after
 * its size so it is cut out by length. A ref name holds no space or newline
 * (git check-ref-format). https://git-scm.com/docs/git-for-each-ref#_field_names
 *
 *   <oid> commit refs/heads/main\n
 *   <oid> tag refs/tags/v1.0 141\n<141 bytes: object <oid>\ntype commit\ntag v1.0\ntagger ...>\n
 *   <oid> blob refs/tags/key-blob\n
 */
export async function listRefs(ctx: GitContext): Promise<RefTip[]> {
  const out = await runGit(ctx, [
    "for-each-ref",
    "--format=%(objectname) %(objecttype) %(refname)%(if:equals=tag)%(objecttype)%(then) %(raw:size)%0a%(raw)%(end)",
  ]).catch((err: unknown) => {
    // git < 2.34 has no %(raw): list the refs alone; the tags' readers ask cat-file for their objects.
    if (!/unknown field name/.test(gitStderr(err))) throw err;
    return runGit(ctx, ["for-each-ref", "--format=%(objectname) %(objecttype) %(refname)"]);
  });
  const refs: RefTip[] = [];
  for (let at = 0; at < out.length; ) {
    let eol = out.indexOf(0x0a, at);
    if (eol === -1) eol = out.length;
    const [oid = "", type = "", ...rest] = out.toString("utf8", at, eol).split(" ");
    at = eol + 1;
    if (oid === "") continue;
    if (type !== "tag") {
      refs.push({ oid, type, name: rest.join(" ") });
      continue;
    }
    if (rest.length === 1) {
      refs.push({ oid, type, name: rest[0]! }); // listed without its object (older git)
      continue;
    }
    const size = Number(rest.pop());
    refs.push({ oid, type, name: rest.join(" "), tag: parseTagObject(oid, out.subarray(at, at + size)) });
    at += size + 1; // the object, then for-each-ref's newline
  }
  return refs;
}

/**
 * Every stash entry, newest first (`stash@{0}`, `stash@{1}`, ...): the stash
 * reflog, since refs/stash itself names only the newest. Each entry is a merge
 * whose parents are HEAD at the time, the index, and the untracked files (-u).
 * https://git-scm.com/docs/git-stash#_discussion
 *
 *   <sha> <HEAD parent> <index parent> [<untracked parent>]\n per entry
 */
export async function listStashEntries(ctx: GitContext): Promise<{ sha: string; parents: string[] }[]> {
  const out = await runGitText(ctx, ["log", "--walk-reflogs", "--format=%H %P", "refs/stash", "--"]);
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [sha = "", ...parents] = line.split(" ");
      return { sha, parents };
    });
}
