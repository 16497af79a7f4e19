import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectSecrets } from "../../../src/engine/detect.js";
import { BUILTIN_RULES_DIR, compileRule, loadRulesFrom } from "../../../src/engine/rule.js";
import { ConfigError } from "../../../src/errors.js";
import { seededRandom } from "../../helpers/fake-key.js";

const ranges: Record<string, string> = {
  "A-Z": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "a-z": "abcdefghijklmnopqrstuvwxyz",
  "0-9": "0123456789",
};
const expand = (alphabet: string) => alphabet.replace(/A-Z|a-z|0-9/g, (r) => ranges[r]!);

describe("rule files", () => {
  const files = readdirSync(BUILTIN_RULES_DIR).filter((f) => f.endsWith(".json"));
  const rules = loadRulesFrom(BUILTIN_RULES_DIR);

  it("loads every file under rules/", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(rules.map((r) => r.id).sort()).toEqual(
      files.map((f) => JSON.parse(readFileSync(join(BUILTIN_RULES_DIR, f), "utf8")).id).sort(),
    );
  });

  for (const rule of rules) {
    it(`${rule.id}: key shapes match and samples do not`, () => {
      const rand = seededRandom(1);
      for (const shape of rule.samples?.keyShapes ?? []) {
        const alphabet = expand(shape.alphabet);
        for (let i = 0; i < 200; i++) {
          const key =
            shape.prefix +
            Array.from({ length: shape.length }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
          const found = detectSecrets({ path: "x", data: Buffer.from(`v = "${key}"`), startLine: 1 }, [rule]);
          expect(
            found.map((m) => m.secret),
            key,
          ).toEqual([key]);
        }
      }
      for (const sample of rule.samples?.mustNotMatch ?? []) {
        expect(detectSecrets({ path: "x", data: Buffer.from(sample), startLine: 1 }, [rule]), sample).toEqual([]);
      }
    });
  }

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
  });
});
