// UTF-16LE/BE text (Windows .reg exports, PowerShell output, resources inside
// binaries). ASCII in UTF-16 is the keyword's bytes with NULs between them;
// that interleaved string is the prefilter. Only chunks with NUL bytes (that is,
// binary by git's test) can hold it, so text chunks skip this decoder for free.
import { utf16Bom } from "../binary.js";
import { type DecodedSpan, type DecodeInput, type Decoder, decodeWindows, SpanBuilder } from "./span.js";

/** The keyword as UTF-16 code units minus the outer NULs, so one needle finds LE and BE alike. */
export function interleave(keyword: Buffer): Buffer {
  const out = Buffer.alloc(keyword.length * 2 - 1);
  keyword.forEach((b, i) => (out[i * 2] = b));
  return out;
}

function decodeFrom(data: Buffer, unitStart: number, encoding: "utf16le" | "utf16be", window: number): DecodedSpan {
  const out = new SpanBuilder();
  const le = encoding === "utf16le";
  const max = 2 * window;
  let i = Math.max(unitStart - 2, unitStart % 2);
  for (; i + 1 < data.length && out.length < max; i += 2) {
    const unit = le ? data[i]! | (data[i + 1]! << 8) : (data[i]! << 8) | data[i + 1]!;
    out.push(unit > 0x7f ? 0x3f : unit, i);
  }
  out.cut = i + 1 < data.length;
  return out.build(encoding);
}

export const utf16Decoder: Decoder = {
  encoding: "utf16",
  inBinary: true,
  hints: (keyword) => [{ text: interleave(Buffer.from(keyword)).toString("latin1") }],
  decode({ data, hits, binary, window }: DecodeInput): DecodedSpan[] {
    if (!binary) return [];
    const bom = utf16Bom(data);
    return decodeWindows(
      hits.map((h) => h.at),
      window,
      (at) => {
        // Without a BOM, guess from alignment: text written from offset 0 puts ASCII at even offsets in LE.
        const encoding = bom ?? (at % 2 === 0 ? "utf16le" : "utf16be");
        const unitStart = encoding === "utf16le" ? at : at - 1;
        return unitStart >= 0 ? decodeFrom(data, unitStart, encoding, window) : undefined;
      },
      (at) => at % 2,
    );
  },
};
