import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type CommandSpec, parseCommandArgs } from "../../../src/commands/args.js";
import { prepareScan, SCAN_OPTIONS } from "../../../src/commands/setup.js";
import { detectSecrets } from "../../../src/engine/detect.js";
import { toFinding } from "../../../src/report/finding.js";
import { finishScan } from "../../../src/scan/finish.js";
import type { Chunk } from "../../../src/sources/chunk.js";
import { emptySummary } from "../../../src/sources/chunk.js";
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

/** Findings as a git source makes them: repository-relative paths, each with its commit. */
function gitFindings(
  setupRules: Parameters<typeof detectSecrets>[1],
  places: { path: string; sha: string; key: string }[],
) {
  return places.flatMap(({ path, sha, key }) => {
    const chunk: Chunk = {
      path,
      data: Buffer.from(`K=${key}\n`),
      startLine: 1,
      commit: { sha, author: "A", date: "2020-01-01T00:00:00Z" },
    };
    return detectSecrets(chunk, setupRules).map((m) => toFinding(m, chunk));
  });
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
    const findings = gitFindings(setup.rules, [
      { path: "app.env", sha: allowed, key: k1 },
      { path: "vendor/lib.js", sha: other, key: k2 },
      { path: "app.env", sha: other, key: k3 },
    ]);
    expect(await finishScan(setup, "history", findings, emptySummary())).toBe(1);
    expect(out.stderr).toContain("1 key found in 1 place");
    expect(out.stderr).toContain(`not reported: 2 findings allowlisted by ${join(repo, ".tvly-guard.json")}.`);
  });

  it("writes and then honours a baseline of git-mode findings", async () => {
    const repo = gitRepo();
    const { io: cio, out } = io(repo);
    const key = keys.next();
    const place = { path: "config/app.env", sha: "c".repeat(40), key };
    const first = await prepareScan(parseCommandArgs(SPEC, ["--write-baseline", "b.json"]), cio);
    expect(await finishScan(first, "history", gitFindings(first.rules, [place]), emptySummary())).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, "b.json"), "utf8")).findings).toEqual([
      { fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), file: "config/app.env", ruleId: "tavily-api-key" },
    ]);
    const again = await prepareScan(parseCommandArgs(SPEC, ["--baseline", "b.json"]), cio);
    // The same key introduced again by another commit in the same file is still the accepted finding...
    expect(
      await finishScan(again, "history", gitFindings(again.rules, [{ ...place, sha: "d".repeat(40) }]), emptySummary()),
    ).toBe(0);
    // ...but in another file it is new.
    expect(
      await finishScan(again, "history", gitFindings(again.rules, [{ ...place, path: "other.env" }]), emptySummary()),
    ).toBe(1);
    expect(out.stderr).not.toContain(key);
  });
});
