// UTF-16LE/BE text (Windows .reg exports, PowerShell output, resources inside
// binaries). ASCII in UTF-16 is the keyword's bytes with NULs between them;
// that interleaved string is the prefilter. Only chunks with NUL bytes (that is,
// binary by git's test) can hold it, so text chunks skip this decoder for free.
import { utf16Bom } from "../binary.js";
import type { Rule } from "../rule.js";
import { findNeedle, type Needle, toNeedle } from "./needle.js";
import {
  type DecodedSpan,
  type DecodeInput,
  type Decoder,
  decodeWindows,
  perRule,
  SpanBuilder,
  windowBytes,
} from "./span.js";

/** The keyword as UTF-16 code units minus the outer NULs, so one needle finds LE and BE alike. */
export function interleave(keyword: Buffer): Buffer {
  const out = Buffer.alloc(keyword.length * 2 - 1);
  keyword.forEach((b, i) => (out[i * 2] = b));
  return out;
}

const needlesFor = perRule((rule: Rule): Needle[] => rule.keywordBytes.map((k) => toNeedle(interleave(k), 5)));

function decodeFrom(data: Buffer, unitStart: number, encoding: "utf16le" | "utf16be", rule: Rule): DecodedSpan {
  const out = new SpanBuilder();
  const le = encoding === "utf16le";
  const max = 2 * windowBytes(rule);
  for (let i = Math.max(unitStart - 2, unitStart % 2); i + 1 < data.length && out.length < max; i += 2) {
    const unit = le ? data[i]! | (data[i + 1]! << 8) : (data[i]! << 8) | data[i + 1]!;
    out.push(unit > 0x7f ? 0x3f : unit, i);
  }
  return out.build(encoding);
}

export const utf16Decoder: Decoder = {
  encoding: "utf16",
  inBinary: true,
  decode({ data, rule, binary, counts }: DecodeInput): DecodedSpan[] {
    if (!binary) return [];
    const bom = utf16Bom(data);
    const hits = needlesFor(rule).flatMap((needle) => findNeedle(data, needle, counts));
    return decodeWindows(
      hits,
      rule,
      (at) => {
        // Without a BOM, guess from alignment: text written from offset 0 puts ASCII at even offsets in LE.
        const encoding = bom ?? (at % 2 === 0 ? "utf16le" : "utf16be");
        const unitStart = encoding === "utf16le" ? at : at - 1;
        return unitStart >= 0 ? decodeFrom(data, unitStart, encoding, rule) : undefined;
      },
      (at) => at % 2,
    );
  },
};
