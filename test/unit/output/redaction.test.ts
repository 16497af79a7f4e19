import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectSecrets } from "../../../src/engine/detect.js";
import { BUILTIN_RULES_DIR, builtinRules, compileRule } from "../../../src/engine/rule.js";
import { neutraliseControls, Redaction, withoutAssertions } from "../../../src/output/redaction.js";
import { fakeKeys } from "../../helpers/fake-key.js";

const keys = fakeKeys(2718);

describe("withoutAssertions", () => {
  it("drops lookarounds, \\b, ^ and $, and keeps classes, escapes and groups", () => {
    expect(withoutAssertions("(?<![A-Za-z0-9_])(?<s>a[)(]\\d+)(?![a-z(])")).toBe("(?<s>a[)(]\\d+)");
    expect(withoutAssertions("^\\bx\\.y\\B$")).toBe("x\\.y");
    expect(withoutAssertions("(?:(?=a)b|(?<=c)d)")).toBe("(?:b|d)");
  });
});

describe("Redaction", () => {
  const redaction = new Redaction(builtinRules);
  it("redacts a key whatever is glued to it, before or after", () => {
    for (const prefix of ["", "x", "_", "\\b", "9", "dir-"]) {
      const key = keys.next("tvly-dev-");
      const out = redaction.scrub(`arg ${prefix}${key}tail`);
      expect(out).not.toContain(key.slice(-28));
      expect(out).toContain(`${prefix}tvly-dev-${key.slice(9, 13)}…`);
    }
  });

  it("redacts base64- and percent-encoded keys the engine's decoders find", () => {
    const key = keys.next();
    const b64 = Buffer.from(key).toString("base64");
    const pct = [...key].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("");
    const out = redaction.scrub(`  // ${b64}\n  // ${pct}\n`);
    expect(out).not.toContain(b64.slice(8));
    expect(out).not.toContain(pct.slice(12));
  });

  it("looks past its own name, never past a key beside or glued to it, nor past a config rule that matches the name", () => {
    const clean = "tvly-guard staged: scanned 20 files, 161 KiB: no keys found.\x1b]0;t\n";
    expect(redaction.scrub(clean)).toBe(neutraliseControls(clean));
    const key = keys.next("tvly-dev-");
    const b64 = Buffer.from(key).toString("base64");
    for (const line of [`tvly-guard: ${key}`, `tvly-guard${key}`, `tvly-guard-${key}`, `x${key}tvly-guard.`]) {
      const out = redaction.scrub(line);
      expect(out, line).not.toContain(key.slice(-28));
      expect(out).toContain("tvly-guard");
    }
    expect(redaction.scrub(`tvly-guard: ${b64}`)).not.toContain(b64.slice(8));
    const house = new Redaction(builtinRules);
    house.addRules([{ ...builtinRules()[0]!, id: "house", pattern: "(?<secret>tvly-guard: [0-9]{6})" }]);
    expect(house.scrub("tvly-guard: 123456 seen")).not.toContain("123456");
  });

  it("redacts a config rule's encoded keys though it scrubbed before the config loaded", () => {
    const spec = JSON.parse(readFileSync(join(BUILTIN_RULES_DIR, "tavily-api-key.json"), "utf8"));
    const acme = compileRule(
      { ...spec, id: "acme-key", keywords: ["acme-"], pattern: spec.pattern.replace("tvly-", "acme-") },
      "test",
    );
    const early = new Redaction(builtinRules);
    early.scrub(`tvly-guard: warning: ${Buffer.from(keys.next()).toString("base64")}`);
    early.addRules([acme]);
    const key = keys.next().replace("tvly-", "acme-");
    const b64 = Buffer.from(key).toString("base64");
    expect(early.scrub(`acme ${key}`)).not.toContain(key.slice(-20));
    expect(early.scrub(`  // ${b64}`)).not.toContain(b64.slice(8));
  });

  it("neutralises escape sequences and other controls, keeps colours, erase-line and newlines", () => {
    expect(neutraliseControls("a\x1b]0;t\x07b\x1b[2Jc\u202ed\x9be")).toBe("a\\x1b]0;t\\x07b\\x1b[2Jc\\u202ed\\x9be");
    expect(neutraliseControls("\r\x1b[2K\x1b[31mred\x1b[39m\n\ttab\r\n")).toBe(
      "\r\x1b[2K\x1b[31mred\x1b[39m\n\ttab\r\n",
    );
    expect(neutraliseControls("over\rwrite")).toBe("over\\x0dwrite");
  });
});

describe("detectSecrets with very many keys", () => {
  it("finds 300,000 keys in one chunk without overflowing the stack", () => {
    const list = Array.from({ length: 300_000 }, () => keys.next());
    const data = Buffer.from(`${list.map((k) => `k=${k}`).join("\n")}\n`);
    const found = detectSecrets({ path: "big.txt", data, startLine: 1 }, builtinRules(), { decode: false });
    expect(found.length).toBeGreaterThan(299_900); // a few random bodies look like placeholders
  }, 120_000);
});
