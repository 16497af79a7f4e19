// What `tvly-guard install` / `uninstall` write, in real repositories: where,
// how existing hooks are kept, idempotency, refusals. (The hooks firing on a
// real commit or push are in test/e2e/hooks.test.ts.)
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { beginMarker } from "../../src/install/block.js";
import { git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { addLocalDependency, setUpHusky } from "../helpers/hook-repo.js";
import { CLI, runCli } from "../helpers/run-cli.js";

const read = (file: string) => readFileSync(file, "utf8");
const isExec = (file: string) => (statSync(file).mode & 0o111) !== 0;

describe("tvly-guard install", () => {
  it("creates an executable hook in .git/hooks that runs this installation, and is idempotent", () => {
    const repo = gitRepo();
    const r = runCli(["install"], { cwd: repo });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("pre-commit: created .git/hooks/pre-commit");
    const hook = join(repo, ".git/hooks/pre-commit");
    expect(isExec(hook)).toBe(true);
    const first = read(hook);
    expect(first.startsWith(`#!/bin/sh\n${beginMarker("pre-commit")}`)).toBe(true);
    expect(first).toContain(`'${process.execPath}' '${CLI}' "$@"`);
    expect(first).toContain("tvly_guard staged --format text >&2");
    expect(existsSync(join(repo, ".git/hooks/pre-push"))).toBe(false);
    const again = runCli(["install"], { cwd: repo });
    expect(again.stdout).toContain("pre-commit: already installed in .git/hooks/pre-commit");
    expect(read(hook)).toBe(first);
  });

  it("follows core.hooksPath (relative to the work tree), creating the directory, from a subdirectory", () => {
    const repo = gitRepo({ "src/a.txt": "x\n" });
    git(repo, ["config", "core.hooksPath", "tools/hooks"]);
    const r = runCli(["install", "--pre-push"], { cwd: join(repo, "src") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("created tools/hooks/pre-commit");
    expect(r.stdout).toContain("created tools/hooks/pre-push");
    expect(existsSync(join(repo, ".git/hooks/pre-commit"))).toBe(false);
    expect(read(join(repo, "tools/hooks/pre-push"))).toContain('tvly_guard diff --stdin-refs --remote "$1"');
  });

  it("installs into the common hooks directory from a linked worktree", () => {
    const repo = gitRepo({ "a.txt": "x\n" });
    const wt = join(tempDir(), "wt");
    git(repo, ["worktree", "add", "-q", wt]);
    const r = runCli(["install"], { cwd: wt });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`created ${join(repo, ".git/hooks/pre-commit")}`);
    expect(existsSync(join(repo, ".git/hooks/pre-commit"))).toBe(true);
  });

  it("puts its block first in an existing shell hook, keeps every line, and uninstall gives the file back byte for byte", () => {
    const repo = gitRepo();
    const hook = join(repo, ".git/hooks/pre-commit");
    const original = "#!/usr/bin/env bash\n# team hook\nnpm run lint\nexit 0\n";
    writeFiles(repo, { ".git/hooks/pre-commit": original });
    chmodSync(hook, 0o755);
    const r = runCli(["install"], { cwd: repo });
    expect(r.stdout).toContain("pre-commit: added the tvly-guard block to the existing hook .git/hooks/pre-commit");
    const text = read(hook);
    expect(text.startsWith(`#!/usr/bin/env bash\n${beginMarker("pre-commit")}\n`)).toBe(true);
    expect(text.endsWith("\n# team hook\nnpm run lint\nexit 0\n")).toBe(true);
    expect(runCli(["install"], { cwd: repo }).stdout).toContain("already installed");
    expect(read(hook)).toBe(text);
    const u = runCli(["uninstall"], { cwd: repo });
    expect(u).toMatchObject({ code: 0 });
    expect(u.stdout).toContain("pre-commit: removed the tvly-guard block from .git/hooks/pre-commit");
    expect(read(hook)).toBe(original);
    expect(isExec(hook)).toBe(true);
  });

  it("refuses a hook that is not a shell script, and --force moves it aside and chains to it; uninstall restores it", () => {
    const repo = gitRepo();
    const hook = join(repo, ".git/hooks/pre-commit");
    const python = "#!/usr/bin/env python3\nprint('checks')\n";
    writeFiles(repo, { ".git/hooks/pre-commit": python });
    chmodSync(hook, 0o755);
    const r = runCli(["install"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^tvly-guard: .*pre-commit is a python3 script, not a shell script, so tvly-guard will not edit it: .*--force/,
    );
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(read(hook)).toBe(python);
    const f = runCli(["install", "--force"], { cwd: repo });
    expect(f.code).toBe(0);
    expect(f.stdout).toContain("moved the existing hook aside");
    expect(read(`${hook}.before-tvly-guard`)).toBe(python);
    expect(read(hook)).toContain('exec "$(dirname "$0")/pre-commit.before-tvly-guard" "$@"');
    expect(runCli(["install", "--force"], { cwd: repo }).stdout).toContain("already installed");
    const u = runCli(["uninstall"], { cwd: repo });
    expect(u.stdout).toContain("restored");
    expect(read(hook)).toBe(python);
    expect(existsSync(`${hook}.before-tvly-guard`)).toBe(false);
  });

  it("refuses a disabled (non-executable) hook rather than turning it on", () => {
    const repo = gitRepo();
    writeFiles(repo, { ".git/hooks/pre-commit": "#!/bin/sh\necho old\n" });
    chmodSync(join(repo, ".git/hooks/pre-commit"), 0o644);
    const r = runCli(["install"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not executable, so git does not run it");
  });

  it("appends one block to an existing husky pre-commit, leaves .husky/_ alone, and uninstall takes only its lines", () => {
    const repo = gitRepo();
    setUpHusky(repo, "npx lint-staged\n");
    expect(git(repo, ["config", "core.hooksPath"]).trim()).toBe(".husky/_");
    const before = read(join(repo, ".husky/_/pre-commit"));
    const r = runCli(["install", "--pre-push"], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("pre-commit: added the tvly-guard block to the existing hook .husky/pre-commit");
    expect(r.stdout).toContain("pre-push: created .husky/pre-push");
    const text = read(join(repo, ".husky/pre-commit"));
    expect(text.startsWith(`npx lint-staged\n\n${beginMarker("pre-commit")}\n`)).toBe(true);
    expect(read(join(repo, ".husky/pre-push")).startsWith(beginMarker("pre-push"))).toBe(true); // husky v9 files have no shebang
    expect(read(join(repo, ".husky/_/pre-commit"))).toBe(before);
    expect(existsSync(join(repo, ".git/hooks/pre-commit"))).toBe(false);
    runCli(["install", "--pre-push"], { cwd: repo });
    expect(read(join(repo, ".husky/pre-commit"))).toBe(text);
    expect(runCli(["uninstall"], { cwd: repo }).code).toBe(0);
    expect(read(join(repo, ".husky/pre-commit"))).toBe("npx lint-staged\n");
    expect(existsSync(join(repo, ".husky/pre-push"))).toBe(false);
  });

  it("uses .husky/ in a fresh clone where husky has not run yet, and says the hooks need npm install", () => {
    const repo = gitRepo();
    writeFiles(repo, {
      "package.json": JSON.stringify({ devDependencies: { husky: "^9" } }),
      ".husky/pre-commit": "npm test\n",
    });
    const r = runCli(["install"], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(".husky/pre-commit");
    expect(r.stdout).toContain("husky has not set core.hooksPath in this clone yet");
  });

  it("leaves the absolute path out when it runs from the project's own node_modules", () => {
    const repo = gitRepo();
    const local = addLocalDependency(repo);
    writeFiles(repo, { ".gitignore": "node_modules/\n" });
    const r = spawnSync(process.execPath, [local, "install"], { cwd: repo, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "the hook runs node_modules/.bin/tvly-guard (this project's own copy), else tvly-guard on PATH",
    );
    const text = read(join(repo, ".git/hooks/pre-commit"));
    expect(text).toContain("node_modules/.bin/tvly-guard");
    expect(text).not.toContain("tvly-guard.cjs");
  });

  it.each([
    [{ bare: true }, /bare repository/],
    [null, /is not inside a git repository/],
  ])("exits 2 with one line outside a work tree (%j)", (opts, message) => {
    const dir = opts ? gitRepo(undefined, opts) : tempDir();
    // In a bare repository uninstall looks for the pre-receive hook instead (pre-receive.test.ts).
    for (const cmd of opts ? ["install"] : ["install", "uninstall"]) {
      const r = runCli([cmd], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: join(dir, "..") } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("uninstall in a bare repository with no pre-receive hook: nothing to do, exit 0", () => {
    const r = runCli(["uninstall"], { cwd: gitRepo(undefined, { bare: true }) });
    expect(r).toMatchObject({
      code: 0,
      stdout: "tvly-guard: no tvly-guard hook found in hooks (no pre-receive hook there); nothing to do.\n",
    });
  });

  it("uninstall says so when there is nothing to remove", () => {
    const repo = gitRepo();
    const r = runCli(["uninstall"], { cwd: repo });
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toContain("no tvly-guard hook found");
  });
});
