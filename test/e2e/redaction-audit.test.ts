// The redaction audit: every registered command, every registered format,
// the report file, the baseline and the error paths, against one planted
// fake key. The whole key (or its 32-character body) may appear only where
// --no-redact asks for it. Built from COMMANDS and FORMATS, so a command or
// format added later is audited without touching this file, and a command
// without an entry in EXERCISES fails the first test.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { CommandSpec } from "../../src/commands/args.js";
import { COMMANDS } from "../../src/commands/index.js";
import { FORMATS } from "../../src/report/index.js";
import { run } from "../../src/run.js";
import { fakeKeys } from "../helpers/fake-key.js";
import { git, writeFiles } from "../helpers/git-repo.js";
import { CLI, type CliResult } from "../helpers/run-cli.js";
import { runCliAsync } from "../helpers/run-cli-async.js";

const KEY = fakeKeys(31337).next("tvly-dev-");
const BODY = KEY.slice("tvly-dev-".length);
/** The file every scenario leaks the key in, so each report can be checked to name it. */
const LEAK_FILE = "leak.env";

// Temp dirs live for the whole file: tests here run concurrently and share a repository per command.
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function auditDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tvly-guard-audit-"));
  dirs.push(dir);
  return dir;
}

/**
 * A repository where every mode meets KEY: committed in HEAD (scan, diff
 * HEAD~1..HEAD, history) and, for `staged`, added to the index in a second file.
 */
function leakyRepo(): string {
  const dir = auditDir();
  git(dir, ["init", "-q", "-b", "main"]);
  for (const [k, v] of [
    ["commit.gpgsign", "false"],
    ["gc.auto", "0"],
    ["core.autocrlf", "false"],
  ])
    git(dir, ["config", k!, v!]);
  writeFiles(dir, { "README.md": "# app\n" });
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "--no-verify", "-m", "initial"]);
  writeFiles(dir, {
    [LEAK_FILE]: `TAVILY_API_KEY=${KEY}\n`,
    "app.js": `const client = tavily({ apiKey: "${KEY}" });\n`,
  });
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "--no-verify", "-m", "leak"]);
  return dir;
}

interface Exercise {
  /** Arguments that make the command meet the key (before --format and the other shared flags). */
  args: string[];
  /** A scenario of its own instead of the shared committed leak (e.g. staged content). */
  setup?: (dir: string) => void;
  /** Extra invocations whose error message could echo the key (a path or revision named like it). */
  errorArgs?: string[][];
  /** Exit code of a plain run: 1 for a scanning command that found the key. */
  code: number;
  /** The file the report must name (proof the key was found), if not LEAK_FILE. */
  reports?: string;
  /** For commands that are not scans: more steps whose output is audited too (run in order). */
  steps?: string[][];
  /** Side effects to audit after the steps (e.g. a real commit through an installed hook). */
  after?: (dir: string) => CliResult;
  /** Exit code `after` must give (proof it met the key: a hook that refused the commit). */
  afterCode?: number;
}

/**
 * How to exercise each command. A command registered in COMMANDS without an
 * entry here fails the audit: add one when you add a command. Entries for
 * commands not registered yet are unused until they are.
 */
const EXERCISES: Record<string, Exercise> = {
  scan: {
    args: ["scan"],
    code: 1,
    errorArgs: [
      ["scan", KEY],
      ["scan", `missing/${KEY}.env`],
    ],
  },
  staged: {
    args: ["staged"],
    code: 1,
    reports: "staged.env",
    setup: (dir) => {
      writeFiles(dir, { "staged.env": `TAVILY_API_KEY=${KEY}\n` });
      git(dir, ["add", "staged.env"]);
    },
  },
  diff: {
    args: ["diff", "HEAD~1..HEAD"],
    code: 1,
    errorArgs: [
      ["diff", `${KEY}..HEAD`],
      ["diff", KEY],
    ],
  },
  history: { args: ["history"], code: 1 },
  receive: {
    args: ["receive"],
    code: 0,
    steps: [["receive"]],
    after: (dir) => pushToGuardedServer(dir),
    afterCode: 1,
  },
  message: {
    args: ["message", "COMMIT_MSG"],
    code: 1,
    reports: "message",
    setup: (dir) => writeFiles(dir, { COMMIT_MSG: `use ${KEY} for now\n` }),
    errorArgs: [["message", `${KEY}.txt`]],
  },
  install: {
    args: ["install"],
    code: 0,
    steps: [["install"], ["install"]],
    after: (dir) => commitThroughHook(dir),
    afterCode: 1,
  },
  uninstall: { args: ["uninstall"], code: 0, steps: [["install"], ["uninstall"]] },
  schema: { args: ["schema"], code: 0, steps: [["schema", "--output", "schema.json"]] },
  fix: { args: ["fix"], code: 0, steps: [["fix", "--dry-run"], ["fix"]] },
};

/** A real `git push` of the leaky repository to a bare server with the pre-receive hook, so its remote: lines are audited. */
function pushToGuardedServer(dir: string): CliResult {
  const server = auditDir();
  git(server, ["init", "-q", "--bare"]);
  const installed = spawnSync(process.execPath, [CLI, "install", "--pre-receive"], { cwd: server, encoding: "utf8" });
  if (installed.status !== 0) throw new Error(installed.stderr);
  const r = spawnSync("git", ["push", `file://${server}`, "HEAD:refs/heads/main"], { cwd: dir, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A real `git commit` of a staged key, so an installed hook's message is audited too. */
function commitThroughHook(dir: string): CliResult {
  writeFiles(dir, { "hooked.env": `TAVILY_API_KEY=${KEY}\n` });
  git(dir, ["add", "hooked.env"]);
  try {
    return { code: 0, stdout: git(dir, ["commit", "-m", "try to commit a key"]), stderr: "" };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: String(e.stdout), stderr: String(e.stderr) };
  }
}

async function runInProcess(args: string[], cwd: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    stdin: Readable.from([]),
    env: { ...process.env, NO_COLOR: "1" },
    cwd,
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** Fails naming where the key leaked; the key itself is not put in the failure message. */
function expectNoKey(where: string, text: string): void {
  const plain = text.replace(ANSI, "");
  expect(plain.includes(KEY) || plain.includes(BODY) ? `${where} holds the key` : "clean").toBe("clean");
}

const specs: [string, CommandSpec][] = await Promise.all(
  Object.entries(COMMANDS).map(async ([name, entry]) => [name, await entry.load()] as [string, CommandSpec]),
);
const isScanning = (spec: CommandSpec) =>
  ["format", "output", "baseline", "write-baseline", "config"].every((o) => spec.options.some((x) => x.name === o));

describe("redaction audit", () => {
  it("has an exercise for every registered command (add one to EXERCISES with a new command)", () => {
    expect(Object.keys(COMMANDS).filter((name) => !(name in EXERCISES))).toEqual([]);
  });

  it("audits at least scan with text and json (the registries are not empty)", () => {
    expect(specs.map(([n]) => n)).toContain("scan");
    expect(FORMATS).toEqual(expect.arrayContaining(["text", "json"]));
  });

  for (const [name, spec] of specs) {
    const exercise = EXERCISES[name];
    if (!exercise) continue;
    const repo = leakyRepo();
    exercise.setup?.(repo);
    const out = auditDir();

    if (!isScanning(spec)) {
      it(`${name}: no step prints the key`, async () => {
        for (const step of exercise.steps ?? [exercise.args]) {
          const r = await runCliAsync(step, { cwd: repo });
          expectNoKey(`${step.join(" ")} stdout`, r.stdout);
          expectNoKey(`${step.join(" ")} stderr`, r.stderr);
          expect(r.code, `${step.join(" ")}: ${r.stderr}`).not.toBe(2);
        }
        if (exercise.after) {
          const r = exercise.after(repo);
          expectNoKey(`${name}: after stdout`, r.stdout);
          expectNoKey(`${name}: after stderr`, r.stderr);
          if (exercise.afterCode !== undefined) expect(r.code, r.stderr).toBe(exercise.afterCode);
        }
      });
      continue;
    }

    describe(name, () => {
      it.concurrent.each(FORMATS)(`${name} --format %s: stdout and stderr are redacted`, async (format) => {
        const r = await runCliAsync([...exercise.args, "--format", format], { cwd: repo });
        expect(r.code, r.stderr).toBe(exercise.code);
        expect(r.stdout).toContain(exercise.reports ?? LEAK_FILE); // the finding is in the report, just not the key
        expectNoKey("stdout", r.stdout);
        expectNoKey("stderr", r.stderr);
      });

      it.concurrent.each(FORMATS)(
        `${name} --format %s --output FILE --write-baseline FILE: the files are redacted`,
        async (format) => {
          const report = join(out, `report-${format}`);
          const baseline = join(out, `baseline-${format}.json`);
          const r = await runCliAsync(
            [...exercise.args, "--format", format, "--output", report, "--write-baseline", baseline],
            { cwd: repo },
          );
          expect(r.code, r.stderr).toBe(0);
          expectNoKey("stdout", r.stdout);
          expectNoKey("stderr", r.stderr);
          expectNoKey("report file", readFileSync(report, "utf8"));
          const written = readFileSync(baseline, "utf8");
          expectNoKey("baseline", written);
          expect(JSON.parse(written).findings.length).toBeGreaterThan(0);
        },
      );

      it.concurrent(`${name} --baseline FILE: a run that the baseline silences is redacted too`, async () => {
        const baseline = join(out, "baseline-for-rerun.json");
        await runCliAsync([...exercise.args, "--write-baseline", baseline], { cwd: repo });
        const again = await runCliAsync([...exercise.args, "--baseline", baseline], { cwd: repo });
        expect(again.code, again.stderr).toBe(0);
        expect(again.stderr).toContain("in the baseline");
        expectNoKey("baselined stdout", again.stdout);
        expectNoKey("baselined stderr", again.stderr);
      });

      it.concurrent(`${name} --no-redact shows the key (the audit can see a leak)`, async () => {
        const r = await runCliAsync([...exercise.args, "--no-redact"], { cwd: repo });
        expect(r.code, r.stderr).toBe(exercise.code);
        expect(r.stdout.includes(KEY)).toBe(true);
        const json = await runCliAsync([...exercise.args, "--no-redact", "--format", "json"], { cwd: repo });
        expect(json.stdout.includes(KEY)).toBe(true);
        expectNoKey("--no-redact stderr", json.stderr); // the report may show it; the summary never does
      });

      const badConfig = join(out, "bad-config.json");
      writeFileSync(
        badConfig,
        JSON.stringify({ allowlist: { keyRegexes: [`${KEY}(`], lineRegexes: [`\\b${KEY}\\b`] } }),
      );
      const nestedConfig = join(out, "nested-config.json");
      writeFileSync(nestedConfig, JSON.stringify({ allowlist: { lineRegexes: [`(\\b${KEY}\\w+)+`] } }));
      const keyNamedConfig = join(out, "key-named-config.json");
      writeFileSync(keyNamedConfig, JSON.stringify({ allowlist: { [KEY]: ["x"] } }));
      const keyedConfig = join(out, "keyed-config.json");
      writeFileSync(keyedConfig, JSON.stringify({ allowlist: { commits: [KEY] } }));
      const keyedBaseline = join(out, "keyed-baseline.json");
      writeFileSync(
        keyedBaseline,
        JSON.stringify({ version: 1, findings: [{ fingerprint: KEY, file: LEAK_FILE, ruleId: "tavily-api-key" }] }),
      );
      const brokenBaseline = join(out, "broken-baseline.json");
      writeFileSync(brokenBaseline, `{"version": 1, "findings": [${KEY}]}`);
      const errors: string[][] = [
        [...exercise.args, "--config", badConfig],
        [...exercise.args, "--config", keyedConfig],
        [...exercise.args, "--config", nestedConfig],
        [...exercise.args, "--config", keyNamedConfig],
        [...exercise.args, "--baseline", keyedBaseline],
        [...exercise.args, "--baseline", brokenBaseline],
        [...exercise.args, "--format", KEY],
        [...exercise.args, "--output", join(out, "no-such-dir", `${KEY}.json`)],
        [...exercise.args, `--${KEY}`],
        ...(exercise.errorArgs ?? []),
      ];
      const cases = errors.map((args) => ({
        args,
        label: args.join(" ").replaceAll(out, "<tmp>").replaceAll(BODY, "<body>"),
      }));
      // In process (run() is the one place errors are printed), so the error paths cost no process start.
      it.each(cases)(`${name} error path $label: exit 2, one redacted line`, async ({ args }) => {
        const r = await runInProcess(args, repo);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expectNoKey("stdout", r.stdout);
        expectNoKey("stderr", r.stderr);
      });
    });
  }
});

/**
 * Names, warnings and echoed arguments: a key in a file or directory name, in
 * an author's name and e-mail, in a tag name, in the paths given to --config,
 * --baseline and --write-baseline, glued to other text (`x<key>`, `_<key>`),
 * and base64-encoded in a `fix --dry-run` context line. None may reach any
 * output whole, in any format; control characters in a name never reach the terminal raw.
 */
describe("redaction audit: names, warnings and echoed arguments", () => {
  const named = `dir-${KEY}/x${KEY}.env`;
  function namedRepo(): string {
    const dir = leakyRepo();
    writeFiles(dir, { [named]: `TAVILY_API_KEY=${KEY}\n`, [`_${KEY}.json`]: "{}\n" });
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "--no-verify", "-m", "named"], {
      GIT_AUTHOR_NAME: `Dev x${KEY}`,
      GIT_AUTHOR_EMAIL: `${KEY}@example.com`,
    });
    git(dir, ["tag", `v${KEY}`]);
    return dir;
  }
  const repo = namedRepo();
  const out = auditDir();

  it.concurrent.each(FORMATS)("scan, diff and history --format %s: names and authors are redacted", async (format) => {
    for (const args of [["scan"], ["diff", "HEAD~1..HEAD"], ["history"]]) {
      const report = join(out, `named-${args[0]}-${format}`);
      const r = await runCliAsync([...args, "--format", format], { cwd: repo });
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(1);
      // The finding's file is there, redacted (in a SARIF URI, redacted then percent-encoded).
      const shown = `dir-tvly-dev-${BODY.slice(0, 4)}…`;
      expect(r.stdout).toContain(format === "sarif" ? shown.replace("…", "%E2%80%A6") : shown);
      expectNoKey(`${args[0]} stdout`, r.stdout);
      expectNoKey(`${args[0]} stderr`, r.stderr);
      const written = await runCliAsync([...args, "--format", format, "--output", report], { cwd: repo });
      expect(written.code).toBe(1);
      expectNoKey(`${args[0]} report file`, readFileSync(report, "utf8"));
    }
  });

  it("echoed --config, --baseline and --write-baseline paths and a tag in a warning are redacted", async () => {
    const baseline = join(out, `b${KEY}.json`);
    const steps = [
      ["scan", "--config", `_${KEY}.json`, "--write-baseline", baseline],
      ["scan", "--config", `_${KEY}.json`, "--baseline", baseline],
      ["diff", `v${KEY}..v${KEY}`],
      ["diff", `\\b${KEY}`],
    ];
    for (const args of steps) {
      const r = await runCliAsync(args, { cwd: repo });
      expect([0, 2], `${args.join(" ")}: ${r.stderr}`).toContain(r.code);
      expectNoKey(`${args[0]} stdout`, r.stdout);
      expectNoKey(`${args[0]} stderr`, r.stderr);
    }
    expectNoKey("baseline", readFileSync(baseline, "utf8"));
    const warned = await runCliAsync(["diff", `v${KEY}..v${KEY}`, "--format", "json"], { cwd: repo });
    expect(warned.stderr).toMatch(/warning: the range v?tvly-dev-.{4}…\.\.v?tvly-dev-.{4}… holds no commits/);
  });

  it("fix --dry-run: a base64- and a percent-encoded key in a context line are redacted", async () => {
    const dir = auditDir();
    git(dir, ["init", "-q", "-b", "main"]);
    const b64 = Buffer.from(KEY).toString("base64");
    const pct = [...KEY].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");
    writeFiles(dir, {
      "app.js": `// ${b64}\n// ${pct}\nconst a = 1;\nconst key = "${KEY}";\n`,
    });
    const r = await runCliAsync(["fix", "--dry-run"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("process.env.TAVILY_API_KEY");
    expect(r.stdout.includes(b64) || r.stdout.includes(pct) ? "encoded key printed" : "clean").toBe("clean");
    expectNoKey("fix --dry-run", r.stdout);
  });

  it("escape sequences in a file name are neutralised in text output", async () => {
    const dir = auditDir();
    git(dir, ["init", "-q", "-b", "main"]);
    writeFiles(dir, { "evil\x1b]0;owned\x07\x1b[2Jname.env": `TAVILY_API_KEY=${KEY}\n` });
    const r = await runCliAsync(["scan", "."], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("evil\\x1b]0;owned\\x07\\x1b[2Jname.env");
    expect(/[\x00-\x08\x0b-\x1f\x7f]/.test(r.stdout + r.stderr)).toBe(false);
  });
});
