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

const NL = 0x0a;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;

/**
 * Cuts a byte stream into lines (without "\n"), piece by piece, synchronously:
 * a per-line `await` would cost a promise per line. Only lines that straddle
 * two pieces are copied.
 */
export class LineSplitter {
  private pending: Buffer[] = [];

  /** Call `onLine` for every line `piece` completes. */
  push(piece: Buffer, onLine: (line: Buffer) => void): void {
    let start = 0;
    for (let nl = piece.indexOf(NL); nl !== -1; nl = piece.indexOf(NL, start)) {
      if (this.pending.length > 0) {
        this.pending.push(piece.subarray(start, nl));
        onLine(Buffer.concat(this.pending));
        this.pending = [];
      } else {
        onLine(piece.subarray(start, nl));
      }
      start = nl + 1;
    }
    if (start < piece.length) this.pending.push(piece.subarray(start));
  }

  /** The last line, when the stream does not end with "\n". */
  end(onLine: (line: Buffer) => void): void {
    if (this.pending.length > 0) onLine(Buffer.concat(this.pending));
    this.pending = [];
  }
}

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
  run: Buffer[];
}

const startsWith = (line: Buffer, text: string) =>
  line.length >= text.length && line.toString("latin1", 0, text.length) === text;

/**
 * Parse patch text into file records (and pass through lines outside any patch,
 * such as the commit lines a `git log --format` puts between patches).
 * Records come out in order; a file's record once its patch is complete.
 */
export async function* parseUnifiedDiff(pieces: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<DiffRecord> {
  const parser = new DiffParser();
  const splitter = new LineSplitter();
  const onLine = (line: Buffer) => parser.line(line);
  for await (const piece of pieces) {
    splitter.push(piece, onLine);
    if (parser.records.length > 0) yield* parser.take();
  }
  splitter.end(onLine);
  parser.end();
  yield* parser.take();
}

type OpenFile = FilePatch & { pathFrom: "header" | "field" };

/** The line-by-line state machine behind parseUnifiedDiff. */
class DiffParser {
  records: DiffRecord[] = [];
  private file: OpenFile | undefined;
  private hunk: Hunk | undefined;

  take(): DiffRecord[] {
    const out = this.records;
    this.records = [];
    return out;
  }

  end(): void {
    this.endFile();
  }

  line(line: Buffer): void {
    const hunk = this.hunk;
    if (hunk) {
      if (hunk.parents === 1 && (hunk.oldLeft > 0 || hunk.newLeft > 0)) {
        const first = line[0];
        if (first === PLUS) {
          this.addLine(hunk, line.subarray(1));
          hunk.next++;
          hunk.newLeft--;
          return;
        }
        if (first === MINUS) {
          this.flushRun(hunk);
          hunk.oldLeft--;
          return;
        }
        if (first === SPACE || line.length === 0) {
          // A context line (only when GIT_DIFF_OPTS or config forces context; empty with diff.suppressBlankEmpty).
          this.flushRun(hunk);
          hunk.next++;
          hunk.oldLeft--;
          hunk.newLeft--;
          return;
        }
      } else if (hunk.parents > 1 && isCombinedLine(line, hunk.parents)) {
        const prefix = line.subarray(0, hunk.parents);
        if (prefix.includes(MINUS)) {
          this.flushRun(hunk); // not in the merge result
        } else {
          if (prefix.every((b) => b === PLUS)) this.addLine(hunk, line.subarray(hunk.parents));
          else this.flushRun(hunk); // taken from a parent: that parent's commit added it
          hunk.next++;
        }
        return;
      }
      if (line[0] === BACKSLASH) return; // "\ No newline at end of file"
      this.endHunk();
    }

    if (startsWith(line, "diff --git ")) {
      this.endFile();
      this.file = newFile(parseGitHeaderPath(line.toString("utf8", 11)), false);
      return;
    }
    if (startsWith(line, "diff --cc ") || startsWith(line, "diff --combined ")) {
      this.endFile();
      this.file = newFile(pathField(line.toString("utf8", line.indexOf(SPACE, 5) + 1), ""), true);
      return;
    }
    if (this.file && line[0] === 0x40 /* @ */) {
      this.hunk = parseHunkHeader(line.toString("latin1"));
      if (this.hunk) return;
    }
    if (this.file && readFileHeader(this.file, line.toString("utf8"))) return;
    if (line[0] === BACKSLASH) return;
    this.endFile();
    this.records.push({ kind: "line", line });
  }

  private addLine(hunk: Hunk, content: Buffer): void {
    if (hunk.run.length === 0) hunk.runStart = hunk.next;
    hunk.run.push(content);
  }

  /** Close the current run of added lines: one buffer, lines joined by "\n". */
  private flushRun(hunk: Hunk): void {
    const run = hunk.run;
    if (run.length === 0) return;
    let size = run.length - 1;
    for (const part of run) size += part.length;
    const data = Buffer.allocUnsafe(size);
    let at = 0;
    for (const [i, part] of run.entries()) {
      if (i > 0) data[at++] = NL;
      at += part.copy(data, at);
    }
    this.file!.added.push({ startLine: hunk.runStart, data });
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

function isCombinedLine(line: Buffer, parents: number): boolean {
  if (line.length < parents) return false;
  for (let i = 0; i < parents; i++) {
    const b = line[i];
    if (b !== PLUS && b !== MINUS && b !== SPACE) return false;
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
