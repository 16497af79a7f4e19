// The commit-msg hook installed by `tvly-guard install` firing on a real
// `git commit`: a key in the message is refused, a clean message goes through,
// comment lines git strips are not findings, and a missing tool fails closed.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { copyInstallation, type GitResult, install, setUpHusky, tryGit } from "../helpers/hook-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(1212);

const head = (repo: string) => git(repo, ["rev-parse", "HEAD"]).trim();

function expectRefusedMessage(r: GitResult, key: string): void {
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).not.toContain(key);
  expect(r.stderr).toContain("tvly-guard blocked this commit: its message holds the key");
  expect(r.stderr).toContain("commit message line 1:");
  expect(r.stderr).toContain(redacted(key));
  expect(r.stderr).toContain("https://app.tavily.com");
  expect(r.stderr).toContain("git commit --no-verify");
}

/** An editor that writes `text` above git's template (a shell script: GIT_EDITOR runs through sh). */
function editorWriting(text: string): string {
  const dir = tempDir();
  const body = join(dir, "message");
  writeFileSync(body, text);
  const script = join(dir, "editor.sh");
  writeFileSync(script, `#!/bin/sh\n{ cat '${body}'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`, { mode: 0o755 });
  return script;
}

describe("commit-msg hook", () => {
  it("refuses `git commit -m` with a key in the message and accepts a clean one", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    install(repo);
    const before = head(repo);
    const key = keys.next("tvly-dev-");
    expectRefusedMessage(tryGit(repo, ["commit", "--allow-empty", "-m", `temporarily using ${key} for the demo`]), key);
    expect(head(repo)).toBe(before);
    const clean = tryGit(repo, ["commit", "--allow-empty", "-m", "read the key from TAVILY_API_KEY"]);
    expect(clean.code, clean.stderr).toBe(0);
    expect(git(repo, ["log", "-1", "--format=%s"]).trim()).toBe("read the key from TAVILY_API_KEY");
  });

  it("a key in the body, not the subject, is refused too; one in an editor comment line git strips is not", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    install(repo);
    const key = keys.next();
    const r = tryGit(repo, ["commit", "--allow-empty", "-m", "subject", "-m", `body with ${key}`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("commit message line 3:");
    const editor = editorWriting(`clean subject\n# reminder: the old key was ${key}\n`);
    const edited = tryGit(repo, ["commit", "--allow-empty"], { GIT_EDITOR: editor });
    expect(edited.code, edited.stderr).toBe(0);
    expect(git(repo, ["log", "-1", "--format=%B"])).not.toContain(key);
    // With -m git keeps "#" lines (no editor, whitespace cleanup): they are committed, so they count.
    expect(tryGit(repo, ["commit", "--allow-empty", "-m", `x\n# ${key}`]).code).not.toBe(0);
  });

  it("in a husky repository: installed in .husky/commit-msg next to the existing lines, idempotent, removed by uninstall", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    setUpHusky(repo);
    writeFiles(repo, { ".husky/commit-msg": "echo msg-lint-ran >> .git/lint.log\n" });
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "--no-verify", "-m", "husky"]);
    install(repo);
    install(repo);
    const hook = readFileSync(join(repo, ".husky/commit-msg"), "utf8");
    expect(hook.match(/>>> tvly-guard commit-msg >>>/g)).toHaveLength(1);
    expect(hook.startsWith("echo msg-lint-ran")).toBe(true);
    const key = keys.next();
    expectRefusedMessage(tryGit(repo, ["commit", "--allow-empty", "-m", `${key}`]), key);
    expect(tryGit(repo, ["commit", "--allow-empty", "-m", "clean"]).code).toBe(0);
    expect(readFileSync(join(repo, ".git/lint.log"), "utf8")).toBe("msg-lint-ran\nmsg-lint-ran\n");
    const u = runCli(["uninstall"], { cwd: repo });
    expect(u.stdout).toContain("commit-msg: removed the tvly-guard block from .husky/commit-msg");
    expect(readFileSync(join(repo, ".husky/commit-msg"), "utf8")).toBe("echo msg-lint-ran >> .git/lint.log\n");
    expect(tryGit(repo, ["commit", "--allow-empty", "-m", `${keys.next()}`]).code).toBe(0);
  });

  it("fails closed when the tool is gone", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const installation = join(tempDir(), "tvly-guard");
    const cli = copyInstallation(installation);
    const r = spawnSync(process.execPath, [cli, "install"], { cwd: repo, encoding: "utf8" });
    expect(r.stdout).toContain(cli);
    rmSync(join(repo, ".git/hooks/pre-commit")); // only the message gate is left to refuse
    rmSync(installation, { recursive: true, force: true });
    const gone = tryGit(repo, ["commit", "--allow-empty", "-m", "harmless"]);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain("tvly-guard: cannot find tvly-guard");
    expect(git(repo, ["log", "--format=%s"]).trim()).toBe("initial");
  });
});
