import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(2026);

/** A realistic tree: one key per leak place people actually use, plus the usual placeholders. */
function mixedTree() {
  const k = {
    env: keys.next("tvly-dev-"),
    py: keys.next("tvly-"),
    ts: keys.next("tvly-prod-"),
    json: keys.next(),
    yaml: keys.next(),
    toml: keys.next(),
    docker: keys.next(),
    sh: keys.next(),
    md: keys.next(),
    ipynb: keys.next(),
    min: keys.next(),
    url: keys.next(),
  };
  const files = {
    ".env": `DEBUG=1\nTAVILY_API_KEY=${k.env}\n`,
    "app/search.py": `from tavily import TavilyClient\n\nclient = TavilyClient(api_key="${k.py}")\n`,
    "src/client.ts": `export const key = process.env.TAVILY_API_KEY || "${k.ts}";\n`,
    "config/settings.json": JSON.stringify({ tavily: { apiKey: k.json } }, null, 2),
    "deploy/values.yaml": `env:\n  - name: TAVILY_API_KEY\n    value: "${k.yaml}"\n`,
    "pyproject.toml": `[tool.app]\ntavily_key = '${k.toml}'\n`,
    Dockerfile: `FROM node:20\nENV TAVILY_API_KEY=${k.docker}\n`,
    "scripts/run.sh": `#!/bin/sh\nexport TAVILY_API_KEY='${k.sh}'\n`,
    "README.md": `# Demo\n\n\`\`\`bash\nexport TAVILY_API_KEY=${k.md}\n\`\`\`\n`,
    "notebooks/demo.ipynb": JSON.stringify({
      cells: [{ cell_type: "code", source: [`import os\n`, `os.environ["TAVILY_API_KEY"] = "${k.ipynb}"\n`] }],
    }),
    "dist/bundle.min.js": `!function(){var a="x".repeat(3);${"var q=1;".repeat(5000)}const t={apiKey:"${k.min}"};}();`,
    "mcp.json": `{"url": "https://mcp.tavily.com/mcp/?tavilyApiKey=${k.url}"}\n`,
    "docs/placeholders.md": [
      "TAVILY_API_KEY=tvly-YOUR_API_KEY",
      `TAVILY_API_KEY=tvly-${"x".repeat(32)}`,
      `TAVILY_API_KEY=tvly-dev-${"X".repeat(32)}`,
      "TAVILY_API_KEY=tvly-your-api-key-here",
      "api_key='tvly-...'",
      "api_key='tvly-<your-key>'",
      "api_key=tvly-${TAVILY_API_KEY}",
      `api_key=tvly-${"0".repeat(32)}`,
      "api_key=tvly-" + "1234567890abcdefghijklmnopqrstuv", // split: no key-shaped literal in the repo
      "api_key=tvly-" + "abcdefghijklmnopqrstuvwxyzABCDEF",
      "",
    ].join("\n"),
  };
  return { k, files };
}

describe("tvly-guard scan", () => {
  it("finds keys in a realistic mixed tree and none of the placeholders", () => {
    const dir = tempDir();
    const { k, files } = mixedTree();
    writeFiles(dir, files);
    const r = runCli(["scan", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const byFile = Object.fromEntries(report.findings.map((f: { file: string; line: number }) => [f.file, f.line]));
    expect(byFile).toEqual({
      ".env": 2,
      "app/search.py": 3,
      "src/client.ts": 1,
      "config/settings.json": 3,
      "deploy/values.yaml": 3,
      "pyproject.toml": 2,
      Dockerfile: 2,
      "scripts/run.sh": 2,
      "README.md": 4,
      "notebooks/demo.ipynb": 1,
      "dist/bundle.min.js": 1,
      "mcp.json": 1,
    });
    expect(report.scanned).toMatchObject({ commits: 0, files: Object.keys(files).length });
    expect(report.scanned.bytes).toBeGreaterThan(40_000);
    for (const key of Object.values(k)) {
      expect(r.stdout).not.toContain(key);
      expect(r.stderr).not.toContain(key);
    }
  });

  it("groups the remediation by key, names each key once, and links both pages", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { "a.js": `const k = "${key}";\n`, "b.py": `K = "${key}"\n`, "c.env": `TAVILY_API_KEY=${key}\n` });
    const r = runCli(["scan"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(key);
    const redacted = `${key.slice(0, 13)}…`;
    expect(r.stdout.split(`● ${redacted}`)).toHaveLength(2); // one remediation block
    expect(r.stdout).toContain("3 places");
    expect(r.stdout).toContain("https://app.tavily.com");
    expect(r.stdout).toContain("https://docs.tavily.com/documentation/best-practices/api-key-management");
    expect(r.stdout).toContain("TAVILY_API_KEY");
    expect(r.stderr).toMatch(/scanned 3 files, .*1 key found in 3 places/);
  });

  it("shows whole keys only with --no-redact", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { "a.js": `k = "${key}"\n` });
    expect(runCli(["scan", "--no-redact"], { cwd: dir }).stdout).toContain(key);
    expect(runCli(["scan", "--no-redact", "--format", "json"], { cwd: dir }).stdout).toContain(key);
  });

  it("exits 0 on a clean tree and still says what it covered", () => {
    const dir = tempDir();
    writeFiles(dir, { "a.txt": "nothing here\n", "b/c.md": "tvly-YOUR_API_KEY\n" });
    const r = runCli(["scan"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(r.stderr).toMatch(/scanned 2 files, \d+ B: no keys found/);
  });

  it("honours .gitignore inside a work tree, never enters .git, never follows symlinks", () => {
    const key = keys.next();
    const outside = tempDir();
    writeFiles(outside, { "secret.txt": `${key}\n` });
    const repo = gitRepo();
    writeFiles(repo, {
      ".gitignore": "ignored/\n*.log\n",
      "ignored/a.txt": key,
      "debug.log": key,
      "kept.txt": "clean\n",
      "sub/.gitignore": "local.env\n",
      "sub/local.env": key,
    });
    writeFileSync(join(repo, ".git", "leak"), key);
    symlinkSync(outside, join(repo, "link-dir"));
    symlinkSync(join(outside, "secret.txt"), join(repo, "link-file"));
    const r = runCli(["scan", "--format", "json"], { cwd: repo });
    expect(r.stderr).toContain("scanned 3 files"); // .gitignore, kept.txt, sub/.gitignore
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });

  it("searches binary files by byte offset, skips over-size files, and counts both", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, {
      "img.png": Buffer.concat([Buffer.from([0x89, 0x50, 0, 0, 1]), Buffer.from(key)]),
      "big.txt": `${"a".repeat(2048)}\n${key}\n`,
      "ok.txt": "fine\n",
    });
    const r = runCli(["scan", "--max-file-size", "1k", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.scanned).toMatchObject({ files: 2, binary: 1, skipped: { binary: 0, tooLarge: 1 } });
    expect(report.findings).toMatchObject([{ file: "img.png", line: 1, column: 6, offset: 5 }]);
    expect(report.findings[0]).not.toHaveProperty("encoding");
    expect(r.stderr).toContain("scanned 2 files (1 binary)");
    expect(r.stderr).toContain("skipped 1 too large");
  });

  it("scans only the paths given, and stdin for -", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { "a/x.txt": key, "b/y.txt": "clean" });
    const r = runCli(["scan", "b", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scanned.files).toBe(1);
    const s = runCli(["scan", "-", "--format", "json"], { cwd: dir, input: `x\nTAVILY_API_KEY=${key}\n` });
    expect(s.code).toBe(1);
    expect(JSON.parse(s.stdout).findings[0]).toMatchObject({ file: "<stdin>", line: 2, column: 16 });
  });

  it("writes the report to --output and keeps stdout empty", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, { "a.txt": key });
    const r = runCli(["scan", "a.txt", "--format", "json", "--output", "out.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const report = JSON.parse(readFileSync(join(dir, "out.json"), "utf8"));
    expect(report).toMatchObject({
      tool: "tvly-guard",
      findings: [{ ruleId: "tavily-api-key", file: "a.txt", line: 1, column: 1, commit: null, verified: null }],
    });
    expect(readFileSync(join(dir, "out.json"), "utf8")).not.toContain(key);
  });

  it.each([
    [["scan", "does-not-exist"], /no such file or directory: does-not-exist/],
    [["scan", "--format", "xml"], /unknown --format "xml"/],
    [["scan", "--bogus"], /Unknown option '--bogus'/],
    [["scan", "--max-file-size", "lots"], /--max-file-size expects a size/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("exits 2 with a one-line error for %j", (args, message) => {
    const dir = tempDir();
    const r = runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(process.platform === "linux")("exits 2 on an unreadable file named explicitly", () => {
    // /proc/self/mem fails to read at offset 0 (EIO) even for root, unlike a chmod 000 file.
    const r = runCli(["scan", "/proc/self/mem"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tvly-guard: cannot read .*mem: EIO\n$/);
  });

  it("prints help for the tool and the command", () => {
    expect(runCli(["--help"]).stdout).toContain("Usage: tvly-guard <command>");
    const r = runCli(["scan", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--max-file-size");
    expect(r.stdout).toContain("Exit codes: 0");
  });

  it("tvly-guard help <command> prints that command's help; an unknown one is exit 2", () => {
    for (const name of ["scan", "staged", "diff", "history", "install"]) {
      const r = runCli(["help", name]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(runCli([name, "--help"]).stdout);
      expect(r.stdout).toMatch(new RegExp(`^Usage: tvly-guard ${name}`));
    }
    const bad = runCli(["help", "scna"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^tvly-guard: unknown command "scna" \(commands: /);
    expect(runCli(["help", "toString"]).code).toBe(2);
  });

  it("--version, -V and -v print the package version", () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    for (const flag of ["--version", "-V", "-v"])
      expect(runCli([flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(runCli(["--help"]).stdout).toContain("-V, --version");
  });
});
