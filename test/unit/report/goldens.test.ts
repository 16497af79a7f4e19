// Report goldens, as gitleaks keeps testdata/expected/report/: one findings
// input (test/fixtures/report/input.json, keys filled in at run time) rendered
// by every format, compared with test/fixtures/report/expected.<format>.
// After an intended change: `npx vitest run test/unit/report/goldens.test.ts -u`, then review the diff.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectSecrets } from "../../../src/engine/detect.js";
import { fingerprint } from "../../../src/engine/redact.js";
import { builtinRules } from "../../../src/engine/rule.js";
import type { ReportContext } from "../../../src/report/context.js";
import { compareFindings, type Finding, toFinding } from "../../../src/report/finding.js";
import { FORMATS, loadReporter } from "../../../src/report/index.js";
import { summarizeKeys } from "../../../src/report/keys.js";
import type { CommitInfo, LocationKind } from "../../../src/sources/chunk.js";
import { fakeKeys, type KeyPrefix } from "../../helpers/fake-key.js";

interface GoldenInput {
  mode: string;
  version: string;
  now: string;
  timing: { start: string; end: string };
  summary: ReportContext["summary"];
  chunks: { path: string; text: string; commit?: CommitInfo; location?: LocationKind }[];
  pushed: Record<string, boolean | null>;
}

const FIXTURES = new URL("../../fixtures/report/", import.meta.url);
const PLACEHOLDER = /\{\{key:([a-z-]+):(\d+)\}\}/g;

/** The input with its placeholders replaced, and the fake key behind each index. */
function loadInput(): { input: GoldenInput; keys: Map<number, string> } {
  const text = readFileSync(new URL("input.json", FIXTURES), "utf8");
  const wanted = new Map<number, string>();
  for (const [, prefix, n] of text.matchAll(PLACEHOLDER)) wanted.set(Number(n), prefix!);
  const generator = fakeKeys(1300);
  const keys = new Map<number, string>();
  for (const n of [...wanted.keys()].sort((a, b) => a - b)) keys.set(n, generator.next(wanted.get(n) as KeyPrefix));
  const input = JSON.parse(text.replace(PLACEHOLDER, (_, __, n: string) => keys.get(Number(n))!)) as GoldenInput;
  return { input, keys };
}

function goldenContext(): ReportContext {
  const { input, keys } = loadInput();
  const rules = builtinRules();
  const findings: Finding[] = input.chunks.flatMap((c) => {
    const chunk = {
      path: c.path,
      data: Buffer.from(c.text),
      startLine: 1,
      ...(c.commit ? { commit: c.commit } : {}),
      ...(c.location ? { location: c.location } : {}),
    };
    return detectSecrets(chunk, rules).map((m) => toFinding(m, chunk));
  });
  findings.sort(compareFindings); // as collectFindings hands them to reporters
  const exposures = summarizeKeys(findings, Date.parse(input.now));
  for (const [n, pushed] of Object.entries(input.pushed)) {
    const key = exposures.find((k) => k.fingerprint === fingerprint(keys.get(Number(n))!));
    if (key) key.pushed = pushed;
  }
  return {
    version: input.version,
    mode: input.mode,
    findings,
    summary: input.summary,
    rules,
    color: false,
    keys: exposures,
    timing: { start: new Date(input.timing.start), end: new Date(input.timing.end) },
  };
}

describe("report goldens", () => {
  it("the input finds every planted key, one key in two places, one in a commit message", () => {
    const ctx = goldenContext();
    expect(ctx.findings).toHaveLength(5);
    expect(ctx.keys).toHaveLength(4);
    expect(ctx.findings.filter((f) => f.location === "commit-message" && f.file === null)).toHaveLength(1);
  });

  it.each(FORMATS)("expected.%s matches the %s reporter's output", async (format) => {
    const ctx = goldenContext();
    const out = (await loadReporter(format))(ctx);
    const { keys } = loadInput();
    for (const key of keys.values()) expect(out).not.toContain(key);
    await expect(out).toMatchFileSnapshot(new URL(`expected.${format}`, FIXTURES).pathname);
  });
});
