// `tvly-guard diff <range>` and `diff --stdin-refs` against real repositories,
// including a real `git push` through a pre-push hook that calls the built CLI.
import { chmodSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/report/finding.js";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, GIT_ENV, git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { CLI, runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(404);
const ZERO = "0".repeat(40);

interface Report {
  scanned: { commits: number; files: number; bytes: number; binary: number; skipped: { binary: number } };
  warnings: string[];
  findings: Finding[];
}

function diff(cwd: string, args: string[], input = "") {
  const r = runCli(["diff", "--format", "json", ...args], { cwd, input, env: GIT_ENV });
  const report = r.stdout ? (JSON.parse(r.stdout) as Report) : undefined;
  return { ...r, report, at: report?.findings.map((f) => `${f.file}:${f.line}@${f.commit?.slice(0, 7)}`).sort() ?? [] };
}

const short = (sha: string) => sha.slice(0, 7);
const rev = (dir: string, what: string) => git(dir, ["rev-parse", what]).trim();

describe("tvly-guard diff <range>", () => {
  it("scans each commit of A..B, naming commit, author and ISO date", () => {
    const [before, k1, k2] = [keys.next(), keys.next(), keys.next()];
    const dir = gitRepo({ "old.env": `K=${before}\n` });
    const base = rev(dir, "HEAD");
    const c1 = commitFiles(dir, { "a.py": `x = 1\nKEY = "${k1}"\n` }, "one", {
      GIT_AUTHOR_DATE: "2024-03-01T10:00:00+02:00",
    });
    const c2 = commitFiles(dir, { "b/c.env": `A=1\nB=2\nT=${k2}\n`, "a.py": `x = 2\nKEY = "${k1}"\n` }, "two");
    const r = diff(dir, [`${base}..HEAD`]);
    expect(r.code).toBe(1);
    expect(r.at).toEqual([`a.py:2@${short(c1)}`, `b/c.env:3@${short(c2)}`]);
    const f = r.report!.findings.find((x) => x.commit === c1)!;
    expect(f).toMatchObject({
      column: 8,
      author: "Test Author <author@example.com>",
      date: "2024-03-01T10:00:00+02:00",
    });
    expect(r.report!.scanned).toMatchObject({ commits: 2, files: 3 });
    expect(r.stderr).toMatch(
      /tvly-guard diff: scanned 2 commits, 3 blobs, 2 messages, \d+ B: 2 keys found in 2 places\./,
    );
    for (const k of [before, k1, k2]) expect(r.stdout + r.stderr).not.toContain(k);
  });

  it("takes A...B and a single commit C^!", () => {
    const [k1, k2] = [keys.next(), keys.next()];
    const dir = gitRepo({ "a.txt": "a\n" });
    git(dir, ["checkout", "-q", "-b", "side"]);
    const s1 = commitFiles(dir, { "side.txt": `${k1}\n` }, "side");
    git(dir, ["checkout", "-q", "main"]);
    const m1 = commitFiles(dir, { "main.txt": `${k2}\n` }, "main");
    const sym = diff(dir, ["main...side"]); // symmetric: on either side, not on both
    expect(sym.at).toEqual([`main.txt:1@${short(m1)}`, `side.txt:1@${short(s1)}`]);
    expect(sym.report!.scanned.commits).toBe(2);
    expect(diff(dir, ["side..main"]).at).toEqual([`main.txt:1@${short(m1)}`]);
    expect(diff(dir, [`${s1}^!`]).at).toEqual([`side.txt:1@${short(s1)}`]);
  });

  it("reports a key added and removed again inside the range", () => {
    const key = keys.next();
    const dir = gitRepo({ "a.txt": "a\n" });
    const base = rev(dir, "HEAD");
    const added = commitFiles(dir, { "cfg.env": `A=1\nKEY=${key}\n` }, "add key");
    commitFiles(dir, { "cfg.env": "A=1\nKEY=\n" }, "remove key");
    const r = diff(dir, [`${base}..HEAD`]);
    expect(r.code).toBe(1);
    expect(r.at).toEqual([`cfg.env:2@${short(added)}`]);
    expect(r.report!.scanned.commits).toBe(2);
  });

  it("finds a key a merge's conflict resolution adds, and credits a side's own line to the side's commit", () => {
    const [resolved, fromSide] = [keys.next(), keys.next()];
    const dir = gitRepo({ "conf.env": "A=1\nKEY=base\nZ=9\n" });
    const base = rev(dir, "HEAD");
    git(dir, ["checkout", "-q", "-b", "side"]);
    const side = commitFiles(dir, { "conf.env": "A=1\nKEY=side\nZ=9\n", "side.env": `S=${fromSide}\n` }, "side");
    git(dir, ["checkout", "-q", "main"]);
    commitFiles(dir, { "conf.env": "A=1\nKEY=main\nZ=9\n" }, "main");
    try {
      git(dir, ["merge", "-q", "--no-edit", "side"]);
    } catch {
      // the conflict is the point
    }
    writeFiles(dir, { "conf.env": `A=1\nKEY=${resolved}\nZ=9\n` });
    git(dir, ["add", "conf.env"]);
    git(dir, ["commit", "-q", "--no-verify", "--no-edit"]);
    const merge = rev(dir, "HEAD");
    const r = diff(dir, [`${base}..HEAD`]);
    expect(r.code).toBe(1);
    expect(r.at).toEqual([`conf.env:2@${short(merge)}`, `side.env:1@${short(side)}`]);
    // The merge alone: only what the resolution introduced.
    expect(diff(dir, [`${merge}^!`]).at).toEqual([`conf.env:2@${short(merge)}`]);
  });

  it("handles renames, odd names, binary files and CRLF inside commits", () => {
    const key = keys.next();
    const dir = gitRepo({ "keep.env": `K=${key}\nA=1\nB=2\nC=3\n` });
    const base = rev(dir, "HEAD");
    writeFiles(dir, { "moved dir/kept.env": `K=${key}\nA=1\nB=2\nC=3\n` });
    git(dir, ["rm", "-q", "keep.env"]);
    commitFiles(dir, {}, "rename");
    const odd = commitFiles(
      dir,
      {
        'new\nline "q" ü.txt': `v=${key}\r\nw=1\r\n`,
        "-dash.bin": Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(key)]),
      },
      "odd",
    );
    const r = diff(dir, [`${base}..HEAD`]);
    // the binary file is read whole from the commit and located by byte offset (line 1)
    expect(r.at).toEqual([`-dash.bin:1@${short(odd)}`, `new\nline "q" ü.txt:1@${short(odd)}`]);
    expect(r.report!.scanned).toMatchObject({ commits: 2, files: 2, binary: 1, skipped: { binary: 0 } });
  });

  it("reports paths from the repository root when run in a subdirectory", () => {
    const key = keys.next();
    const dir = gitRepo({ "src/app/a.txt": "a\n" });
    const c = commitFiles(dir, { "src/app/b.txt": `${key}\n` }, "b");
    expect(diff(join(dir, "src", "app"), ["HEAD~1..HEAD"]).at).toEqual([`src/app/b.txt:1@${short(c)}`]);
  });

  it("warns when the range holds no commits", () => {
    const dir = gitRepo({ "a.txt": "a\n" });
    const r = diff(dir, ["HEAD..HEAD"]);
    expect(r.code).toBe(0);
    expect(r.report!.scanned.commits).toBe(0);
    expect(r.stderr).toContain("warning: the range HEAD..HEAD holds no commits");
  });

  it.each([
    [["HEAD~5..HEAD"], /^tvly-guard: unknown revision HEAD~5/],
    [["HEAD~5"], /^tvly-guard: unknown revision HEAD~5/],
    [["nope..HEAD"], /^tvly-guard: unknown revision nope\.\.HEAD/],
    [[`${"d".repeat(40)}..HEAD`], /^tvly-guard: unknown revision d{40}\.\.HEAD: no such commit/],
    [[], /^tvly-guard: diff: give a revision range/],
    [["--all"], /Unknown option '--all'/],
    [["--", "-x"], /"-x" is not a revision range/],
    [["--stdin-refs", "HEAD"], /either a range or --stdin-refs/],
  ])("exits 2 with one line for %j in a 2-commit repository", (args, message) => {
    const dir = gitRepo({ "a.txt": "a\n" });
    commitFiles(dir, { "b.txt": "b\n" }, "two");
    const r = runCli(["diff", ...args], { cwd: dir, env: GIT_ENV });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 outside a repository", () => {
    const r = runCli(["diff", "HEAD~1..HEAD"], { cwd: tempDir(), env: GIT_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tvly-guard: not a git repository/);
  });
});

describe("tvly-guard diff in shallow and partial clones", () => {
  function history(n: number) {
    const origin = gitRepo({ "a.txt": "0\n" });
    for (let i = 1; i < n; i++) commitFiles(origin, { "a.txt": `${i}\n` }, `c${i}`);
    git(origin, ["config", "uploadpack.allowFilter", "true"]);
    return origin;
  }
  const clone = (origin: string, args: string[]) => {
    const dir = join(tempDir(), "clone");
    git(tempDir(), ["clone", "-q", ...args, `file://${origin}`, dir]);
    return dir;
  };

  it("exits 2 with the fix when the base is missing or the range crosses the shallow boundary", () => {
    const origin = history(6);
    const base = rev(origin, "HEAD~4");
    const dir = clone(origin, ["--depth", "2"]);
    for (const range of [`${base}..HEAD`, "HEAD~3..HEAD", "HEAD"]) {
      const r = diff(dir, [range]);
      expect(r.code, range).toBe(2);
      expect(r.stderr).toMatch(/shallow/);
      expect(r.stderr).toContain("fetch-depth: 0");
      expect(r.stderr).toContain("git fetch --unshallow");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    const inside = diff(dir, ["HEAD~1..HEAD"]); // within what was fetched: fine
    expect(inside.code).toBe(0);
    expect(inside.report!.scanned.commits).toBe(1);
  });

  it("never fetches in a blobless clone: exit 2 when commits' content is absent", () => {
    const origin = history(3);
    const dir = clone(origin, ["--filter=blob:none"]);
    const packs = readdirSync(join(dir, ".git", "objects", "pack")).sort();
    const r = diff(dir, ["HEAD~2..HEAD"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/partial clone .* never fetches/);
    expect(readdirSync(join(dir, ".git", "objects", "pack")).sort()).toEqual(packs);
  });
});

describe("tvly-guard diff --stdin-refs (pre-push)", () => {
  /** `git push origin main` with hooks on: git's exit code and everything it and the hook printed. */
  function push(dir: string) {
    try {
      return { code: 0, out: git(dir, ["push", "-q", "origin", "main"]) };
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  }

  /** A bare origin, and a clone of it whose main is pushed; returns both. */
  function pushedClone() {
    const origin = gitRepo(undefined, { bare: true });
    const dir = gitRepo({ "a.txt": "a\n" });
    git(dir, ["remote", "add", "origin", origin]);
    git(dir, ["push", "-q", "origin", "main"]);
    return { origin, dir };
  }

  it("scans only commits not yet on the remote, new branches against every remote, deletions not at all", () => {
    const [pushed, fresh, branchKey] = [keys.next(), keys.next(), keys.next()];
    const { dir } = pushedClone();
    commitFiles(dir, { "pushed.env": `K=${pushed}\n` }, "already pushed");
    git(dir, ["push", "-q", "origin", "main"]);
    const remoteSha = rev(dir, "origin/main");
    const c = commitFiles(dir, { "new.env": `K=${fresh}\n` }, "to push");
    const update = `refs/heads/main ${c} refs/heads/main ${remoteSha}\n`;
    const r = diff(dir, ["--stdin-refs", "--remote", "origin"], update);
    expect(r.at).toEqual([`new.env:1@${short(c)}`]);
    expect(r.report!.scanned.commits).toBe(1);
    // Pushing to a URL (git gives the URL as $1) or with no remote-tracking ref: the remote's sha bounds the scan.
    const url = diff(dir, ["--stdin-refs", "--remote", `file://${dir}/../elsewhere.git`], update);
    expect(url.report!.scanned.commits).toBe(1);

    git(dir, ["checkout", "-q", "-b", "topic"]);
    const b = commitFiles(dir, { "topic.env": `K=${branchKey}\n` }, "topic");
    const created = `refs/heads/topic ${b} refs/heads/topic ${ZERO}\n`;
    const n = diff(dir, ["--stdin-refs", "--remote", "origin"], created);
    expect(n.at).toEqual([`new.env:1@${short(c)}`, `topic.env:1@${short(b)}`]); // main's unpushed commit is on no remote either
    expect(n.report!.scanned.commits).toBe(2);

    const both = diff(dir, ["--stdin-refs", "--remote", "origin"], update + created);
    expect(both.report!.scanned.commits).toBe(2); // each commit once

    const deletion = diff(
      dir,
      ["--stdin-refs", "--remote", "origin"],
      `(delete) ${ZERO} refs/heads/old ${remoteSha}\n`,
    );
    expect(deletion).toMatchObject({ code: 0, report: { scanned: { commits: 0 } } });
    expect(diff(dir, ["--stdin-refs"], "").report!.scanned.commits).toBe(0);
  });

  it("exits 2 on a line that is not a pre-push line", () => {
    const { dir } = pushedClone();
    const r = runCli(["diff", "--stdin-refs"], { cwd: dir, input: "main HEAD\n", env: GIT_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tvly-guard: --stdin-refs: line 1 is not/);
  });

  it("refuses a real `git push` through a pre-push hook", () => {
    const key = keys.next();
    const { origin, dir } = pushedClone();
    const hook = join(dir, ".git", "hooks", "pre-push");
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" diff --stdin-refs --remote "$1"\n`);
    chmodSync(hook, 0o755);
    commitFiles(dir, { "leak.env": `K=${key}\n` }, "leak");
    const refused = push(dir);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/leak\.env:1:3/);
    expect(refused.out).not.toContain(key);
    expect(rev(origin, "main")).not.toBe(rev(dir, "HEAD"));
    commitFiles(dir, { "leak.env": "K=\n" }, "remove it");
    expect(push(dir).code).not.toBe(0); // still in the pushed history
    git(dir, ["reset", "-q", "--hard", "HEAD~2"]);
    commitFiles(dir, { "ok.txt": "fine\n" }, "clean");
    expect(push(dir).code).toBe(0);
    expect(rev(origin, "main")).toBe(rev(dir, "HEAD"));
  });
});
