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

/** Check a rule pattern from a config file (lookaround and backreferences allowed: rule files use both). */
export function checkRulePattern(source: unknown, where: string): void {
  compileChecked(source, where, { lookaround: true, backreferences: true }, "");
}
