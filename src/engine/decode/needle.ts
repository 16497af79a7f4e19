// Fixed byte strings that hint at an encoded keyword. Buffer.indexOf is fast
// when the first byte of what it looks for is rare in the data (it skips
// ahead to that byte) and slow when that byte is common; which bytes are rare
// depends on the file (prose, minified code, base64), so each chunk picks the
// part of the needle to search from a sample of its own bytes.

/** A hint to search for, and how many bytes at least to hand to indexOf. */
export interface Needle {
  text: Buffer;
  minAnchor: number;
  /** Bytes one of which must come right before `text` (`\u00` or `\x` before `74vly-`); the hit starts there. */
  leads?: Buffer[];
}

/** How often each byte value occurs in a sample of a chunk. */
export type ByteCounts = Uint32Array;

const SAMPLE_BYTES = 4096;

/** Byte counts over a spread-out sample (start, middle, end) of `data`. */
export function sampleBytes(data: Buffer): ByteCounts {
  const counts = new Uint32Array(256);
  const part = SAMPLE_BYTES / 4;
  const starts = data.length <= SAMPLE_BYTES ? [0] : [0, data.length >> 2, data.length >> 1, data.length - part];
  for (const start of starts) {
    const end = data.length <= SAMPLE_BYTES ? data.length : start + part;
    for (let i = start; i < end; i++) counts[data[i]!]!++;
  }
  return counts;
}

export function toNeedle(text: string | Buffer, minAnchor = 3, leads?: string[]): Needle {
  const needle: Needle = {
    text: typeof text === "string" ? Buffer.from(text, "latin1") : text,
    minAnchor: Math.min(minAnchor, text.length),
  };
  if (leads) needle.leads = leads.map((l) => Buffer.from(l, "latin1"));
  return needle;
}

/** Keep only distinct needles, dropping any whose whole text starts with a shorter one's. */
export function distinctNeedles(texts: readonly string[]): string[] {
  const sorted = [...new Set(texts)].sort((a, b) => a.length - b.length);
  return sorted.filter((t, i) => !sorted.slice(0, i).some((shorter) => t.startsWith(shorter)));
}

/** Start offsets of every occurrence of `needle` in `data`, searched from its byte rarest in `counts`. */
export function findNeedle(data: Buffer, needle: Needle, counts: ByteCounts): number[] {
  const { text, minAnchor } = needle;
  let split = 0;
  for (let i = 1; i <= text.length - minAnchor; i++) if (counts[text[i]!]! < counts[text[split]!]!) split = i;
  const anchor = text.subarray(split);
  const lead = text.subarray(0, split);
  const out: number[] = [];
  for (let at = data.indexOf(anchor, split); at !== -1; at = data.indexOf(anchor, at + 1)) {
    const start = at - split;
    if (split > 0 && data.compare(lead, 0, split, start, at) !== 0) continue;
    if (!needle.leads) {
      out.push(start);
      continue;
    }
    const before = needle.leads.find(
      (l) => start >= l.length && data.compare(l, 0, l.length, start - l.length, start) === 0,
    );
    if (before) out.push(start - before.length);
  }
  return out;
}

/** Longest common prefix of two strings. */
export function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** True for [A-Za-z0-9_]: the bytes a key's boundary check treats as part of a word. */
export function isWordByte(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f
  );
}
