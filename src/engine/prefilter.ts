// The one byte pass over a chunk: every hint of every rule (its keywords, and
// each decoder's encoded forms of them), searched in the bytes themselves with
// Buffer#indexOf, no latin1 copy. Hints are grouped under a few short anchors
// (two or three bytes of a hint starting at a byte that is rare in text, shared
// by every hint that holds it: `vly` for `tvly-`, `74vly-`, `tvly%2` and
// `tvly\`), so a chunk costs one native search per anchor, each a memchr for the
// anchor's rare first byte. Most chunks hold no hint, so that path is the one
// kept cheap: on 25 KB blobs 1.3 instructions a byte against 5.3 for the latin1
// copy and one regex alternation of every hint this replaced (callgrind); each
// search also costs ~1,000 instructions to call, so on 3 KB blobs the gain is
// 13.2k -> 9.2k instructions a blob.

/** A fixed string worth a closer look, and who asked for it. */
export interface Hint {
  /** The bytes to find, as latin1 text. */
  text: string;
  /** The hit counts only right after one of these (`\u00` or `\x` before `74vly-`), and then starts there. */
  leads?: readonly string[];
  /** "plain" for a keyword, else the encoding of the decoder that reads the hit. */
  owner: string;
  /** Owner-specific number carried to the hit (base64: characters from its 4-character group start). */
  lead?: number;
}

export interface HintHit {
  hint: Hint;
  /** Byte offset of the hint (of its lead, when it has one). */
  at: number;
}

export interface Prefilter {
  /** Every hint hit in `data`, by owner, in ascending offset order. */
  find(data: Buffer): Map<string, HintHit[]>;
}

/**
 * Bytes from most to least common in source and text (measured over 15 MB of
 * node_modules' .js, .ts, .json and .md). NUL comes first: binary data is full
 * of it, so an anchor never starts there. Bytes not listed count as rarest.
 */
const BYTES_BY_FREQUENCY =
  " \0etrnosia\nlcdpumh.fg)(*,\ty:=/;b\"vxS`T{}'AwEkCIR-NO0P1D>_[]|MLj2BF?<UKq@H3&46$\\+W85!9QV#JGz7YX%^Z~";
/** Anchors are up to three bytes long (at least two, so memchr's stops are checked in native code). */
const ANCHOR_BYTES = 3;
const MIN_ANCHOR_BYTES = 2;

/** Higher for rarer bytes. */
const rarity = (byte: number): number => {
  const rank = BYTES_BY_FREQUENCY.indexOf(String.fromCharCode(byte));
  return rank === -1 ? BYTES_BY_FREQUENCY.length : rank;
};

/** The anchor of a hint: its piece of two or three bytes that starts with the rarest byte (the first such). */
function rarestPiece(text: Buffer): Buffer {
  if (text.length <= MIN_ANCHOR_BYTES) return text;
  let best = 0;
  for (let i = 1; i + MIN_ANCHOR_BYTES <= text.length; i++) if (rarity(text[i]!) > rarity(text[best]!)) best = i;
  return text.subarray(best, best + ANCHOR_BYTES);
}

interface Member {
  hint: Hint;
  /** The hint's place in the list given to buildPrefilter: hits at one offset keep that order. */
  order: number;
  bytes: Buffer;
  leads: readonly Buffer[] | undefined;
  /** Where the anchor sits in the hint. */
  shift: number;
}

interface Anchor {
  needle: Buffer;
  members: Member[];
}

/** Hints grouped under anchors: a hint holding an anchor already chosen joins it, else brings its own. */
function anchorsOf(hints: readonly Hint[]): Anchor[] {
  const anchors: Anchor[] = [];
  // Shortest first, so the anchors of short hints (the plain keyword) are there for the longer ones to join.
  const byLength = hints
    .map((hint, order) => ({ hint, order }))
    .sort((a, b) => a.hint.text.length - b.hint.text.length);
  for (const { hint, order } of byLength) {
    const bytes = Buffer.from(hint.text, "latin1");
    if (bytes.length === 0) continue;
    let anchor = anchors.find((a) => bytes.includes(a.needle));
    if (anchor === undefined) anchors.push((anchor = { needle: Buffer.from(rarestPiece(bytes)), members: [] }));
    const leads = hint.leads?.map((l) => Buffer.from(l, "latin1"));
    anchor.members.push({ hint, order, bytes, leads, shift: bytes.indexOf(anchor.needle) });
  }
  return anchors;
}

/** `bytes` sit in `data` at `at`. */
function holdsAt(data: Buffer, at: number, bytes: Buffer): boolean {
  if (at < 0 || at + bytes.length > data.length) return false;
  for (let i = 0; i < bytes.length; i++) if (data[at + i] !== bytes[i]) return false;
  return true;
}

/** Compile the hints into their anchors' searches; hints that share a text are all reported at a hit. */
export function buildPrefilter(hints: readonly Hint[]): Prefilter {
  const anchors = anchorsOf(hints);
  return {
    find(data) {
      const hits = new Map<string, HintHit[]>();
      let found: { start: number; order: number; hit: HintHit }[] | undefined;
      for (const { needle, members } of anchors) {
        // Anchors may overlap themselves (and one hint may start inside another): step one byte on.
        for (let i = data.indexOf(needle); i !== -1; i = data.indexOf(needle, i + 1)) {
          for (const m of members) {
            const start = i - m.shift;
            if (!holdsAt(data, start, m.bytes)) continue;
            let at = start;
            if (m.leads) {
              const lead = m.leads.find((l) => holdsAt(data, start - l.length, l));
              if (lead === undefined) continue;
              at = start - lead.length;
            }
            (found ??= []).push({ start, order: m.order, hit: { hint: m.hint, at } });
          }
        }
      }
      if (found === undefined) return hits;
      // In the order one walk over the bytes would meet them: by where the hint starts, then by the hints' order.
      found.sort((a, b) => a.start - b.start || a.order - b.order);
      for (const { hit } of found) {
        let list = hits.get(hit.hint.owner);
        if (!list) hits.set(hit.hint.owner, (list = []));
        list.push(hit);
      }
      return hits;
    },
  };
}
