// Helpers for hook tests: git commands that may fail (a hook refusing), and
// husky set up for real in a temp repository.
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { GIT_ENV, git, writeFiles } from "./git-repo.js";
import { layOutPackage } from "./package.js";
import { runCli } from "./run-cli.js";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run git and return its exit code and output instead of throwing; hooks run as they would for a user. */
export function tryGit(cwd: string, args: string[], env: Record<string, string | undefined> = {}): GitResult {
  const merged: Record<string, string | undefined> = { ...process.env, ...GIT_ENV, NO_COLOR: "1", ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const r = spawnSync("git", args, { cwd, env: merged as NodeJS.ProcessEnv, encoding: "utf8" });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Stage `files` and commit with the hooks running (no --no-verify). */
export function commitWithHooks(cwd: string, files: Record<string, string>, message: string): GitResult {
  writeFiles(cwd, files);
  git(cwd, ["add", "-A"]);
  return tryGit(cwd, ["commit", "-q", "-m", message]);
}

const HUSKY_BIN = fileURLToPath(new URL("../../node_modules/husky/bin.js", import.meta.url));

/** Make `repo` a husky v9 project the way `npx husky init` + `npm install` leave it: package.json, .husky/, core.hooksPath. */
export function setUpHusky(repo: string, preCommit?: string): void {
  writeFiles(repo, {
    "package.json": `${JSON.stringify(
      { name: "demo", private: true, scripts: { prepare: "husky" }, devDependencies: { husky: "^9.1.7" } },
      null,
      2,
    )}\n`,
  });
  const r = spawnSync(process.execPath, [HUSKY_BIN], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, ...GIT_ENV, HUSKY: undefined } as NodeJS.ProcessEnv,
  });
  if (r.status !== 0 || r.stdout.trim() !== "") throw new Error(`husky failed: ${r.stdout}${r.stderr}`);
  if (preCommit !== undefined) writeFiles(repo, { ".husky/pre-commit": preCommit });
}

/**
 * A copy of this package at `dir` the way npm lays one out (bin/ with the fresh
 * bundle, rules/, hooks/, schema/, package.json; no node_modules, the bundle
 * needs none): a second "installation" that a test can run install from, and
 * then delete.
 */
export function copyInstallation(dir: string): string {
  return layOutPackage(dir);
}

/** Install this package into `repo`'s node_modules, with the node_modules/.bin/tvly-guard link npm makes. */
export function addLocalDependency(repo: string): string {
  const cli = copyInstallation(join(repo, "node_modules/tvly-guard"));
  mkdirSync(join(repo, "node_modules/.bin"), { recursive: true });
  symlinkSync("../tvly-guard/bin/tvly-guard.cjs", join(repo, "node_modules/.bin/tvly-guard"));
  return cli;
}

/** `tvly-guard install [args]` in `cwd`, which must succeed silently. */
export function install(cwd: string, args: string[] = []): void {
  const r = runCli(["install", ...args], { cwd });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
}
