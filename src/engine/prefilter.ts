// The one byte pass over a chunk: every hint of every rule (its keywords, and
// each decoder's encoded forms of them) as one alternation of literals, run
// over the chunk read as latin1 (one character per byte, so string offsets are
// byte offsets). V8's regex engine skips fast through text that cannot start a
// hint; measured on node_modules it beat one Buffer.indexOf per hint (eight or
// more per chunk), and it costs the same for one rule as for ten.

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

const escapeChar = (ch: string) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
const escapeLiteral = (text: string) => [...text].map(escapeChar).join("");

/** Compile the hints into one search; hints that share a text are all reported at a hit. */
export function buildPrefilter(hints: readonly Hint[]): Prefilter {
  const texts = [...new Set(hints.map((h) => h.text))].sort((a, b) => b.length - a.length);
  const search = new RegExp(texts.map(escapeLiteral).join("|"), "g");
  return {
    find(data) {
      const hits = new Map<string, HintHit[]>();
      if (texts.length === 0) return hits;
      const text = data.toString("latin1");
      search.lastIndex = 0;
      for (let m = search.exec(text); m !== null; m = search.exec(text)) {
        const i = m.index;
        search.lastIndex = i + 1; // hints may overlap (one may even start inside another)
        for (const hint of hints) {
          if (!text.startsWith(hint.text, i)) continue;
          let at = i;
          if (hint.leads) {
            const lead = hint.leads.find((l) => i >= l.length && text.startsWith(l, i - l.length));
            if (lead === undefined) continue;
            at = i - lead.length;
          }
          let list = hits.get(hint.owner);
          if (!list) hits.set(hint.owner, (list = []));
          list.push({ hint, at });
        }
      }
      return hits;
    },
  };
}
