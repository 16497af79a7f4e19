// The one byte pass over a chunk: every hint of every rule (its keywords, and
// each decoder's encoded forms of them). A chunk of 1.5 KB or more is searched
// in its bytes with Buffer#indexOf, no latin1 copy: hints are grouped under a
// few short anchors (two or three bytes of a hint starting at a byte that is
// rare in text, shared by every hint that holds it: `vly` for `tvly-`, `74vly-`,
// `tvly%2` and `tvly\`), so it costs one native search per anchor, each a memchr
// for the anchor's rare first byte. Most chunks hold no hint, so that path is
// the one kept cheap: on 25 KB blobs 1.3 instructions a byte against 5.3 for the
// latin1 copy and one regex alternation of every hint (callgrind). Each native
// search costs ~1,000 instructions to call, so smaller chunks keep the copy and
// the regex, which cost less there.

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
  /** The anchors searched for: every hint holds one, so bytes that hold none of them hold no hint. */
  anchors: readonly Buffer[];
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

/**
 * Below this many bytes a chunk is copied to latin1 and searched with one regex alternation of every
 * hint instead: a native search costs ~1,000 instructions to call, the copy and one regex run less,
 * and the crossover (callgrind, blobs of the bench histories) is at about 1.4 KB.
 */
export const SMALL_CHUNK_BYTES = 1536;

const escapeChar = (ch: string) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
const escapeLiteral = (text: string) => [...text].map(escapeChar).join("");

interface Found {
  start: number;
  order: number;
  hit: HintHit;
}

/** Where member `m` would start at the byte `start`, if it is there (and has one of its leads). */
function hitAt(data: Buffer, start: number, m: Member): Found | undefined {
  if (!holdsAt(data, start, m.bytes)) return undefined;
  let at = start;
  if (m.leads) {
    const lead = m.leads.find((l) => holdsAt(data, start - l.length, l));
    if (lead === undefined) return undefined;
    at = start - lead.length;
  }
  return { start, order: m.order, hit: { hint: m.hint, at } };
}

/** Compile the hints into their anchors' searches; hints that share a text are all reported at a hit. */
export function buildPrefilter(hints: readonly Hint[]): Prefilter {
  const anchors = anchorsOf(hints);
  const members = anchors.flatMap((a) => a.members).sort((a, b) => a.order - b.order);
  const texts = [...new Set(hints.map((h) => h.text))].filter((t) => t.length > 0);
  texts.sort((a, b) => b.length - a.length);
  const alternation = new RegExp(texts.map(escapeLiteral).join("|"), "g");

  /** Small chunks: every offset where some hint starts, then each hint there. */
  const findSmall = (data: Buffer, found: Found[]) => {
    const text = data.toString("latin1");
    alternation.lastIndex = 0;
    for (let m = alternation.exec(text); m !== null; m = alternation.exec(text)) {
      alternation.lastIndex = m.index + 1; // hints may overlap (one may even start inside another)
      for (const member of members) {
        const f = hitAt(data, m.index, member);
        if (f) found.push(f);
      }
    }
  };

  /** Larger chunks: one native search per anchor; a hit checks the hints that hold that anchor. */
  const findLarge = (data: Buffer, found: Found[]) => {
    for (const { needle, members } of anchors) {
      // Anchors may overlap themselves (and one hint may start inside another): step one byte on.
      for (let i = data.indexOf(needle); i !== -1; i = data.indexOf(needle, i + 1))
        for (const m of members) {
          const f = hitAt(data, i - m.shift, m);
          if (f) found.push(f);
        }
    }
  };

  return {
    anchors: anchors.map((a) => a.needle),
    find(data) {
      const hits = new Map<string, HintHit[]>();
      if (texts.length === 0) return hits;
      const found: Found[] = [];
      if (data.length < SMALL_CHUNK_BYTES) findSmall(data, found);
      else findLarge(data, found);
      if (found.length === 0) return hits;
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
