// What a decoder hands back: a small decoded window and the way back from
// each decoded byte to the byte offset of the encoded text in the chunk.
import type { Hint, HintHit } from "../prefilter.js";

export interface DecodedSpan {
  /** Reported as the finding's `encoding`: "base64", "percent", "utf16le"... */
  encoding: string;
  /** Decoded text, one byte per character (non-ASCII characters become "?", never a key character). */
  data: Buffer;
  /** Byte offset in the original chunk of the encoded text behind decoded byte `offset`. */
  origin(offset: number): number;
  /** The window stopped at its size limit, not where the encoded text ended: its last token may be cut short. */
  cut: boolean;
}

export interface DecodeInput {
  data: Buffer;
  /** Where the prefilter found this decoder's hints. */
  hits: readonly HintHit[];
  /** Offsets of the rules' plain keywords, found by the same pass: context checks on them are free. */
  plainHits: readonly number[];
  /** The chunk failed the text test (looksBinary). */
  binary: boolean;
  /** How many decoded bytes a window reaches past its hint: enough for the longest match a rule allows. */
  window: number;
}

export interface Decoder {
  encoding: string;
  /** Also run on binary chunks (UTF-16 strings and base64 blobs live in executables; escaped text rarely does). */
  inBinary: boolean;
  /** The fixed strings that hint at this encoding of `keyword`, for the one prefilter pass. */
  hints(keyword: string): Omit<Hint, "owner">[];
  /** Decoded windows worth matching around the hits; [] when there are none. */
  decode(input: DecodeInput): DecodedSpan[];
}

/**
 * Decode a window at each start (ascending after sorting), skipping a start
 * that an earlier window on the same grid already decodes with a whole
 * window's room after it. A window is twice `half` long, so a hint that
 * repeats every few bytes costs linear work, not one window per hit.
 * `grid` tells starts apart that decode differently (base64 alignment, UTF-16 parity).
 */
export function decodeWindows(
  starts: Iterable<number>,
  half: number,
  decodeAt: (start: number) => DecodedSpan | undefined,
  grid: (start: number) => number = () => 0,
): DecodedSpan[] {
  const reach = new Map<number, number>();
  const spans: DecodedSpan[] = [];
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    const g = grid(start);
    if (start < (reach.get(g) ?? -1)) continue;
    const span = decodeAt(start);
    if (!span || span.data.length === 0) continue;
    spans.push(span);
    reach.set(g, span.data.length > half ? span.origin(half) : span.origin(span.data.length - 1) + 1);
  }
  return spans;
}

/** Builds a decoded window byte by byte, remembering where each byte came from. */
export class SpanBuilder {
  private readonly bytes: number[] = [];
  private readonly origins: number[] = [];
  /** Set when a copy stopped at its limit with encoded text left. */
  cut = false;

  get length(): number {
    return this.bytes.length;
  }

  push(byte: number, origin: number): void {
    this.bytes.push(byte > 0x7f ? 0x3f : byte);
    this.origins.push(origin);
  }

  /**
   * Copy `data` from `start`, each escape that `escapeAt` recognises becoming
   * the byte it stands for, until the window holds `max` bytes.
   * `escapeAt` gives [byte, length of the escape], or undefined for a plain byte.
   */
  pushUnescaped(
    data: Buffer,
    start: number,
    max: number,
    escapeAt: (data: Buffer, at: number) => readonly [number, number] | undefined,
  ): void {
    let i = start;
    while (i < data.length && this.length < max) {
      const esc = escapeAt(data, i);
      if (esc) {
        this.push(esc[0], i);
        i += esc[1];
      } else {
        this.push(data[i]!, i);
        i++;
      }
    }
    if (i < data.length) this.cut = true;
  }

  build(encoding: string): DecodedSpan {
    const origins = this.origins;
    return {
      encoding,
      data: Buffer.from(this.bytes),
      origin: (offset) => origins[Math.min(offset, origins.length - 1)] ?? 0,
      cut: this.cut,
    };
  }
}

/** Value of an ASCII hex digit, or -1. */
export function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** Two-digit hex of a byte. */
export const hex2 = (byte: number, upper: boolean) => {
  const h = byte.toString(16).padStart(2, "0");
  return upper ? h.toUpperCase() : h;
};
