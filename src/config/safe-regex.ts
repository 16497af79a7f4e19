// Guards user-supplied regexes (config allowlists and extra rules) against
// catastrophic backtracking: a structural check at load time, and V8's
// linear-time engine for allowlist patterns where this Node has it.
import { ConfigError } from "../errors.js";
import { nodeV8 } from "../lazy-builtins.js";

export interface RegexShapeOptions {
  /** Lookahead/lookbehind are allowed (rule patterns need them for token boundaries). */
  lookaround: boolean;
  /** Backreferences (\1, \k<name>) are allowed. */
  backreferences: boolean;
}

interface Frame {
  /** The group holds a quantifier (at any depth). */
  quantified: boolean;
  /** The group holds an alternation (at any depth). */
  alternates: boolean;
}

const LOOKAROUNDS = ["(?<=", "(?<!", "(?=", "(?!"];
const BRACE_QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;

/**
 * Why `source` (a syntactically valid JS regex, no `u` flag) is not accepted,
 * or undefined. The exponential class of patterns needs a repeated
 * sub-pattern that can match the same text in more than one way; this rejects
 * every repeated group that contains a quantifier or an alternation
 * (`(a+)+`, `(a|aa)*`, `(\w+\s?)*`), which covers it, at the price of also
 * rejecting a few harmless ones (`(ab|cd)+`): write those as classes or
 * list the alternatives outside the repetition.
 */
export function unsafeRegexReason(source: string, options: RegexShapeOptions): string | undefined {
  const stack: Frame[] = [{ quantified: false, alternates: false }];
  // What a following quantifier applies to: a closed group, a single atom, or nothing.
  let atom: Frame | "single" | undefined;
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    const top = stack[stack.length - 1]!;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (!options.backreferences && (/[1-9]/.test(next) || (next === "k" && source[i + 2] === "<"))) {
        return "uses a backreference, which cannot run in linear time";
      }
      i += 2;
      atom = "single";
    } else if (c === "[") {
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      i++;
      atom = "single";
    } else if (c === "(") {
      const look = LOOKAROUNDS.find((l) => source.startsWith(l, i));
      if (look && !options.lookaround) return "uses lookahead or lookbehind, which cannot run in linear time";
      stack.push({ quantified: false, alternates: false });
      if (look) i += look.length;
      else if (source.startsWith("(?:", i)) i += 3;
      else if (source.startsWith("(?<", i))
        i = source.indexOf(">", i) + 1; // named group
      else i++;
      atom = undefined;
    } else if (c === ")") {
      const group = stack.length > 1 ? stack.pop()! : top;
      const parent = stack[stack.length - 1]!;
      parent.quantified ||= group.quantified;
      parent.alternates ||= group.alternates;
      i++;
      atom = group;
    } else if (c === "|") {
      top.alternates = true;
      i++;
      atom = undefined;
    } else if (c === "*" || c === "+" || c === "?" || (c === "{" && BRACE_QUANTIFIER.test(source.slice(i)))) {
      let repeats = c !== "?";
      let length = 1;
      if (c === "{") {
        const m = BRACE_QUANTIFIER.exec(source.slice(i))!;
        const min = Number(m[1]);
        repeats = m[2] === undefined ? min > 1 : m[3] === "" || Number(m[3]) > 1;
        length = m[0].length;
      }
      if (repeats && typeof atom === "object" && (atom.quantified || atom.alternates)) {
        return `can backtrack catastrophically: a repeated group contains ${atom.quantified ? "a quantifier" : "an alternation"} (as in (a+)+ or (a|aa)*)`;
      }
      top.quantified = true;
      i += length;
      if (source[i] === "?") i++; // lazy form
      atom = undefined;
    } else {
      i++;
      atom = "single";
    }
  }
  return undefined;
}

let linearFlag: string | undefined;

/**
 * "l" when this V8 can compile regexes for its non-backtracking engine, else "".
 * The engine sits behind a V8 flag (enabled here, once, before any such
 * regex is built); it only changes how regexes with the `l` flag run.
 */
export function linearRegexFlag(): string {
  if (linearFlag === undefined) {
    try {
      nodeV8().setFlagsFromString("--enable-experimental-regexp-engine");
      // biome-ignore lint/complexity/useRegexLiterals: the `l` flag only parses at run time, once V8 has the flag
      new RegExp("a", "l");
      linearFlag = "l";
    } catch {
      linearFlag = "";
    }
  }
  return linearFlag;
}

/** The engine's reason for a syntax error, without the pattern it quotes (it may hold a key). */
function syntaxReason(err: unknown): string {
  const message = (err as Error).message;
  return message.slice(message.lastIndexOf(": ") + 2) || "invalid";
}

/** `where` names the file and field in errors: `.tvly-guard.json: "allowlist.lineRegexes[0]"`. */
function compileChecked(source: unknown, where: string, options: RegexShapeOptions, flags: string): RegExp {
  if (typeof source !== "string" || source.length === 0) throw new ConfigError(`${where} must be a non-empty string`);
  try {
    new RegExp(source);
  } catch (err) {
    throw new ConfigError(`${where} is not a valid regular expression (${syntaxReason(err)})`);
  }
  const unsafe = unsafeRegexReason(source, options);
  if (unsafe) throw new ConfigError(`${where} ${unsafe}; rewrite it without that construct`);
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new ConfigError(`${where} cannot run in linear time (${syntaxReason(err)})`);
  }
}

/**
 * Compile an allowlist regex: no backreferences, no lookaround, no nested
 * repetition, and the linear-time engine when available. Either way it only
 * ever runs on a key or on a bounded window of one line.
 */
export function compileAllowRegex(source: unknown, where: string): RegExp {
  return compileChecked(source, where, { lookaround: false, backreferences: false }, linearRegexFlag());
}

/** A one-character boundary at the very start or end of a pattern: `(?<![A-Za-z0-9_])`, `(?!\w)`. */
const LEADING_BOUNDARY = /^\(\?<([!=])(\[(?:\\.|[^\]\\])*\]|\\[dDwWsS])\)/;
const TRAILING_BOUNDARY = /\(\?([!=])(\[(?:\\.|[^\]\\])*\]|\\[dDwWsS])\)$/;

interface Boundary {
  negative: boolean;
  char: RegExp;
}

/**
 * A config rule's pattern on V8's linear-time engine. That engine has no
 * lookaround, and rule patterns need token boundaries, so a one-character
 * boundary at the start or the end is taken off and checked on each match
 * instead (the character before or after it); any other lookaround or a
 * backreference is refused. A match whose trailing boundary fails is not
 * retried shorter: config rules should bound their length ({32}), as ours do.
 */
class BoundedRegExp extends RegExp {
  constructor(
    source: string,
    flags: string,
    private readonly before: Boundary | undefined,
    private readonly after: Boundary | undefined,
  ) {
    super(source, flags);
  }

  override exec(text: string): RegExpExecArray | null {
    for (;;) {
      const m = super.exec(text);
      if (m === null) return null;
      const prev = m.index > 0 ? text[m.index - 1]! : "";
      const next = text[m.index + m[0].length] ?? "";
      const ok = (b: Boundary | undefined, c: string) => b === undefined || (c !== "" && b.char.test(c)) !== b.negative;
      if (ok(this.before, prev) && ok(this.after, next)) return m;
      if (!this.global && !this.sticky) return null;
      this.lastIndex = m.index + 1;
    }
  }
}

/** V8's linear engine refuses a counted repetition above this (it replicates the repeated part). */
const LINEAR_MAX_REPEAT = 16;
/** Longest repetition spelled out for it: a key body is 24 to 64 characters. */
const SPELLED_MAX_REPEAT = 256;

/**
 * `[A-Za-z0-9]{32}` as 32 copies of `[A-Za-z0-9]` (and `X{m,n}` as m copies
 * then n - m optional ones): the same language, in a form V8's linear engine
 * accepts. Only a single atom (a class, an escape, a character) is spelled
 * out; a group is left as it is.
 */
export function spellOutRepeats(source: string): string {
  let out = "";
  let atom = "";
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    let token: string;
    let isAtom = true;
    if (c === "\\") token = source.slice(i, i + 2);
    else if (c === "[") {
      let j = i + 1;
      for (; j < source.length && source[j] !== "]"; j++) if (source[j] === "\\") j++;
      token = source.slice(i, j + 1);
    } else if (c === "{" && atom !== "") {
      const m = BRACE_QUANTIFIER.exec(source.slice(i));
      const min = m ? Number(m[1]) : 0;
      const max = m === null ? 0 : m[2] === undefined ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
      const lazy = m !== null && source[i + m[0].length] === "?";
      if (m && !lazy && max > LINEAR_MAX_REPEAT && max <= SPELLED_MAX_REPEAT) {
        out = out.slice(0, out.length - atom.length) + atom.repeat(min) + `(?:${atom})?`.repeat(max - min);
        i += m[0].length;
        atom = "";
        continue;
      }
      token = m ? m[0] : c;
      isAtom = false;
    } else {
      token = c;
      isAtom = !"()|*+?^$".includes(c);
    }
    out += token;
    atom = isAtom ? token : "";
    i += token.length;
  }
  return out;
}

/**
 * Compile a rule pattern from a config file to run in linear time: on V8's
 * linear engine where this Node has it (else the structural check alone),
 * with one-character start and end boundaries checked by BoundedRegExp.
 */
export function compileRulePattern(source: unknown, where: string, flags = "g"): RegExp {
  if (typeof source !== "string" || source.length === 0) throw new ConfigError(`${where} must be a non-empty string`);
  let body = source;
  const lead = LEADING_BOUNDARY.exec(body);
  if (lead) body = body.slice(lead[0].length);
  const trail = TRAILING_BOUNDARY.exec(body);
  if (trail) body = body.slice(0, -trail[0].length);
  const boundary = (m: RegExpExecArray | null): Boundary | undefined =>
    m ? { negative: m[1] === "!", char: new RegExp(m[2]!) } : undefined;
  const linear = compileChecked(
    spellOutRepeats(body),
    where,
    { lookaround: false, backreferences: false },
    flags + linearRegexFlag(),
  );
  return lead || trail ? new BoundedRegExp(linear.source, linear.flags, boundary(lead), boundary(trail)) : linear;
}
