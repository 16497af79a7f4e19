// Randomness measures that tell a real key body from a typed-in placeholder.

/** Shannon entropy in bits per character. A random 32-char [A-Za-z0-9] body scores about 4.4. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The default sequences people type: the alphabet and the digits. */
export const DEFAULT_SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "0123456789"];

/**
 * Share of characters that step one place along a typed sequence from the
 * character `stride` places before ("abcd", "4321", "qwer" with a keyboard row,
 * "a1b2c3" at stride 2), case-folded so "AbCd" counts. The highest ratio over
 * strides 1 and 2. Random bodies score near 4/62 per sequence set; typed ones near 1.
 */
export function sequentialRatio(text: string, sequences: readonly string[] = DEFAULT_SEQUENCES): number {
  const lower = text.toLowerCase();
  const place = new Map<string, number[]>();
  sequences.forEach((seq, s) =>
    [...seq.toLowerCase()].forEach((ch, i) => place.set(ch, [...(place.get(ch) ?? []), s * 1000 + i])),
  );
  const adjacent = (a: string, b: string) =>
    (place.get(a) ?? []).some((p) => (place.get(b) ?? []).some((q) => q - p === 1 || q - p === -1));
  let best = 0;
  for (const stride of [1, 2]) {
    if (lower.length <= stride) continue;
    let steps = 0;
    for (let i = stride; i < lower.length; i++) if (adjacent(lower[i - stride]!, lower[i]!)) steps++;
    best = Math.max(best, steps / (lower.length - stride));
  }
  return best;
}

/** Share of characters equal to the one before ("0000111122..."). Random 62-letter bodies score about 1/62. */
export function repeatRatio(text: string): number {
  if (text.length < 2) return 0;
  let same = 0;
  for (let i = 1; i < text.length; i++) if (text[i] === text[i - 1]) same++;
  return same / (text.length - 1);
}
