// The bin entry (src/start.ts): it runs the CLI bundle from a V8 code cache in
// the user's cache directory, and starts a pre-commit run's git diff before the
// bundle loads. Real CLI runs, each with a cache directory of its own.
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(2027);

/** A repository with a staged key, and the environment that gives the CLI a fresh cache directory. */
function setUp() {
  const repo = gitRepo({ "README.md": "demo\n" });
  writeFiles(repo, { "src/config.ts": `export const key = "${keys.next()}";\n` });
  git(repo, ["add", "-A"]);
  const cacheHome = tempDir("tvly-guard-cache-");
  return { repo, cacheHome, dir: join(cacheHome, "tvly-guard"), env: { XDG_CACHE_HOME: cacheHome } };
}

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe("the code cache", () => {
  it("the first run writes one file for its command; the next runs read it and write nothing; the output is the same", () => {
    const { repo, dir, env } = setUp();
    const first = runCli(["staged"], { cwd: repo, env });
    expect(first.code).toBe(1);
    const written = files(dir);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^[0-9a-f]{16}-\d+-v\d+\.\d+\.\d+-[a-z0-9]+-[0-9a-f]{8}-staged\.v8$/);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const file = join(dir, written[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = statSync(file);
    const second = runCli(["staged"], { cwd: repo, env });
    // Accepted by V8, so not written again: a rejected or unread cache would be renamed over (a new inode).
    expect(statSync(file).ino).toBe(before.ino);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(second).toEqual(first);
    // Another command, another file.
    expect(runCli(["scan", "README.md"], { cwd: repo, env }).code).toBe(0);
    expect(files(dir)).toHaveLength(2);
    expect(files(dir).some((f) => f.endsWith("-scan.v8"))).toBe(true);
  });

  it("a cache file V8 rejects is replaced, and the run is unchanged", () => {
    const { repo, dir, env } = setUp();
    const clean = runCli(["staged"], { cwd: repo, env });
    const [name] = files(dir);
    writeFileSync(join(dir, name!), Buffer.alloc(4096, 0x5a));
    expect(runCli(["staged"], { cwd: repo, env })).toEqual(clean);
    expect(readFileSync(join(dir, name!)).subarray(0, 16).equals(Buffer.alloc(16, 0x5a))).toBe(false);
  });

  it("a directory others can write is neither read nor written", () => {
    const { repo, dir, env } = setUp();
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o777);
    const r = runCli(["staged"], { cwd: repo, env });
    expect(r.code).toBe(1);
    expect(files(dir)).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)("never creates a folder in another user's home (sudo with their HOME)", () => {
    const { repo } = setUp();
    const home = tempDir("tvly-guard-home-");
    chownSync(home, 65534, 65534);
    const r = runCli(["staged"], { cwd: repo, env: { HOME: home, XDG_CACHE_HOME: undefined } });
    expect(r.code).toBe(1);
    expect(readdirSync(home)).toEqual([]);
  });

  it("NODE_DISABLE_COMPILE_CACHE turns it off", () => {
    const { repo, cacheHome, env } = setUp();
    expect(runCli(["staged"], { cwd: repo, env: { ...env, NODE_DISABLE_COMPILE_CACHE: "1" } }).code).toBe(1);
    expect(files(cacheHome)).toEqual([]);
  });

  it("a file name never holds what the user typed, and no cache byte holds a key given as an argument", () => {
    const { repo, dir, env } = setUp();
    const key = keys.next();
    const r = runCli([key], { cwd: repo, env });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(key);
    const written = files(dir);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/-other\.v8$/);
    expect(readFileSync(join(dir, written[0]!)).includes(key)).toBe(false);
  });

  it("keeps at most 16 files, the newest", () => {
    const { repo, dir, env } = setUp();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `old-${String(i).padStart(2, "0")}.v8`), "x");
    writeFileSync(join(dir, "notes.txt"), "not ours");
    expect(runCli(["staged"], { cwd: repo, env }).code).toBe(1);
    const left = files(dir);
    expect(left.filter((f) => f.endsWith(".v8"))).toHaveLength(16);
    expect(left.some((f) => f.endsWith("-staged.v8"))).toBe(true);
    expect(left).toContain("notes.txt");
  });
});

describe("the early git diff of `staged`", () => {
  it("a run that never reads it does not wait on it, even when git's output would fill the pipe", () => {
    const { repo, env } = setUp();
    writeFiles(repo, { "big.txt": "a line of text that is not a key at all\n".repeat(100_000) });
    git(repo, ["add", "-A"]);
    const help = runCli(["staged", "--help"], { cwd: repo, env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: tvly-guard staged");
    const bad = runCli(["staged", "--nope"], { cwd: repo, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    // And the run that reads it sees all of it: the key staged beside 4 MB of text.
    const r = runCli(["staged"], { cwd: repo, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("src/config.ts");
  });

  it("without git on PATH: exit 2 and one line that says so", () => {
    const { repo, env } = setUp();
    const r = runCli(["staged"], { cwd: repo, env: { ...env, PATH: "/nonexistent" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("tvly-guard: git is not installed or not on PATH\n");
  });
});
