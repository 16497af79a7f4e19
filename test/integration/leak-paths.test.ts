// Keys that leave through git without being in a commit's files: a commit
// message, an annotated tag's message, an older stash entry, a blob or tree a
// tag points at, a note. Real repositories, real git, keys made at run time.
import { describe, expect, it } from "vitest";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(1212_12);

interface JsonFinding {
  location: string;
  file: string | null;
  line: number;
  commit: string | null;
  ref?: string;
  object?: string;
  reachable?: boolean;
  secret: string;
}

function scan(cwd: string, args: string[]): { code: number; findings: JsonFinding[]; stdout: string; stderr: string } {
  const r = runCli([...args, "--format", "json"], { cwd });
  expect(r.stderr).not.toMatch(/internal error/);
  return { code: r.code, findings: JSON.parse(r.stdout).findings as JsonFinding[], stdout: r.stdout, stderr: r.stderr };
}

const sha = (dir: string, rev: string) => git(dir, ["rev-parse", rev]).trim();
const text = (cwd: string, args: string[]) => runCli([...args, "--no-color"], { cwd });

/** Two stash entries: `older` goes in stash@{1}, `newer` in stash@{0}. */
function twoStashes(repo: string, older: string, newer: string): void {
  writeFiles(repo, { "app.env": older });
  git(repo, ["stash", "push", "-q"]);
  writeFiles(repo, { "app.env": newer });
  git(repo, ["stash", "push", "-q"]);
}

describe("history: keys outside the commits' files", () => {
  it("a key only in a commit message: exit 1, located at the commit's message", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const key = keys.next();
    const c = commitFiles(repo, { "a.txt": "a\n" }, `wire up search\n\ntemporarily using ${key} until CI has it`);
    const r = scan(repo, ["history"]);
    expect(r.code).toBe(1);
    expect(r.findings).toMatchObject([{ location: "commit-message", file: null, line: 3, commit: c }]);
    expect(r.stdout).not.toContain(key);
    expect(text(repo, ["history"]).stdout).toContain(`commit ${c.slice(0, 12)} (message) line 3:19`);
    const clean = gitRepo({ "README.md": "demo\n" });
    commitFiles(clean, { "a.txt": "a\n" }, "wire up search (key from TAVILY_API_KEY)");
    expect(scan(clean, ["history"]).code).toBe(0);
  });

  it("a key only in an annotated tag's message: exit 1, named by the tag, its tagger and date", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const key = keys.next("tvly-prod-");
    git(repo, ["tag", "-a", "v1.0", "-m", `release notes: staging key ${key}`], {
      GIT_COMMITTER_NAME: "Rel Eng",
      GIT_COMMITTER_EMAIL: "releng@example.com",
      GIT_COMMITTER_DATE: "2025-03-04T05:06:07Z",
    });
    const r = scan(repo, ["history"]);
    expect(r.code).toBe(1);
    expect(r.findings).toMatchObject([
      {
        location: "tag-message",
        file: null,
        ref: "v1.0",
        object: sha(repo, "refs/tags/v1.0"),
        commit: null,
        author: "Rel Eng <releng@example.com>",
        date: "2025-03-04T05:06:07.000Z",
      },
    ]);
    expect(text(repo, ["history"]).stdout).toContain(
      `tag v1.0 (message) line 1:28, Rel Eng <releng@example.com> 2025-03-04  ${redacted(key)}`,
    );
    const clean = gitRepo({ "README.md": "demo\n" });
    git(clean, ["tag", "-a", "v1.0", "-m", "release notes"]);
    expect(scan(clean, ["history"]).code).toBe(0);
  });

  it("a tag message is read as git stores it (leading blank lines kept), and a tag of a tag is followed", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const [inTag, inInner] = [keys.next(), keys.next()];
    const head = sha(repo, "HEAD");
    const tagger = "tagger Rel Eng <releng@example.com> 1741064767 +0000";
    // Written whole (git tag would strip the blank lines): the key sits on the message's third line.
    const raw = git(
      repo,
      ["mktag"],
      {},
      `object ${head}\ntype commit\ntag raw\n${tagger}\n\n\n\nkey ${inTag}\n`,
    ).trim();
    git(repo, ["update-ref", "refs/tags/raw", raw]);
    const inner = git(repo, ["mktag"], {}, `object ${head}\ntype commit\ntag inner\n${tagger}\n\nold ${inInner}\n`);
    const outer = git(repo, ["mktag"], {}, `object ${inner.trim()}\ntype tag\ntag outer\n${tagger}\n\nouter\n`);
    git(repo, ["update-ref", "refs/tags/outer", outer.trim()]);
    const r = scan(repo, ["history"]);
    expect(r.code).toBe(1);
    expect(r.findings).toMatchObject([
      { location: "tag-message", ref: "outer", object: inner.trim(), line: 1 },
      { location: "tag-message", ref: "raw", object: raw, line: 3, author: "Rel Eng <releng@example.com>" },
    ]);
  });

  it("a key only in stash@{1} (not the newest stash, which refs/stash names): exit 1, says stash@{1}", () => {
    const repo = gitRepo({ "app.env": "KEY=\n" });
    const key = keys.next();
    twoStashes(repo, `KEY=${key}\n`, "KEY=from-env\n");
    expect(git(repo, ["stash", "list"])).toContain("stash@{1}");
    const r = scan(repo, ["history"]);
    expect(r.code).toBe(1);
    expect(r.findings).toMatchObject([
      { location: "file", file: "app.env", ref: "stash@{1}", commit: sha(repo, "stash@{1}") },
    ]);
    expect(text(repo, ["history"]).stdout).toContain(
      `app.env:1:5 (commit ${sha(repo, "stash@{1}").slice(0, 12)}, stash@{1},`,
    );
    const clean = gitRepo({ "app.env": "KEY=\n" });
    twoStashes(clean, "KEY=one\n", "KEY=two\n");
    expect(scan(clean, ["history"]).code).toBe(0);
  });

  it("a key only in a blob a lightweight tag points at, or in a tree a tag points at: exit 1, named by the tag", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const [inBlob, inTree] = [keys.next(), keys.next()];
    const blob = git(repo, ["hash-object", "-w", "--stdin"], {}, `TAVILY_API_KEY=${inBlob}\n`).trim();
    git(repo, ["tag", "key-blob", blob]);
    const inner = git(repo, ["hash-object", "-w", "--stdin"], {}, `k = "${inTree}"\n`).trim();
    const tree = git(repo, ["mktree"], {}, `100644 blob ${inner}\tconfig.py\n`).trim();
    git(repo, ["tag", "-a", "key-tree", "-m", "a tree", tree]);
    const r = scan(repo, ["history"]);
    expect(r.code).toBe(1);
    expect(r.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: "blob", file: null, ref: "key-blob", object: blob, line: 1 }),
        expect.objectContaining({ location: "file", file: "config.py", ref: "key-tree", commit: null }),
      ]),
    );
    expect(r.findings).toHaveLength(2);
    const clean = gitRepo({ "README.md": "demo\n" });
    git(clean, ["tag", "plain-blob", git(clean, ["hash-object", "-w", "--stdin"], {}, "nothing here\n").trim()]);
    expect(scan(clean, ["history"]).code).toBe(0);
  });

  it("a key in a note names the commit it annotates, and an older version of the note counts", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const key = keys.next();
    git(repo, ["notes", "add", "-m", `deployed with ${key}`, "HEAD"]);
    git(repo, ["notes", "add", "-f", "-m", "deployed (key redacted)", "HEAD"]);
    const r = scan(repo, ["history"]);
    expect(r.code).toBe(1);
    expect(r.findings).toMatchObject([
      { location: "note", file: null, commit: sha(repo, "HEAD"), ref: "refs/notes/commits" },
    ]);
  });

  it("--branch scans that branch's commit messages only, not tags or stashes", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    git(repo, ["tag", "-a", "v1", "-m", `notes ${keys.next()}`]);
    expect(scan(repo, ["history", "--branch", "main"]).code).toBe(0);
    commitFiles(repo, { "b.txt": "b\n" }, `oops ${keys.next()}`);
    expect(scan(repo, ["history", "--branch", "main"]).findings).toMatchObject([{ location: "commit-message" }]);
  });
});

describe("history --all-objects: what no ref reaches", () => {
  it("finds a key in a commit that was reset away, says no ref reaches it, and plain history does not claim it", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const key = keys.next();
    const gone = commitFiles(repo, { "secrets.env": `TAVILY_API_KEY=${key}\n` }, "oops");
    git(repo, ["reset", "-q", "--hard", "HEAD~1"]);
    expect(scan(repo, ["history"]).code).toBe(0);
    const r = scan(repo, ["history", "--all-objects"]);
    expect(r.code).toBe(1);
    expect(r.findings).toMatchObject([{ location: "file", file: "secrets.env", commit: gone, reachable: false }]);
    expect(r.findings[0]!.ref).toBeUndefined();
    const out = text(repo, ["history", "--all-objects"]).stdout;
    expect(out).toContain("[not reachable from any ref]");
    expect(out).toContain("git gc --prune=now");
    expect(out).not.toContain(key);
  });

  it("finds a key in a blob nothing names and in a deleted tag's message; a clean store is exit 0", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const [loose, tagged] = [keys.next(), keys.next()];
    const blob = git(repo, ["hash-object", "-w", "--stdin"], {}, `k=${loose}\n`).trim();
    git(repo, ["tag", "-a", "old", "-m", `notes ${tagged}`]);
    const tagObject = sha(repo, "refs/tags/old");
    git(repo, ["tag", "-d", "old"]);
    const r = scan(repo, ["history", "--all-objects"]);
    expect(r.code).toBe(1);
    expect(r.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: "blob", object: blob, reachable: false }),
        expect.objectContaining({ location: "tag-message", object: tagObject, reachable: false }),
      ]),
    );
    const clean = gitRepo({ "README.md": "demo\n" });
    git(clean, ["hash-object", "-w", "--stdin"], {}, "nothing\n");
    expect(scan(clean, ["history", "--all-objects"]).code).toBe(0);
  });
});

describe("diff: commit messages of the range", () => {
  it("finds a key in a commit message of A..B, and not in one before A", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const [before, inside] = [keys.next(), keys.next()];
    const base = commitFiles(repo, { "a.txt": "a\n" }, `before the range ${before}`);
    const c = commitFiles(repo, { "b.txt": "b\n" }, `fix: use ${inside} for now`);
    commitFiles(repo, { "c.txt": "c\n" }, "clean");
    const r = scan(repo, ["diff", `${base}..HEAD`]);
    expect(r.code).toBe(1);
    expect(r.findings).toMatchObject([{ location: "commit-message", file: null, commit: c, line: 1, column: 10 }]);
    expect(r.stderr).toContain("scanned 2 commits");
    expect(scan(repo, ["diff", `${c}..HEAD`]).code).toBe(0);
  });
});
