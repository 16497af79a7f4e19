import { describe, expect, it } from "vitest";
import { detectSecrets, type HeldBack, type Match } from "../../../src/engine/detect.js";
import { detectInPieces, PIECE_BYTES } from "../../../src/engine/pieces.js";
import { builtinRules } from "../../../src/engine/rule.js";
import type { Chunk } from "../../../src/sources/chunk.js";
import { fakeKeys, keyFormats } from "../../helpers/fake-key.js";

const keys = fakeKeys(31337);
const shape = (m: Match) => [m.offset, m.line, m.column, m.secret, m.rule.id, m.encoding ?? "plain"];

/** About `bytes` of text dense with keys of every format, plain and encoded, placeholders and allowed lines among them. */
function denseText(bytes: number): string {
  const formats = keyFormats();
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const key = keys.shaped(formats[i % formats.length]!.shape);
    const line = [
      () => `k${i} = "${key}"`,
      () => `b64: ${Buffer.from(`TAVILY_API_KEY=${key}`).toString("base64")}`,
      () => `url=https://mcp.tavily.com/mcp/?tavilyApiKey=${key.replace(/-/g, "%2D")}`,
      () => `placeholder = "tvly-${"x".repeat(32)}" and "tvly-dev-YOUR_API_KEY"`,
      () => `allowed = "${key}" # tvly-guard:allow`,
      () => `café ünïcode ${key} ${"pad ".repeat(i % 40)}`,
      () => `${key}`.repeat(3),
    ][i % 7]!();
    lines.push(line);
    size += line.length + 1;
  }
  // One line longer than a piece: it cannot be cut, so a piece grows to hold it.
  lines.splice(lines.length >> 1, 0, `long ${"z".repeat(PIECE_BYTES + 1000)} ${keys.next()} end`);
  return `${lines.join("\n")}\n`;
}

describe("detectInPieces", () => {
  it("finds exactly what the whole chunk gives: same matches, lines, columns, encodings, held-back counts", () => {
    const data = Buffer.from(denseText(5 * PIECE_BYTES));
    const rules = builtinRules().map((r) => ({ ...r, allowKeyRegexes: [/^tvly-prod-/], allowStopwords: ["zzzz"] }));
    const chunk: Chunk = { path: "big.txt", data, startLine: 7, binary: false };
    const wholeHeld: HeldBack = { keyRegexes: 0, lineRegexes: 0, stopwords: 0 };
    const whole = detectSecrets(chunk, rules, { heldBack: wholeHeld });
    const pieceHeld: HeldBack = { keyRegexes: 0, lineRegexes: 0, stopwords: 0 };
    const batches = [...detectInPieces(chunk, rules, { heldBack: pieceHeld })];
    expect(batches.length).toBeGreaterThan(3); // it did cut the chunk
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThan(whole.length / 2);
    expect(batches.flat().map(shape)).toEqual(whole.map(shape));
    expect(whole.length).toBeGreaterThan(20_000);
    expect(new Set(whole.map((m) => m.encoding ?? "plain"))).toEqual(new Set(["plain", "base64", "percent"]));
    expect(pieceHeld).toEqual(wholeHeld);
    expect(wholeHeld.keyRegexes).toBeGreaterThan(0);
  });

  it("searches a small or binary chunk whole", () => {
    const text = Buffer.from(`a = "${keys.next()}"\n`);
    expect([...detectInPieces({ path: "s", data: text, startLine: 1 }, builtinRules())]).toHaveLength(1);
    const binary = Buffer.concat([Buffer.from([0]), Buffer.alloc(3 * PIECE_BYTES, 0x41)]);
    expect([...detectInPieces({ path: "b", data: binary, startLine: 1 }, builtinRules())]).toHaveLength(1);
  });
});
