import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/index.js";
import { ExitCode } from "../../src/errors.js";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { ACME_RULE } from "../helpers/rules.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(1808);

interface JsonFinding {
  file: string;
  line: number;
  ruleId: string;
}

/** Scan `dir` (or `args`) as JSON; returns the exit code and the files with findings. */
function scanJson(cwd: string, args: string[] = []) {
  const r = runCli(["scan", "--format", "json", ...args], { cwd });
  const findings: JsonFinding[] = r.stdout ? JSON.parse(r.stdout).findings : [];
  return { ...r, files: findings.map((f) => f.file), findings };
}

const config = (value: unknown) => ({ ".tvly-guard.json": JSON.stringify(value, null, 2) });

describe("config allowlists (e2e)", () => {
  it("path globs: files are skipped before reading and counted; globs are relative to the repository root", () => {
    const key = keys.next();
    const repo = gitRepo();
    writeFiles(repo, {
      ...config({ allowlist: { paths: ["test/fixtures/", "*.snap"] } }),
      "test/fixtures/tokens.env": `TAVILY_API_KEY=${key}\n`,
      "src/__snapshots__/a.snap": `exports[\`k\`] = "${key}";\n`,
      "src/test/fixtures/real.env": `TAVILY_API_KEY=${key}\n`,
      "app.py": `KEY = "${key}"\n`,
    });
    const r = scanJson(repo);
    expect(r.code).toBe(ExitCode.findings);
    expect(r.files).toEqual(["app.py", "src/test/fixtures/real.env"]);
    expect(r.stderr).toContain("tvly-guard: not reported: 2 files allowlisted by .tvly-guard.json.");
    // From a subdirectory the config is still found at the root and its globs still mean root paths.
    const sub = scanJson(join(repo, "src"));
    expect(sub.files).toEqual(["test/fixtures/real.env"]);
    expect(sub.stderr).toContain(`1 file allowlisted by ${join(repo, ".tvly-guard.json")}`);
  });

  it("key regexes allowlist by the whole key; line regexes by the key's line, within a bounded window", () => {
    const dev = keys.next("tvly-dev-");
    const prod = keys.next("tvly-prod-");
    const other = keys.next("tvly-prod-");
    const far = keys.next("tvly-prod-");
    const dir = tempDir();
    writeFiles(dir, {
      ...config({ allowlist: { keyRegexes: ["^tvly-dev-"], lineRegexes: ["^\\s*example_only\\s*=", "DOCS-ONLY"] } }),
      "a.env": `DEV=${dev}\nPROD=${prod}\n  example_only = "${other}"\n`,
      "b.js": `const k = "${far}"; ${"/* padding */ ".repeat(30)}// DOCS-ONLY\n`,
    });
    const r = scanJson(dir);
    // The marker on b.js lies more than 256 bytes after the key: a line regex does not see it.
    expect(r.findings.map((f) => `${f.file}:${f.line}`)).toEqual(["a.env:2", "b.js:1"]);
  });

  it("stopwords mark keys whose body holds them as placeholders, and what they hold back is said", () => {
    const real = keys.next();
    const fixture = `tvly-dev-Zq${"Fixture"}${keys.body(23)}`;
    const dir = tempDir();
    writeFiles(dir, { ...config({ allowlist: { stopwords: ["fixture"] } }), "a.env": `A=${real}\nB=${fixture}\n` });
    expect(scanJson(dir).findings.map((f) => f.line)).toEqual([1]);
    // A pull request that adds a key and a stopword for it leaves a trace, as for every allowlist.
    const r = runCli(["scan", ".", "--format", "json"], { cwd: dir });
    expect(r.stderr).toContain(
      "tvly-guard: not reported: 1 finding held back by allowlist.stopwords in .tvly-guard.json.",
    );
    expect(JSON.parse(r.stdout).notReported).toBe("1 finding held back by allowlist.stopwords in .tvly-guard.json");
    writeFiles(dir, config({}));
    expect(scanJson(dir).findings.map((f) => f.line)).toEqual([1, 2]);
  });

  it("extra rules find their own keys; disabled rules find nothing", () => {
    const dir = tempDir();
    const acme = `acme_${keys.body(24)}`;
    writeFiles(dir, { ...config({ rules: [ACME_RULE] }), "a.env": `ACME=${acme}\nTAVILY=${keys.next()}\n` });
    const r = scanJson(dir);
    expect(r.findings.map((f) => `${f.ruleId}:${f.line}`)).toEqual(["acme-token:1", "tavily-api-key:2"]);
    expect(r.stdout).not.toContain(acme); // redacted like any key
    const text = runCli(["scan"], { cwd: dir });
    expect(text.stdout).toContain("Revoke the ACME token");
    writeFiles(dir, config({ rules: [ACME_RULE], disabledRules: ["tavily-api-key"] }));
    // with the classic rule off, the unknown-format net still sees its keys (as a warning)
    expect(scanJson(dir).findings.map((f) => f.ruleId)).toEqual(["acme-token", "tavily-api-key-unknown-format"]);
    const tavily = ["tavily-api-key", "tavily-api-key-segmented", "tavily-api-key-unknown-format"];
    writeFiles(dir, config({ rules: [ACME_RULE], disabledRules: tavily }));
    expect(scanJson(dir).findings.map((f) => f.ruleId)).toEqual(["acme-token"]);
  });

  it("maxFileSize skips big files; --max-file-size overrides it", () => {
    const dir = tempDir();
    writeFiles(dir, { ...config({ maxFileSize: "1k" }), "big.txt": `${"a".repeat(2048)}\n${keys.next()}\n` });
    const r = scanJson(dir);
    expect(r.code).toBe(ExitCode.clean);
    expect(r.stderr).toContain("skipped 1 too large");
    expect(scanJson(dir, ["--max-file-size", "1MiB"]).code).toBe(ExitCode.findings);
  });

  it.skipIf(!("history" in COMMANDS))(
    "commit allowlist: keys introduced by an allowlisted commit are not reported (history; runs once the command is registered)",
    () => {
      const repo = gitRepo({ "README.md": "# app\n" });
      const reviewed = commitFiles(repo, { "old.env": `K=${keys.next()}\n` }, "old, revoked key");
      commitFiles(repo, { "new.env": `K=${keys.next()}\n` }, "new key");
      writeFiles(repo, config({ allowlist: { commits: [reviewed] } }));
      const r = runCli(["history", "--format", "json"], { cwd: repo });
      expect(r.code).toBe(ExitCode.findings);
      expect(JSON.parse(r.stdout).findings.map((f: JsonFinding) => f.file)).toEqual(["new.env"]);
      expect(r.stderr).toContain("1 finding allowlisted by .tvly-guard.json");
    },
  );

  it("maxFileSize applies to history's blobs too", () => {
    const repo = gitRepo({ "big.txt": `${"a".repeat(2048)}\n${keys.next()}\n` });
    writeFiles(repo, config({ maxFileSize: "1k" }));
    const r = runCli(["history"], { cwd: repo });
    expect(r.code).toBe(ExitCode.clean);
    expect(r.stderr).toContain("1 too large");
    expect(runCli(["history", "--max-file-size", "1MiB"], { cwd: repo }).code).toBe(ExitCode.findings);
  });

  it("inline tvly-guard:allow and gitleaks:allow still allow their line", () => {
    const dir = tempDir();
    const [a, b, c] = [keys.next(), keys.next(), keys.next()];
    writeFiles(dir, { "a.py": `A = "${a}"  # tvly-guard:allow\nB = "${b}"  # gitleaks:allow\nC = "${c}"\n` });
    expect(scanJson(dir).findings.map((f) => f.line)).toEqual([3]);
  });

  it("--config FILE replaces the root config", () => {
    const key = keys.next();
    const repo = gitRepo();
    writeFiles(repo, {
      ...config({ allowlist: { paths: ["a.env"] } }),
      "a.env": `K=${key}\n`,
      "b.env": `K=${key}\n`,
      "ci/strict.json": JSON.stringify({ allowlist: { paths: ["b.env"] } }),
    });
    expect(scanJson(repo).files).toEqual(["b.env"]);
    expect(scanJson(repo, ["--config", "ci/strict.json"]).files).toEqual(["a.env"]);
  });

  it.each([
    ["bad JSON", '{ "allowlist": ', /^tvly-guard: \.tvly-guard\.json: not valid JSON \(/],
    [
      "an unknown key",
      JSON.stringify({ allowlist: { path: ["x"] } }),
      /^tvly-guard: \.tvly-guard\.json: unknown key "allowlist\.path"/,
    ],
    [
      "a wrong type",
      JSON.stringify({ maxFileSize: true }),
      /^tvly-guard: \.tvly-guard\.json: "maxFileSize" must be a number of bytes/,
    ],
    [
      "an invalid regex",
      JSON.stringify({ allowlist: { keyRegexes: ["[a-"] } }),
      /^tvly-guard: \.tvly-guard\.json: "allowlist\.keyRegexes\[0\]" is not a valid regular expression/,
    ],
    [
      "a catastrophic regex",
      JSON.stringify({ allowlist: { lineRegexes: ["(x+x+)+y"] } }),
      /^tvly-guard: \.tvly-guard\.json: "allowlist\.lineRegexes\[0\]" can backtrack catastrophically/,
    ],
  ])("a config with %s: exit 2, one line, before anything is scanned", (_what, text, message) => {
    const dir = tempDir();
    writeFiles(dir, { ".tvly-guard.json": text, "a.env": `K=${keys.next()}\n` });
    const r = runCli(["scan", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(ExitCode.error);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("--help lists --config, --baseline and --write-baseline", () => {
    const help = runCli(["scan", "--help"]).stdout;
    for (const flag of ["--config FILE", "--baseline FILE", "--write-baseline FILE"]) expect(help).toContain(flag);
  });
});
