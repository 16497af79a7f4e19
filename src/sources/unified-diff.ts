// Parse git's unified (-U0) and combined (--cc) patch text into the lines each
// file gained, with their line numbers in the new file. Bytes stay bytes.
//
// A sample of what it reads (`git diff --cached -p -U0 --full-index -M`, or
// `git log -p --cc` with a commit line of our own between patches):
//
//   diff --git a/sp ace.txt b/sp ace2.txt
//   similarity index 66%
//   rename from sp ace.txt
//   rename to sp ace2.txt
//   index 422c2b7ab3b3c668038da977e4e93a5fc623169c..82e3355bb30acb53f32e4d7b06c9098bb23c4dae 100644
//   --- a/sp ace.txt<TAB>          (git appends a tab when the name holds a space)
//   +++ b/sp ace2.txt<TAB>
//   @@ -2,0 +3 @@ b                (3 = first new line; a missing count means 1)
//   +z
//   diff --git "a/new\nline" "b/new\nline"   (C-quoted: newline, quote, backslash, control bytes)
//   new file mode 100644
//   index 0000000000000000000000000000000000000000..587be6b...
//   Binary files /dev/null and b/img.png differ
//   diff --cc conf                 (a merge: one prefix column per parent)
//   index 242aec1,37c997e..a09724d
//   --- a/conf
//   +++ b/conf
//   @@@ -1,1 -1,1 +1,2 @@@
//   - K=main
//    -K=side
//   ++K=resolved                   (new to every parent: the merge itself added it)
//
// https://git-scm.com/docs/git-diff#generate_patch_text_with_p
// https://git-scm.com/docs/git-diff#_combined_diff_format

import { GITLINK_MODE } from "../git/log.js";

/** Consecutive added lines of one file: `data` holds them joined by "\n". */
export interface AddedRun {
  startLine: number;
  data: Buffer;
}

/** One file's part of a patch. */
export interface FilePatch {
  /** Path on the new side (the old one for a deletion), repository-relative. */
  path: string;
  /** Full object id of the new blob, when the `index` line names it (--full-index). */
  newOid: string | undefined;
  newMode: string | undefined;
  /** The new side does not exist (deletion, or the first half of a type change). */
  deleted: boolean;
  /** "Binary files ... differ": git showed no lines. */
  binary: boolean;
  /** A submodule (mode 160000): its "lines" are commit ids, never content. */
  gitlink: boolean;
  /** A merge's combined diff: `added` holds only lines new to every parent. */
  combined: boolean;
  added: AddedRun[];
}

/** A parsed piece: a file's patch, or a line outside any patch (a commit line of the caller's format). */
export type DiffRecord = { kind: "file"; file: FilePatch } | { kind: "line"; line: Buffer };

const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 0x22, "\\": 0x5c };

/**
 * Undo git's C-style quoting of a path ("a\tb", "\303\251"); unquoted text is returned as is.
 * https://git-scm.com/docs/git-config#Documentation/git-config.txt-corequotePath
 */
export function unquoteGitPath(text: string): string {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const body = Buffer.from(text.slice(1, -1), "utf8");
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b !== BACKSLASH) {
      bytes.push(b);
      continue;
    }
    const next = String.fromCharCode(body[++i] ?? 0);
    if (next >= "0" && next <= "7") {
      bytes.push(parseInt(body.toString("latin1", i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Read the quoted path that starts at `at`; returns it unquoted and where it ends. */
function readQuoted(text: string, at: number): { value: string; end: number } {
  let i = at + 1;
  for (; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') break;
  }
  return { value: unquoteGitPath(text.slice(at, i + 1)), end: i + 1 };
}

/** The new-side path from `diff --git a/X b/Y` (used only when no `+++`/`rename to` line names it). */
export function parseGitHeaderPath(rest: string): string {
  let b: string;
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    const second = rest.slice(first.end + 1);
    b = second.startsWith('"') ? readQuoted(second, 0).value : second;
  } else if (rest.endsWith('"')) {
    const at = rest.lastIndexOf(' "b/');
    b = at === -1 ? rest : readQuoted(rest, at + 1).value;
  } else {
    // Unquoted and unrenamed: "a/P b/P", so P is exactly half of what is left.
    const half = (rest.length - 5) / 2;
    const p = rest.slice(2, 2 + half);
    if (Number.isInteger(half) && rest === `a/${p} b/${p}`) return p;
    const at = rest.indexOf(" b/");
    b = at === -1 ? rest : rest.slice(at + 1);
  }
  return b.startsWith("b/") ? b.slice(2) : b;
}

/** A path from `+++ b/P`, `rename to P` and the like: unquote, or drop the tab git adds after names with spaces. */
function pathField(text: string, prefix: string): string {
  const field = text.endsWith("\t") ? text.slice(0, -1) : text; // a name's own tab is always quoted
  const value = field.startsWith('"') ? unquoteGitPath(field) : field;
  return prefix && value.startsWith(prefix) ? value.slice(prefix.length) : value;
}

const HUNK_2WAY = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const HUNK_COMBINED_NEW = / \+(\d+)(?:,(\d+))? @@/;

interface Hunk {
  /** Number of parents: 1 for a plain diff, 2+ for a merge's combined diff. */
  parents: number;
  oldLeft: number;
  newLeft: number;
  next: number;
  runStart: number;
  /** The current run's text so far, in pieces joined by "\n" (latin1: one char per byte). */
  run: string[];
}

/**
 * Parse patch text into file records (and pass through lines outside any patch,
 * such as the commit lines a `git log --format` puts between patches).
 * Records come out in order; a file's record once its patch is complete.
 * Each piece is parsed as it arrives, so a caller can scan while git still writes.
 */
export async function* parseUnifiedDiff(pieces: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<DiffRecord> {
  const parser = new DiffParser();
  for await (const piece of pieces) {
    parser.push(piece);
    if (parser.records.length > 0) yield* parser.take();
  }
  parser.end();
  yield* parser.take();
}

type OpenFile = FilePatch & { pathFrom: "header" | "field" };

/** Header lines are UTF-8; the parser reads latin1 (one char per byte), so decode only when a byte is not ASCII. */
const utf8 = (latin1: string) =>
  /[^\x00-\x7f]/.test(latin1) ? Buffer.from(latin1, "latin1").toString("utf8") : latin1;

/**
 * The state machine behind parseUnifiedDiff. Each piece is read as one latin1
 * string (one char per byte, so bytes stay bytes): lines are found with
 * String#indexOf and the added lines of a hunk are taken as whole runs of the
 * text, so a patch of thousands of lines makes no object per line. Only a line
 * that straddles two pieces is joined.
 */
class DiffParser {
  records: DiffRecord[] = [];
  private file: OpenFile | undefined;
  private hunk: Hunk | undefined;
  /** The start of a line the last piece did not finish. */
  private pending: string[] = [];
  /** Where the run runOf counted last ends. */
  private runEnd = 0;

  take(): DiffRecord[] {
    const out = this.records;
    this.records = [];
    return out;
  }

  push(piece: Buffer): void {
    const text = piece.toString("latin1");
    let from = 0;
    if (this.pending.length > 0) {
      const nl = text.indexOf("\n");
      if (nl === -1) {
        this.pending.push(text);
        return;
      }
      this.pending.push(text.slice(0, nl + 1));
      const line = this.pending.join("");
      this.pending = [];
      this.scan(line, 0);
      from = nl + 1;
    }
    const rest = this.scan(text, from);
    if (rest < text.length) this.pending.push(text.slice(rest));
  }

  end(): void {
    // The last line, when the patch does not end with "\n".
    if (this.pending.length > 0) this.scan(`${this.pending.join("")}\n`, 0);
    this.pending = [];
    this.endFile();
  }

  /** Take in the complete lines of `text` from `at`; returns where the first unfinished line starts. */
  private scan(text: string, at: number): number {
    while (at < text.length) {
      const hunk = this.hunk;
      if (hunk !== undefined && hunk.parents === 1 && (hunk.oldLeft > 0 || hunk.newLeft > 0)) {
        at = this.scanHunk(hunk, text, at);
        if (at >= text.length) return at;
      }
      const nl = text.indexOf("\n", at);
      if (nl === -1) return at;
      this.line(text, at, nl);
      at = nl + 1;
    }
    return at;
  }

  /**
   * The lines of a two-way hunk from `at` while its counts last: consecutive
   * added lines are one stretch of the text, cut out whole. Returns where it
   * stopped (an unfinished line, the hunk's end, or a line no hunk holds).
   */
  private scanHunk(hunk: Hunk, text: string, at: number): number {
    let from = -1; // the current stretch of added lines: text[from, to)
    let to = -1;
    while (hunk.oldLeft > 0 || hunk.newLeft > 0) {
      const nl = text.indexOf("\n", at);
      if (nl === -1) break;
      const first = at === nl ? -1 : text.charCodeAt(at);
      if (first === PLUS) {
        if (from === -1) {
          if (hunk.run.length === 0) hunk.runStart = hunk.next;
          from = at + 1;
        }
        const lines = this.runOf(text, at, PLUS, hunk.oldLeft > 0 ? Infinity : hunk.newLeft);
        to = this.runEnd;
        at = to + 1;
        hunk.next += lines;
        hunk.newLeft -= lines;
        continue;
      } else if (first === BACKSLASH) {
        // "\ No newline at end of file": not a line; the run goes on
      } else {
        if (from !== -1) hunk.run.push(stretch(text, from, to));
        from = -1;
        if (first === MINUS) {
          this.flushRun(hunk);
          hunk.oldLeft -= this.runOf(text, at, MINUS, hunk.newLeft > 0 ? Infinity : hunk.oldLeft);
          at = this.runEnd + 1;
          continue;
        } else if (first === SPACE || first === -1) {
          // A context line (only when GIT_DIFF_OPTS or config forces context; empty with diff.suppressBlankEmpty).
          this.flushRun(hunk);
          hunk.next++;
          hunk.oldLeft--;
          hunk.newLeft--;
        } else {
          break; // not a hunk line: the hunk ended early; line() reads it
        }
      }
      at = nl + 1;
    }
    if (from !== -1) hunk.run.push(stretch(text, from, to));
    return at;
  }

  /**
   * How many whole lines from `at` on (at most `max`) start with the byte
   * `kind`: a run of added or removed lines, most of a patch, counted in a loop
   * of a few steps. Leaves `runEnd` at the "\n" that ends the last of them.
   */
  private runOf(text: string, at: number, kind: number, max: number): number {
    let lines = 0;
    while (lines < max && at < text.length && text.charCodeAt(at) === kind) {
      const nl = text.indexOf("\n", at);
      if (nl === -1) break;
      this.runEnd = nl;
      at = nl + 1;
      lines++;
    }
    return lines;
  }

  /** One whole line, text[start, end), outside a two-way hunk's counted lines. */
  private line(text: string, start: number, end: number): void {
    const hunk = this.hunk;
    if (hunk) {
      if (hunk.parents > 1 && isCombinedLine(text, start, end, hunk.parents)) {
        const prefix = text.slice(start, start + hunk.parents);
        if (prefix.includes("-")) {
          this.flushRun(hunk); // not in the merge result
        } else {
          if (/^\++$/.test(prefix)) {
            if (hunk.run.length === 0) hunk.runStart = hunk.next;
            hunk.run.push(text.slice(start + hunk.parents, end));
          } else this.flushRun(hunk); // taken from a parent: that parent's commit added it
          hunk.next++;
        }
        return;
      }
      if (text.charCodeAt(start) === BACKSLASH && start < end) return; // "\ No newline at end of file"
      this.endHunk();
    }

    const raw = text.slice(start, end);
    if (raw.startsWith("diff --git ")) {
      this.endFile();
      this.file = newFile(parseGitHeaderPath(utf8(raw.slice(11))), false);
      return;
    }
    if (raw.startsWith("diff --cc ") || raw.startsWith("diff --combined ")) {
      this.endFile();
      this.file = newFile(pathField(utf8(raw.slice(raw.indexOf(" ", 5) + 1)), ""), true);
      return;
    }
    if (this.file && raw.startsWith("@")) {
      this.hunk = parseHunkHeader(raw);
      if (this.hunk) return;
    }
    if (this.file && readFileHeader(this.file, utf8(raw))) return;
    if (raw.startsWith("\\")) return;
    this.endFile();
    this.records.push({ kind: "line", line: Buffer.from(raw, "latin1") });
  }

  /** Close the current run of added lines: one buffer, lines joined by "\n". */
  private flushRun(hunk: Hunk): void {
    const run = hunk.run;
    if (run.length === 0) return;
    this.file!.added.push({
      startLine: hunk.runStart,
      data: Buffer.from(run.length === 1 ? run[0]! : run.join("\n"), "latin1"),
    });
    hunk.run = [];
  }

  private endHunk(): void {
    if (this.hunk) this.flushRun(this.hunk);
    this.hunk = undefined;
  }

  private endFile(): void {
    this.endHunk();
    const done = this.file;
    this.file = undefined;
    if (!done) return;
    const { pathFrom: _, ...patch } = done;
    this.records.push({ kind: "file", file: patch });
  }
}

/** Consecutive added lines text[from, to) ("a\n+b\n+c", their first "+" already left out) as "a\nb\nc". */
const stretch = (text: string, from: number, to: number) => text.slice(from, to).replaceAll("\n+", "\n");

function newFile(path: string, combined: boolean): OpenFile {
  return {
    path,
    newOid: undefined,
    newMode: undefined,
    deleted: false,
    binary: false,
    gitlink: false,
    combined,
    added: [],
    pathFrom: "header",
  };
}

function isCombinedLine(text: string, start: number, end: number, parents: number): boolean {
  if (end - start < parents) return false;
  for (let i = start; i < start + parents; i++) {
    const c = text.charCodeAt(i);
    if (c !== PLUS && c !== MINUS && c !== SPACE) return false;
  }
  return true;
}

function parseHunkHeader(text: string): Hunk | undefined {
  let ats = 0;
  while (text[ats] === "@") ats++;
  if (ats === 2) {
    const m = HUNK_2WAY.exec(text);
    if (!m) return undefined;
    return {
      parents: 1,
      oldLeft: m[1] === undefined ? 1 : Number(m[1]),
      next: Number(m[2]),
      newLeft: m[3] === undefined ? 1 : Number(m[3]),
      runStart: 0,
      run: [],
    };
  }
  if (ats < 3) return undefined;
  const close = text.indexOf(` ${"@".repeat(ats)}`, ats);
  const m = HUNK_COMBINED_NEW.exec(text.slice(0, close === -1 ? undefined : close + ats + 1));
  if (!m) return undefined;
  return {
    parents: ats - 1,
    oldLeft: 0,
    newLeft: m[2] === undefined ? 1 : Number(m[2]),
    next: Number(m[1]),
    runStart: 0,
    run: [],
  };
}

/** Take in one extended header line (mode, index, rename, ---/+++, Binary); false if it is none of them. */
function readFileHeader(file: OpenFile, text: string): boolean {
  const setMode = (mode: string) => {
    file.newMode = mode;
    if (mode === GITLINK_MODE) file.gitlink = true;
  };
  if (text.startsWith("+++ ")) {
    const value = text.slice(4);
    if (value === "/dev/null") file.deleted = true;
    else {
      file.path = pathField(value, "b/");
      file.pathFrom = "field";
    }
    return true;
  }
  if (text.startsWith("--- ")) return true;
  if (text.startsWith("index ")) {
    // "index <old>..<new>[ <mode>]" or, combined, "index <a>,<b>..<new>"
    const m = /^index [0-9a-f,]+\.\.([0-9a-f]+)(?: (\d+))?$/.exec(text);
    if (m) {
      file.newOid = m[1];
      if (m[2]) setMode(m[2]);
    }
    return true;
  }
  for (const key of ["new file mode ", "new mode ", "mode "]) {
    if (text.startsWith(key)) {
      setMode(text.slice(key.length).split("..").pop()!);
      return true;
    }
  }
  if (text.startsWith("deleted file mode ")) {
    file.deleted = true;
    if (text.endsWith(GITLINK_MODE)) file.gitlink = true;
    return true;
  }
  for (const key of ["rename to ", "copy to "]) {
    if (text.startsWith(key)) {
      if (file.pathFrom === "header") file.path = pathField(text.slice(key.length), "");
      return true;
    }
  }
  if (text.startsWith("Binary files ")) {
    file.binary = true;
    if (text.endsWith(" and /dev/null differ")) file.deleted = true;
    return true;
  }
  return /^(old mode|similarity index|dissimilarity index|rename from|copy from|GIT binary patch) ?/.test(text);
}
