import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript modules shared with `npm run score`
import { buildCorpus } from "./corpus.mjs";
// @ts-expect-error plain JavaScript modules shared with `npm run score`
import { scoreCorpus, scoreFilter } from "./score.mjs";

interface Score {
  cases: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

describe("precision/recall corpus (npm run score)", () => {
  const { byCategory, misses } = scoreCorpus() as { byCategory: Record<string, Score>; misses: string[] };

  it("covers plain, encoded and binary cases, positive and negative", () => {
    const cases = buildCorpus() as { category: string; keys: string[] }[];
    for (const category of ["plain", "encoded", "binary"]) {
      expect(cases.filter((c) => c.category === category && c.keys.length > 0).length, category).toBeGreaterThanOrEqual(
        10,
      );
      expect(
        cases.filter((c) => c.category === category && c.keys.length === 0).length,
        category,
      ).toBeGreaterThanOrEqual(3);
      expect(byCategory[category]!.tp, category).toBeGreaterThan(0);
    }
  });

  it("finds every plain key (recall 100%)", () => {
    expect(byCategory.plain!.fn, misses.join("\n")).toBe(0);
    expect(byCategory.plain!.recall).toBe(1);
  });

  it("keeps precision at 99% or more in every category", () => {
    for (const [category, s] of Object.entries(byCategory))
      expect(s.precision, `${category}\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.99);
  });

  it("misses encoded and binary keys only in the cases marked as known limits", () => {
    expect(misses.filter((m) => !/\/limit-/.test(m))).toEqual([]);
    expect(byCategory.encoded!.recall).toBeGreaterThan(0.9);
    expect(byCategory.binary!.recall).toBeGreaterThan(0.7);
  });

  it("drops no random key body and every listed placeholder", async () => {
    const f = (await scoreFilter(20_000)) as {
      drops: number;
      dropped: Record<string, number>;
      kept: string[];
      placeholders: number;
    };
    expect(f.drops, JSON.stringify(f.dropped)).toBe(0);
    expect(f.placeholders).toBeGreaterThan(50);
    expect(f.kept).toEqual([]);
  });
});
