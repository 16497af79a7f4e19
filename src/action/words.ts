// The `args` input as a list of arguments, split the way a user reading it
// expects and nothing more: whitespace separates, '…' and "…" quote, a
// backslash escapes the next character. No variables, globs or command
// substitution: the input reaches the CLI as data, never as shell code.
import { UsageError } from "../errors.js";

/** `--config "my config.json" -f json` -> ["--config", "my config.json", "-f", "json"]. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === "\\" && quote === '"' && (text[i + 1] === '"' || text[i + 1] === "\\"))
        word = `${word}${text[++i]}`;
      else word = `${word}${ch}`;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= "";
    } else if (ch === "\\" && i + 1 < text.length) {
      word = (word ?? "") + text[++i];
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? "") + ch;
    }
  }
  if (quote) throw new UsageError(`the args input has an unclosed ${quote} quote`);
  if (word !== undefined) words.push(word);
  return words;
}

/** A multi-line input (`reports`): one entry per non-blank line, trimmed. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
