// The server gate: a real bare "server" repository with `tvly-guard install
// --pre-receive`, and a client doing real `git push` over a file:// URL. What
// the push makes new is scanned inside git's quarantine; a key refuses the
// whole push, which the pusher sees as remote: lines with the key redacted.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo, tempDir } from "../helpers/git-repo.js";
import { type GitResult, tryGit } from "../helpers/hook-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(4242);

/** A bare server with the pre-receive hook, and a clone-like client whose main is on it. */
function serverAndClient(): { server: string; client: string; url: string } {
  const server = gitRepo(undefined, { bare: true });
  const r = runCli(["install", "--pre-receive"], { cwd: server });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain("pre-receive: created");
  const client = gitRepo({ "README.md": "demo\n" });
  const url = `file://${server}`;
  git(client, ["remote", "add", "origin", url]);
  expectAccepted(tryGit(client, ["push", "-q", "origin", "main"]));
  return { server, client, url };
}

const refs = (server: string) => git(server, ["for-each-ref", "--format=%(refname) %(objectname)"]);

function expectRefused(r: GitResult, key: string, where: string): void {
  expect(r.code).not.toBe(0);
  const out = r.stdout + r.stderr;
  expect(out).not.toContain(key);
  expect(out).toContain(`remote: tvly-guard refused this push`);
  expect(out).toContain(where);
  expect(out).toContain(redacted(key));
  expect(out).toContain("https://app.tavily.com");
  expect(out).toContain("git rebase -i");
  expect(out).toContain("pre-receive hook declined");
}

function expectAccepted(r: GitResult): void {
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toContain("tvly-guard refused");
}

describe("pre-receive hook on a bare server", () => {
  it("refuses a new branch carrying a key (not created) and accepts a clean one", () => {
    const { server, client } = serverAndClient();
    const key = keys.next();
    git(client, ["checkout", "-q", "-b", "feature"]);
    const c = commitFiles(client, { "config/app.env": `DEBUG=1\nTAVILY_API_KEY=${key}\n` }, "add config");
    expectRefused(tryGit(client, ["push", "origin", "feature"]), key, `config/app.env:2:16 (commit ${c.slice(0, 12)}`);
    expect(refs(server)).not.toContain("refs/heads/feature");
    expect(tryGit(server, ["cat-file", "-e", c]).code).not.toBe(0); // the quarantine was thrown away
    git(client, ["checkout", "-q", "-b", "clean", "main"]);
    commitFiles(client, { "src/app.py": "import os\nkey = os.environ['TAVILY_API_KEY']\n" }, "read the key from env");
    expectAccepted(tryGit(client, ["push", "-q", "origin", "clean"]));
    expect(refs(server)).toContain("refs/heads/clean");
    expect(readFileSync(join(server, "tvly-guard.log"), "utf8")).toMatch(/refused \(keys\) refs\/heads\/feature/);
  });

  it("refuses a key only in a commit message, or only in a pushed annotated tag's message", () => {
    const { server, client } = serverAndClient();
    const [inMessage, inTag] = [keys.next(), keys.next("tvly-prod-")];
    const c = commitFiles(client, { "a.txt": "a\n" }, `wip: try ${inMessage}`);
    expectRefused(tryGit(client, ["push", "origin", "main"]), inMessage, `commit ${c.slice(0, 12)} (message)`);
    git(client, ["reset", "-q", "--hard", "HEAD~1"]);
    git(client, ["tag", "-a", "v1.0", "-m", `release with ${inTag}`]);
    expectRefused(tryGit(client, ["push", "origin", "v1.0"]), inTag, "tag v1.0 (message)");
    expect(refs(server)).not.toContain("refs/tags/v1.0");
  });

  it("refuses a tag that points at a key commit the server does not have", () => {
    const { server, client } = serverAndClient();
    const key = keys.next();
    git(client, ["checkout", "-q", "-b", "side"]);
    commitFiles(client, { "k.env": `K=${key}\n` }, "key");
    git(client, ["tag", "keyed"]);
    expectRefused(tryGit(client, ["push", "origin", "keyed"]), key, "k.env:1:3");
    expect(refs(server)).not.toContain("refs/tags/keyed");
  });

  it("refuses a force push whose rewritten commits carry a key; the branch keeps its old commit", () => {
    const { server, client } = serverAndClient();
    const before = git(server, ["rev-parse", "main"]).trim();
    const key = keys.next();
    git(client, ["commit", "-q", "--amend", "-m", "rewritten"]);
    commitFiles(client, { "x.js": `const k = "${key}";\n` }, "leak");
    expectRefused(tryGit(client, ["push", "--force", "origin", "main"]), key, "x.js:1:12");
    expect(git(server, ["rev-parse", "main"]).trim()).toBe(before);
    git(client, ["reset", "-q", "--hard", "HEAD~1"]);
    expectAccepted(tryGit(client, ["push", "-q", "--force", "origin", "main"]));
  });

  it("scans only what is new: a branch of commits the server already has, and a deletion, are accepted", () => {
    const { server, client } = serverAndClient();
    const key = keys.next();
    // A key already on the server (pushed before the hook existed): later pushes are not blamed for it.
    git(server, ["config", "tvly-guard.allowSkip", "true"]);
    git(server, ["config", "receive.advertisePushOptions", "true"]);
    commitFiles(client, { "old.env": `K=${key}\n` }, "before the hook");
    const skipped = tryGit(client, ["push", "-o", "tvly-guard.skip", "origin", "main"]);
    expectAccepted(skipped);
    expect(skipped.stderr).toContain("check skipped");
    expect(readFileSync(join(server, "tvly-guard.log"), "utf8")).toContain("skipped (push option tvly-guard.skip)");
    expectAccepted(tryGit(client, ["push", "-q", "origin", "main:copy"]));
    expectAccepted(tryGit(client, ["push", "-q", "origin", "--delete", "copy"]));
    expect(refs(server)).not.toContain("refs/heads/copy");
  });

  it("the skip option does nothing unless the server allows it", () => {
    const { server, client } = serverAndClient();
    git(server, ["config", "receive.advertisePushOptions", "true"]);
    const key = keys.next();
    commitFiles(client, { "k.env": `K=${key}\n` }, "key");
    const r = tryGit(client, ["push", "-o", "tvly-guard.skip", "origin", "main"]);
    expectRefused(r, key, "k.env:1:3");
    expect(r.stderr).toContain("is not enabled on this server");
  });

  it("a bad server setting refuses the push with one line (fail closed), and install refuses a clone", () => {
    const { server, client } = serverAndClient();
    git(server, ["config", "tvly-guard.timeout", "soon"]);
    commitFiles(client, { "a.txt": "clean\n" }, "clean");
    const r = tryGit(client, ["push", "origin", "main"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("tvly-guard.timeout must be a whole number of seconds");
    const clone = runCli(["install", "--pre-receive"], { cwd: client });
    expect(clone.code).toBe(2);
    expect(clone.stderr).toContain("bare repository");
    expect(existsSync(join(client, ".git/hooks/pre-receive"))).toBe(false);
  });

  it("install --pre-receive is idempotent and keeps an existing hook's lines", () => {
    const server = gitRepo(undefined, { bare: true });
    runCli(["install", "--pre-receive"], { cwd: server });
    const again = runCli(["install", "--pre-receive"], { cwd: server });
    expect(again.stdout).toContain("pre-receive: already installed in");
    const hook = readFileSync(join(server, "hooks/pre-receive"), "utf8");
    expect(hook.match(/>>> tvly-guard pre-receive >>>/g)).toHaveLength(1);
  });

  it("uninstall removes what install --pre-receive wrote: a foreign hook keeps every byte, ours alone is deleted", () => {
    const server = gitRepo(undefined, { bare: true });
    const file = join(server, "hooks", "pre-receive");
    // A foreign hook with CRLF line ends and a byte that is not UTF-8 (Latin-1 é).
    const foreign = Buffer.concat([
      Buffer.from("#!/bin/sh\r\n# caf"),
      Buffer.from([0xe9]),
      Buffer.from(" audit\r\nexit 0\r\n"),
    ]);
    writeFileSync(file, foreign);
    chmodSync(file, 0o755);
    expect(runCli(["install", "--pre-receive"], { cwd: server }).stdout).toContain("pre-receive: added");
    const installed = readFileSync(file);
    expect(installed.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe(true); // "café" byte for byte
    expect(installed.toString("latin1")).toContain(">>> tvly-guard pre-receive >>>");
    const r = runCli(["uninstall"], { cwd: server });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("tvly-guard: pre-receive: removed the tvly-guard block from hooks/pre-receive\n");
    expect(readFileSync(file).equals(foreign)).toBe(true);
    expect(runCli(["uninstall"], { cwd: server }).stdout).toContain("no tvly-guard hook found in hooks/pre-receive");

    // Only tvly-guard's: deleted, and a push with a key then goes through (the gate is really gone).
    const { server: alone, client } = serverAndClient();
    expect(runCli(["uninstall"], { cwd: alone }).stdout).toContain("pre-receive: deleted (only tvly-guard was in it)");
    expect(existsSync(join(alone, "hooks", "pre-receive"))).toBe(false);
    commitFiles(client, { "app.env": `TAVILY_API_KEY=${keys.next()}\n` }, "key");
    expectAccepted(tryGit(client, ["push", "-q", "origin", "main"]));

    // A hosting server's hook directory: uninstall --hooks-dir takes out what install --hooks-dir put in.
    const dir = tempDir();
    const elsewhere = tempDir();
    expect(runCli(["install", "--pre-receive", "--hooks-dir", dir], { cwd: elsewhere }).code).toBe(0);
    expect(runCli(["uninstall", "--hooks-dir", dir], { cwd: elsewhere }).stdout).toContain(
      "pre-receive: deleted (only tvly-guard was in it)",
    );
    expect(existsSync(join(dir, "pre-receive"))).toBe(false);
  });
});
