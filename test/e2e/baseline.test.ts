import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { ExitCode } from "../../src/errors.js";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(4242);
const BASELINE = ".tvly-guard-baseline.json";

describe("baselines (e2e)", () => {
  it("--write-baseline records fingerprint, file and rule (never the key or a line), exits 0, and still reports", () => {
    const [a, b] = [keys.next(), keys.next("tvly-prod-")];
    const dir = tempDir();
    writeFiles(dir, { "z.env": `A=${a}\n`, "m/config.js": `const a = "${a}";\nconst b = "${b}";\n` });
    const r = runCli(["scan", "--write-baseline", BASELINE], { cwd: dir });
    expect(r.code).toBe(ExitCode.clean);
    expect(r.stdout).toContain("z.env:1:3"); // the report is still printed: the reviewer sees what was accepted
    expect(r.stderr).toMatch(/scanned 2 files, .*: 2 keys found in 3 places\.\n/);
    expect(r.stderr).toContain(`tvly-guard: wrote 3 baseline entries (2 keys) to ${BASELINE}; exit 0.`);
    const text = readFileSync(join(dir, BASELINE), "utf8");
    for (const k of [a, b]) expect(text).not.toContain(k.slice(-32));
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ tool: "tvly-guard", version: 1 });
    expect(parsed.findings.map((e: { file: string }) => e.file)).toEqual(["m/config.js", "m/config.js", "z.env"]);
    for (const e of parsed.findings) expect(Object.keys(e).sort()).toEqual(["file", "fingerprint", "ruleId"]);
    // Stable: the same findings write the same bytes.
    expect(runCli(["scan", "--write-baseline", BASELINE], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, BASELINE), "utf8")).toBe(text);
  });

  it("--baseline suppresses exactly the recorded findings, wherever the line moves", () => {
    const old = keys.next();
    const dir = tempDir();
    writeFiles(dir, { "app.env": `OLD=${old}\n` });
    runCli(["scan", "--write-baseline", BASELINE], { cwd: dir });
    writeFiles(dir, { "app.env": `# moved down\n\nOLD=${old}\n` });
    const quiet = runCli(["scan", "--baseline", BASELINE], { cwd: dir });
    expect(quiet.code).toBe(ExitCode.clean);
    expect(quiet.stderr).toContain(`tvly-guard: not reported: 1 finding in the baseline ${BASELINE}.`);
    const fresh = keys.next();
    writeFiles(dir, { "app.env": `OLD=${old}\nNEW=${fresh}\n`, "copy.env": `OLD=${old}\n` });
    const r = runCli(["scan", "--baseline", BASELINE, "--format", "json"], { cwd: dir });
    expect(r.code).toBe(ExitCode.findings);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([
      "app.env:2",
      "copy.env:1",
    ]);
  });

  it("baseline paths are relative to the repository root, so a run from a subdirectory matches", () => {
    const key = keys.next();
    const repo = gitRepo();
    writeFiles(repo, { "src/app/k.env": `K=${key}\n` });
    runCli(["scan", "--write-baseline", BASELINE], { cwd: repo });
    expect(JSON.parse(readFileSync(join(repo, BASELINE), "utf8")).findings[0].file).toBe("src/app/k.env");
    expect(runCli(["scan", "--baseline", `../${BASELINE}`], { cwd: join(repo, "src") }).code).toBe(ExitCode.clean);
  });

  it("--baseline FILE --write-baseline FILE refreshes the file: current findings in, stale ones out", () => {
    const [a, b] = [keys.next(), keys.next()];
    const dir = tempDir();
    writeFiles(dir, { "a.env": `A=${a}\n` });
    runCli(["scan", "--write-baseline", BASELINE], { cwd: dir });
    writeFiles(dir, { "a.env": "A=from-env\n", "b.env": `B=${b}\n` });
    expect(runCli(["scan", "--baseline", BASELINE, "--write-baseline", BASELINE], { cwd: dir }).code).toBe(
      ExitCode.clean,
    );
    expect(JSON.parse(readFileSync(join(dir, BASELINE), "utf8")).findings.map((e: { file: string }) => e.file)).toEqual(
      ["b.env"],
    );
  });

  it.each([
    [
      "a missing baseline",
      (dir: string) => void dir,
      /^tvly-guard: cannot read baseline nope\.json: ENOENT \(no such file or directory\)\n$/,
      "nope.json",
    ],
    [
      "a baseline that is not JSON",
      (dir: string) => writeFiles(dir, { "b.json": "{" }),
      /^tvly-guard: b\.json: not valid JSON/,
      "b.json",
    ],
    [
      "a baseline holding a key",
      (dir: string) =>
        writeFiles(dir, {
          "b.json": JSON.stringify({ version: 1, findings: [{ fingerprint: keys.next(), file: "a", ruleId: "r" }] }),
        }),
      /must be a SHA-256 fingerprint/,
      "b.json",
    ],
  ])("%s: exit 2, one line", (_what, setup, message, file) => {
    const dir = tempDir();
    setup(dir);
    const r = runCli(["scan", "--baseline", file], { cwd: dir });
    expect(r.code).toBe(ExitCode.error);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

/**
 * The done-when: a repository that leaked a key long ago adopts
 * tvly-guard by recording what it has, then fails only on what is new.
 */
function adoptionRepo() {
  const old = keys.next();
  const repo = gitRepo({ "README.md": "# app\n" });
  commitFiles(repo, { "config/settings.py": `TAVILY_API_KEY = "${old}"\n` }, "add settings");
  commitFiles(
    repo,
    { "config/settings.py": `import os\nTAVILY_API_KEY = os.environ["TAVILY_API_KEY"]\n` },
    "read the key from the environment",
  );
  return { repo, old };
}

describe("adoption path for an existing repository", () => {
  it("scan: write the baseline, then --baseline passes; the same key in a new file, or a new key, fails", () => {
    const old = keys.next();
    const repo = gitRepo({ "README.md": "# app\n", "config/settings.py": `TAVILY_API_KEY = "${old}"\n` });
    expect(runCli(["scan"], { cwd: repo }).code).toBe(ExitCode.findings);
    expect(runCli(["scan", "--write-baseline", BASELINE], { cwd: repo }).code).toBe(ExitCode.clean);
    commitFiles(repo, {}, "track the baseline"); // teams commit the baseline next to the code
    expect(runCli(["scan", "--baseline", BASELINE], { cwd: repo }).code).toBe(ExitCode.clean);
    writeFiles(repo, { "scripts/run.sh": `export TAVILY_API_KEY=${old}\n` });
    const moved = runCli(["scan", "--baseline", BASELINE, "--format", "json"], { cwd: repo });
    expect(moved.code).toBe(ExitCode.findings);
    expect(JSON.parse(moved.stdout).findings.map((f: { file: string }) => f.file)).toEqual(["scripts/run.sh"]);
    git(repo, ["clean", "-fdq", "scripts"]);
    writeFiles(repo, { "config/local.py": `KEY = "${keys.next()}"\n` });
    expect(runCli(["scan", "--baseline", BASELINE], { cwd: repo }).code).toBe(ExitCode.findings);
  });

  it.skipIf(!("history" in COMMANDS))(
    "history: --write-baseline then --baseline exits 0; the same key in a new file, or a new key, exits 1 (runs once the history command is registered)",
    () => {
      const { repo, old } = adoptionRepo();
      expect(runCli(["history"], { cwd: repo }).code).toBe(ExitCode.findings);
      const write = runCli(["history", "--write-baseline", BASELINE], { cwd: repo });
      expect(write.code).toBe(ExitCode.clean);
      expect(readFileSync(join(repo, BASELINE), "utf8")).not.toContain(old.slice(-32));
      commitFiles(repo, {}, "track the baseline");
      expect(runCli(["history", "--baseline", BASELINE], { cwd: repo }).code).toBe(ExitCode.clean);
      commitFiles(repo, { "scripts/run.sh": `export TAVILY_API_KEY=${old}\n` }, "same key, new file");
      const moved = runCli(["history", "--baseline", BASELINE, "--format", "json"], { cwd: repo });
      expect(moved.code).toBe(ExitCode.findings);
      expect(JSON.parse(moved.stdout).findings.map((f: { file: string }) => f.file)).toEqual(["scripts/run.sh"]);
      git(repo, ["reset", "-q", "--hard", "HEAD~1"]);
      commitFiles(repo, { "config/local.py": `KEY = "${keys.next()}"\n` }, "a new key");
      expect(runCli(["history", "--baseline", BASELINE], { cwd: repo }).code).toBe(ExitCode.findings);
    },
  );
});
