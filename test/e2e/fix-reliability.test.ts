// fix never loses a key: .env first, every write atomic, existing bytes kept,
// an .env it cannot read is an error, and a run killed half-way is finished by the next.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { gitRepo, writeFiles } from "../helpers/git-repo.js";
import { CLI, runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(1414);
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("fix: never lose data", () => {
  it("an .env that is a directory is an error before anything is written (exit 2), not 'absent'", () => {
    const key = keys.next();
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "app.js": `k = "${key}"\n`, ".env/keep": "X=1\n" });
    const r = runCli(["fix"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("tvly-guard: .env is a directory\n");
    expect(read(repo, "app.js")).toBe(`k = "${key}"\n`);
  });

  it("a FIFO as .env is refused at once, in a real run and a dry run (it never blocks)", () => {
    const key = keys.next();
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "app.js": `k = "${key}"\n` });
    mkfifo(join(repo, ".env"));
    for (const args of [["fix"], ["fix", "--dry-run"]]) {
      const r = runCli(args, { cwd: repo });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("tvly-guard: .env is a FIFO, not a regular file: not read\n");
    }
    expect(read(repo, "app.js")).toBe(`k = "${key}"\n`);
  });

  it("keeps non-UTF-8 bytes and CRLF of an existing .env and .gitignore exactly, and appends after them", () => {
    const key = keys.next();
    const repo = gitRepo({ "README.txt": "demo\n" });
    const env = Buffer.concat([Buffer.from("NAME=caf"), Buffer.from([0xe9, 0xff]), Buffer.from("\r\nOTHER=1")]);
    const ignore = Buffer.concat([Buffer.from("build/\r\n# "), Buffer.from([0xfe, 0x80]), Buffer.from("\r\n")]);
    writeFiles(repo, { "app.js": `k = "${key}"\n`, ".env": env, ".gitignore": ignore });
    const r = runCli(["fix"], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    const envAfter = readFileSync(join(repo, ".env"));
    expect(envAfter.subarray(0, env.length).equals(env)).toBe(true);
    expect(envAfter.subarray(env.length).toString()).toBe(`\r\nTAVILY_API_KEY=${key}\r\n`);
    const ignoreAfter = readFileSync(join(repo, ".gitignore"));
    expect(ignoreAfter.subarray(0, ignore.length).equals(ignore)).toBe(true);
    expect(ignoreAfter.subarray(ignore.length).toString()).toBe(".env\r\n");
  });

  it("writes .env before any source: a source that cannot be written fails the run with its key still in .env", () => {
    const [a, b] = [keys.next(), keys.next()];
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "a/app.js": `k = "${a}"\n`, "b/app.js": `k = "${b}"\n` });
    // A directory where the temporary file would go makes that one write fail, even as root.
    mkdirSync(join(repo, "b", ".app.js.tvly-guard.tmp", "x"), { recursive: true });
    const r = runCli(["fix"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tvly-guard: cannot write b\/app\.js: E[A-Z]+\n$/);
    const env = read(repo, ".env");
    expect(env).toContain(a);
    expect(env).toContain(b);
    expect(read(repo, "b/app.js")).toBe(`k = "${b}"\n`); // untouched, not truncated
  });

  it("keeps a rewritten file's mode (an executable script stays executable) and creates .env as 0600", () => {
    const key = keys.next();
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "run.sh": `#!/bin/sh\nKEY="${key}"\n` });
    chmodSync(join(repo, "run.sh"), 0o754);
    expect(runCli(["fix"], { cwd: repo }).code).toBe(0);
    expect(statSync(join(repo, "run.sh")).mode & 0o777).toBe(0o754);
    expect(statSync(join(repo, ".env")).mode & 0o777).toBe(0o600);
    expect(read(repo, "run.sh")).not.toContain(key);
  });

  it("kill -9 during a fix of 3,000 files, then a second fix: every key in .env, no source truncated", async () => {
    const repo = gitRepo({ "README.txt": "demo\n" });
    const files = new Map<string, string>();
    for (let i = 0; i < 3000; i++) {
      const key = keys.next();
      files.set(key, `src/d${i % 30}/f${i}.js`);
      writeFiles(repo, { [`src/d${i % 30}/f${i}.js`]: `// ${i}\nexport const client = make("${key}");\n` });
    }
    const child = spawn(process.execPath, [CLI, "fix"], { cwd: repo, stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Sources are rewritten in path order, after .env: kill the run once a third of them are done.
    const third = join(repo, [...files.values()].sort()[1000]!);
    while (read(repo, third.slice(repo.length + 1)).includes('make("') && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 2));
    child.kill("SIGKILL");
    await exited;

    const env = existsSync(join(repo, ".env")) ? read(repo, ".env") : "";
    for (const [key, path] of files) {
      const text = read(repo, path);
      const rewritten = /^\/\/ \d+\nexport const client = make\(process\.env\.TAVILY_API_KEY(_\d+)?\);\n$/.test(text);
      const original = text.includes(key) && text.endsWith(`make("${key}");\n`);
      expect(rewritten || original, `${path}: ${JSON.stringify(text)}`).toBe(true);
      if (rewritten) expect(env).toContain(key); // a key left its source only after it was in .env
    }

    const second = runCli(["fix"], { cwd: repo });
    expect(second.code, second.stderr).toBe(0);
    const envAfter = read(repo, ".env");
    for (const [key, path] of files) {
      expect(envAfter.split(key).length - 1, key).toBe(1); // each key once
      expect(read(repo, path)).not.toContain(key);
    }
    expect(runCli(["scan", "."], { cwd: repo, env: { TVLY_GUARD_NO_DECODE: "" } }).stdout).not.toMatch(/src\//);
  }, 120_000);
});

function mkfifo(path: string): void {
  // No Node API makes a FIFO; mkfifo(1) is in coreutils.
  const r = spawnSync("mkfifo", [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}
