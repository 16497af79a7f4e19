// `tvly-guard history` against real repositories built with the real git:
// side branches, tags, bare mirrors, deletions, renames, shallow and blobless clones.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkPlanted } from "../../bench/check-planted.mjs";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo, tempDir } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(3003);

interface JsonFinding {
  file: string;
  line: number;
  commit: string;
  author: string;
  date: string;
  secret: string;
  fingerprint: string;
  inHead: boolean | null;
}
interface JsonReport {
  scanned: { commits: number; files: number; bytes: number; binary: number; skipped: Record<string, number> };
  warnings: string[];
  findings: JsonFinding[];
}

function history(cwd: string, args: string[] = []): { code: number; report: JsonReport; stderr: string } {
  const r = runCli(["history", "--format", "json", "--no-redact", ...args], { cwd });
  expect(r.stderr, r.stderr).not.toMatch(/internal error/);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** The findings for `key`, as "file@commit inHead". */
function placesOf(report: JsonReport, key: string): string[] {
  return report.findings
    .filter((f) => f.secret === key)
    .map((f) => `${f.file}@${f.commit} ${f.inHead}`)
    .sort();
}

const sha = (dir: string, rev: string) => git(dir, ["rev-parse", rev]).trim();

describe("history", () => {
  it("finds keys that live only on a side branch or only behind a tag, with commit, author and ISO date", () => {
    const repo = gitRepo({ "README.md": "# app\n" });
    const onBranch = keys.next();
    const onTag = keys.next("tvly-prod-");
    git(repo, ["checkout", "-q", "-b", "side"]);
    const branchCommit = commitFiles(repo, { "config/dev.env": `TAVILY_API_KEY=${onBranch}\n` }, "side work");
    git(repo, ["checkout", "-q", "--detach", "main"]);
    const tagCommit = commitFiles(repo, { "release/notes.py": `\n\nclient = Client("${onTag}")\n` }, "release");
    git(repo, ["tag", "-a", "-m", "v1", "v1.0.0"]);
    git(repo, ["checkout", "-q", "main"]);

    const { code, report } = history(repo);
    expect(code).toBe(1);
    expect(placesOf(report, onBranch)).toEqual([`config/dev.env@${branchCommit} false`]);
    expect(placesOf(report, onTag)).toEqual([`release/notes.py@${tagCommit} false`]);
    const tagged = report.findings.find((f) => f.secret === onTag)!;
    expect(tagged).toMatchObject({ line: 3, author: "Test Author" });
    expect(tagged.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$/);
    expect(report.scanned.commits).toBe(3);

    // --branch narrows the walk: main alone holds neither key, and says what it covered.
    const narrowed = history(repo, ["--branch", "main"]);
    expect(narrowed.code).toBe(0);
    expect(narrowed.report.findings).toEqual([]);
    expect(narrowed.report.scanned).toMatchObject({ commits: 1, files: 1 });
    expect(narrowed.stderr).toMatch(/scanned 1 commit, 1 blob/);
    // A range, as git log takes it.
    expect(placesOf(history(repo, ["main..side"]).report, onBranch)).toHaveLength(1);
  });

  it("works in a bare mirror clone and knows what HEAD still holds", () => {
    const repo = gitRepo({ "src/app.ts": "export {};\n" });
    const key = keys.next();
    const added = commitFiles(repo, { "src/app.ts": `export const k = "${key}";\n` }, "add key");
    const mirror = join(tempDir(), "mirror.git");
    git(repo, ["clone", "-q", "--mirror", repo, mirror]);
    expect(git(mirror, ["rev-parse", "--is-bare-repository"]).trim()).toBe("true");

    const { code, report } = history(mirror);
    expect(code).toBe(1);
    expect(placesOf(report, key)).toEqual([`src/app.ts@${added} true`]);
    expect(report.scanned).toMatchObject({ commits: 2, files: 2 });
    expect(report.scanned.bytes).toBeGreaterThan(0);
  });

  it("reports a key added then deleted once, at the commit that added it, not in HEAD", () => {
    const repo = gitRepo({ "app.py": "print('hi')\n" });
    const key = keys.next();
    const added = commitFiles(repo, { "app.py": `print('hi')\nKEY = "${key}"\n` }, "add");
    commitFiles(repo, { "app.py": `print('hi')\nKEY = "${key}"\nprint('more')\n` }, "edit around it");
    commitFiles(repo, { "app.py": "print('hi')\nimport os\nKEY = os.environ['TAVILY_API_KEY']\n" }, "remove");

    const { code, report } = history(repo);
    expect(code).toBe(1);
    expect(placesOf(report, key)).toEqual([`app.py@${added} false`]);
    expect(report.findings[0]!.line).toBe(2);
  });

  it("follows a key through a rename: the old path from its commit, the new path from the rename", () => {
    const repo = gitRepo({ "keep.txt": "x\n" });
    const key = keys.next();
    const added = commitFiles(repo, { "old name.env": `K=${key}\n` }, "add");
    mkdirSync(join(repo, "config"));
    git(repo, ["mv", "old name.env", "config/new-name.env"]);
    git(repo, ["commit", "-q", "-m", "rename"]);
    const renamed = sha(repo, "HEAD");

    const { report } = history(repo);
    expect(placesOf(report, key)).toEqual([`config/new-name.env@${renamed} true`, `old name.env@${added} false`]);
  });

  it("scans a shallow clone but warns loudly about the history it cannot see", () => {
    const origin = gitRepo({ "a.txt": "a\n" });
    const old = keys.next();
    const current = keys.next();
    commitFiles(origin, { "old.env": `K=${old}\n` }, "old key");
    commitFiles(origin, { "old.env": "K=\n" }, "remove old key");
    commitFiles(origin, { "now.env": `K=${current}\n` }, "current key");
    const clone = join(tempDir(), "shallow");
    git(origin, ["clone", "-q", "--depth", "1", `file://${origin}`, clone]);

    const { code, report, stderr } = history(clone);
    expect(code).toBe(1);
    expect(placesOf(report, current)).toEqual([`now.env@${sha(clone, "HEAD")} true`]);
    expect(placesOf(report, old)).toEqual([]);
    expect(report.scanned.commits).toBe(1);
    expect(report.warnings.join("\n")).toMatch(/SHALLOW CLONE.*NOT scanned.*--unshallow/);
    expect(stderr).toMatch(/warning: SHALLOW CLONE/);
  });

  it("never fetches in a blobless clone: missing blobs are named in a warning, present ones scanned", () => {
    const origin = gitRepo({ "a.txt": "a\n" });
    git(origin, ["config", "uploadpack.allowFilter", "true"]);
    const old = keys.next();
    const current = keys.next();
    commitFiles(origin, { "old.env": `K=${old}\n` }, "old key");
    git(origin, ["rm", "-q", "old.env"]);
    git(origin, ["commit", "-q", "-m", "remove"]);
    commitFiles(origin, { "now.env": `K=${current}\n` }, "current key");
    const clone = join(tempDir(), "blobless");
    git(origin, ["clone", "-q", "--filter=blob:none", `file://${origin}`, clone]);
    const missingBefore = missingObjects(clone);
    expect(missingBefore).toHaveLength(1); // old.env's blob: history only, never checked out

    const { code, report, stderr } = history(clone);
    expect(code).toBe(1);
    expect(placesOf(report, current)).toEqual([`now.env@${sha(clone, "HEAD")} true`]);
    expect(placesOf(report, old)).toEqual([]);
    expect(report.warnings.join("\n")).toContain(`PARTIAL CLONE: 1 blob(s)`);
    expect(report.warnings.join("\n")).toContain(`${missingBefore[0]} (old.env)`);
    expect(stderr).toMatch(/warning: PARTIAL CLONE/);
    expect(missingObjects(clone)).toEqual(missingBefore); // nothing was fetched
  });

  it("finds every key make-repo planted, at the commit .planted.json names, and no decoy", () => {
    const dir = join(tempDir(), "made");
    const makeRepo = fileURLToPath(new URL("../../bench/make-repo.mjs", import.meta.url));
    execFileSync(process.execPath, [makeRepo, dir, "--commits", "300", "--keys", "6", "--seed", "11"], {
      stdio: "pipe",
    });
    const planted = JSON.parse(readFileSync(join(dir, ".planted.json"), "utf8"));
    // Both families of key formats, each still in HEAD and only in the past.
    const families = planted.keys.map(
      (k: { format: string; headFile?: string }) => `${k.format.split(":")[0]} ${k.headFile ? "head" : "past"}`,
    );
    expect(new Set(families)).toEqual(
      new Set([
        "tavily-api-key head",
        "tavily-api-key past",
        "tavily-api-key-segmented head",
        "tavily-api-key-segmented past",
      ]),
    );

    const { code, report } = history(dir);
    expect(code).toBe(1);
    expect(report.scanned.commits).toBe(planted.commits);
    expect(report.scanned.binary).toBeGreaterThan(0); // assets/*.png, *.bin: scanned, counted apart
    const result = checkPlanted(report, planted);
    expect(result).toMatchObject({ ok: true, found: 6, missing: [], wrongCommit: [], wrongInHead: [], unexpected: 0 });
  });

  // Worker threads and the main thread must give byte-identical reports (1: main thread; 2, 3: workers from
  // the start; unset: main thread first, workers once it has read 64 MiB, here 200 KB), on make-repo histories of several shapes.
  it.each([
    ["small commits", "--commits 400 --keys 8 --seed 21"],
    ["a wide tree", "--commits 150 --keys 6 --seed 22 --files 600 --lines 8 --touch 9 --dirs 30"],
    ["over 9,000 blobs", "--commits 300 --keys 6 --seed 23 --files 900 --lines 3 --touch 32 --dirs 30"],
  ])(
    "finds, attributes and counts the same with worker threads as on the main thread: %s",
    (_, shape) => {
      const makeRepo = fileURLToPath(new URL("../../bench/make-repo.mjs", import.meta.url));
      const dir = join(tempDir(), "made");
      execFileSync(process.execPath, [makeRepo, dir, ...shape.split(" "), "--no-repack"], { stdio: "pipe" });
      // A key copied to a second path in a later commit: two appearances of one blob, both reported.
      const planted = JSON.parse(readFileSync(join(dir, ".planted.json"), "utf8"));
      const first = planted.keys.find((k: { headFile?: string }) => k.headFile);
      commitFiles(dir, { "copy/of-secret.env": git(dir, ["show", `HEAD:${first.headFile}`]) }, "copy");
      const run = (workers: string | undefined) => {
        const r = runCli(["history", "--format", "json", "--no-redact"], {
          cwd: dir,
          env: { TVLY_GUARD_WORKERS: workers, TVLY_GUARD_WORKERS_AFTER: "200000" },
        });
        expect(r.stderr).not.toMatch(/internal error/);
        return { code: r.code, report: r.stdout };
      };
      const serial = run("1");
      expect(serial.code).toBe(1);
      expect(JSON.parse(serial.report).findings.length).toBeGreaterThan(planted.keys.length); // the copy too
      for (const workers of ["2", "3", undefined]) expect(run(workers)).toEqual(serial);
    },
    240_000,
  );

  // Commit messages come from the one `git log --raw` pass; `diff` still reads them with a `git log` of their own.
  // Both must report every message key alike: merges, empty messages, non-ASCII authors, keys deep in a body.
  it("finds the same commit-message keys in its log pass as diff's separate message pass", () => {
    const repo = gitRepo({ "README.md": "# app\n" });
    const ana = { GIT_AUTHOR_NAME: "Ana Müller", GIT_AUTHOR_EMAIL: "ana@example.org" };
    const messageKeys = [keys.next(), keys.next("tvly-dev-"), keys.next(), keys.next("tvly-prod-"), keys.next()];
    commitFiles(repo, { "a.txt": "1\n" }, `feat: wire the client\n\ntemporarily ${messageKeys[0]}\n`, ana);
    git(repo, ["commit", "-q", "--allow-empty", "--allow-empty-message", "-m", ""]);
    git(repo, ["checkout", "-q", "-b", "side"]);
    commitFiles(repo, { "b.txt": "2\n" }, `side\n\n\n\n  key=${messageKeys[1]} and ${messageKeys[2]}\n`);
    git(repo, ["checkout", "-q", "main"]);
    commitFiles(repo, { "c.txt": "3\n" }, "main moves on");
    git(repo, ["merge", "-q", "--no-ff", "side", "-m", `merge side\n\n${messageKeys[3]}`]);
    commitFiles(repo, { "d.txt": "4\n" }, `${messageKeys[4]}`, ana);
    const messageFindings = (args: string[]) => {
      const r = runCli([...args, "--format", "json", "--no-redact"], { cwd: repo });
      expect(r.stderr).not.toMatch(/internal error/);
      return (JSON.parse(r.stdout).findings as (JsonFinding & { location: string; column: number })[])
        .filter((f) => f.location === "commit-message")
        .map(({ secret, commit, author, date, line, column }) => ({ secret, commit, author, date, line, column }));
    };
    const fromHistory = messageFindings(["history"]);
    expect(fromHistory.map((f) => f.secret).sort()).toEqual([...messageKeys].sort());
    expect(fromHistory).toEqual(messageFindings(["diff", "main"]));
    expect(fromHistory.find((f) => f.secret === messageKeys[0])).toMatchObject({
      author: "Ana Müller <ana@example.org>",
      line: 3,
    });
  });

  it("fails with exit 2 and one line when a blob of the history is missing or corrupt (nothing passes unread)", () => {
    for (const damage of ["delete", "corrupt"]) {
      const repo = gitRepo({ "a.txt": "a\n" });
      commitFiles(repo, { "config/old.env": `K=${keys.next()}\n` }, "key");
      commitFiles(repo, { "config/old.env": "K=\n" }, "no key");
      const blob = git(repo, ["rev-parse", "HEAD~1:config/old.env"]).trim();
      const file = join(repo, ".git", "objects", blob.slice(0, 2), blob.slice(2));
      if (damage === "delete") rmSync(file);
      else {
        chmodSync(file, 0o644);
        writeFileSync(file, "not zlib data");
      }
      for (const workers of ["1", "2"]) {
        const r = runCli(["history"], { cwd: repo, env: { TVLY_GUARD_WORKERS: workers } });
        expect(r.code, `${damage}, ${workers} worker(s): ${r.stderr}`).toBe(2);
        expect(r.stderr.trim().split("\n")).toEqual([
          `tvly-guard: cannot read blob ${blob} (config/old.env): the object is missing or corrupt in this repository (run git fsck)`,
        ]);
      }
    }
  });

  it("refuses a TVLY_GUARD_WORKERS that is not a whole number from 1 to 64, and a TVLY_GUARD_WORKERS_AFTER that is not a byte count", () => {
    const repo = gitRepo({ "a.txt": "a\n" });
    for (const bad of ["0", "two", "1.5", "65"]) {
      const r = runCli(["history"], { cwd: repo, env: { TVLY_GUARD_WORKERS: bad } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^tvly-guard: TVLY_GUARD_WORKERS must be a whole number from 1 to 64/);
    }
    for (const bad of ["-1", "lots", "0.5"]) {
      const r = runCli(["history"], { cwd: repo, env: { TVLY_GUARD_WORKERS_AFTER: bad } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^tvly-guard: TVLY_GUARD_WORKERS_AFTER must be a whole number of bytes/);
    }
  });

  it("asks git only what it needs: tags come with the ref listing, the ref listing says there is no remote (GIT_TRACE counts them)", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    const key = keys.next();
    commitFiles(repo, { "app.env": `KEY=${key}\n` }, "leak");
    git(repo, ["tag", "-a", "v1", "-m", "release"]);
    git(repo, ["tag", "v2"]);
    const gitCalls = (cwd: string) => {
      const trace = join(tempDir(), "trace.txt");
      const r = runCli(["history", "--format", "json"], { cwd, env: { GIT_TRACE: trace } });
      expect(r.code).toBe(1);
      const calls = readFileSync(trace, "utf8")
        .split("\n")
        .flatMap((l) => /trace: built-in: git (?:-c \S+ )*(\S+)/.exec(l)?.slice(1) ?? []);
      return { calls: calls.sort(), keys: JSON.parse(r.stdout).keys as { pushed: boolean | null }[] };
    };
    const alone = gitCalls(repo);
    // The facts (rev-parse, config), the refs, the log, its two blob readers, HEAD's blobs for inHead.
    expect(alone.calls).toEqual(["cat-file", "cat-file", "config", "for-each-ref", "log", "ls-tree", "rev-parse"]);
    expect(alone.keys).toMatchObject([{ pushed: null }]);
    const remote = gitRepo(undefined, { bare: true });
    git(repo, ["remote", "add", "origin", remote]);
    git(repo, ["push", "-q", "origin", "main"]);
    const pushed = gitCalls(repo);
    expect(pushed.calls).toEqual([...alone.calls, "rev-list"].sort()); // the pushed check, and no second for-each-ref
    expect(pushed.keys).toMatchObject([{ pushed: true }]);
  });

  it("with a git older than 2.34 (no %(raw) in for-each-ref), reads the tags with cat-file: the same findings", () => {
    const repo = gitRepo({ "README.md": "demo\n" });
    commitFiles(repo, { "app.env": `KEY=${keys.next()}\n` }, "leak");
    git(repo, ["tag", "-a", "v1", "-m", `release\n\nkey ${keys.next()}\n`]);
    git(repo, ["tag", "-a", "v1-of-v1", "v1", "-m", "a tag of a tag"]);
    // A git on PATH that refuses %(raw) as git 2.33 does, and is the real git otherwise.
    const shim = tempDir();
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(
      join(shim, "git"),
      `#!/bin/sh\nfor a in "$@"; do case "$a" in *'%(raw'*) echo "fatal: unknown field name: raw" >&2; exit 128;; esac; done\nexec ${realGit} "$@"\n`,
    );
    chmodSync(join(shim, "git"), 0o755);
    const now = history(repo);
    const old = runCli(["history", "--format", "json", "--no-redact"], {
      cwd: repo,
      env: { PATH: `${shim}:${process.env.PATH}` },
    });
    expect(old.code, old.stderr).toBe(1);
    expect(JSON.parse(old.stdout).findings).toEqual(now.report.findings);
    const tagFinding = JSON.parse(old.stdout).findings.find((f: { location: string }) => f.location === "tag-message");
    expect(tagFinding).toMatchObject({ ref: "v1", line: 3, author: "Test Author <author@example.com>" });
  });

  it("fails with exit 2 and one line outside a repository or on an unknown revision", () => {
    const notRepo = tempDir();
    const outside = runCli(["history"], { cwd: notRepo, env: { GIT_CEILING_DIRECTORIES: notRepo } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^tvly-guard: not a git repository/);
    expect(outside.stderr.trim().split("\n")).toHaveLength(1);

    const repo = gitRepo({ "a.txt": "a\n" });
    const unknown = runCli(["history", "no-such-branch"], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^tvly-guard: ambiguous argument 'no-such-branch': unknown revision/);
    expect(runCli(["history", "--", "-x"], { cwd: repo }).code).toBe(2);
  });
});

/** Objects a partial clone lacks, listed without fetching them. */
function missingObjects(dir: string): string[] {
  return git(dir, ["rev-list", "--objects", "--all", "--missing=print"])
    .split("\n")
    .filter((l) => l.startsWith("?"))
    .map((l) => l.slice(1))
    .sort();
}
