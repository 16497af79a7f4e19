import { readFileSync } from "node:fs";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const schema = JSON.parse(readFileSync(new URL("../fixtures/sarif/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
const ajv = new AjvDraft04({ allErrors: true, strict: false });
(addFormats as unknown as (a: AjvDraft04) => void)(ajv);
const validate = ajv.compile(schema);
const keys = fakeKeys(4242);

describe("--format sarif and --format github from the CLI", () => {
  it("writes a valid SARIF file with --output, exits 1, and never the whole key", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { ".env": `TAVILY_API_KEY=${key}\n`, "ok.txt": "clean\n" });
    const r = runCli(["scan", "--format", "sarif", "--output", "out.sarif"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/scanned 2 files/);
    const text = readFileSync(join(dir, "out.sarif"), "utf8");
    expect(text).not.toContain(key);
    const log = JSON.parse(text);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].results).toHaveLength(1);
  });

  it("prints workflow commands on stdout and exits 0 with nothing on a clean tree", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { "a.py": `KEY = "${key}"\n` });
    const r = runCli(["scan", "--format", "github"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(
      r.stdout.startsWith(`::error file=a.py,line=1,col=8,title=tvly-guard%3A Tavily API key ${key.slice(0, 13)}…::`),
    ).toBe(true);
    expect(r.stdout.split("\n")).toHaveLength(2);
    expect(r.stdout).not.toContain(key);
    const clean = tempDir();
    writeFiles(clean, { "a.py": "KEY = os.environ['TAVILY_API_KEY']\n" });
    expect(runCli(["scan", "--format", "github"], { cwd: clean })).toMatchObject({ code: 0, stdout: "" });
  });
});
