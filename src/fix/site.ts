// The shapes fix works with: a key's place in a file, the edits a language
// module proposes for it, and a small line scanner for quotes and comments.

/** One occurrence of a key in a file's text (character offsets). */
export interface Site {
  /** Repository-relative path, forward slashes. */
  path: string;
  text: string;
  start: number;
  end: number;
  /** The environment variable this key is stored under in .env. */
  envVar: string;
  /** What docs should show instead of a key (from the rule file). */
  placeholder: string;
}

export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

export type SiteResult =
  /** Rewrite the text; the program reads `envVar` (which may be the name the code already used). */
  | { kind: "edit"; edits: Edit[]; envVar: string; shows: string }
  /** An env file: the key stays, the file must be git-ignored. */
  | { kind: "keep" }
  /** Not safe to rewrite: tell the user what to do. */
  | { kind: "manual"; reason: string };

/** A language family: which files it owns and how it rewrites a key in them. */
export interface Language {
  name: string;
  owns(path: string, text: string): boolean;
  rewrite(site: Site): SiteResult;
  /** Whole-file edits needed once after the site edits (an import). */
  finish?(text: string): Edit[];
}

export interface QuoteStyle {
  quotes: string;
  /** Quotes inside which a backslash escapes the next character. */
  escapes: string;
  comments: string[];
  /** A comment marker counts only at line start or after whitespace (shell, YAML). */
  commentNeedsSpace?: boolean;
}

/** Where the key sits on its line: inside a string literal (with its bounds), in a comment, bare, or unknown. */
export type Context =
  | { kind: "string"; open: number; close: number; quote: string }
  | { kind: "comment" }
  | { kind: "bare" }
  | { kind: "unknown" };

/** The hand-work answer for a key that is not inside a one-line string literal. */
export function notInString(ctx: Context): SiteResult {
  const reason =
    ctx.kind === "comment"
      ? "the key is in a comment: delete it from the comment"
      : "the key is not in a one-line string literal";
  return { kind: "manual", reason };
}

/** Scan the key's line from its start, tracking quotes and comments. */
export function locate(text: string, start: number, end: number, style: QuoteStyle): Context {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const nl = text.indexOf("\n", end);
  const lineEnd = nl === -1 ? text.length : nl;
  let quote = "";
  let open = -1;
  for (let i = lineStart; i < lineEnd; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\" && style.escapes.includes(quote)) {
        i++;
        continue;
      }
      if (ch === quote) {
        if (open < start && i >= end) return { kind: "string", open, close: i, quote };
        if (i >= start) return { kind: "unknown" };
        quote = "";
      }
      continue;
    }
    if (i === start) return { kind: "bare" };
    const marker = style.comments.find((m) => text.startsWith(m, i));
    if (marker && (!style.commentNeedsSpace || i === lineStart || /\s/.test(text[i - 1]!))) return { kind: "comment" };
    if (style.quotes.includes(ch)) {
      quote = ch;
      open = i;
    }
  }
  return { kind: "unknown" }; // the string does not close on this line (multi-line literal)
}

/** Replace the literal `open..close` that holds the key with `expr`, keeping any text around the key by concatenation. */
export function spliceLiteral(
  site: Site,
  ctx: { open: number; close: number; quote: string },
  expr: string,
  join: string,
): Edit {
  const q = ctx.quote;
  const before = site.text.slice(ctx.open + 1, site.start);
  const after = site.text.slice(site.end, ctx.close);
  const parts = [before ? `${q}${before}${q}` : "", expr, after ? `${q}${after}${q}` : ""].filter(Boolean);
  return { start: ctx.open, end: ctx.close + 1, replacement: parts.join(join) };
}

/** The last path segment. */
export const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
