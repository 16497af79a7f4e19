// Temp directories and real git repositories built from a file map, with a
// fixed identity, no signing and no background gc. Removed after the test.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";

const created: string[] = [];
afterEach(() => {
  while (created.length) rmSync(created.pop()!, { recursive: true, force: true });
});

export type FileMap = Record<string, string | Buffer>;

/** A fresh temp directory, removed when the test ends. */
export function tempDir(prefix = "tvly-guard-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function writeFiles(dir: string, files: FileMap): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

export const GIT_ENV = {
  GIT_AUTHOR_NAME: "Test Author",
  GIT_AUTHOR_EMAIL: "author@example.com",
  GIT_COMMITTER_NAME: "Test Author",
  GIT_COMMITTER_EMAIL: "author@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

/** Run git in `cwd` (with `input` on stdin) and return its stdout. */
export function git(cwd: string, args: string[], env: Record<string, string> = {}, input?: string): string {
  return execFileSync("git", args, {
    cwd,
    env: { ...process.env, ...GIT_ENV, ...env },
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
    ...(input === undefined ? {} : { input }),
  });
}

/** A new repository (branch main), optionally with a first commit of `files`. */
export function gitRepo(files?: FileMap, options: { bare?: boolean } = {}): string {
  const dir = tempDir("tvly-guard-repo-");
  git(dir, ["init", "-q", "-b", "main", ...(options.bare ? ["--bare"] : [])]);
  for (const [k, v] of [
    ["commit.gpgsign", "false"],
    ["tag.gpgsign", "false"],
    ["gc.auto", "0"],
    ["core.autocrlf", "false"],
  ])
    git(dir, ["config", k!, v!]);
  if (files) commitFiles(dir, files, "initial");
  return dir;
}

/** Write `files`, stage everything and commit; returns the new commit's sha. */
export function commitFiles(dir: string, files: FileMap, message: string, env: Record<string, string> = {}): string {
  writeFiles(dir, files);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "--no-verify", "-m", message], env);
  return git(dir, ["rev-parse", "HEAD"]).trim();
}
