import { describe, expect, it } from "vitest";
import { placeholderReason } from "../../../src/engine/allow.js";
import { repeatRatio, sequentialRatio } from "../../../src/engine/entropy.js";
import { builtinRules } from "../../../src/engine/rule.js";
import { isTestPath } from "../../../src/engine/test-path.js";
import { fakeKeys } from "../../helpers/fake-key.js";

const rule = builtinRules()[0]!;

describe("placeholder measures", () => {
  it("sequences: case-folded, both directions, stride 2, keyboard rows", () => {
    expect(sequentialRatio("AbCdEfGh")).toBe(1);
    expect(sequentialRatio("87654321")).toBe(1);
    expect(sequentialRatio("a1b2c3d4e5")).toBe(1);
    expect(sequentialRatio("qwertyui", ["qwertyuiop"])).toBe(1);
    expect(sequentialRatio("qwertyui")).toBeLessThan(0.3);
  });

  it("runs", () => {
    expect(repeatRatio("aaaabbbb")).toBeCloseTo(6 / 7);
    expect(repeatRatio("abcabc")).toBe(0);
  });

  it("a lone short word in a random body is not a placeholder; several words are", () => {
    const keys = fakeKeys(3);
    const body = keys.body(28);
    expect(placeholderReason(rule, `your${body}`)).toBeUndefined();
    expect(placeholderReason(rule, `Your${"Tavily".slice(0, 6)}KeyHere${keys.body(15)}`)).toMatch(/placeholder word/);
    expect(placeholderReason(rule, `example${keys.body(25)}`)).toMatch(/example/);
  });
});

describe("isTestPath", () => {
  it.each([
    "test/a.env",
    "tests/x.py",
    "pkg/__tests__/a.ts",
    "src/fixtures/k.json",
    "a.test.ts",
    "b.spec.js",
    "c_test.go",
    "test_d.py",
    "deep/testdata/x",
    "conftest.py",
  ])("%s is a test path", (p) => {
    expect(isTestPath(p)).toBe(true);
  });
  it.each(["src/app.ts", "latest.js", "contest.py", "attestation.md", "spec.md", "docs/testing.md", ".env"])(
    "%s is not",
    (p) => {
      expect(isTestPath(p)).toBe(false);
    },
  );
});
