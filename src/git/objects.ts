// Which objects a repository holds: blobs a partial clone lacks (never
// fetched), and the blob a commit's tree has at a path.
import { canAskFor, readBlobs } from "./cat-file.js";
import { type GitContext, runGitText, streamGitTokens } from "./exec.js";
import { RAW_LOG, revisionArgs } from "./log.js";

/**
 * The objects of HEAD's tree that this (partial) clone does not hold. rev-list
 * with --missing=print never fetches (it turns the lazy fetch off), unlike
 * `cat-file --batch-check`, which in git 2.39 dies when its fetch is refused.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---missingltmissing-actiongt
 *
 *   <oid>\n            (present)
 *   ?<oid>\n           (missing)
 */
export async function listMissingHeadObjects(ctx: GitContext): Promise<Set<string>> {
  const out = await runGitText(ctx, [
    "rev-list",
    "--objects",
    "--missing=print",
    "--no-object-names",
    "--no-walk",
    "HEAD",
    "--",
  ]);
  return new Set(
    out
      .split("\n")
      .filter((l) => l.startsWith("?"))
      .map((l) => l.slice(1)),
  );
}

/** Blobs reachable from `revs` that a partial clone does not hold, listed as above, without fetching them. */
export async function listMissingBlobs(ctx: GitContext, revs: readonly string[]): Promise<Set<string>> {
  const missing = new Set<string>();
  const args = [
    "rev-list",
    "--objects",
    "--filter=object:type=blob",
    "--filter-provided-objects",
    "--missing=print",
    ...revisionArgs(revs),
  ];
  await streamGitTokens(ctx, args, "\n", (line) => {
    if (line.startsWith("?")) missing.add(line.slice(1));
  }).done;
  return missing;
}

/**
 * The blob each of `paths` holds in `commit` (paths taken literally, not as
 * globs; a path that is not a blob there is left out). https://git-scm.com/docs/git-ls-tree
 *
 *   100644 blob <oid>\t<path>\0
 */
export async function listBlobsAt(
  ctx: GitContext,
  commit: string,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  for (let i = 0; i < paths.length; i += 256) {
    const batch = paths.slice(i, i + 256);
    const args = ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", commit, "--", ...batch];
    await streamGitTokens(ctx, args, "\0", (entry) => {
      const tab = entry.indexOf("\t");
      const [, type, oid] = entry.slice(0, tab).split(" ");
      if (type === "blob" && oid) blobs.set(entry.slice(tab + 1), oid);
    }).done;
  }
  return blobs;
}

/**
 * The bytes of each path at `head` (null: not a blob there, or a name that
 * cannot be asked for), through one cat-file reader asking `<head>:<path>`.
 */
export async function readFilesAt(
  ctx: GitContext,
  head: string,
  paths: readonly string[],
): Promise<Map<string, Buffer | null>> {
  const asked = paths.filter(canAskFor);
  const blobs = await readBlobs(
    ctx,
    asked.map((p) => `${head}:${p}`),
  );
  return new Map(paths.map((p) => [p, blobs.get(`${head}:${p}`) ?? null]));
}

/** A blob in a tree, with its path. */
export interface TreeBlob {
  path: string;
  oid: string;
  mode: string;
}

/**
 * Every blob under `tree` (a tree, or a commit's tree), recursively; gitlinks left out.
 * https://git-scm.com/docs/git-ls-tree
 *
 *   100644 blob <oid>\t<path>\0
 */
export async function listTreeBlobs(ctx: GitContext, tree: string): Promise<TreeBlob[]> {
  // No "--": with --full-tree, an empty pathspec after it matches nothing.
  const out = await runGitText(ctx, ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", tree]);
  const blobs: TreeBlob[] = [];
  for (const entry of out.split("\0")) {
    const tab = entry.indexOf("\t");
    const [mode = "", type = "", oid = ""] = entry.slice(0, tab).split(" ");
    if (tab !== -1 && type === "blob") blobs.push({ path: entry.slice(tab + 1), oid, mode });
  }
  return blobs;
}

/**
 * Every object in the object store (loose, packed, and in alternates), reachable
 * or not: git's own listing, in pack order. https://git-scm.com/docs/git-cat-file#Documentation/git-cat-file.txt---batch-all-objects
 *
 *   <oid> blob 1234\n
 */
export async function listAllObjects(ctx: GitContext): Promise<Map<string, { type: string; size: number }>> {
  const objects = new Map<string, { type: string; size: number }>();
  const args = [
    "cat-file",
    "--batch-all-objects",
    "--unordered",
    "--batch-check=%(objectname) %(objecttype) %(objectsize)",
  ];
  await streamGitTokens(ctx, args, "\n", (line) => {
    const [oid = "", type = "", size = "0"] = line.split(" ");
    if (oid) objects.set(oid, { type, size: Number(size) });
  }).done;
  return objects;
}

/**
 * Every object that a ref (or one of `extra`, such as older stash entries) reaches.
 * https://git-scm.com/docs/git-rev-list#Documentation/git-rev-list.txt---objects
 *
 *   <oid>\n
 */
export async function listReachableObjects(ctx: GitContext, extra: readonly string[]): Promise<Set<string>> {
  const reachable = new Set<string>();
  const args = ["rev-list", "--objects", "--no-object-names", ...revisionArgs(["--all", ...extra])];
  await streamGitTokens(ctx, args, "\n", (line) => {
    if (line) reachable.add(line);
  }).done;
  return reachable;
}

/**
 * The blobs each of `commits` puts at each path against its first parent (the
 * commits only, not their ancestors: --no-walk), read from stdin.
 * https://git-scm.com/docs/git-log#_raw_output_format
 *
 *   \x01<sha>\0\n:100644 100644 <old> <new> M\0<path>\0 ...
 */
export async function listCommitBlobs(
  ctx: GitContext,
  commits: readonly string[],
): Promise<{ commit: string; path: string; blob: string }[]> {
  if (commits.length === 0) return [];
  const args = [...RAW_LOG, "--format=%x01%H", "--no-walk", "--stdin"];
  const tokens = (await runGitText(ctx, args, `${commits.join("\n")}\n`)).split("\0");
  const out: { commit: string; path: string; blob: string }[] = [];
  let commit = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n/, "");
    if (token.startsWith("\x01")) commit = token.slice(1);
    else if (token.startsWith(":")) {
      const [, mode = "", , blob = ""] = token.slice(1).split(" ");
      const path = tokens[++i] ?? "";
      if (mode !== "160000" && !/^0+$/.test(blob)) out.push({ commit, path, blob });
    }
  }
  return out;
}
