// scan never passes without looking: every name byte for byte, nothing but
// regular files opened, never a blocking open, every skip counted, and what
// the user named explicitly but cannot be read is exit 2.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { PACKAGE_ROOT } from "../helpers/package.js";
import { CLI, type CliResult, runCli } from "../helpers/run-cli.js";

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

/**
 * Run the CLI as nobody (uid 65534): root reads a 0000 directory anyway, so
 * only an unprivileged user meets EACCES. setpriv (util-linux), else su;
 * undefined when neither exists.
 */
function unprivilegedRunner(): ((args: string[], cwd: string) => CliResult) | undefined {
  const prefix =
    spawnSync("setpriv", ["--version"]).status === 0
      ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
      : spawnSync("su", ["--version"]).status === 0
        ? ["su", "nobody", "-s", "/bin/sh", "-c", 'exec "$0" "$@"']
        : undefined;
  if (!prefix) return undefined;
  return (args, cwd) => {
    const r = spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, CLI, ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, HOME: cwd, NO_COLOR: "1", GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" },
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };
}

/** A tree nobody can read, except `locked/` (0000), with a key readable and a key locked away. */
function treeWithLockedDir(repo: boolean): string {
  const dir = repo ? gitRepo() : tempDir();
  writeFiles(dir, {
    "a/app.env": `TAVILY_API_KEY=${keys.next()}\n`,
    "locked/secret.env": `TAVILY_API_KEY=${keys.next()}\n`,
    ...(repo ? { ".gitignore": "ignored.env\n", "ignored.env": `TAVILY_API_KEY=${keys.next()}\n` } : {}),
  });
  const chown = spawnSync("chown", ["-R", "65534:65534", dir]); // git refuses a repository of another owner
  if (chown.status !== 0) throw new Error(`chown failed: ${chown.stderr}`);
  chmodSync(dir, 0o755); // mkdtemp makes it 0700
  chmodSync(join(dir, "locked"), 0o000);
  return dir;
}

const asNobody = process.getuid?.() === 0 ? unprivilegedRunner() : undefined;

describe.skipIf(!asNobody)(
  "scan: an unreadable directory is counted and said (as nobody; skipped without root, setpriv or su)",
  () => {
    it.each([
      ["outside a work tree (tvly-guard walks)", false],
      ["in a work tree (git ls-files lists)", true],
    ])("walked %s: 'skipped 1 unreadable directory', in JSON too, the readable key still found", (_, repo) => {
      const dir = treeWithLockedDir(repo);
      const r = asNobody!(["scan", "."], dir);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/scanned (2|1) files?, .* \(skipped 1 unreadable directory\): 1 key found in 1 place\./);
      const json = asNobody!(["scan", "--format", "json"], dir);
      const report = JSON.parse(json.stdout);
      expect(report.scanned.skipped.unreadableDirectories).toBe(1);
      expect(report.findings.map((f: { file: string }) => f.file)).toEqual(["a/app.env"]); // git's ignore rules held
    });

    it("counts every unreadable directory git meets, past the stderr git's text is kept to", () => {
      const dir = treeWithLockedDir(true);
      // 400 warnings of ~60 bytes: more than the 16 KB of stderr kept as text.
      for (let i = 0; i < 399; i++) {
        const locked = join(dir, `locked-with-a-longer-name-${String(i).padStart(3, "0")}`);
        mkdirSync(locked);
        chmodSync(locked, 0o000);
      }
      const json = asNobody!(["scan", "--format", "json"], dir);
      expect(json.code, json.stderr).toBe(1);
      expect(JSON.parse(json.stdout).scanned.skipped.unreadableDirectories).toBe(400);
    });

    it("named explicitly, an unreadable directory is exit 2 with one line", () => {
      for (const repo of [false, true]) {
        const dir = treeWithLockedDir(repo);
        const r = asNobody!(["scan", "locked"], dir);
        expect(r).toMatchObject({
          code: 2,
          stdout: "",
          stderr: "tvly-guard: cannot read locked: permission denied (EACCES)\n",
        });
      }
    });
  },
);

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

  it("one symlink is 'skipped 1 symlink', in a work tree and outside one", () => {
    for (const dir of [gitRepo({ "README.txt": "demo\n" }), tempDir()]) {
      writeFiles(dir, { "in.txt": "x\n" });
      symlinkSync("in.txt", join(dir, "in-link.txt"));
      const r = runCli(["scan", "."], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/ \(skipped 1 symlink\): no keys found\.\n$/);
    }
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

describe("scan: git's own files are never read", () => {
  it("inside a bare repository, or given .git or a path in it: exit 2 with one line naming history", () => {
    const key = keys.next();
    const repo = gitRepo({ "README.txt": "demo\n" });
    git(repo, ["config", "user.note", key]); // a key in git's own config: not the working tree's
    const bare = gitRepo(undefined, { bare: true });
    writeFiles(bare, { description: `k=${key}\n` });
    const cases: [string, string, RegExp][] = [
      [
        bare,
        ".",
        /^tvly-guard: \. is a git repository's own directory \(a bare repository\): scan never reads git's files; run tvly-guard history/,
      ],
      [bare, "refs", /^tvly-guard: refs is inside a git repository's own directory \(a bare repository\)/],
      [repo, ".git", /^tvly-guard: \.git is a git repository's own directory \(\.git\)/],
      [repo, ".git/config", /^tvly-guard: \.git\/config is inside a git repository's own directory \(\.git\)/],
      [join(repo, ".git"), ".", /^tvly-guard: \. is a git repository's own directory \(\.git\)/],
    ];
    for (const [cwd, arg, message] of cases) {
      const r = runCli(["scan", arg], { cwd });
      expect(r.code, `${cwd} ${arg}: ${r.stderr}`).toBe(2);
      expect(r.stderr.split("\n")).toHaveLength(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it("a walk outside any work tree steps over a bare repository and says so", () => {
    const dir = tempDir();
    writeFiles(dir, { "notes.txt": "x\n" });
    git(dir, ["init", "-q", "--bare", "server.git"]);
    writeFiles(join(dir, "server.git"), { description: `k=${keys.next()}\n` });
    const r = runCli(["scan", "."], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: server.git is a git repository's own directory: not read");
    expect(r.stderr).toMatch(/scanned 1 file, /);
  });

  it("in a work tree, an untracked bare repository (git lists its files as untracked) is stepped over and said; a tracked one is content", () => {
    const repo = gitRepo({ "notes.txt": "x\n" });
    git(repo, ["init", "-q", "--bare", "backups/server.git"]);
    writeFiles(join(repo, "backups/server.git"), { description: `k=${keys.next()}\n` });
    writeFiles(repo, { "backups/readme.txt": "not a repository\n" });
    const r = runCli(["scan", "."], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: backups/server.git is a git repository's own directory: not read");
    expect(r.stderr).toMatch(/scanned 2 files, /); // notes.txt and backups/readme.txt
    // Committed, it is the repository's content like any other file: read, and the key found.
    git(repo, ["add", "-f", "backups"]);
    const tracked = runCli(["scan", "."], { cwd: repo });
    expect(tracked.code).toBe(1);
    expect(tracked.stdout).toContain("backups/server.git/description");
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

describe("scan: one file holding very many keys", () => {
  it("400,000 keys in one file: every one counted, 1,000 listed, peak memory bounded (RSS, not time)", () => {
    const dir = tempDir();
    const many = fakeKeys(4002); // a seed none of whose 400,000 keys holds a placeholder word (about 1 in 600,000 random keys does)
    const lines: string[] = [];
    for (let i = 0; i < 400_000; i++) lines.push(`k${i}=${many.next()}`);
    writeFileSync(join(dir, "keys.txt"), `${lines.join("\n")}\n`); // about 20 MB
    const rssFile = join(dir, "rss");
    // bench/report-rss.cjs writes the process's own peak RSS (KiB) at exit.
    const r = spawnSync(
      process.execPath,
      [
        "--require",
        join(PACKAGE_ROOT, "bench", "report-rss.cjs"),
        CLI,
        "scan",
        "keys.txt",
        "--max-file-size",
        "64MiB",
        "--format",
        "json",
      ],
      { cwd: dir, encoding: "utf8", env: { ...process.env, TVLY_BENCH_RSS_FILE: rssFile }, maxBuffer: 64 << 20 },
    );
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain("scanned 1 file, 19 MiB: 400000 keys found in 400000 places.");
    const report = JSON.parse(r.stdout);
    expect(report.findings).toHaveLength(1000);
    expect(report.findings.at(-1).line).toBe(1000); // the first ones, in file order
    expect(report.warnings).toEqual([
      "keys.txt holds 400000 findings: the first 1000 are listed (and verified or triaged when asked), the other 399000 are counted in the summary line only; every key there needs revoking",
    ]);
    // 0.1.0 grew to 2.2 GB here (and ran for 98 s); the file itself is 19 MiB.
    // Searched a MiB at a time (engine/pieces.ts) and listed 1,000 findings: about 180 MB here.
    expect(Number(readFileSync(rssFile, "utf8")) / 1024).toBeLessThan(400);
  }, 180_000);

  it("a key repeated past the cap is one key; the baseline and allowlists count every occurrence", () => {
    const dir = tempDir();
    const key = keys.next();
    const other = keys.next();
    writeFiles(dir, { "dump.txt": `${Array.from({ length: 1500 }, () => `k=${key}`).join("\n")}\nj=${other}\n` });
    const r = runCli(["scan", "dump.txt", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("2 keys found in 1501 places.");
    expect(JSON.parse(r.stdout).findings).toHaveLength(1000);
    // Every occurrence goes into the baseline, and the baseline holds every one back.
    expect(runCli(["scan", "dump.txt", "--write-baseline", "b.json"], { cwd: dir }).code).toBe(0);
    const again = runCli(["scan", "dump.txt", "--baseline", "b.json"], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("not reported: 1501 findings in the baseline b.json");
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
