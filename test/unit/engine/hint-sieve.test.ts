// The stream sieve in front of detection: a stretch is wanted exactly when one of the prefilter's
// anchors lies wholly inside it, however the stream is cut into pieces, and a stretch holding a hint
// (plain or encoded key) is always wanted.
import { describe, expect, it } from "vitest";
import { detectSecrets, hintAnchors } from "../../../src/engine/detect.js";
import { HintSieve } from "../../../src/engine/hint-sieve.js";
import { builtinRules } from "../../../src/engine/rule.js";
import { fakeKeys } from "../../helpers/fake-key.js";

const rules = builtinRules();
const anchors = hintAnchors(rules);
const keys = fakeKeys(4242);

/** Does some anchor lie wholly inside data[from, to)? The sieve's answer, found the slow way. */
const holdsAnchor = (data: Buffer, from: number, to: number) =>
  anchors.some((a) => data.subarray(from, to).includes(a));

/** Feed `data` in pieces cut at `cuts`, asking about `stretches` (in order) once their bytes are all seen. */
function answers(data: Buffer, cuts: number[], stretches: [number, number][]): boolean[] {
  const sieve = new HintSieve(anchors);
  const out: boolean[] = [];
  let next = 0;
  const edges = [...cuts, data.length];
  let at = 0;
  for (const edge of edges) {
    sieve.see(data.subarray(at, edge));
    at = edge;
    while (next < stretches.length && stretches[next]![1] <= at) {
      const [from, to] = stretches[next++]!;
      out.push(sieve.wants(from, to));
    }
  }
  return out;
}

describe("HintSieve", () => {
  it("has anchors: every hint of the rules holds one", () => {
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) expect(a.length).toBeGreaterThanOrEqual(2);
  });

  it("wants a stretch exactly when an anchor lies inside it, wherever the stream is cut", () => {
    const key = keys.next();
    const plain = Buffer.from(`const a = 1;\nkey = "${key}"\n`);
    const base64 = Buffer.from(`token: ${Buffer.from(`x ${key}`).toString("base64")}\n`);
    const utf16 = Buffer.from(`\ufeffk=${key}`, "utf16le");
    const percent = Buffer.from(`q=${encodeURIComponent(`"${key}"`).replace(/t/g, "%74")}\n`);
    const data = Buffer.concat([
      Buffer.from("no hint here at all\n"),
      plain,
      base64,
      utf16,
      percent,
      Buffer.from("end"),
    ]);
    // Blobs sit edge to edge in the stream and are asked about in order: cut the data into stretches
    // of a few lengths at every phase, and the stream into pieces at every offset (and of every small size).
    for (const len of [1, 2, 3, 5, 40])
      for (let phase = 0; phase < len; phase++) {
        const stretches: [number, number][] = [];
        for (let from = phase; from + len <= data.length; from += len) stretches.push([from, from + len]);
        const expected = stretches.map(([from, to]) => holdsAnchor(data, from, to));
        if (len === 40) expect(expected).toContain(true);
        for (let cut = 0; cut <= data.length; cut += len === 40 ? 1 : 13)
          expect(answers(data, [cut], stretches), `len ${len}, phase ${phase}, cut at ${cut}`).toEqual(expected);
        for (const size of [1, 2, 3, 64]) {
          const cuts: number[] = [];
          for (let c = size; c < data.length; c += size) cuts.push(c);
          expect(answers(data, cuts, stretches), `len ${len}, phase ${phase}, pieces of ${size}`).toEqual(expected);
        }
      }
  });

  it("wants every stretch that detectSecrets finds a key in, plain or encoded", () => {
    const key = keys.next("tvly-dev-");
    const blobs = [
      `API_KEY=${key}\n`,
      `b64: ${Buffer.from(`key=${key}`).toString("base64")}\n`,
      `url?k=${key.replace(/-/g, "%2D")}\n`,
      "nothing to see\n".repeat(200),
    ].map((t) => Buffer.from(t));
    blobs.push(Buffer.from(`\ufeffkey=${key}\n`, "utf16le"));
    const data = Buffer.concat(blobs);
    expect(blobs.filter((b) => detectSecrets({ path: "", data: b, startLine: 1 }, rules).length > 0).length).toBe(4);
    const sieve = new HintSieve(anchors);
    sieve.see(data);
    let from = 0;
    for (const blob of blobs) {
      const found = detectSecrets({ path: "", data: blob, startLine: 1 }, rules);
      const wanted = sieve.wants(from, from + blob.length);
      if (found.length > 0) expect(wanted, blob.toString("latin1")).toBe(true);
      if (blob.includes("nothing to see")) expect(wanted).toBe(false);
      from += blob.length;
    }
  });

  it("with no rules, wants nothing", () => {
    const sieve = new HintSieve(hintAnchors([]));
    sieve.see(Buffer.from(`k=${keys.next()}`));
    expect(sieve.wants(0, 40)).toBe(false);
  });
});
