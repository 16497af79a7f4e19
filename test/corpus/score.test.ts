import { describe, expect, it } from "vitest";
import { knownFormats } from "../helpers/fake-key.js";
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
  const { byCategory, byBoth, misses } = scoreCorpus() as {
    byCategory: Record<string, Score>;
    byBoth: Record<string, Score>;
    misses: string[];
  };

  it("covers plain, encoded and binary cases, positive and negative, for every known format", () => {
    const cases = buildCorpus() as { category: string; format: string; keys: unknown[] }[];
    for (const category of ["plain", "encoded", "binary"]) {
      expect(cases.filter((c) => c.category === category && c.keys.length === 0).length, category).toBeGreaterThan(3);
      for (const { name } of knownFormats()) {
        const positives = cases.filter((c) => c.category === category && c.format === name && c.keys.length > 0);
        expect(positives.length, `${category} ${name}`).toBeGreaterThanOrEqual(category === "plain" ? 20 : 7);
        expect(byBoth[`${category} ${name}`]!.tp, `${category} ${name}`).toBeGreaterThan(0);
      }
    }
  });

  it("finds every plain key of every format (recall 100%)", () => {
    for (const [name, s] of Object.entries(byBoth).filter(([n]) => n.startsWith("plain ")))
      expect(s.fn, `${name}\n${misses.join("\n")}`).toBe(0);
    expect(byCategory.plain!.recall).toBe(1);
  });

  it("finds every key in the corpus's binaries (recall 100%)", () => {
    expect(byCategory.binary!.fn, misses.join("\n")).toBe(0);
  });

  it("keeps precision at 99.5% or more in every category and overall", () => {
    for (const [category, s] of Object.entries(byCategory))
      expect(s.precision, `${category}\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.995);
    const tp = Object.values(byCategory).reduce((n, s) => n + s.tp, 0);
    const fp = Object.values(byCategory).reduce((n, s) => n + s.fp, 0);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.995);
  });

  it("misses encoded keys only in the cases marked as known limits", () => {
    expect(misses.filter((m) => !/\/ng\.limit-/.test(m))).toEqual([]);
    expect(byCategory.encoded!.recall).toBeGreaterThan(0.9);
  });

  it("drops no random key of a known format, few of the unknown-format net, and every placeholder", async () => {
    const f = (await scoreFilter(40_000)) as {
      samples: number;
      drops: number;
      dropped: Record<string, number>;
      kept: string[];
      placeholders: number;
    };
    const known = Object.entries(f.dropped).filter(([why]) => !why.startsWith("tavily-api-key-unknown-format:"));
    expect(known).toEqual([]);
    expect(f.drops / f.samples, JSON.stringify(f.dropped)).toBeLessThan(0.001);
    expect(f.placeholders).toBeGreaterThan(100);
    expect(f.kept).toEqual([]);
  });
});
