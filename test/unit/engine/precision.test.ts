import { describe, expect, it } from "vitest";
import { decodesToText, hasRandomRun, placeholderReason } from "../../../src/engine/allow.js";
import { DECODERS } from "../../../src/engine/decode/index.js";
import { buildPrefilter, type Hint, SMALL_CHUNK_BYTES } from "../../../src/engine/prefilter.js";
import { builtinRules } from "../../../src/engine/rule.js";
import { Redaction } from "../../../src/output/redaction.js";
import { fakeKeys, keyFormats, knownFormats, redacted } from "../../helpers/fake-key.js";

const rules = builtinRules();
const byId = (id: string) => rules.find((r) => r.id === id)!;
const keys = fakeKeys(808);
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("precision classes (rule data, each with its reason)", () => {
  const classic = byId("tavily-api-key");

  it("hex-only bodies are digests, not keys", () => {
    expect(placeholderReason(classic, "0cc175b9c0f1b6a831c399e269772661")).toMatch(/digest/);
    expect(placeholderReason(classic, "D41D8CD98F00B204E9800998ECF8427E")).toMatch(/digest/);
    expect(placeholderReason(classic, keys.body(32))).toBeUndefined();
  });

  it("base64 of readable text is not a key; random bodies almost never decode to text", () => {
    expect(decodesToText(b64("this is not a real key!!"))).toBe(true);
    expect(placeholderReason(classic, b64("this is not a real key!!"))).toMatch(/readable text/);
    let printable = 0;
    for (let i = 0; i < 20_000; i++) if (decodesToText(keys.body(32))) printable++;
    expect(printable).toBe(0);
  });

  it("blocks repeated across separators are caught with the separators removed", () => {
    const segmented = byId("tavily-api-key-segmented");
    expect(placeholderReason(segmented, `a1B2c-${"a1B2c".repeat(8)}a1`)).toMatch(/repeated/);
    expect(placeholderReason(segmented, `${keys.body(5)}-${keys.body(42)}`)).toBeUndefined();
  });

  it("key-likeness: a long run whose character class changes often", () => {
    expect(hasRandomRun(keys.body(24), "-_", 16, 0.3)).toBe(true);
    expect(hasRandomRun("searchResultsContainerWrapper", "-_", 16, 0.3)).toBe(false);
    expect(hasRandomRun("search-results-container-wrapper-2024", "-_", 16, 0.3)).toBe(false);
    expect(hasRandomRun(`${keys.body(12)}-${keys.body(12)}`, "-_", 16, 0.3)).toBe(false); // no run of 16
  });
});

describe("the one prefilter pass", () => {
  it("reports every hint of every owner, overlapping hints and leads included", () => {
    const pf = buildPrefilter([
      { text: "tvly-", owner: "plain" },
      { text: "vly-", owner: "other" },
      { text: "74vly-", owner: "escape", leads: ["\\u00", "\\x"] },
    ]);
    const hits = pf.find(Buffer.from("a tvly- b \\u0074vly- c 74vly- d"));
    expect(hits.get("plain")?.map((h) => h.at)).toEqual([2]);
    expect(hits.get("other")?.map((h) => h.at)).toEqual([3, 16, 25]);
    expect(hits.get("escape")?.map((h) => h.at)).toEqual([10]); // at the lead; the bare 74vly- has none
  });

  it("finds what a walk over every byte with every hint finds, in the same order", () => {
    const hints: Hint[] = [
      { text: "tvly-", owner: "plain" },
      ...DECODERS.flatMap((d) => d.hints("tvly-").map((h) => ({ ...h, owner: d.encoding }))),
    ];
    // The reference: at each offset, each hint in the order given (the prefilter's contract).
    const walk = (data: Buffer) => {
      const text = data.toString("latin1");
      const out = new Map<string, { at: number; text: string }[]>();
      for (let i = 0; i < text.length; i++)
        for (const hint of hints) {
          if (!text.startsWith(hint.text, i)) continue;
          const lead = hint.leads?.find((l) => i >= l.length && text.startsWith(l, i - l.length));
          if (hint.leads && lead === undefined) continue;
          const list = out.get(hint.owner) ?? [];
          list.push({ at: i - (lead?.length ?? 0), text: hint.text });
          out.set(hint.owner, list);
        }
      return out;
    };
    const pf = buildPrefilter(hints);
    // Texts built from hints, their leads and pieces of them, so hits overlap, touch the edges and nearly match.
    const parts = [
      ...hints.flatMap((h) => [h.text, h.text.slice(1), h.text.slice(0, -1), ...(h.leads ?? [])]),
      "a",
      "\n",
    ];
    let seed = 16;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    let withHits = 0;
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let k = Math.floor(next() * 12); k >= 0; k--) text += parts[Math.floor(next() * parts.length)];
      // As is (small chunks take the regex path) and after filler that makes it large (the anchors' path).
      for (const padded of [text, `${"a\n".repeat(SMALL_CHUNK_BYTES / 2)}${text}`]) {
        const data = Buffer.from(padded, "latin1");
        const got = new Map(
          [...pf.find(data)].map(([owner, list]) => [owner, list.map((h) => ({ at: h.at, text: h.hint.text }))]),
        );
        expect(got, JSON.stringify(padded)).toEqual(walk(data));
        if (got.size > 0) withHits++;
      }
    }
    expect(withHits).toBeGreaterThan(2000);
  });

  it("costs one search per chunk however many rules share a keyword", () => {
    expect(new Set(rules.flatMap((r) => r.keywords))).toEqual(new Set(["tvly-"]));
    expect(rules.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the output redaction pass, with every format's rule", () => {
  it("redacts keys of every format, even glued to a letter, and leaves names alone", () => {
    const redaction = new Redaction(() => rules);
    const scrubSecrets = (text: string, _rules: unknown) => redaction.scrub(text);
    for (const format of knownFormats()) {
      const key = keys.shaped(format.shape);
      expect(scrubSecrets(`bad revision 'x${key}y'`, rules)).toBe(`bad revision 'x${redacted(key)}y'`);
    }
    const odd = keys.shaped(keyFormats().find((f) => f.fallback)!.shape);
    expect(scrubSecrets(`token ${odd}.`, rules)).not.toContain(odd);
    const names = "see /tmp/tvly-guard-test-Ab12Cd/tvly-search-results-container-wrapper.json";
    expect(scrubSecrets(names, rules)).toBe(names);
  });
});
