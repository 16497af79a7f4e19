// The pre-commit hook installed by `tvly-guard install` firing on a real
// `git commit`: a key is refused with a message that says what to do, a clean
// change goes through, and a missing tool fails closed. (pre-push: pre-push.test.ts)
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import {
  addLocalDependency,
  commitWithHooks,
  copyInstallation,
  type GitResult,
  install,
  setUpHusky,
} from "../helpers/hook-repo.js";
import { cloneWithFreshBundle, PACKAGE_ROOT } from "../helpers/package.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(9000);

/** A refused commit: which file and line, the redacted key, and how to fix, revoke and bypass. */
function expectRefusedCommit(r: GitResult, key: string, where: string): void {
  expect(r.code).not.toBe(0);
  expect(r.stdout).not.toContain(key);
  const out = r.stderr; // all of it on stderr, which git and GUI clients show
  expect(out).toContain(where);
  expect(out).toContain(redacted(key));
  expect(out).not.toContain(key);
  expect(out).toContain("tvly-guard blocked this commit");
  expect(out).toContain("environment variable");
  expect(out).toContain("https://app.tavily.com");
  expect(out).toContain("git commit --no-verify");
  expect(out).toContain("tvly-guard:allow");
  expect(out).toContain("tvly-guard fix");
  expect(out).toContain("tvly-guard staged --verbose");
  // What, where, the fix and the revoke link, without the advice three times over.
  const lines = out.trimEnd().split("\n");
  expect(lines.length, out).toBeLessThanOrEqual(10);
  expect(out.match(/https:\/\/app\.tavily\.com/g)).toHaveLength(1);
}

function expectCommitGate(repo: string): void {
  const before = git(repo, ["rev-parse", "HEAD"]).trim();
  const key = keys.next();
  expectRefusedCommit(
    commitWithHooks(repo, { "config/.env": `DEBUG=1\nTAVILY_API_KEY=${key}\n` }, "add key"),
    key,
    "config/.env:2:16",
  );
  expect(git(repo, ["rev-parse", "HEAD"]).trim()).toBe(before);
  git(repo, ["rm", "-q", "--cached", "config/.env"]);
  rmSync(join(repo, "config/.env"));
  const clean = commitWithHooks(repo, { "src/app.py": "import os\nkey = os.environ['TAVILY_API_KEY']\n" }, "clean");
  expect(clean.stderr).toContain("no keys found");
  expect(clean.code).toBe(0);
  expect(git(repo, ["log", "-1", "--format=%s"]).trim()).toBe("clean");
}

describe("pre-commit hook", () => {
  it("in a plain repository: refuses a staged key, accepts a clean commit", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    install(repo);
    expectCommitGate(repo);
  });

  it("in a husky repository: runs after the existing hook's commands, which still run", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    setUpHusky(repo, "echo lint-ran >> .git/lint.log\n");
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "--no-verify", "-m", "husky"]);
    install(repo);
    expectCommitGate(repo);
    expect(readFileSync(join(repo, ".git/lint.log"), "utf8")).toBe("lint-ran\nlint-ran\n");
  });

  it("with core.hooksPath: the hook git really runs is the one installed", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    git(repo, ["config", "core.hooksPath", ".githooks"]);
    install(repo);
    expectCommitGate(repo);
  });

  it("in a linked worktree, and in the main checkout that shares its hooks", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const wt = join(tempDir(), "wt");
    git(repo, ["worktree", "add", "-q", "-b", "side", wt]);
    install(wt);
    expectCommitGate(wt);
    expectCommitGate(repo);
  });

  it("with tvly-guard as a project dependency: runs node_modules/.bin/tvly-guard (no tvly-guard on PATH, no absolute path)", () => {
    const repo = gitRepo({ ".gitignore": "node_modules/\n" });
    const local = addLocalDependency(repo);
    expect(spawnInstall(local, repo)).toContain("this project's own copy");
    expect(readFileSync(join(repo, ".git/hooks/pre-commit"), "utf8")).not.toContain("tvly-guard.cjs");
    expectCommitGate(repo);
  });

  it("fails closed with how to fix it when the tool is gone", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const installation = join(tempDir(), "tvly-guard");
    const cli = copyInstallation(installation);
    expect(spawnInstall(cli, repo)).toContain(cli);
    rmSync(installation, { recursive: true, force: true });
    const r = commitWithHooks(repo, { "a.txt": "harmless\n" }, "after the tool went away");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("tvly-guard: cannot find tvly-guard");
    expect(r.stderr).toContain("npm install --save-dev tvly-guard");
    expect(r.stderr).toContain("git commit --no-verify");
    expect(git(repo, ["log", "--format=%s"]).trim()).toBe("initial");
  });

  it("lets a documented false positive through with tvly-guard:allow", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    install(repo);
    const r = commitWithHooks(
      repo,
      { "docs/test-fixture.md": `KEY=${keys.next()} # tvly-guard:allow documented test value\n` },
      "allowed",
    );
    expect(r.code).toBe(0);
  });
});

function spawnInstall(cli: string, cwd: string): string {
  const r = runCliAt(cli, ["install"], cwd);
  expect(r.code).toBe(0);
  return r.stdout;
}

function runCliAt(cli: string, args: string[], cwd: string): GitResult {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("the project's own pre-commit hook (.husky/pre-commit)", () => {
  it("refuses a key with a fresh bundle of the sources, as in a clone of tvly-guard after npm ci", () => {
    const repo = tempDir("tvly-guard-clone-");
    cloneWithFreshBundle(repo); // every tracked file, .husky/pre-commit and scripts/bundle.mjs included
    symlinkSync(join(PACKAGE_ROOT, "node_modules"), join(repo, "node_modules")); // what npm ci leaves: esbuild, husky
    // what npm ci runs next (the postprepare script): core.hooksPath -> .husky/_
    const setup = spawnSync(process.execPath, [".husky/install.mjs"], { cwd: repo, encoding: "utf8" });
    expect([setup.status, setup.stdout, setup.stderr]).toEqual([0, "", ""]);
    expect(git(repo, ["config", "core.hooksPath"]).trim()).toBe(".husky/_");
    const key = keys.next();
    const r = commitWithHooks(repo, { "src/x.ts": `const k = "${key}";\n` }, "leak");
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain("src/x.ts:1:12");
    expect(git(repo, ["log", "--format=%s"]).trim()).toBe("tvly-guard with a fresh bundle");
    rmSync(join(repo, "src/x.ts"));
    git(repo, ["add", "-A"]);
    expect(commitWithHooks(repo, { "src/y.ts": "export {};\n" }, "clean").code).toBe(0);
  });
});

describe("tvly-guard staged --verbose", () => {
  it("prints the full report a refused commit leaves out: every step, the guide, the quick fix", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const key = keys.next();
    writeFiles(repo, { "a.env": `TAVILY_API_KEY=${key}\n` });
    git(repo, ["add", "a.env"]);
    const short = runCli(["staged"], { cwd: repo });
    const full = runCli(["staged", "--verbose"], { cwd: repo });
    expect(short.code).toBe(1);
    expect(full.code).toBe(1);
    expect(full.stdout).toContain("What to do, key by key (most urgent first):");
    expect(full.stdout).toMatch(/^ {4}1\. /m);
    expect(full.stdout).toContain("Guide: https://");
    expect(short.stdout).not.toMatch(/^ {4}1\. /m);
    expect(full.stdout.split("\n").length).toBeGreaterThan(short.stdout.split("\n").length + 5);
    expect(full.stdout + short.stdout).not.toContain(key);
  });
});
