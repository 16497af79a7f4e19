// The one redaction pass every byte of output goes through (stdout, stderr,
// report files, baselines): keys are redacted whatever precedes or follows
// them and in their encoded forms, with the loaded rules' own patterns, and
// control characters in names are neutralised before they reach a terminal.
import { placeholderReason } from "../engine/allow.js";
import { detectSecrets, prefilterHints } from "../engine/detect.js";
import { redact } from "../engine/redact.js";
import { builtinRules, type Rule } from "../engine/rule.js";
import type { Io } from "../io.js";

/**
 * `source` without its assertions: lookarounds, `\b`/`\B`, `^` and `$`. An
 * assertion only ever narrows what a pattern matches, so the result matches
 * everything the rule matches and also a key glued to other text
 * (`x<key>`, `_<key>`, `\b<key>` in an echoed argument), which is what a
 * scrubber needs: redacting too much is safe, too little is a leak.
 */
export function withoutAssertions(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (next !== "b" && next !== "B") out += c + next;
      i += 2;
    } else if (c === "[") {
      const start = i;
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      i++;
      out += source.slice(start, i);
    } else if (c === "(" && /^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      i = skipGroup(source, i);
    } else if (c === "^" || c === "$") {
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index just past the group that opens at `open` (escapes and classes skipped). */
function skipGroup(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "[") {
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i + 1;
  }
  return source.length;
}

/** Characters a terminal acts on. Kept: newline, tab, and the colour and erase-line sequences we write ourselves. */
const CONTROL = /(\x1b\[[0-9;]*[mK]|\r(?=\n|\x1b\[2K))|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b` for ESC, `\u202e` for a bidi override: the name stays readable, the terminal does nothing with it. */
export function neutraliseControls(text: string): string {
  return text.replace(CONTROL, (m, ours: string | undefined) => {
    if (ours !== undefined) return m;
    const code = m.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });
}

/** Where an encoded key's text ends: base64/base64url, percent and backslash escapes share these characters. */
const ENCODED_CHAR = /[A-Za-z0-9+/=_%\\-]/;

/**
 * Our own name, in nearly every line of output. The `tvly-` in it starts no
 * key of a built-in rule (each needs key characters, [A-Za-z0-9_-], well past
 * `guard`), so it alone is no reason to run the rules over a line.
 */
const OWN_NAME = /tvly-guard(?![A-Za-z0-9_-])/g;

/** `io` with stdout and stderr through the redaction pass (once: an io already wrapped is returned as is). */
export function redactedIo(io: Io): Io {
  if (io.redaction) return io;
  const redaction = new Redaction(builtinRules);
  // Copied with its property descriptors: a spread would call processIo's stdin getter and build process.stdin.
  const wrapped = Object.defineProperties({}, Object.getOwnPropertyDescriptors(io)) as Io;
  return Object.assign(wrapped, {
    stdout: (text: string) => io.stdout(redaction.scrub(text)),
    stderr: (text: string) => io.stderr(redaction.scrub(text)),
    unredactedStdout: io.stdout,
    redaction,
  });
}

export class Redaction {
  private rules: Rule[] = [];
  private patterns: { rule: Rule; regex: RegExp }[] = [];
  /** How many of `rules` are the built-in ones (the rest came from the config), and their keywords as latin1. */
  private builtinCount = 0;
  private keywords = new Set<string>();

  constructor(private readonly loadRules: () => readonly Rule[]) {}

  /** Rules whose keys must be redacted too (the config's extra rules); the builtin ones are loaded on first use. */
  addRules(rules: readonly unknown[]): void {
    this.ensureLoaded();
    const known = new Set(this.rules.map((r) => r.pattern));
    const fresh: Rule[] = [];
    for (const rule of rules as readonly Rule[]) {
      if (known.has(rule.pattern)) continue;
      known.add(rule.pattern);
      fresh.push(rule);
    }
    if (fresh.length === 0) return;
    // A new list, never the old one grown: the engine keeps each list's prefilters by identity.
    this.rules = [...this.rules, ...fresh];
    this.patterns = [
      ...this.patterns,
      ...fresh.map((rule) => ({ rule, regex: new RegExp(withoutAssertions(rule.pattern), "g") })),
    ];
  }

  private ensureLoaded(): void {
    if (this.rules.length > 0) return;
    let builtin: readonly Rule[];
    try {
      builtin = this.loadRules();
    } catch {
      return; // the rules themselves failed to load: that error is being reported, with nothing to match
    }
    this.rules = [...builtin];
    this.builtinCount = builtin.length;
    this.keywords = new Set(builtin.flatMap((r) => r.keywordBytes.map((k) => k.toString("latin1"))));
    this.patterns = builtin.map((rule) => ({ rule, regex: new RegExp(withoutAssertions(rule.pattern), "g") }));
  }

  /** The text with every key redacted (plain or encoded) and control characters neutralised. */
  scrub(text: string): string {
    if (text === "") return text;
    this.ensureLoaded();
    if (!this.mayHoldKey(text)) return neutraliseControls(text);
    // Plain first: a glued key is then gone before the decoders could read it as a longer, unknown-format token.
    return neutraliseControls(this.redactEncoded(this.redactPlain(text)));
  }

  /**
   * False when `text` holds none of the engine's hints, plain or encoded (our
   * own name aside): no rule can match it then, and a clean run's summary line
   * costs no pass of the detector. A config's rule may match anything: with
   * one loaded, every text gets the whole pass.
   */
  private mayHoldKey(text: string): boolean {
    if (this.rules.length !== this.builtinCount) return true;
    const raw = Buffer.from(text, "utf8").toString("latin1");
    const masked = raw.replace(OWN_NAME, " ");
    return prefilterHints(this.rules).some((hint) => (this.keywords.has(hint) ? masked : raw).includes(hint));
  }

  /** A key in a name or a message: the rule's pattern without its boundaries, so nothing before or after it matters. */
  private redactPlain(text: string): string {
    let out = text;
    for (const { rule, regex } of this.patterns) {
      out = out.replace(regex, (...args: unknown[]) => {
        const whole = args[0] as string;
        const groups = args.at(-1) as Record<string, string | undefined> | undefined;
        const secret = (typeof groups === "object" && groups?.secret) || whole;
        const prefix = (typeof groups === "object" && groups?.prefix) || "";
        // The unknown-format net would catch names (tvly-search-results-...): keep what its own checks call a name.
        const body = (typeof groups === "object" && groups?.body) || secret.slice(prefix.length);
        if (rule.fallback && placeholderReason(rule, body) !== undefined) return whole;
        return whole.replace(secret, redact(secret, prefix));
      });
    }
    return out;
  }

  /**
   * Keys the engine's decoders find (base64, percent, escapes: `fix --dry-run`
   * context lines show file text as it is). The encoded run is replaced whole,
   * after its first four characters.
   */
  private redactEncoded(text: string): string {
    if (this.rules.length === 0) return text;
    const data = Buffer.from(text, "utf8");
    const encoded = detectSecrets({ path: "", data, startLine: 1, binary: false }, this.rules).filter(
      (m) => m.encoding !== undefined,
    );
    if (encoded.length === 0) return text;
    const parts: string[] = [];
    let at = 0;
    for (const m of encoded) {
      const start = data.toString("utf8", 0, m.offset).length;
      if (start < at) continue;
      let end = start;
      while (end < text.length && ENCODED_CHAR.test(text[end]!)) end++;
      parts.push(text.slice(at, start), `${text.slice(start, start + 4)}…`);
      at = Math.max(end, start + 1);
    }
    parts.push(text.slice(at));
    return parts.join("");
  }
}
