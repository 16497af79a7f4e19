// JSON and JavaScript string escapes: `\u0074vly-`, `\x74vly-`, `tvly\u002d`,
// and keys right after an escape (`"line\ntvly-..."` in notebooks and
// serialized logs), where the escape's letter would otherwise glue onto the key.
import { isWordByte } from "./hint-text.js";
import {
  type DecodedSpan,
  type DecodeInput,
  type Decoder,
  decodeWindows,
  hex2,
  hexValue,
  SpanBuilder,
} from "./span.js";

const BACKSLASH = 0x5c;
const SIMPLE: Record<string, number> = { n: 0x0a, t: 0x09, r: 0x0d, b: 0x08, f: 0x0c, v: 0x0b, "0": 0x00 };

/** Leads of an escaped first character: `\u0074vly-` and `\x74vly-` share the tail `74vly-`. */
const FIRST_CHAR_LEADS = ["\\u00", "\\x"];

/**
 * The hints for a keyword's escaped forms: its first character escaped (the
 * hex digits and the rest, after one of FIRST_CHAR_LEADS), and its alphanumeric
 * head followed by a backslash (`tvly\u002d`, `tvly\x2d`).
 */
export function escapeForms(keyword: string): { text: string; leads?: string[] }[] {
  const bytes = [...Buffer.from(keyword)];
  const forms: { text: string; leads?: string[] }[] = [];
  for (const upper of [false, true])
    forms.push({ text: hex2(bytes[0]!, upper) + keyword.slice(1), leads: FIRST_CHAR_LEADS });
  const head = bytes.findIndex((b) => !isWordByte(b));
  if (head > 0) forms.push({ text: `${keyword.slice(0, head)}\\` });
  return forms.filter((f, i) => forms.findIndex((g) => g.text === f.text) === i);
}

/** True when the backslash at `i` starts an escape (an odd run of backslashes ends at it). */
function isEscape(data: Buffer, i: number): boolean {
  let run = 0;
  for (let j = i; j >= 0 && data[j] === BACKSLASH; j--) run++;
  return run % 2 === 1;
}

const hexRun = (data: Buffer, from: number, n: number) => {
  let value = 0;
  for (let i = from; i < from + n; i++) {
    const h = hexValue(data[i]);
    if (h < 0) return -1;
    value = value * 16 + h;
  }
  return value;
};

/** The escape starting at `i` as [decoded code, length], or undefined if `i` holds no escape. */
function escapeAt(data: Buffer, i: number): [number, number] | undefined {
  if (data[i] !== BACKSLASH || i + 1 >= data.length) return undefined;
  const c = String.fromCharCode(data[i + 1]!);
  if (c === "u") {
    const v = hexRun(data, i + 2, 4);
    return v >= 0 ? [v, 6] : undefined;
  }
  if (c === "x") {
    const v = hexRun(data, i + 2, 2);
    return v >= 0 ? [v, 4] : undefined;
  }
  return [SIMPLE[c] ?? data[i + 1]!, 2];
}

/** The decoded character just before `start`, read back over a possible escape. */
function pushPrevious(data: Buffer, start: number, out: SpanBuilder): void {
  for (const len of [6, 4, 2]) {
    const i = start - len;
    if (i < 0 || data[i] !== BACKSLASH || !isEscape(data, i)) continue;
    const esc = escapeAt(data, i);
    if (esc && esc[1] === len) {
      out.push(esc[0], i);
      return;
    }
  }
  if (start > 0) out.push(data[start - 1]!, start - 1);
}

function decodeFrom(data: Buffer, start: number, window: number): DecodedSpan {
  const out = new SpanBuilder();
  pushPrevious(data, start, out);
  out.pushUnescaped(data, start, 2 * window, escapeAt);
  return out.build("json-escape");
}

export const jsonEscapeDecoder: Decoder = {
  encoding: "json-escape",
  inBinary: false,
  hints: escapeForms,
  decode({ data, hits, plainHits, window }: DecodeInput): DecodedSpan[] {
    const starts = new Set(hits.map((h) => h.at));
    // A plain keyword right after an escape: "\ntvly-" reads as "ntvly-" to the plain pass.
    for (const at of plainHits) {
      if (!isWordByte(data[at - 1])) continue;
      for (const len of [2, 4, 6]) if (at >= len && data[at - len] === BACKSLASH) starts.add(at);
    }
    return decodeWindows(starts, window, (at) => decodeFrom(data, at, window));
  },
};
