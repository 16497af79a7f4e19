import { describe, expect, it } from "vitest";
import { compileAllowRegex, linearRegexFlag, unsafeRegexReason } from "../../../src/config/safe-regex.js";
import { builtinRules } from "../../../src/engine/rule.js";

const STRICT = { lookaround: false, backreferences: false };
const RULES = { lookaround: true, backreferences: true };

describe("unsafeRegexReason", () => {
  it.each([
    "(a+)+$",
    "(a*)*b",
    "(\\w+\\s?)*$",
    "(?:x+y?){2,}",
    "((ab)*c)+",
    "(a|aa)*b",
    "(?:a|b|ab)+",
    "((a|b)c)*",
    "(?<n>a+){3}",
    "(a+)*?",
  ])("rejects nested repetition in %s", (source) => {
    expect(unsafeRegexReason(source, RULES)).toMatch(/backtrack catastrophically/);
  });

  it.each([
    "^tvly-dev-",
    "example_only\\s*=\\s*\\S+",
    "(?:dev-|prod-)?[A-Za-z0-9]{32}",
    "(ab)+",
    "(?<pair>ab)+",
    "(?:ab)*",
    "[(a+)+]*",
    "\\(a+\\)+",
    "a{2}{",
    "(a+)?",
    "(a+){1}",
    "(a+){0,1}",
    "[a-z]+@[a-z]+\\.com",
  ])("accepts %s", (source) => {
    expect(unsafeRegexReason(source, STRICT)).toBeUndefined();
  });

  it("rejects backreferences and lookaround in allowlists, allows them in rule patterns", () => {
    for (const source of ["(.)\\1", "(?<c>.)\\k<c>"]) {
      expect(unsafeRegexReason(source, STRICT)).toMatch(/backreference/);
      expect(unsafeRegexReason(source, RULES)).toBeUndefined();
    }
    for (const source of ["(?=a)", "(?!a)", "(?<=a)b", "(?<!a)b"]) {
      expect(unsafeRegexReason(source, STRICT)).toMatch(/lookahead or lookbehind/);
      expect(unsafeRegexReason(source, RULES)).toBeUndefined();
    }
  });

  it("accepts every shipped rule's patterns (so a copied rule file passes in a config)", () => {
    for (const rule of builtinRules()) {
      expect(unsafeRegexReason(rule.pattern, RULES)).toBeUndefined();
      for (const p of rule.allow?.bodyPatterns ?? [])
        expect(unsafeRegexReason(p.pattern, RULES), p.pattern).toBeUndefined();
    }
  });
});

describe("compileAllowRegex", () => {
  it("uses the linear-time engine on this Node", () => {
    expect(linearRegexFlag()).toBe("l");
    expect(compileAllowRegex("\\w*\\w*\\w*x", "f").flags).toContain("l");
  });

  it("runs a polynomial-backtracking pattern on a long input in linear time (no timing: it returns at all)", () => {
    // With the backtracking engine this is O(n^4): hours on 100 kB. The linear engine returns at once.
    expect(compileAllowRegex("\\w*\\w*\\w*x", "f").test("a".repeat(20_000))).toBe(false);
  });

  it("names the field and never quotes the pattern in its errors", () => {
    expect(() => compileAllowRegex("SENTINEL(", 'c.json: "allowlist.keyRegexes[0]"')).toThrow(
      /^c\.json: "allowlist\.keyRegexes\[0\]" is not a valid regular expression \(Unterminated group\)$/,
    );
    expect(() => compileAllowRegex("", "f")).toThrow(/must be a non-empty string/);
  });
});
