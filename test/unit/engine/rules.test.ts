import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectSecrets } from "../../../src/engine/detect.js";
import { BUILTIN_RULES_DIR, compileRule, loadRulesFrom } from "../../../src/engine/rule.js";
import { ConfigError } from "../../../src/errors.js";
import { expandSample, fakeKeys } from "../../helpers/fake-key.js";

describe("rule files", () => {
  const files = readdirSync(BUILTIN_RULES_DIR).filter((f) => f.endsWith(".json"));
  const rules = loadRulesFrom(BUILTIN_RULES_DIR);

  it("loads every file under rules/", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(rules.map((r) => r.id).sort()).toEqual(
      files.map((f) => JSON.parse(readFileSync(join(BUILTIN_RULES_DIR, f), "utf8")).id).sort(),
    );
  });

  const detect = (text: string) => detectSecrets({ path: "x", data: Buffer.from(text), startLine: 1 }, rules);

  for (const rule of rules) {
    it(`${rule.id}: its key shapes are found by it alone, and its samples by no rule`, () => {
      const keys = fakeKeys(1);
      for (const shape of rule.samples?.keyShapes ?? []) {
        for (let i = 0; i < 200; i++) {
          const key = keys.shaped(shape);
          expect(
            detect(`v = "${key}"`).map((m) => [m.secret, m.rule.id]),
            key,
          ).toEqual([[key, rule.id]]);
        }
      }
      expect(rule.samples?.mustNotMatch?.length, "every rule lists placeholders of its own").toBeGreaterThan(3);
      for (const sample of (rule.samples?.mustNotMatch ?? []).map(expandSample))
        expect(detect(sample), sample).toEqual([]);
      for (const body of (rule.samples?.fakeBodies ?? []).map(expandSample))
        for (const prefix of new Set(rule.samples?.keyShapes?.map((s) => s.prefix)))
          expect(detect(`${prefix}${body}`), prefix + body).toEqual([]);
    });
  }

  it("holds no key-shaped literal: key-length placeholders are {{N:chars}} runs the tests expand", () => {
    const keyShaped = /tvly-(dev-|prod-)?([A-Za-z0-9]{32}|[A-Za-z0-9]{4,8}-[A-Za-z0-9]{42})/;
    const expanded: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(BUILTIN_RULES_DIR, file), "utf8");
      expect(text, file).not.toMatch(keyShaped);
      const samples = JSON.parse(text).samples?.mustNotMatch ?? [];
      expanded.push(...samples.map(expandSample).filter((s: string) => keyShaped.test(s)));
    }
    // The placeholders that look most like keys are still there, and still rejected (above).
    expect(expanded.length).toBeGreaterThan(8);
    expect(expandSample("tvly-dev-xxxxx-{{42:x}}")).toBe(`tvly-dev-xxxxx-${"x".repeat(42)}`);
    expect(expandSample("{{5:ab}}")).toBe("ababa");
  });

  it("extends: a rule takes the remediation, verify and allow lists of the rule it names", () => {
    const [classic, segmented, unknown] = [
      "tavily-api-key",
      "tavily-api-key-segmented",
      "tavily-api-key-unknown-format",
    ].map((id) => rules.find((r) => r.id === id)!);
    expect(segmented!.remediation).toEqual(classic!.remediation);
    expect(segmented!.verify).toEqual(classic!.verify);
    expect(segmented!.allowWords).toEqual(classic!.allowWords);
    expect(unknown!.remediation.steps).toEqual(classic!.remediation.steps);
    expect(unknown!.remediation.notice).toMatch(/does not recognise/);
    expect(unknown!.severity).toBe("warning");
    expect(unknown!.fallback).toBe(true);
  });

  it("names the file and field of a bad rule", () => {
    expect(() =>
      compileRule(
        { id: "x", description: "d", keywords: ["k"], pattern: "(", remediation: { title: "t", steps: [] } },
        "bad.json",
      ),
    ).toThrow(ConfigError);
    expect(() =>
      compileRule(
        { id: "x", description: "d", keywords: [], pattern: "a", remediation: { title: "t", steps: [] } },
        "bad.json",
      ),
    ).toThrow(/bad\.json: "keywords"/);
    expect(() =>
      compileRule(
        {
          id: "x",
          extends: "y",
          description: "d",
          keywords: ["k"],
          pattern: "a",
          remediation: { title: "t", steps: [] },
        },
        "bad.json",
      ),
    ).toThrow(/bad\.json: "extends" names no rule/);
  });
});
