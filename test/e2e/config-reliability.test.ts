// User-supplied regexes never hang a run, and every allowlist that holds a
// finding back says so, in text, JSON and SARIF (a pull request that adds a key
// and an allowlist entry for it leaves a trace).
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(1515);
const config = (value: unknown) => ({ ".tvly-guard.json": JSON.stringify(value, null, 2) });
const rule = (pattern: string) => ({
  id: "acme-token",
  description: "ACME token.",
  keywords: ["acme_"],
  pattern,
  remediation: { title: "Revoke it", steps: ["Revoke it."] },
});

describe("config regexes run in linear time", () => {
  it("an extra rule with adjacent overlapping quantifiers finishes at once on a line that used to take minutes", () => {
    const dir = tempDir();
    const hostile = `acme_${"[a-z]*".repeat(12)}Z`;
    writeFiles(dir, { ...config({ rules: [rule(hostile)] }), "a.txt": `acme_${"a".repeat(40)}\n` });
    const r = runCli(["scan", "a.txt"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/scanned 1 file/);
  }, 60_000);

  it("keeps one-character boundaries at the ends (checked per match), and finds what the rule means", () => {
    const dir = tempDir();
    const body = keys.body(24);
    const pattern = "(?<![A-Za-z0-9_])(?<secret>(?<prefix>acme_)(?<body>[A-Za-z0-9]{24}))(?![A-Za-z0-9_])";
    writeFiles(dir, {
      ...config({ rules: [rule(pattern)] }),
      "a.txt": `glued xacme_${body} no\nlonger acme_${body}Q no\nreal acme_${body} yes\n`,
    });
    const r = runCli(["scan", "a.txt", "--format", "json"], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { line: number }) => f.line)).toEqual([3]);
  });

  it("refuses any other lookaround or a backreference in an extra rule, with one line", () => {
    for (const pattern of ["acme_(?=x)[a-z]{24}", "(acme_)[a-z]{24}\\1"]) {
      const dir = tempDir();
      writeFiles(dir, { ...config({ rules: [rule(pattern)] }), "a.txt": "x\n" });
      const r = runCli(["scan", "a.txt"], { cwd: dir });
      expect(r.code, pattern).toBe(2);
      expect(r.stderr).toMatch(
        /^tvly-guard: \.tvly-guard\.json: "rules\[0\]\.pattern" uses (lookahead or lookbehind|a backreference)[^\n]*\n$/,
      );
    }
  });
});

describe("every allowlist that holds a finding back says so", () => {
  it("allowlist.keyRegexes and lineRegexes: counted in text, JSON and SARIF, for scan, diff and history", () => {
    const [a, b, c] = [keys.next(), keys.next(), keys.next()];
    const repo = gitRepo({ "README.txt": "demo\n" });
    commitFiles(
      repo,
      {
        ...config({ allowlist: { keyRegexes: [`^${a}$`], lineRegexes: ["fixture-only"] } }),
        "app.env": `A=${a}\nB=${b} # fixture-only\nC=${c}\n`,
      },
      "add a key and an allowlist entry for it",
    );
    const text = runCli(["diff", "HEAD~1..HEAD"], { cwd: repo });
    expect(text.code).toBe(1); // c is still reported
    // a's line, and the config's own regex (which spells the key): 2 held back by keyRegexes.
    expect(text.stderr).toContain(
      "tvly-guard: not reported: 2 findings held back by allowlist.keyRegexes in .tvly-guard.json, 1 finding held back by allowlist.lineRegexes in .tvly-guard.json.",
    );
    const json = JSON.parse(runCli(["scan", ".", "--format", "json"], { cwd: repo }).stdout);
    expect(json.notReported).toMatch(
      /2 findings held back by allowlist\.keyRegexes.*1 finding held back by allowlist\.lineRegexes/,
    );
    const sarif = JSON.parse(runCli(["scan", ".", "--format", "sarif"], { cwd: repo }).stdout);
    expect(sarif.runs[0].properties.notReported).toMatch(/allowlist\.keyRegexes/);
    // history searches blobs in its own lanes (worker threads past a threshold): held-back keys are counted there too.
    for (const workers of ["1", "2"]) {
      const history = runCli(["history"], { cwd: repo, env: { TVLY_GUARD_WORKERS: workers } });
      expect(history.code, `workers ${workers}`).toBe(1);
      expect(history.stderr, `workers ${workers}`).toContain(
        "tvly-guard: not reported: 2 findings held back by allowlist.keyRegexes in .tvly-guard.json, 1 finding held back by allowlist.lineRegexes in .tvly-guard.json.",
      );
    }
  });
});
