// base64 and base64url (Kubernetes Secrets, .dockerconfigjson, data URIs,
// JWT-ish blobs). A keyword encodes to one of three fixed strings, one per
// byte alignment; those strings are the prefilter.
import { type DecodedSpan, type DecodeInput, type Decoder, decodeWindows } from "./span.js";

/**
 * For each alignment a (0, 1, 2 unknown bytes before the keyword in its
 * 3-byte group), the base64 characters fully determined by the keyword: those
 * whose 6 bits all lie inside the keyword's bits.
 */
export function base64Forms(keyword: Buffer): { text: string; lead: number }[] {
  const forms: { text: string; lead: number }[] = [];
  for (let a = 0; a < 3; a++) {
    const encoded = Buffer.concat([Buffer.alloc(a), keyword]).toString("base64");
    const first = Math.ceil((8 * a) / 6);
    const last = Math.floor((8 * (a + keyword.length)) / 6) - 1;
    if (last - first + 1 < 4) continue; // too short to be a useful hint
    const text = encoded.slice(first, last + 1);
    forms.push({ text, lead: first });
    const url = text.replace(/\+/g, "-").replace(/\//g, "_");
    if (url !== text) forms.push({ text: url, lead: first });
  }
  return forms;
}

const B64 = new Uint8Array(256);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_") B64[c.charCodeAt(0)] = 1;
const isB64 = (byte: number | undefined) => byte !== undefined && B64[byte] === 1;

/** Shortest line of whole base64 groups taken for a wrapped one (PEM wraps at 64, MIME and `base64` at 76). */
const MIN_WRAP = 60;

/** Where base64 resumes after a line break (and indentation) at `i` that ends a wrapped line, or -1. */
function wrappedLineStart(data: Buffer, i: number): number {
  let j = data[i] === 0x0d ? i + 1 : i;
  if (data[j] !== 0x0a) return -1;
  let run = 0; // the line's base64 characters: only a long line of whole groups was wrapped
  for (let k = i - 1; k >= 0 && isB64(data[k]); k--) run++;
  if (run < MIN_WRAP || run % 4 !== 0) return -1;
  j++;
  while (data[j] === 0x20 || data[j] === 0x09) j++;
  return isB64(data[j]) ? j : -1;
}

function decodeAt(data: Buffer, groupStart: number, window: number): DecodedSpan | undefined {
  for (let i = groupStart; i < groupStart + 4; i++) if (!isB64(data[i])) return undefined;
  // Up to two whole groups before: the byte before the key decides its left boundary.
  let start = groupStart;
  while (start - 4 >= 0 && groupStart - start < 8 && [1, 2, 3, 4].every((k) => isB64(data[start - k]))) start -= 4;
  // Collect base64 characters to the right, across line wraps (`base64` and MIME wrap at 76
  // columns, PEM at 64), remembering where each one sits in the chunk. Only a long line of
  // whole groups counts as wrapped, so the next line of a .env or YAML file is never glued on.
  const wanted = groupStart - start + Math.ceil((2 * window) / 3) * 4;
  const chars = Buffer.allocUnsafe(wanted);
  const origins = new Int32Array(wanted);
  let n = 0;
  for (let i = start; i < data.length && n < wanted; i++) {
    if (!isB64(data[i])) {
      const next = wrappedLineStart(data, i);
      if (next === -1) break;
      i = next - 1;
      continue;
    }
    chars[n] = data[i]!;
    origins[n++] = i;
  }
  const decoded = Buffer.from(chars.toString("latin1", 0, n), "base64"); // Node accepts both alphabets here
  const encoding = alphabetOf(data, groupStart);
  return {
    encoding,
    data: decoded,
    origin: (offset) => origins[Math.min(Math.floor(offset / 3) * 4, n - 1)] ?? start,
    cut: n === wanted,
  };
}

const URL_ONLY = new Set([0x2d, 0x5f]); // - _
const STANDARD_ONLY = new Set([0x2b, 0x2f]); // + /
const ALPHABET_SCAN = 512;

/** "base64url" when the token around `at` uses - or _ (and not + or /), looked for within a bounded reach. */
function alphabetOf(data: Buffer, at: number): "base64" | "base64url" {
  let url = false;
  for (const step of [-1, 1]) {
    for (let i = at, n = 0; i >= 0 && i < data.length && n < ALPHABET_SCAN && isB64(data[i]); i += step, n++) {
      if (STANDARD_ONLY.has(data[i]!)) return "base64";
      if (URL_ONLY.has(data[i]!)) url = true;
    }
  }
  return url ? "base64url" : "base64";
}

export const base64Decoder: Decoder = {
  encoding: "base64",
  inBinary: true, // config blobs and packed resources carry base64 inside binaries too
  hints: (keyword) => base64Forms(Buffer.from(keyword)),
  decode({ data, hits, window }: DecodeInput): DecodedSpan[] {
    const groupStarts: number[] = [];
    for (const { hint, at } of hits) {
      const lead = hint.lead ?? 0;
      if (at >= lead) groupStarts.push(at - lead);
    }
    return decodeWindows(
      groupStarts,
      window,
      (g) => decodeAt(data, g, window),
      (g) => g % 4,
    );
  },
};
