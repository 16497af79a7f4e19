// Fixed byte strings that hint at an encoded keyword, searched with
// Buffer.indexOf from their rarest byte: indexOf is fast when the first byte
// of the needle is rare in the data and slow when it is a common letter.

/** A hint to search for: `anchor` is searched, `lead` must precede it. */
export interface Needle {
  anchor: Buffer;
  lead: Buffer;
}

// Rough rarity of a byte in source text: lower is rarer, so a better anchor.
function commonness(byte: number): number {
  if (byte >= 0x61 && byte <= 0x7a) return 3; // lowercase letters fill code and prose
  if (byte === 0x20 || byte === 0x0a) return 3;
  if (byte >= 0x30 && byte <= 0x39) return 1;
  if (byte >= 0x41 && byte <= 0x5a) return 1;
  return 0; // %, \, NUL and other punctuation: rare, so memchr skips far
}

/** Split `text` at its rarest byte, keeping at least `minAnchor` bytes to search for. */
export function toNeedle(text: string | Buffer, minAnchor = 4): Needle {
  const bytes = typeof text === "string" ? Buffer.from(text, "latin1") : text;
  let best = 0;
  const limit = Math.max(0, bytes.length - minAnchor);
  for (let i = 1; i <= limit; i++) if (commonness(bytes[i]!) < commonness(bytes[best]!)) best = i;
  return { anchor: bytes.subarray(best), lead: bytes.subarray(0, best) };
}

/** Keep only distinct needles, dropping any whose whole text starts with a shorter one's. */
export function distinctNeedles(texts: readonly string[]): string[] {
  const sorted = [...new Set(texts)].sort((a, b) => a.length - b.length);
  return sorted.filter((t, i) => !sorted.slice(0, i).some((shorter) => t.startsWith(shorter)));
}

/** Start offsets (of lead + anchor) of every occurrence of `needle` in `data`. */
export function findNeedle(data: Buffer, needle: Needle): number[] {
  const out: number[] = [];
  const { anchor, lead } = needle;
  for (let at = data.indexOf(anchor, lead.length); at !== -1; at = data.indexOf(anchor, at + 1)) {
    const start = at - lead.length;
    if (lead.length === 0 || data.compare(lead, 0, lead.length, start, at) === 0) out.push(start);
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
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
}
