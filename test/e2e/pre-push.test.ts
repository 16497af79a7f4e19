// The pre-push hook installed by `tvly-guard install --pre-push` on a real
// `git push` to a local bare remote: only the commits the remote lacks are
// scanned, a deletion scans nothing, and git's ref lines reach the rest of the hook.
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo } from "../helpers/git-repo.js";
import { install, setUpHusky, tryGit } from "../helpers/hook-repo.js";

const keys = fakeKeys(9100);

describe("pre-push hook", () => {
  function setUp() {
    const remote = gitRepo(undefined, { bare: true });
    const repo = gitRepo({ "README.md": "demo\n" });
    git(repo, ["remote", "add", "origin", remote]);
    git(repo, ["push", "-q", "origin", "main"]);
    install(repo, ["--pre-push"]);
    return { remote, repo };
  }
  const remoteHas = (remote: string, ref: string) => tryGit(remote, ["rev-parse", "--verify", "-q", ref]).code === 0;

  it("refuses a push whose commits add a key, and the remote does not get them", () => {
    const { remote, repo } = setUp();
    const key = keys.next();
    commitFiles(repo, { "deploy/values.yaml": `env:\n  TAVILY_API_KEY: "${key}"\n` }, "leak");
    commitFiles(repo, { "b.txt": "later\n" }, "later");
    const r = tryGit(repo, ["push", "origin", "main"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("deploy/values.yaml:2:20");
    expect(r.stderr).toContain(redacted(key));
    expect(r.stderr + r.stdout).not.toContain(key);
    expect(r.stderr).toContain("tvly-guard blocked this push");
    expect(r.stderr).toContain("git push --no-verify");
    expect(git(remote, ["rev-parse", "main"]).trim()).not.toBe(git(repo, ["rev-parse", "main"]).trim());
  });

  it("scans only a new branch's commits that the remote lacks; a deletion scans nothing; a key already on the remote does not block", () => {
    const { remote, repo } = setUp();
    // A key that reached the remote before the hook (pushed with --no-verify).
    commitFiles(repo, { "old.env": `TAVILY_API_KEY=${keys.next()}\n` }, "old leak");
    expect(tryGit(repo, ["push", "-q", "--no-verify", "origin", "main"]).code).toBe(0);
    commitFiles(repo, { "c.txt": "clean\n" }, "clean on main");
    const later = tryGit(repo, ["push", "origin", "main"]);
    expect(later.stderr).toMatch(/scanned 1 commit\b/);
    expect(later.code).toBe(0);
    git(repo, ["checkout", "-q", "-b", "feature"]);
    commitFiles(repo, { "d.txt": "feature work\n" }, "feature 1");
    commitFiles(repo, { "e.txt": "more work\n" }, "feature 2");
    const branch = tryGit(repo, ["push", "origin", "feature"]);
    expect(branch.stderr).toMatch(/scanned 2 commits\b/);
    expect(branch.code).toBe(0);
    expect(remoteHas(remote, "refs/heads/feature")).toBe(true);
    const del = tryGit(repo, ["push", "origin", "--delete", "feature"]);
    expect(del.code).toBe(0);
    expect(del.stderr).toMatch(/scanned 0 commits/);
    expect(remoteHas(remote, "refs/heads/feature")).toBe(false);
  });

  it("refuses a new branch that adds a key", () => {
    const { remote, repo } = setUp();
    git(repo, ["checkout", "-q", "-b", "leaky"]);
    const key = keys.next("tvly-prod-");
    commitFiles(repo, { "src/client.ts": `export const key = "${key}";\n` }, "leak on a branch");
    const r = tryGit(repo, ["push", "origin", "leaky"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("src/client.ts:1:21");
    expect(remoteHas(remote, "refs/heads/leaky")).toBe(false);
  });

  it("gives git's ref lines back to the rest of an existing pre-push hook", () => {
    const remote = gitRepo(undefined, { bare: true });
    const repo = gitRepo({ "README.md": "demo\n" });
    git(repo, ["remote", "add", "origin", remote]);
    const hook = join(repo, ".git/hooks/pre-push");
    cpSync(fileURLToPath(new URL("../fixtures/hooks/pre-push-logger", import.meta.url)), hook);
    install(repo, ["--pre-push"]);
    expect(tryGit(repo, ["push", "-q", "origin", "main"]).code).toBe(0);
    const logged = readFileSync(join(repo, ".git/pre-push.log"), "utf8");
    expect(logged).toMatch(
      new RegExp(
        `^origin ${remote.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\nrefs/heads/main [0-9a-f]{40} refs/heads/main 0{40}\n$`,
      ),
    );
  });

  it("through husky (.husky/pre-push, run with sh -e): refuses a key, lets a clean push through", () => {
    const remote = gitRepo(undefined, { bare: true });
    const repo = gitRepo({ "README.md": "demo\n" });
    setUpHusky(repo);
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "--no-verify", "-m", "husky"]);
    git(repo, ["remote", "add", "origin", remote]);
    install(repo, ["--pre-push"]);
    expect(tryGit(repo, ["push", "-q", "origin", "main"]).code).toBe(0);
    const key = keys.next();
    commitFiles(repo, { "app.py": `KEY = "${key}"\n` }, "leak");
    const r = tryGit(repo, ["push", "origin", "main"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("app.py:1:8");
    expect(r.stdout + r.stderr).toContain("husky - pre-push script failed (code 1)"); // husky ran it, and it refused
    git(repo, ["reset", "-q", "--hard", "HEAD~1"]);
    commitFiles(repo, { "app.py": "import os\nKEY = os.environ['TAVILY_API_KEY']\n" }, "clean");
    expect(tryGit(repo, ["push", "-q", "origin", "main"]).code).toBe(0);
  });

  it("pushing to a URL instead of a named remote: commits on any remote count as pushed", () => {
    const { remote, repo } = setUp();
    commitFiles(repo, { "old.env": `TAVILY_API_KEY=${keys.next()}\n` }, "old leak");
    expect(tryGit(repo, ["push", "-q", "--no-verify", "origin", "main"]).code).toBe(0);
    commitFiles(repo, { "c.txt": "clean\n" }, "clean");
    const r = tryGit(repo, ["push", remote, "main"]);
    expect(r.stderr).toMatch(/scanned 1 commit\b/);
    expect(r.code).toBe(0);
  });
});
