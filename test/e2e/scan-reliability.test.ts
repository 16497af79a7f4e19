// scan never passes without looking: every name byte for byte, nothing but
// regular files opened, never a blocking open, every skip counted, and what
// the user named explicitly but cannot be read is exit 2.
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { CLI, runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(1441);

function mkfifo(path: string): void {
  const r = spawnSync("mkfifo", [path]); // no Node API makes a FIFO; mkfifo(1) is in coreutils
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}

describe("scan: byte-exact names through the walker", () => {
  it("scans and counts a file whose name holds a newline, and one whose name is not UTF-8", () => {
    const [a, b] = [keys.next(), keys.next()];
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "we\nird.txt": `k=${a}\n` });
    writeFileSync(Buffer.concat([Buffer.from(`${repo}/caf`), Buffer.from([0xe9]), Buffer.from(".txt")]), `k=${b}\n`);
    const r = runCli(["scan", ".", "--format", "json"], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.scanned.files).toBe(3);
    expect(report.scanned.skipped.unreadable).toBe(0);
    expect(report.findings.map((f: { file: string }) => f.file).sort()).toEqual(["caf\uFFFD.txt", "we\nird.txt"]);
  });

  it("tracked-but-deleted files, nested repositories, submodules and a named ignored directory", () => {
    const keyNested = keys.next();
    const keySub = keys.next();
    const keyIgnored = keys.next();
    const sub = gitRepo({ "lib.js": `k = "${keySub}"\n` });
    const repo = gitRepo({ "gone.txt": "x\n", "README.txt": "demo\n", ".gitignore": "build/\n" });
    git(repo, ["-c", "protocol.file.allow=always", "submodule", "add", "-q", sub, "vendor/sub"]);
    git(repo, ["commit", "-qm", "submodule"]);
    unlinkSync(join(repo, "gone.txt")); // tracked, deleted from the work tree: nothing to read, not an error
    const nested = join(repo, "nested");
    mkdirSync(nested);
    git(nested, ["init", "-q"]);
    writeFiles(nested, { "app.js": `k = "${keyNested}"\n` });
    writeFiles(repo, { "build/out.js": `k = "${keyIgnored}"\n` });
    const r = runCli(["scan", ".", "--format", "json"], { cwd: repo });
    expect(r.code, r.stderr).toBe(1);
    const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file);
    expect(files.sort()).toEqual(["nested/app.js", "vendor/sub/lib.js"]); // build/ is ignored
    const named = runCli(["scan", "build", "--format", "json"], { cwd: repo });
    expect(named.code).toBe(1); // named explicitly: scanned although git ignores it
    expect(JSON.parse(named.stdout).findings[0].file).toBe("build/out.js");
  });
});

describe("scan: nothing but regular files, never a blocking open", () => {
  it("a FIFO, a device, a symlink named explicitly: exit 2 with one line, never 'scanned 0 files'", () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFiles(outside, { "secret.txt": `k=${keys.next()}\n` });
    mkfifo(join(dir, "pipe"));
    symlinkSync(join(outside, "secret.txt"), join(dir, "link.txt"));
    symlinkSync(outside, join(dir, "linkdir"));
    const cases: [string, RegExp][] = [
      ["pipe", /^tvly-guard: pipe is not a regular file or a directory: not read\n$/],
      ["/dev/zero", /^tvly-guard: \/dev\/zero is not a regular file or a directory: not read\n$/],
      ["link.txt", /^tvly-guard: link\.txt is a symbolic link \(ELOOP: tvly-guard never follows them\)\n$/],
      ["linkdir", /^tvly-guard: linkdir is a symbolic link \(ELOOP: tvly-guard never follows them\)\n$/],
    ];
    for (const [arg, message] of cases) {
      const r = runCli(["scan", arg], { cwd: dir });
      expect(r.code, arg).toBe(2);
      expect(r.stderr, arg).toMatch(message);
    }
  });

  it("symlinks met in a walk are counted, never followed (inside or outside the repository)", () => {
    const outside = tempDir();
    writeFiles(outside, { "secret.txt": `k=${keys.next()}\n` });
    const repo = gitRepo({ "README.txt": "demo\n" });
    writeFiles(repo, { "in.txt": `k=${keys.next()}\n` });
    symlinkSync(join(outside, "secret.txt"), join(repo, "out-link.txt"));
    symlinkSync("in.txt", join(repo, "in-link.txt"));
    const r = runCli(["scan", "."], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/scanned 2 files, .* \(skipped 2 symlinks\): 1 key found in 1 place/);
  });

  it("a FIFO as .tvly-guard.json, --config, --baseline or --output: exit 2 at once", () => {
    const repo = gitRepo({ "README.txt": "demo\n" });
    mkfifo(join(repo, "fifo"));
    for (const [args, message] of [
      [["scan", ".", "--config", "fifo"], /^tvly-guard: config fifo is a FIFO, not a regular file: not read\n$/],
      [["scan", ".", "--baseline", "fifo"], /^tvly-guard: baseline fifo is a FIFO, not a regular file: not read\n$/],
      [
        ["scan", "README.txt", "--output", "fifo"],
        /^tvly-guard: cannot write fifo: it is a FIFO that no process is reading \(ENXIO\)\n$/,
      ],
    ] as [string[], RegExp][]) {
      const r = runCli(args, { cwd: repo });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    mkfifo(join(repo, ".tvly-guard.json"));
    const r = runCli(["scan", "README.txt"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("tvly-guard: config .tvly-guard.json is a FIFO, not a regular file: not read\n");
  });
});

describe("scan: bounded input", () => {
  it("stdin honours --max-file-size, and /dev/zero on stdin is stopped and said", () => {
    const dir = tempDir();
    const big = runCli(["scan", "-", "--max-file-size", "1k"], { cwd: dir, input: "x".repeat(4096) });
    expect(big.code).toBe(2);
    expect(big.stderr).toBe(
      "tvly-guard: stdin is larger than the size limit (1024 bytes): not scanned; raise --max-file-size to read it\n",
    );
    const zero = openSync("/dev/zero", "r");
    try {
      const r = spawnSync(process.execPath, [CLI, "scan", "-"], {
        cwd: dir,
        stdio: [zero, "pipe", "pipe"],
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^tvly-guard: stdin is larger than the size limit \(10485760 bytes\)/);
    } finally {
      closeSync(zero);
    }
  });

  it("--max-file-size follows the config's rule: 0 and more than 1GiB are refused", () => {
    const dir = tempDir();
    writeFiles(dir, { "a.txt": "x\n" });
    for (const size of ["0", "3GiB"]) {
      const r = runCli(["scan", "a.txt", "--max-file-size", size], { cwd: dir });
      expect(r.code, size).toBe(2);
      expect(r.stderr).toMatch(/^tvly-guard: --max-file-size must be (above 0|at most \d+ bytes \(1GiB\))/);
      writeFiles(dir, { "c.json": JSON.stringify({ maxFileSize: size }) });
      const c = runCli(["scan", "a.txt", "--config", "c.json"], { cwd: dir });
      expect(c.code, size).toBe(2);
      expect(c.stderr).toMatch(/maxFileSize" must be (above 0|at most)/);
    }
  });
});

describe("scan: output that cannot be written", () => {
  it("ENOSPC (> /dev/full) and EPIPE (| head): exit 2 with one line, never a stack trace or exit 1", () => {
    const repo = gitRepo({ "README.txt": "demo\n" });
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`f${i}.txt`] = `k=${keys.next()}\n`; // a JSON report larger than a pipe buffer
    writeFiles(repo, files);
    const full = spawnSync("bash", ["-c", `"${process.execPath}" "${CLI}" scan README.txt --format json > /dev/full`], {
      cwd: repo,
      encoding: "utf8",
    });
    expect(full.status).toBe(2);
    expect(full.stderr).toMatch(/^tvly-guard: cannot write to stdout: ENOSPC$/m);
    const piped = spawnSync(
      "bash",
      [
        "-c",
        `"${process.execPath}" "${CLI}" scan . --format json | head -c 10 > /dev/null; echo "exit=\${PIPESTATUS[0]}" >&2`,
      ],
      { cwd: repo, encoding: "utf8" },
    );
    expect(piped.stderr).toMatch(/^tvly-guard: cannot write to stdout: EPIPE\n/m);
    expect(piped.stderr).toMatch(/exit=2\n$/);
    expect(piped.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
