// Percent-encoding (URLs, form bodies, query strings): `tvly%2D...`, fully
// escaped keywords, and keys right after an escape (`?url=...%3Dtvly-...`),
// where the escape's hex digit would otherwise glue onto the key.
import { commonPrefix, distinctNeedles, isWordByte } from "./hint-text.js";
import {
  type DecodedSpan,
  type DecodeInput,
  type Decoder,
  decodeWindows,
  hex2,
  hexValue,
  SpanBuilder,
} from "./span.js";

const PERCENT = 0x25;

/** The prefixes of a keyword's percent-encoded forms that every case of hex digits shares. */
export function percentForms(keyword: string): string[] {
  const encode = (upper: boolean, all: boolean) =>
    [...Buffer.from(keyword)]
      .map((b) => (all || !isWordByte(b) ? `%${hex2(b, upper)}` : String.fromCharCode(b)))
      .join("");
  const forms = [commonPrefix(encode(true, true), encode(false, true))];
  const punct = commonPrefix(encode(true, false), encode(false, false)); // tvly%2D and tvly%2d share tvly%2
  if (punct !== keyword) forms.push(punct);
  return distinctNeedles(forms).filter((f) => f.length >= 4);
}

const escapeAt = (data: Buffer, i: number) =>
  data[i] === PERCENT && hexValue(data[i + 1]) >= 0 && hexValue(data[i + 2]) >= 0
    ? hexValue(data[i + 1]) * 16 + hexValue(data[i + 2])
    : -1;

function decodeFrom(data: Buffer, start: number, window: number): DecodedSpan {
  const out = new SpanBuilder();
  const before = start >= 3 ? escapeAt(data, start - 3) : -1;
  if (before >= 0) out.push(before, start - 3);
  else if (start > 0) out.push(data[start - 1]!, start - 1);
  out.pushUnescaped(data, start, 2 * window, (bytes, at) => {
    const value = escapeAt(bytes, at);
    return value >= 0 ? [value, 3] : undefined;
  });
  return out.build("percent");
}

export const percentDecoder: Decoder = {
  encoding: "percent",
  inBinary: false,
  hints: (keyword) => percentForms(keyword).map((text) => ({ text })),
  decode({ data, hits, plainHits, window }: DecodeInput): DecodedSpan[] {
    const starts = new Set(hits.map((h) => h.at));
    // A plain keyword right after an escape: "%3Dtvly-" reads as "3Dtvly-" to the plain pass.
    for (const at of plainHits) if (at >= 3 && isWordByte(data[at - 1]) && escapeAt(data, at - 3) >= 0) starts.add(at);
    return decodeWindows(starts, window, (at) => decodeFrom(data, at, window));
  },
};
