// The pre-commit framework (https://pre-commit.com) consuming this repository
// exactly as users do: `repo:` a git repository at a commit (a temp clone of the
// work tree with the fresh bundle committed in bin/), `pre-commit install` for the
// commit, commit-msg and pre-push hooks, then real commits and a real push. Run
// with every pre-commit found: Debian's 3.0.4 on PATH (apt-get install pre-commit)
// and pip's 4.x in .ci/venv/ (.ci/run installs both; CI sets
// TVLY_GUARD_REQUIRE_PRE_COMMIT=1, so a missing framework fails there instead of skipping).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { GIT_ENV, git, gitRepo, writeFiles } from "../helpers/git-repo.js";
import { type GitResult, tryGit } from "../helpers/hook-repo.js";
import { cloneWithFreshBundle, PACKAGE_ROOT } from "../helpers/package.js";

const keys = fakeKeys(4242);
const HOOK_IDS = ["tvly-guard", "tvly-guard-message", "tvly-guard-push"];

/** Each pre-commit this machine has: [label, executable]. */
function frameworks(): [string, string][] {
  const found: [string, string][] = [];
  for (const bin of ["pre-commit", join(PACKAGE_ROOT, ".ci/venv/bin/pre-commit")]) {
    if (bin.includes("/") && !existsSync(bin)) continue;
    const r = spawnSync(bin, ["--version"], { encoding: "utf8" });
    if (r.status === 0) found.push([`${r.stdout.trim()} (${bin})`, bin]);
  }
  return found;
}

const FOUND = frameworks();
if (process.env.TVLY_GUARD_REQUIRE_PRE_COMMIT === "1" && FOUND.length === 0)
  throw new Error("no pre-commit found: apt-get install pre-commit (see .ci/run)");

/** Long steps: the first commit installs the hook environment (pre-commit 3.x runs npm install in its clone). */
const SLOW = 300_000;

/** A temp dir kept for the whole file (tempDir() is removed after each test). */
const kept: string[] = [];
afterAll(() => {
  for (const dir of kept) rmSync(dir, { recursive: true, force: true });
});
function keptDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  kept.push(dir);
  return dir;
}

describe.skipIf(FOUND.length === 0)("the pre-commit framework", () => {
  let source: { dir: string; rev: string };
  beforeAll(() => {
    const dir = keptDir("tvly-guard-precommit-source-");
    source = { dir, rev: cloneWithFreshBundle(dir) };
  });

  describe.each(FOUND)("%s", (_label, bin) => {
    let home: string;
    /** A user's repository with our hooks in .pre-commit-config.yaml and `pre-commit install`ed. */
    function userRepo(): string {
      const repo = gitRepo();
      const hooks = HOOK_IDS.map((id) => `      - id: ${id}`).join("\n");
      writeFiles(repo, {
        ".pre-commit-config.yaml": `repos:\n  - repo: ${source.dir}\n    rev: ${source.rev}\n    hooks:\n${hooks}\n`,
      });
      const r = run(repo, [
        "install",
        "--hook-type",
        "pre-commit",
        "--hook-type",
        "commit-msg",
        "--hook-type",
        "pre-push",
      ]);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      git(repo, ["add", ".pre-commit-config.yaml"]);
      return repo;
    }
    const env = () => ({ PRE_COMMIT_HOME: home, PRE_COMMIT_COLOR: "never" });
    const run = (cwd: string, args: string[]): GitResult => {
      const r = spawnSync(bin, args, { cwd, encoding: "utf8", env: { ...process.env, ...GIT_ENV, ...env() } });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    };
    const commit = (repo: string, message: string) => tryGit(repo, ["commit", "-q", "-m", message], env());

    beforeAll(() => {
      home = keptDir("tvly-guard-precommit-home-");
      // Install the hook environments once (what the first commit would do), so each test times only its own work.
      const repo = userRepo();
      const r = run(repo, ["install-hooks"]);
      expect(r.code, r.stderr + r.stdout).toBe(0);
    }, SLOW);

    it(
      "accepts .pre-commit-hooks.yaml, lets a clean commit through and refuses one that adds a key, naming the file",
      () => {
        const repo = userRepo();
        writeFiles(repo, { "app.py": "import os\nKEY = os.environ['TAVILY_API_KEY']\n" });
        git(repo, ["add", "-A"]);
        const clean = commit(repo, "read the key from the environment");
        expect(clean.code, clean.stdout + clean.stderr).toBe(0);
        const key = keys.next("tvly-dev-");
        writeFiles(repo, { "config/settings.py": `TAVILY_API_KEY = "${key}"\n` });
        git(repo, ["add", "-A"]);
        const r = commit(repo, "add settings");
        const out = r.stdout + r.stderr;
        expect(r.code).not.toBe(0);
        expect(out).toContain("config/settings.py:1:");
        expect(out).toContain(redacted(key));
        expect(out).not.toContain(key);
        expect(git(repo, ["log", "--format=%s"]).trim()).toBe("read the key from the environment");
      },
      SLOW,
    );

    it(
      "refuses a commit whose message holds a key",
      () => {
        const repo = userRepo();
        const key = keys.next();
        const r = commit(repo, `config: the key is ${key} for now`);
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toContain(redacted(key));
        expect(r.stdout + r.stderr).not.toContain(key);
        expect(tryGit(repo, ["rev-parse", "-q", "--verify", "HEAD"]).code).not.toBe(0);
      },
      SLOW,
    );

    it(
      "the push hook passes a clean push and refuses one that carries a key, with the range pre-commit gives",
      () => {
        const remote = gitRepo(undefined, { bare: true });
        const repo = userRepo();
        git(repo, ["remote", "add", "origin", remote]);
        expect(commit(repo, "first").code).toBe(0);
        // The first push holds the root commit: pre-commit gives no range, the whole branch is scanned.
        const first = tryGit(repo, ["push", "-q", "origin", "main"], env());
        expect(first.code, first.stdout + first.stderr).toBe(0);
        const key = keys.next("tvly-prod-");
        writeFiles(repo, { "deploy/values.yaml": `env:\n  TAVILY_API_KEY: "${key}"\n` });
        git(repo, ["add", "-A"]);
        git(repo, ["commit", "-q", "--no-verify", "-m", "values"]); // past the commit hook, as with --no-verify
        const r = tryGit(repo, ["push", "origin", "main"], env());
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toContain("deploy/values.yaml:2:");
        expect(r.stdout + r.stderr).not.toContain(key);
        expect(git(remote, ["log", "--format=%s", "main"]).trim()).toBe("first");
      },
      SLOW,
    );

    it(
      "the push hook refuses a first push whose root commit holds the key (no range from pre-commit)",
      () => {
        const remote = gitRepo(undefined, { bare: true });
        const repo = userRepo();
        git(repo, ["remote", "add", "origin", remote]);
        const key = keys.next();
        writeFileSync(join(repo, ".env"), `TAVILY_API_KEY=${key}\n`);
        git(repo, ["add", "-A"]);
        git(repo, ["commit", "-q", "--no-verify", "-m", "root"]);
        const r = tryGit(repo, ["push", "origin", "main"], env());
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toContain(".env:1:");
        expect(tryGit(remote, ["rev-parse", "-q", "--verify", "main"]).code).not.toBe(0);
      },
      SLOW,
    );
  });
});
