// Exposure triage against real repositories: a bare local remote, pushed and
// unpushed commits, back-dated commits. Findings come from a small history
// walk written here (the history/diff commands live in their own modules);
// triage, the git calls and the reporters are the real ones.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectSecrets } from "../../src/engine/detect.js";
import { builtinRules } from "../../src/engine/rule.js";
import { openExposureQueries } from "../../src/git/exposure.js";
import { type Finding, toFinding } from "../../src/report/finding.js";
import { renderJson } from "../../src/report/json.js";
import { sortByUrgency } from "../../src/report/keys.js";
import { renderText } from "../../src/report/text.js";
import { emptySummary } from "../../src/sources/chunk.js";
import { triageKeys } from "../../src/triage/exposure.js";
import { fakeKeys, redacted } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo, tempDir } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const rules = builtinRules();
const keys = fakeKeys(5151);
const DAY = 86_400_000;

const at = (daysAgo: number) => {
  const iso = new Date(Date.now() - daysAgo * DAY).toISOString().replace(/\.\d+Z$/, "Z");
  return { GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso };
};

/** Every (key, file) once, attributed to the oldest commit that holds it: what `history` reports. */
function walkHistory(repo: string): Finding[] {
  const seen = new Map<string, Finding>();
  const log = git(repo, ["log", "--all", "--reverse", "--format=%H%x00%an%x00%aI"]).trim().split("\n");
  for (const line of log) {
    const [sha, author, date] = line.split("\0") as [string, string, string];
    for (const path of git(repo, ["ls-tree", "-r", "-z", "--name-only", sha]).split("\0").filter(Boolean)) {
      const chunk = {
        path,
        data: Buffer.from(git(repo, ["show", `${sha}:${path}`])),
        startLine: 1,
        commit: { sha, author, date },
      };
      for (const m of detectSecrets(chunk, rules)) {
        const f = toFinding(m, chunk);
        if (!seen.has(`${f.fingerprint}\0${path}`)) seen.set(`${f.fingerprint}\0${path}`, f);
      }
    }
  }
  return [...seen.values()];
}

const realGit = (repo: string) => openExposureQueries({ cwd: repo, env: process.env });

/** Is `commit` pushed, asked of the repository at `repo` the way triage asks. */
async function isPushed(repo: string, commit: string): Promise<boolean | null> {
  const pushed = await (await realGit(repo)).readPushed([commit]);
  return pushed === null ? null : pushed(commit);
}

const readHeadFiles = async (repo: string, paths: readonly string[]) => (await realGit(repo)).readHeadFiles(paths);

/** old (400 days, pushed, still in HEAD), pushed (10 days), local (unpushed, in HEAD), localGone (unpushed, removed again). */
function buildRepo() {
  const k = {
    old: keys.next("tvly-"),
    pushed: keys.next("tvly-dev-"),
    local: keys.next("tvly-prod-"),
    localGone: keys.next("tvly-dev-"),
  };
  const remote = gitRepo(undefined, { bare: true });
  const repo = gitRepo();
  git(repo, ["remote", "add", "origin", remote]);
  const c = {
    old: commitFiles(repo, { "config/old.env": `TAVILY_API_KEY=${k.old}\n` }, "old key", at(400)),
    pushed: commitFiles(repo, { "src/app.js": `const key = "${k.pushed}";\n` }, "pushed key", at(10)),
  };
  git(repo, ["push", "-q", "origin", "main"]);
  const local = commitFiles(
    repo,
    { "app.py": `KEY = "${k.local}"\n`, "notes.txt": `${k.localGone}\n` },
    "local keys",
    at(2),
  );
  commitFiles(repo, { "notes.txt": "gone\n" }, "remove one", at(1));
  return { k, c: { ...c, local }, repo };
}

describe("exposure triage", () => {
  it("classifies pushed, unpushed, old and removed keys and orders them by urgency", async () => {
    const { k, c, repo } = buildRepo();
    const findings = walkHistory(repo);
    const triaged = sortByUrgency(await triageKeys(findings, await realGit(repo)));
    expect(triaged.map((t) => t.secret)).toEqual([k.old, k.pushed, k.local, k.localGone].map(redacted));
    expect(triaged[0]).toMatchObject({ firstCommit: c.old, pushed: true, inHead: true, verified: null, locations: 1 });
    expect(triaged[0]!.ageDays).toBe(400);
    expect(triaged[1]).toMatchObject({ firstCommit: c.pushed, pushed: true, inHead: true, ageDays: 10 });
    expect(triaged[2]).toMatchObject({ firstCommit: c.local, pushed: false, inHead: true, ageDays: 2 });
    expect(triaged[3]).toMatchObject({ firstCommit: c.local, pushed: false, inHead: false, ageDays: 2 });
    expect(triaged[0]!.firstDate).toMatch(/^\d{4}-\d\d-\d\dT/);

    const ctx = {
      version: "t",
      mode: "history",
      findings,
      summary: emptySummary(),
      rules,
      color: false,
      keys: triaged,
    };
    const json = JSON.parse(renderJson(ctx));
    expect(
      json.keys.map((e: { firstCommit: string; pushed: boolean; inHead: boolean }) => [
        e.firstCommit,
        e.pushed,
        e.inHead,
      ]),
    ).toEqual([
      [c.old, true, true],
      [c.pushed, true, true],
      [c.local, false, true],
      [c.local, false, false],
    ]);
    expect(Object.keys(json.keys[0])).toEqual([
      "ruleId",
      "fingerprint",
      "secret",
      "firstCommit",
      "firstDate",
      "ageDays",
      "pushed",
      "inHead",
      "verified",
      "locations",
    ]);

    const text = renderText(ctx);
    const blocks = text.split(/\n(?=● )/).slice(1);
    expect(blocks.map((b) => b.slice(2, b.indexOf("…") + 1))).toEqual(
      [k.old, k.pushed, k.local, k.localGone].map(redacted),
    );
    expect(blocks[0]).toMatch(/pushed · in HEAD · first committed in [0-9a-f]{12} on \d{4}-\d\d-\d\d, 400 days ago/);
    expect(blocks[0]).toMatch(/Rewriting history does not un-leak/);
    expect(blocks[0]).toMatch(/Exposed for 400 days, more than 90/);
    expect(blocks[0]).toMatch(/rotating keys about every 90 days/);
    expect(blocks[1]).toMatch(/Rewriting history does not un-leak/);
    expect(blocks[1]).not.toMatch(/Exposed for/);
    expect(blocks[2]).toMatch(/not pushed · in HEAD/);
    expect(blocks[2]).toMatch(/git commit --amend .* git rebase -i .* git reset/);
    expect(blocks[2]).not.toMatch(/un-leak/);
    expect(blocks[3]).toMatch(/not pushed · gone from HEAD/);
    for (const key of Object.values(k)) expect(text + JSON.stringify(json)).not.toContain(key);
  });

  it("treats a key as pushed once its commit reaches any remote-tracking ref, and a bare repository as a remote", async () => {
    const { c, repo } = buildRepo();
    expect(await isPushed(repo, c.local)).toBe(false);
    git(repo, ["push", "-q", "origin", "main:side"]);
    expect(await isPushed(repo, c.local)).toBe(true);
    const bare = gitRepo(undefined, { bare: true });
    git(repo, ["push", "-q", bare, "main"]);
    expect(await isPushed(bare, c.local)).toBe(true);
    expect(await isPushed(repo, "0".repeat(40))).toBe(null);
  });

  it("gives no rewrite advice without a remote to compare with, nor for a local commit weeks old", async () => {
    const key = keys.next();
    const alone = gitRepo({ "README.txt": "demo\n" });
    commitFiles(alone, { "app.py": `KEY = "${key}"\n` }, "leak", at(2));
    const noRemote = runCli(["history"], { cwd: alone });
    expect(noRemote.code).toBe(1);
    expect(noRemote.stdout).not.toMatch(/not pushed|git commit --amend/);

    const old = gitRepo({ "README.txt": "demo\n" });
    const remote = gitRepo(undefined, { bare: true });
    git(old, ["remote", "add", "origin", remote]);
    git(old, ["push", "-q", "origin", "HEAD:main"]);
    git(old, ["fetch", "-q", "origin"]);
    commitFiles(old, { "app.py": `KEY = "${key}"\n` }, "leak", at(60));
    const stale = runCli(["history"], { cwd: old });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/not pushed/);
    expect(stale.stdout).not.toMatch(/git commit --amend/);
  });

  it("reads HEAD's files as bytes, reports missing ones, and has no HEAD in an empty repository", async () => {
    const { repo } = buildRepo();
    const files = await readHeadFiles(repo, ["app.py", "missing.txt", "notes.txt"]);
    expect(files?.get("app.py")?.toString()).toMatch(/^KEY = "tvly-prod-/);
    expect(files?.get("missing.txt")).toBe(null);
    expect(files?.get("notes.txt")?.toString()).toBe("gone\n");
    expect(await readHeadFiles(gitRepo(), ["a"])).toBeUndefined();
  });

  it("leaves exposure null for findings without a commit (scan mode) and never calls git", async () => {
    const key = keys.next();
    const chunk = { path: "a.txt", data: Buffer.from(key), startLine: 1 };
    const findings = detectSecrets(chunk, rules).map((m) => toFinding(m, chunk));
    const boom = async () => {
      throw new Error("git must not run");
    };
    const [only] = await triageKeys(findings, { readPushed: boom, readHeadFiles: boom });
    expect(only).toMatchObject({
      firstCommit: null,
      firstDate: null,
      ageDays: null,
      pushed: null,
      inHead: null,
      verified: null,
      locations: 1,
    });
  });

  it("a scan or staged run that finds a key starts no git process for its triage (GIT_TRACE counts them)", () => {
    const repo = gitRepo({ "README.md": "hi\n" });
    writeFileSync(join(repo, "app.env"), `KEY=${keys.next()}\n`);
    git(repo, ["add", "app.env"]);
    const gitCalls = (args: string[]) => {
      const trace = join(tempDir(), "trace.txt");
      const r = runCli(args, { cwd: repo, env: { GIT_TRACE: trace } });
      expect(r.code).toBe(1);
      return readFileSync(trace, "utf8")
        .split("\n")
        .flatMap((l) => /trace: built-in: git (?:-c \S+ )*(\S+)/.exec(l)?.slice(1) ?? []);
    };
    expect(gitCalls(["staged"])).toEqual(["diff"]);
    expect(gitCalls(["scan", "."])).not.toContain("config"); // the repository facts triage would need
  });
});

// End to end through the real CLI.
describe("tvly-guard history: the keys array", () => {
  it("classifies and orders keys in JSON and text", () => {
    const { k, c, repo } = buildRepo();
    const r = runCli(["history", "--format", "json"], { cwd: repo });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(
      json.keys.map((e: { firstCommit: string; pushed: boolean; inHead: boolean }) => [
        e.firstCommit,
        e.pushed,
        e.inHead,
      ]),
    ).toEqual([
      [c.old, true, true],
      [c.pushed, true, true],
      [c.local, false, true],
      [c.local, false, false],
    ]);
    expect(json.keys[0].ageDays).toBe(400);
    const text = runCli(["history"], { cwd: repo }).stdout;
    const order = [k.old, k.pushed, k.local, k.localGone].map((key) =>
      text.indexOf(`● ${key.slice(0, key.lastIndexOf("-") + 5)}…`),
    );
    expect(order.every((v, i) => v > 0 && (i === 0 || v > order[i - 1]!))).toBe(true);
    expect(text).toMatch(/Rewriting history does not un-leak/);
  });
});

describe("tvly-guard diff: the keys array", () => {
  it("marks keys in a range as pushed or not", () => {
    const { c, repo } = buildRepo();
    const r = runCli(["diff", `${c.old}^!`, "--format", "json"], { cwd: repo });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).keys).toMatchObject([{ firstCommit: c.old, pushed: true, inHead: true, ageDays: 400 }]);
    const local = runCli(["diff", "origin/main..HEAD", "--format", "json"], { cwd: repo });
    expect(JSON.parse(local.stdout).keys).toMatchObject([
      { firstCommit: c.local, pushed: false, inHead: true },
      { firstCommit: c.local, pushed: false, inHead: false },
    ]);
  });
});
