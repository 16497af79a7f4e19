// The user's git config must not change what tvly-guard reads: every git call
// pins the settings that change the output we parse (src/git/exec.ts). Each
// test runs the built CLI under a hostile global config and compares.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeKeys } from "../helpers/fake-key.js";
import { commitFiles, git, gitRepo, tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const keys = fakeKeys(1515);

interface Report {
  findings: { file: string; line: number; commit?: string | null }[];
}

/** A global config file holding `settings` (section.key = value), for GIT_CONFIG_GLOBAL. */
function globalConfig(settings: Record<string, string>): string {
  const file = join(tempDir("tvly-guard-gitconfig-"), "gitconfig");
  const lines: string[] = [];
  for (const [name, value] of Object.entries(settings)) {
    const dot = name.lastIndexOf(".");
    lines.push(`[${name.slice(0, dot).replace(/\.(.*)$/, ' "$1"')}]`, `\t${name.slice(dot + 1)} = ${value}`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/**
 * A repository whose keys sit at the top, in a subdirectory and under a
 * non-ASCII name (what core.quotePath changes), with one more of each staged.
 */
function repoWithKeysEverywhere() {
  const k = keys;
  const repo = gitRepo({ "README.md": "# app\n", "sub/notes.md": "notes\n" });
  commitFiles(repo, { "top.env": `KEY=${k.next()}\n`, "sub/ключ.txt": `key ${k.next("tvly-dev-")}\n` }, "keys");
  writeFiles(repo, { "root.js": `const k = "${k.next("tvly-prod-")}";\n`, "sub/naïve.py": `K = "${k.next()}"\n` });
  git(repo, ["add", "-A"]);
  return { repo, sub: join(repo, "sub") };
}

/** Run a command with JSON output under `configFile`; its findings as "file:line", sorted. */
function findingsOf(cwd: string, args: string[], configFile: string, env: Record<string, string> = {}) {
  const r = runCli([...args, "--format", "json"], { cwd, env: { GIT_CONFIG_GLOBAL: configFile, ...env } });
  expect(r.code, r.stderr).toBe(1);
  const report = JSON.parse(r.stdout) as Report;
  return { places: report.findings.map((f) => `${f.file}:${f.line}`).sort(), stdout: r.stdout, stderr: r.stderr };
}

describe("the user's git config", () => {
  it("diff.relative=true: history, staged and diff run from a subdirectory still read the whole repository", () => {
    const { sub } = repoWithKeysEverywhere();
    const relative = globalConfig({ "diff.relative": "true" });
    expect(findingsOf(sub, ["history"], relative).places).toEqual(["sub/ключ.txt:1", "top.env:1"]);
    expect(findingsOf(sub, ["diff", "HEAD~1..HEAD"], relative).places).toEqual(["sub/ключ.txt:1", "top.env:1"]);
    expect(findingsOf(sub, ["staged"], relative).places).toEqual(["root.js:1", "sub/naïve.py:1"]);
  });

  it("a hostile config (colours, prefixes, quoting, an external diff, signatures, a pager, fsmonitor) changes nothing", () => {
    const { repo, sub } = repoWithKeysEverywhere();
    const dir = tempDir("tvly-guard-hostile-");
    const marker = join(dir, "ran");
    const tool = join(dir, "tool.sh");
    // Stands in for an external diff, a pager and an fsmonitor hook: prints junk, leaves a mark.
    writeFileSync(tool, `#!/bin/sh\necho "+tvly-not-a-real-diff" ; touch '${marker}'\n`, { mode: 0o755 });
    const hostile = globalConfig({
      "color.ui": "always",
      "color.diff": "always",
      "diff.noprefix": "true",
      "diff.mnemonicPrefix": "true",
      "diff.relative": "true",
      "diff.suppressBlankEmpty": "true",
      "diff.external": tool,
      "diff.renames": "copies",
      "core.quotePath": "true",
      "core.pager": tool,
      "pager.log": tool,
      "pager.diff": tool,
      "log.showSignature": "true",
      "log.decorate": "full",
      "core.fsmonitor": tool,
    });
    const hostileEnv = { GIT_EXTERNAL_DIFF: tool, GIT_PAGER: tool, GIT_DIFF_OPTS: "--unified=5" };
    const plain = globalConfig({});
    for (const [cwd, args] of [
      [sub, ["history"]],
      [sub, ["diff", "HEAD~1..HEAD"]],
      [sub, ["staged"]],
      [repo, ["scan", "."]],
    ] as const) {
      const expected = findingsOf(cwd, [...args], plain);
      const got = findingsOf(cwd, [...args], hostile, hostileEnv);
      expect(got.places.length, args.join(" ")).toBeGreaterThan(0);
      expect(got.stdout, args.join(" ")).toBe(expected.stdout);
      expect(got.stderr, args.join(" ")).toBe(expected.stderr);
    }
    expect(existsSync(marker)).toBe(false);
  });
});
