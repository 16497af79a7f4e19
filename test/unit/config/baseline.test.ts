import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBaseline, renderBaseline, writeBaseline } from "../../../src/config/baseline.js";
import { fingerprint } from "../../../src/engine/redact.js";
import { ConfigError, InputError } from "../../../src/errors.js";
import { fakeKeys } from "../../helpers/fake-key.js";
import { tempDir, writeFiles } from "../../helpers/git-repo.js";

const keys = fakeKeys(808);

describe("baselines", () => {
  it("are sorted, de-duplicated and identical whatever order the findings came in", () => {
    const [a, b] = [fingerprint(keys.next()), fingerprint(keys.next())];
    const entries = [
      { fingerprint: b, file: "src/z.ts", ruleId: "tavily-api-key" },
      { fingerprint: a, file: "src/z.ts", ruleId: "tavily-api-key" },
      { fingerprint: a, file: "B.env", ruleId: "tavily-api-key" },
      { fingerprint: b, file: "src/z.ts", ruleId: "tavily-api-key" },
    ];
    const text = renderBaseline(entries);
    expect(renderBaseline([...entries].reverse())).toBe(text);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ tool: "tvly-guard", version: 1 });
    expect(parsed.findings.map((e: { file: string }) => e.file)).toEqual(["B.env", "src/z.ts", "src/z.ts"]);
    expect(Object.keys(parsed.findings[0])).toEqual(["fingerprint", "file", "ruleId"]);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("round-trip through a file and answer membership by fingerprint, file and rule", () => {
    const dir = tempDir();
    const fp = fingerprint(keys.next());
    writeBaseline(join(dir, "b.json"), "b.json", [{ fingerprint: fp, file: "a.env", ruleId: "tavily-api-key" }]);
    const baseline = readBaseline(join(dir, "b.json"), "b.json");
    expect(baseline.has({ fingerprint: fp, file: "a.env", ruleId: "tavily-api-key" })).toBe(true);
    expect(baseline.has({ fingerprint: fp, file: "b.env", ruleId: "tavily-api-key" })).toBe(false);
    expect(baseline.has({ fingerprint: fp, file: "a.env", ruleId: "other" })).toBe(false);
  });

  it.each([
    ["not JSON", "{", /b\.json: not valid JSON/],
    ["a list", "[]", /b\.json: not a tvly-guard baseline/],
    ["a wrong version", '{"version": 2, "findings": []}', /"version" must be 1/],
    ["an unknown key", '{"version": 1, "findings": [], "keys": []}', /unknown key "keys"/],
    [
      "an entry with a line",
      `{"version": 1, "findings": [{"fingerprint": "${"a".repeat(64)}", "file": "a", "ruleId": "r", "line": 3}]}`,
      /unknown key "findings\[0\]\.line"/,
    ],
    [
      "an entry without a file",
      `{"version": 1, "findings": [{"fingerprint": "${"a".repeat(64)}", "ruleId": "r"}]}`,
      /"findings\[0\]\.file" must be a non-empty string/,
    ],
  ])("reject %s with a one-line ConfigError", (_what, text, message) => {
    const dir = tempDir();
    writeFiles(dir, { "b.json": text });
    const err = (() => {
      try {
        readBaseline(join(dir, "b.json"), "b.json");
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toMatch(message);
  });

  it("reject a key pasted where a fingerprint belongs, without echoing it", () => {
    const dir = tempDir();
    const key = keys.next();
    writeFiles(dir, {
      "b.json": JSON.stringify({ version: 1, findings: [{ fingerprint: key, file: "a", ruleId: "r" }] }),
    });
    expect(() => readBaseline(join(dir, "b.json"), "b.json")).toThrow(
      /"findings\[0\]\.fingerprint" must be a SHA-256 fingerprint/,
    );
    try {
      readBaseline(join(dir, "b.json"), "b.json");
    } catch (e) {
      expect((e as Error).message).not.toContain(key.slice(9));
    }
  });

  it("report a missing file as an input error", () => {
    expect(() => readBaseline(join(tempDir(), "nope.json"), "nope.json")).toThrow(InputError);
  });
});
