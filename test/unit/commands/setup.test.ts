import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type CommandSpec, parseCommandArgs } from "../../../src/commands/args.js";
import { prepareScan, SCAN_OPTIONS } from "../../../src/commands/setup.js";
import { collectFindings } from "../../../src/scan/collect.js";
import { finishScan } from "../../../src/scan/finish.js";
import type { ScanSetup } from "../../../src/scan/setup.js";
import type { Chunk } from "../../../src/sources/chunk.js";
import { emptySummary } from "../../../src/sources/chunk.js";
import { chunkSource } from "../../../src/sources/source.js";
import { fakeKeys } from "../../helpers/fake-key.js";
import { gitRepo, writeFiles } from "../../helpers/git-repo.js";

const keys = fakeKeys(5150);
const SPEC: CommandSpec = {
  name: "test",
  summary: "",
  usage: "",
  options: SCAN_OPTIONS,
  allowPositionals: true,
  run: async () => 0,
};

function io(cwd: string) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: (t: string) => void (out.stdout += t),
      stderr: (t: string) => void (out.stderr += t),
      stdin: Readable.from([]),
      env: { ...process.env },
      cwd,
      stdoutIsTTY: false,
      stderrIsTTY: false,
    },
  };
}

/** Scan chunks as a git source makes them (repository-relative paths, each with its commit) through the pipeline. */
async function scanGitChunks(setup: ScanSetup, places: { path: string; sha: string; key: string }[]) {
  const chunks: Chunk[] = places.map(({ path, sha, key }) => ({
    path,
    data: Buffer.from(`K=${key}\n`),
    startLine: 1,
    commit: { sha, author: "A", date: "2020-01-01T00:00:00Z" },
  }));
  const summary = emptySummary();
  const source = chunkSource(async function* () {
    yield* chunks;
  });
  return finishScan(setup, "history", await collectFindings(source, setup, summary), summary);
}

describe("prepareScan / finishScan with a config and a baseline (git-mode findings)", () => {
  it("drops findings from allowlisted commits and paths, counts them, and keeps the rest", async () => {
    const allowed = "a".repeat(40);
    const other = "b".repeat(40);
    const repo = gitRepo();
    writeFiles(repo, {
      ".tvly-guard.json": JSON.stringify({ allowlist: { commits: [allowed.slice(0, 8)], paths: ["vendor/"] } }),
      "sub/x": "",
    });
    // Run from a subdirectory: git sources still report root-relative paths, and the config is found at the root.
    const { io: cio, out } = io(join(repo, "sub"));
    const setup = await prepareScan(parseCommandArgs(SPEC, []), cio);
    const [k1, k2, k3] = [keys.next(), keys.next(), keys.next()];
    const code = await scanGitChunks(setup, [
      { path: "app.env", sha: allowed, key: k1 },
      { path: "vendor/lib.js", sha: other, key: k2 },
      { path: "app.env", sha: other, key: k3 },
    ]);
    expect(code).toBe(1);
    expect(out.stderr).toContain("1 key found in 1 place");
    expect(out.stderr).toContain(`not reported: 2 findings allowlisted by ${join(repo, ".tvly-guard.json")}.`);
  });

  it("writes and then honours a baseline of git-mode findings", async () => {
    const repo = gitRepo();
    const { io: cio, out } = io(repo);
    const key = keys.next();
    const place = { path: "config/app.env", sha: "c".repeat(40), key };
    const first = await prepareScan(parseCommandArgs(SPEC, ["--write-baseline", "b.json"]), cio);
    expect(await scanGitChunks(first, [place])).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, "b.json"), "utf8")).findings).toEqual([
      { fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), file: "config/app.env", ruleId: "tavily-api-key" },
    ]);
    const again = await prepareScan(parseCommandArgs(SPEC, ["--baseline", "b.json"]), cio);
    // The same key introduced again by another commit in the same file is still the accepted finding...
    expect(await scanGitChunks(again, [{ ...place, sha: "d".repeat(40) }])).toBe(0);
    // ...but in another file it is new.
    expect(await scanGitChunks(again, [{ ...place, path: "other.env" }])).toBe(1);
    expect(out.stderr).not.toContain(key);
  });
});
