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

/**
 * Share of neighbouring characters that step by one code point ("abcd", "4321").
 * Random bodies score near 2/62; typed sequences score near 1.
 */
export function sequentialRatio(text: string): number {
  if (text.length < 2) return 0;
  let steps = 0;
  for (let i = 1; i < text.length; i++) {
    const d = text.charCodeAt(i) - text.charCodeAt(i - 1);
    if (d === 1 || d === -1) steps++;
  }
  return steps / (text.length - 1);
}
