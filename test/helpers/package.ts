// This package as users get it: the bundle that `npm test` has just built into
// dist/ (scripts/bundle.mjs --dev, the config that writes the committed bin/),
// laid out the way npm installs it or git checks it out. Tests use these, never
// the committed bin/, which only `npm run bundle` refreshes.
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { git } from "./git-repo.js";

export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The freshly built bundles: dist/<name>.cjs, the same bytes `npm run bundle` would write to bin/. */
export const BUNDLE_DIR = join(PACKAGE_ROOT, "dist");
export const CLI = join(BUNDLE_DIR, "tvly-guard.cjs");

/** What npm puts in an installed package (package.json `files`), with bin/ from the fresh bundle. */
const SHIPPED = ["rules", "hooks", "schema", "package.json"];

/**
 * An installed copy of this package at `dir` (bin/, rules/, hooks/, schema/,
 * package.json; no node_modules: the bundle needs none). Returns its CLI.
 */
export function layOutPackage(dir: string): string {
  mkdirSync(join(dir, "bin"), { recursive: true });
  for (const part of SHIPPED) cpSync(join(PACKAGE_ROOT, part), join(dir, part), { recursive: true });
  // The bundler's files in dist/ (tsc's own output sits beside them): *.cjs and the workers' *-worker.js.
  for (const f of readdirSync(BUNDLE_DIR).filter((f) => f.endsWith(".cjs") || f.endsWith("-worker.js"))) {
    cpSync(join(BUNDLE_DIR, f), join(dir, "bin", f));
    if (f.endsWith(".cjs")) chmodSync(join(dir, "bin", f), 0o755); // npm makes bin targets executable
  }
  return join(dir, "bin", "tvly-guard.cjs");
}

/**
 * A git repository at `dir` holding this repository's files as they are in the
 * work tree (tracked, and new ones not ignored: what the next commit would hold), with the fresh bundle committed in bin/: what a user's
 * `git clone` (or pre-commit's, or npm's for a git dependency) gets. Returns
 * the commit.
 */
export function cloneWithFreshBundle(dir: string): string {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: PACKAGE_ROOT,
    encoding: "utf8",
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  mkdirSync(dir, { recursive: true });
  git(dir, ["init", "-q", "-b", "main"]);
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    if (file.startsWith("bin/")) continue;
    try {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(PACKAGE_ROOT, file), join(dir, file));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err; // deleted in the work tree, not committed yet
    }
  }
  layOutPackage(dir);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "--no-verify", "-m", "tvly-guard with a fresh bundle"]);
  return git(dir, ["rev-parse", "HEAD"]).trim();
}
