// Small helpers shared by the decoders' hint builders and boundary checks.

/** Keep only distinct hints, dropping any whose whole text starts with a shorter one's. */
export function distinctNeedles(texts: readonly string[]): string[] {
  const sorted = [...new Set(texts)].sort((a, b) => a.length - b.length);
  return sorted.filter((t, i) => !sorted.slice(0, i).some((shorter) => t.startsWith(shorter)));
}

/** Longest common prefix of two strings. */
export function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** True for letters, digits and `_`: the bytes a key's text boundary treats as part of a word. */
export function isWordByte(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f
  );
}
