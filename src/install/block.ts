// Marked blocks in hook files: `# >>> tvly-guard NAME >>>` ... `# <<< tvly-guard NAME <<<`.
// The markers are what lets install be idempotent and uninstall remove only its own lines.

export const beginMarker = (name: string) => `# >>> tvly-guard ${name} >>>`;
export const endMarker = (name: string) => `# <<< tvly-guard ${name} <<<`;

export interface BlockSpan {
  /** Index of the first line of the block (the begin marker). */
  start: number;
  /** Index just past the end marker's line. */
  end: number;
}

/** Where the block named `name` sits in `lines`, or null. A begin marker without its end marker is an error. */
export function findBlock(lines: readonly string[], name: string): BlockSpan | null {
  const start = lines.findIndex((l) => l.trim() === beginMarker(name));
  if (start === -1) return null;
  const endAt = lines.findIndex((l, i) => i > start && l.trim() === endMarker(name));
  if (endAt === -1) throw new Error(`the "${beginMarker(name)}" line has no "${endMarker(name)}" line after it`);
  return { start, end: endAt + 1 };
}

/** The block's own lines (markers included) out of a template file. */
export function extractBlock(template: string, name: string): string[] {
  const lines = template.split("\n");
  const span = findBlock(lines, name);
  if (!span) throw new Error(`hook template has no "${beginMarker(name)}" block`);
  return lines.slice(span.start, span.end);
}

export type Placement = "append" | "top";

/**
 * `text` with `block` in it: in place of an existing block of the same name,
 * else at the end ("append") or right after the shebang line ("top").
 */
export function placeBlock(text: string, name: string, block: readonly string[], placement: Placement): string {
  const lines = splitLines(text);
  // Our lines end as the file's do, so a CRLF hook stays CRLF throughout.
  const crlf = text.includes("\r\n");
  if (crlf) block = block.map((l) => `${l}\r`);
  const blank = crlf ? "\r" : "";
  const span = findBlock(lines, name);
  if (span) lines.splice(span.start, span.end - span.start, ...block);
  else if (placement === "top") {
    const at = lines[0]?.startsWith("#!") ? 1 : 0;
    lines.splice(at, 0, ...block, ...(at < lines.length && lines[at]!.trim() !== "" ? [blank] : []));
  } else {
    while (lines.length > 0 && lines.at(-1)!.trim() === "") lines.pop();
    if (lines.length > 0) lines.push(blank);
    lines.push(...block);
  }
  return joinLines(lines);
}

/** `text` without the block named `name` (and the blank line that separated it), or null when it has none. */
export function removeBlock(text: string, name: string): string | null {
  const lines = splitLines(text);
  const span = findBlock(lines, name);
  if (!span) return null;
  let { start, end } = span;
  if (lines[end]?.trim() === "" && (start === 0 || lines[start - 1]!.startsWith("#!"))) end++;
  else if (start > 0 && lines[start - 1]!.trim() === "") start--;
  lines.splice(start, end - start);
  const out = joinLines(lines);
  return text.endsWith("\n") || out === "" ? out : out.slice(0, -1); // no newline added where there was none
}

/** True when nothing but a shebang and blank lines is left: a file install created, now unused. */
export function isEmptyScript(text: string): boolean {
  return splitLines(text).every((l, i) => l.trim() === "" || (i === 0 && l.startsWith("#!")));
}

/**
 * Lines split on "\n" only: a CRLF file's lines keep their "\r", so joining
 * them gives back its bytes (markers are compared trimmed, so they still match).
 */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
