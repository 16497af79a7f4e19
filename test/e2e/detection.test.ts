import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(4242);
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("tvly-guard scan: encoded keys, binaries and test fixtures", () => {
  it("reports encoding and byte offset in JSON and text, and counts binary files", () => {
    const dir = tempDir();
    const k8s = keys.next("tvly-prod-");
    const bin = keys.next();
    const plain = keys.next();
    const reg = keys.next("tvly-");
    const regText = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Search]\r\n"ApiKey"="${reg}"\r\n`;
    writeFiles(dir, {
      "deploy/secret.yaml": `apiVersion: v1\nkind: Secret\ndata:\n  TAVILY_API_KEY: ${b64(k8s)}\n`,
      "assets/app.db": Buffer.concat([
        Buffer.from("SQLite format 3\0"),
        Buffer.alloc(200, 1),
        Buffer.from(`\x0b${bin}`),
        Buffer.alloc(50),
      ]),
      "search.reg": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(regText, "utf16le")]),
      ".env": `TAVILY_API_KEY=${plain}\n`,
    });
    const json = runCli(["scan", "--format", "json"], { cwd: dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.scanned).toMatchObject({ files: 4, binary: 2 });
    expect(report.findings).toEqual([
      expect.objectContaining({ file: ".env", line: 1, column: 16, severity: "error" }),
      expect.objectContaining({ file: "assets/app.db", line: 1, column: 218, offset: 217 }),
      expect.objectContaining({ file: "deploy/secret.yaml", line: 4, column: 19, encoding: "base64" }),
      expect.objectContaining({ file: "search.reg", line: 4, column: 11, encoding: "utf16le" }),
    ]);
    expect(report.findings[0]).not.toHaveProperty("encoding");
    expect(report.findings[0]).not.toHaveProperty("offset");
    expect(json.stdout).not.toContain(k8s.slice(15));
    expect(json.stderr).toContain("scanned 4 files (2 binary)");

    const text = runCli(["scan"], { cwd: dir });
    expect(text.stdout).toContain("deploy/secret.yaml:4:19 [base64-encoded]");
    expect(text.stdout).toContain("assets/app.db:1:218 [binary, byte 217]");
    expect(text.stdout).toContain("search.reg:4:11 [utf16le-encoded]");
  });

  it("reports keys in test fixtures at warning severity, still failing the scan", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, {
      "test/fixtures/config.json": `{"key": "${key}"}\n`,
      "src/search.test.ts": `const k = "${key}";\n`,
    });
    const r = runCli(["scan", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string; severity: string }) => [f.file, f.severity])).toEqual([
      ["src/search.test.ts", "warning"],
      ["test/fixtures/config.json", "warning"],
    ]);
    expect(runCli(["scan"], { cwd: dir }).stdout).toContain("src/search.test.ts:1:12 [test file]");
  });

  it("TVLY_GUARD_NO_DECODE=1 turns the decoders off (for the benchmark)", () => {
    const dir = tempDir();
    writeFiles(dir, { "secret.yaml": `data:\n  k: ${b64(keys.next())}\n` });
    expect(runCli(["scan"], { cwd: dir }).code).toBe(1);
    expect(runCli(["scan"], { cwd: dir, env: { TVLY_GUARD_NO_DECODE: "1" } }).code).toBe(0);
  });
});
