// The one test for "is this binary", shared by every source, and the
// UTF-16 byte-order marks that make a NUL-filled file text after all.

/** How far git looks for a NUL byte before calling content binary (xdiff's buffer_is_binary). */
export const BINARY_SNIFF_BYTES = 8000;

/** git's own binary test: a NUL byte in the first 8000 bytes. */
export function looksBinary(data: Buffer): boolean {
  return data.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1;
}

/** The UTF-16 flavour announced by a byte-order mark at the start, if any. */
export function utf16Bom(data: Buffer): "utf16le" | "utf16be" | undefined {
  if (data.length < 2) return undefined;
  if (data[0] === 0xff && data[1] === 0xfe) return "utf16le";
  if (data[0] === 0xfe && data[1] === 0xff) return "utf16be";
  return undefined;
}
