// `tvly-guard staged` against real repositories and the real git, including
// real `git commit` runs through a pre-commit hook that calls the built CLI.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, GIT_ENV, git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { CLI, runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(303);

interface Report {
  scanned: { commits: number; files: number; bytes: number; skipped: { binary: number; unreadable: number } };
  warnings: string[];
  findings: { file: string; line: number; column: number; commit: string | null }[];
}

/** Run `tvly-guard staged --format json` in `cwd` with the tests' git identity and config isolation. */
function staged(cwd: string, env: Record<string, string> = {}) {
  const r = runCli(["staged", "--format", "json"], { cwd, env: { ...GIT_ENV, ...env } });
  const report = r.stdout ? (JSON.parse(r.stdout) as Report) : undefined;
  return { ...r, report, places: report?.findings.map((f) => `${f.file}:${f.line}:${f.column}`) ?? [] };
}

/** A pre-commit hook that runs the built CLI, the way `install` or husky would. */
function installHook(hooksDir: string): void {
  mkdirSync(hooksDir, { recursive: true });
  const hook = join(hooksDir, "pre-commit");
  writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${CLI}" staged\n`);
  chmodSync(hook, 0o755);
}

/** `git commit` with hooks enabled; returns git's exit code and output. */
function commitWithHook(dir: string, args: string[]) {
  try {
    const out = git(dir, ["commit", ...args]);
    return { code: 0, out };
  } catch (err) {
    const e = err as { status: number; stderr: string };
    return { code: e.status, out: e.stderr };
  }
}

const headCount = (dir: string) => Number(git(dir, ["rev-list", "--count", "HEAD"]).trim());

describe("tvly-guard staged", () => {
  it("scans the first commit against the empty tree, with the staged file's line numbers", () => {
    const key = keys.next();
    const dir = gitRepo();
    writeFiles(dir, { "app.py": `import os\n\nKEY = "${key}"\n`, "README.md": "hello\n" });
    git(dir, ["add", "-A"]);
    const r = staged(dir);
    expect(r.code).toBe(1);
    expect(r.places).toEqual(["app.py:3:8"]);
    expect(r.report!.scanned).toMatchObject({ commits: 0, files: 2 });
    expect(r.stdout + r.stderr).not.toContain(key);
    expect(r.stderr).toMatch(/tvly-guard staged: scanned 2 files, \d+ B: 1 key found in 1 place\./);
  });

  it("reports only added lines: keys already in HEAD, removed lines and deletions are not findings", () => {
    const [old, gone] = [keys.next(), keys.next()];
    const dir = gitRepo({ "a.env": `A=${old}\nB=1\n`, "b.env": `B=${gone}\n`, "c.txt": `C=${keys.next()}\n` });
    writeFiles(dir, { "a.env": `A=${old}\nB=2\nC=3\n`, "b.env": "B=\n" });
    git(dir, ["rm", "-q", "c.txt"]);
    git(dir, ["add", "-A"]);
    const r = staged(dir);
    expect(r.code).toBe(0);
    expect(r.report!.scanned).toMatchObject({ files: 2, bytes: "B=2\nC=3".length + "B=".length });
    expect(r.stderr).toMatch(/scanned 2 files, 9 B: no keys found/);
  });

  it("still says what it covered when nothing is staged", () => {
    const dir = gitRepo({ "a.txt": "a\n" });
    const r = staged(dir);
    expect(r.code).toBe(0);
    expect(r.report!.scanned).toMatchObject({ commits: 0, files: 0, bytes: 0 });
    expect(r.stderr).toContain("tvly-guard staged: scanned 0 files, 0 B: no keys found.");
  });

  it("reads the staged blob, not the working tree (partial staging)", () => {
    const key = keys.next();
    const dir = gitRepo({ "cfg.ini": "one\ntwo\nthree\nfour\n" });
    // Stage only the second hunk (what `git add -p` produces), leave the first one in the working tree.
    writeFiles(dir, { "cfg.ini": `one\ntwo\nthree\nfour\nkey=${key}\n` });
    git(dir, ["add", "cfg.ini"]);
    writeFiles(dir, { "cfg.ini": `zero\nmore\none\ntwo\nthree\nfour\nkey=${key}\n` });
    expect(staged(dir).places).toEqual(["cfg.ini:5:5"]); // line 5 of the staged file, line 7 in the working tree

    // The reverse: the key only in the working tree is not what the commit holds.
    git(dir, ["reset", "-q"]);
    writeFiles(dir, { "cfg.ini": `one\ntwo\nthree\nfour\nfive\n` });
    git(dir, ["add", "cfg.ini"]);
    writeFiles(dir, { "cfg.ini": `one\ntwo\nthree\nfour\nfive\nkey=${key}\n` });
    const r = staged(dir);
    expect(r.code).toBe(0);
    expect(r.report!.scanned.bytes).toBe("five".length);
  });

  it("honours GIT_INDEX_FILE", () => {
    const key = keys.next();
    const dir = gitRepo({ "a.txt": "a\n" });
    const index = join(tempDir(), "alt-index");
    writeFiles(dir, { "a.txt": `a\n${key}\n` });
    git(dir, ["read-tree", "HEAD"], { GIT_INDEX_FILE: index });
    git(dir, ["add", "a.txt"], { GIT_INDEX_FILE: index });
    expect(staged(dir).code).toBe(0); // the default index has nothing staged
    expect(staged(dir, { GIT_INDEX_FILE: index }).places).toEqual(["a.txt:2:1"]);
  });

  it("refuses a real `git commit -a` through a pre-commit hook (git's temporary index)", () => {
    const key = keys.next();
    const dir = gitRepo({ "main.ts": "export const a = 1;\n" });
    installHook(join(dir, ".git", "hooks"));
    writeFiles(dir, { "main.ts": `export const a = 1;\nexport const k = "${key}";\n` });
    expect(staged(dir).code).toBe(0); // nothing staged yet: only `commit -a` will add it
    const refused = commitWithHook(dir, ["-a", "-m", "leak"]);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/main\.ts:2:19/);
    expect(refused.out).not.toContain(key);
    expect(headCount(dir)).toBe(1);
    writeFiles(dir, { "main.ts": "export const a = 2;\n" });
    expect(commitWithHook(dir, ["-a", "-m", "clean"]).code).toBe(0);
    expect(headCount(dir)).toBe(2);
  });

  it("refuses `git commit <path>` and `--amend` through the hook, and lets a clean `commit <path>` through", () => {
    const key = keys.next();
    const dir = gitRepo({ "a.txt": "a\n", "b.txt": "b\n" });
    installHook(join(dir, ".git", "hooks"));
    writeFiles(dir, { "a.txt": "a2\n", "b.txt": `b\n${key}\n` });
    git(dir, ["add", "a.txt"]);
    expect(commitWithHook(dir, ["-m", "only b", "--", "b.txt"]).code).not.toBe(0); // commits b's working-tree content
    expect(commitWithHook(dir, ["-m", "only a", "--", "a.txt"]).code).toBe(0); // b's key stays out of this commit
    git(dir, ["add", "b.txt"]);
    const amend = commitWithHook(dir, ["--amend", "--no-edit"]);
    expect(amend.code).not.toBe(0);
    expect(amend.out).toContain("b.txt:2:1");
    expect(git(dir, ["show", "--stat", "--format=", "HEAD"])).not.toContain("b.txt");
  });

  it("works in a linked worktree and with core.hooksPath", () => {
    const key = keys.next();
    const dir = gitRepo({ "a.txt": "a\n" });
    const hooks = join(dir, "githooks");
    installHook(hooks);
    git(dir, ["config", "core.hooksPath", hooks]);
    const wt = join(tempDir(), "wt");
    git(dir, ["worktree", "add", "-q", "-b", "feature", wt]);
    writeFiles(wt, { "b.txt": `x=${key}\n` });
    git(wt, ["add", "b.txt"]);
    expect(staged(wt).places).toEqual(["b.txt:1:3"]);
    expect(commitWithHook(wt, ["-m", "leak"]).code).not.toBe(0);
    expect(Number(git(wt, ["rev-list", "--count", "HEAD"]).trim())).toBe(1);
  });

  it("treats a pure rename as adding nothing, and scans what a rename adds", () => {
    const key = keys.next();
    const dir = gitRepo({ "old/name.env": `K=${key}\nA=1\nB=2\nC=3\n` });
    git(dir, ["mv", "old/name.env", "new name.env"]);
    const pure = staged(dir);
    expect(pure.code).toBe(0);
    expect(pure.report!.scanned.files).toBe(0);
    const other = keys.next();
    writeFiles(dir, { "new name.env": `K=${key}\nA=1\nB=2\nC=3\nD=${other}\n` });
    git(dir, ["add", "-A"]);
    expect(staged(dir).places).toEqual(["new name.env:5:3"]);
  });

  it("when concluding a merge, reports what the resolution adds, not what the other side brings in", () => {
    const [theirs, resolved] = [keys.next(), keys.next()];
    const dir = gitRepo({ "conf.env": "A=1\nKEY=base\nZ=9\n" });
    installHook(join(dir, ".git", "hooks"));
    git(dir, ["checkout", "-q", "-b", "side"]);
    commitFiles(dir, { "conf.env": "A=1\nKEY=side\nZ=9\n", "side.env": `S=${theirs}\n` }, "side");
    git(dir, ["checkout", "-q", "main"]);
    commitFiles(dir, { "conf.env": "A=1\nKEY=main\nZ=9\n" }, "main");
    expect(() => git(dir, ["merge", "-q", "--no-edit", "side"])).toThrow(); // the conflict
    expect(staged(dir).report!.warnings).toEqual([
      "1 path with an unresolved conflict not scanned (git add it once resolved): conf.env",
    ]);
    writeFiles(dir, { "conf.env": "A=1\nKEY=side\nZ=9\n" }); // take their side: nothing new
    git(dir, ["add", "conf.env"]);
    const clean = staged(dir);
    expect(clean.code).toBe(0);
    expect(clean.report!.scanned.files).toBe(0);
    writeFiles(dir, { "conf.env": `A=1\nKEY=${resolved}\nZ=9\n` }); // a key written while resolving
    git(dir, ["add", "conf.env"]);
    expect(staged(dir).places).toEqual(["conf.env:2:5"]);
    expect(commitWithHook(dir, ["--no-edit"]).code).not.toBe(0);
    writeFiles(dir, { "conf.env": "A=1\nKEY=merged\nZ=9\n" });
    git(dir, ["add", "conf.env"]);
    expect(commitWithHook(dir, ["--no-edit"]).code).toBe(0); // side.env's key is the side commit's, for `diff`
    expect(git(dir, ["rev-list", "--parents", "-1", "HEAD"]).trim().split(" ")).toHaveLength(3);
  });

  it("scans a copy as a new file; a mode change or a file turned symlink adds no finding", () => {
    const key = keys.next();
    const dir = gitRepo({ "a.env": `K=${key}\n`, "run.sh": "echo hi\n", link: "plain\n" });
    writeFiles(dir, { "copy.env": `K=${key}\n` });
    chmodSync(join(dir, "run.sh"), 0o755);
    git(dir, ["rm", "-q", "link"]);
    symlinkSync("a.env", join(dir, "link"));
    git(dir, ["add", "-A"]);
    const r = staged(dir);
    expect(r.places).toEqual(["copy.env:1:3"]);
    expect(r.report!.scanned.files).toBe(2); // copy.env, and the symlink's target text
  });

  it("reports odd file names exactly, relative to the repository root, also from a subdirectory", () => {
    const key = keys.next();
    const names = [
      "with space.txt",
      'quo"te.txt',
      "new\nline.txt",
      "ünï cødé.txt",
      "-leading-dash.txt",
      "tab\there.txt",
      "back\\slash.txt",
      "sub dir/deep/x.txt",
    ];
    const dir = gitRepo({ "sub dir/deep/keep.txt": "k\n" });
    writeFiles(dir, Object.fromEntries(names.map((n) => [n, `v=${key}\n`])));
    git(dir, ["add", "-A"]);
    const expected = names.map((n) => `${n}:1:3`).sort();
    expect(staged(dir).places.sort()).toEqual(expected);
    expect(staged(join(dir, "sub dir", "deep")).places.sort()).toEqual(expected);
  });

  it("handles CRLF files", () => {
    const key = keys.next();
    const dir = gitRepo({ "win.ini": "[a]\r\nx=1\r\n" });
    writeFiles(dir, { "win.ini": `[a]\r\nx=1\r\nkey = ${key}\r\ny=2\r\n` });
    git(dir, ["add", "-A"]);
    const r = staged(dir);
    expect(r.places).toEqual(["win.ini:3:7"]);
  });

  it("searches staged binary files by byte offset and treats a submodule bump as no finding", () => {
    const key = keys.next();
    const dir = gitRepo({ "a.txt": "a\n" });
    git(dir, ["config", "diff.submodule", "log"]); // would print submodule commit subjects as diff lines
    writeFiles(dir, { "img.bin": Buffer.concat([Buffer.from([0x89, 0, 1, 2]), Buffer.from(key)]) });
    const sha = git(dir, ["rev-parse", "HEAD"]).trim();
    git(dir, ["add", "img.bin"]);
    git(dir, ["update-index", "--add", "--cacheinfo", `160000,${sha},vendor/sub`]);
    const r = staged(dir);
    expect(r.code).toBe(1);
    expect(r.report!.scanned).toMatchObject({ files: 1, binary: 1, skipped: { binary: 0 } });
    expect(r.report!.findings).toMatchObject([{ file: "img.bin", line: 1, column: 5, offset: 4 }]);
    expect(r.stderr).toContain("scanned 1 file (1 binary)");
    git(dir, ["commit", "-q", "--no-verify", "-m", "sub"]);
    writeFiles(dir, { "b.txt": "b\n" });
    git(dir, ["add", "b.txt"]); // not `add -A`: that would drop the gitlink, whose directory does not exist
    git(dir, ["commit", "-q", "--no-verify", "-m", "b"]);
    const next = git(dir, ["rev-parse", "HEAD"]).trim();
    git(dir, ["update-index", "--cacheinfo", `160000,${next},vendor/sub`]);
    const bump = staged(dir);
    expect(bump.code).toBe(0);
    expect(bump.report!.scanned.files).toBe(0);
  });

  it("reads a staged binary blob whole, but not past the size limit", () => {
    const key = keys.next();
    const dir = gitRepo({ "a.txt": "a\n" });
    // .gitattributes can call a text file binary: then it is read whole and located by line, like text
    writeFiles(dir, {
      ".gitattributes": "*.lock binary\n",
      "deps.lock": `name = "x"\nkey = "${key}"\n`,
      "big.bin": Buffer.concat([Buffer.alloc(11 * 1024 * 1024), Buffer.from(key)]),
    });
    git(dir, ["add", "-A"]);
    const r = staged(dir);
    expect(r.code).toBe(1);
    expect(r.places).toEqual(["deps.lock:2:8"]);
    expect(r.report!.scanned).toMatchObject({ files: 2, skipped: { tooLarge: 1 } });
  });

  it("exits 2 with one line outside a repository and in a bare one", () => {
    for (const cwd of [tempDir(), gitRepo(undefined, { bare: true })]) {
      const r = runCli(["staged"], { cwd, env: GIT_ENV });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^tvly-guard: (not a git repository|a bare repository has no index)/);
    }
  });
});

describe("tvly-guard staged in a partial (blobless) clone", () => {
  /** An origin that serves filters, and a blobless clone of it. */
  function bloblessClone(files: Record<string, string>, cloneArgs: string[] = []) {
    const origin = gitRepo(files);
    git(origin, ["config", "uploadpack.allowFilter", "true"]);
    const clone = join(tempDir(), "clone");
    git(tempDir(), ["clone", "-q", "--filter=blob:none", ...cloneArgs, `file://${origin}`, clone]);
    for (const [k, v] of [
      ["commit.gpgsign", "false"],
      ["gc.auto", "0"],
    ])
      git(clone, ["config", k!, v!]);
    return clone;
  }
  const missingObjects = (dir: string) =>
    git(dir, ["rev-list", "--objects", "--all", "--missing=print"])
      .split("\n")
      .filter((l) => l.startsWith("?"))
      .sort();
  const packs = (dir: string) => readdirSync(join(dir, ".git", "objects", "pack")).sort();

  it("scans a staged change without fetching anything", () => {
    const key = keys.next();
    const clone = bloblessClone({ "a.txt": "a\n", "b/c.txt": "c\n" });
    const before = { packs: packs(clone) };
    writeFiles(clone, { "a.txt": `a\n${key}\n` });
    git(clone, ["add", "a.txt"]);
    const r = staged(clone);
    expect(r.places).toEqual(["a.txt:2:1"]);
    expect(packs(clone)).toEqual(before.packs);
  });

  it("scans a file whose committed version was never fetched whole, with a warning, and fetches nothing", () => {
    const key = keys.next();
    const clone = bloblessClone({ "a.txt": "one\ntwo\n", "z.txt": "z\n" }, ["--no-checkout"]);
    git(clone, ["read-tree", "HEAD"]); // an index like HEAD's, with no blob fetched
    const missing = missingObjects(clone);
    expect(missing.length).toBe(2);
    const before = packs(clone);
    // 0.txt sorts before a.txt, and is scanned once whether or not git wrote its patch before stopping.
    writeFiles(clone, { "0.txt": `k=${key}\n`, "a.txt": `one\ntwo\n${key}\n`, "n.txt": `n=${key}\n` });
    git(clone, ["add", "0.txt", "a.txt", "n.txt"]);
    const r = staged(clone);
    expect(r.code).toBe(1);
    expect(r.places.sort()).toEqual(["0.txt:1:3", "a.txt:3:1", "n.txt:1:3"]); // each once
    expect(r.report!.scanned.files).toBe(3);
    expect(r.report!.warnings.join("\n")).toMatch(/partial clone: .*never fetches.*scanned whole: a\.txt/);
    expect(r.stderr).toContain("warning: partial clone");
    expect(missingObjects(clone)).toEqual(missing);
    expect(packs(clone)).toEqual(before);
  });

  it("a committed blob gone from a plain repository: the patch git wrote before stopping is scanned once, the rest after", () => {
    const key = keys.next();
    const dir = gitRepo({ "a.txt": "one\ntwo\n", "z.txt": "z\n" });
    const oid = git(dir, ["rev-parse", "HEAD:a.txt"]).trim();
    rmSync(join(dir, ".git", "objects", oid.slice(0, 2), oid.slice(2))); // loose, as gitRepo's commit left it
    const files = {
      "0.txt": `k=${key}\n`,
      "1.txt": `j=${key}\n`,
      "a.txt": `one\ntwo\n${key}\n`,
      "n.txt": `n=${key}\n`,
    };
    writeFiles(dir, files);
    git(dir, ["add", ...Object.keys(files)]);
    // git writes the patches of 0.txt and 1.txt, then dies at a.txt: the stream has scanned 0.txt
    // already (its patch ended where 1.txt's began), 1.txt's may be cut short.
    const diff = spawnSync("git", ["diff", "--cached", "-U0"], { cwd: dir, encoding: "utf8" });
    expect(diff.status).not.toBe(0);
    expect(diff.stdout).toContain("+++ b/1.txt");
    const r = staged(dir);
    expect(r.code).toBe(1);
    expect(r.places.sort()).toEqual(["0.txt:1:3", "1.txt:1:3", "a.txt:3:1", "n.txt:1:3"]); // each once
    expect(r.report!.scanned.files).toBe(4);
  });
});
