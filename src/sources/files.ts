// Working-tree files for `scan`: fast-glob walks, git says what is ignored,
// symlinks are never followed, and "-" is stdin. Yields one Chunk per file.
import { lstat, readFile, stat } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import fg from "fast-glob";
import { InputError } from "../errors.js";
import type { ScanSummary } from "../report/finding.js";
import { countScanned, type Chunk } from "./chunk.js";
import { listIgnoredPaths } from "./git.js";

export interface FileSourceOptions {
  cwd: string;
  maxFileSize: number;
  stdin: NodeJS.ReadableStream;
}

export { looksBinary } from "../engine/binary.js";

const toPosix = (p: string) => (sep === "/" ? p : p.split(sep).join("/"));

/** Report paths relative to the current directory, or to the scanned root when it lies outside it. */
function displayPath(cwd: string, root: string, abs: string): string {
  const fromCwd = relative(cwd, abs);
  return toPosix(fromCwd.startsWith("..") ? relative(root, abs) || abs : fromCwd);
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(typeof part === "string" ? Buffer.from(part) : (part as Buffer));
  return Buffer.concat(parts);
}

/** Every file under `dir` that git would not ignore, relative to `dir`, sorted. */
async function walkDirectory(dir: string): Promise<string[]> {
  const ignored = await listIgnoredPaths(dir);
  const ignoredDirs = ignored.filter((p) => p.endsWith("/")).map((p) => `${fg.escapePath(p)}**`);
  const ignoredFiles = new Set(ignored.filter((p) => !p.endsWith("/")));
  const entries = await fg("**", {
    cwd: dir,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ["**/.git/**", "**/.git", ...ignoredDirs],
  });
  return entries.filter((e) => !ignoredFiles.has(e)).sort();
}

/** Read one file into a chunk, or count why it was skipped. `explicit` files fail loudly. */
async function readOne(abs: string, path: string, explicit: boolean, options: FileSourceOptions, summary: ScanSummary): Promise<Chunk | undefined> {
  try {
    const info = await lstat(abs);
    if (info.isSymbolicLink()) {
      summary.skipped.symlinks++;
      return undefined;
    }
    if (!info.isFile()) return undefined;
    if (info.size > options.maxFileSize) {
      summary.skipped.tooLarge++;
      return undefined;
    }
    const data = await readFile(abs);
    countScanned(summary, data);
    return { path, data, startLine: 1 };
  } catch (err) {
    if (explicit) throw new InputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    summary.skipped.unreadable++;
    return undefined;
  }
}

/** Resolve the given paths up front, so a missing one fails before any scanning (exit 2). */
async function resolveTargets(paths: readonly string[], cwd: string): Promise<{ arg: string; abs: string; isDir: boolean }[]> {
  return Promise.all(
    paths.map(async (arg) => {
      if (arg === "-") return { arg, abs: "-", isDir: false };
      const abs = resolve(cwd, arg);
      try {
        return { arg, abs, isDir: (await stat(abs)).isDirectory() };
      } catch {
        throw new InputError(`no such file or directory: ${arg}`);
      }
    }),
  );
}

/** Yield a chunk per scannable file under `paths`, updating `summary` as it goes. */
export async function* readFileChunks(paths: readonly string[], options: FileSourceOptions, summary: ScanSummary): AsyncGenerator<Chunk> {
  const { cwd } = options;
  for (const target of await resolveTargets(paths, cwd)) {
    if (target.abs === "-") {
      const data = await readStdin(options.stdin);
      countScanned(summary, data);
      yield { path: "<stdin>", data, startLine: 1 };
    } else if (target.isDir) {
      const files = await walkDirectory(target.abs);
      // Read ahead a few files at a time: I/O overlaps with scanning.
      const window = 16;
      const pending: Promise<Chunk | undefined>[] = [];
      let next = 0;
      const fill = () => {
        while (pending.length < window && next < files.length) {
          const abs = resolve(target.abs, files[next++]!);
          pending.push(readOne(abs, displayPath(cwd, target.abs, abs), false, options, summary));
        }
      };
      fill();
      while (pending.length > 0) {
        const chunk = await pending.shift()!;
        fill();
        if (chunk) yield chunk;
      }
    } else {
      const chunk = await readOne(target.abs, displayPath(cwd, target.abs, target.abs) || target.arg, true, options, summary);
      if (chunk) yield chunk;
    }
  }
}
