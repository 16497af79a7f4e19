// A V8 code cache for the CLI bundle. Node 20 compiles the whole bundle on
// every run (module.enableCompileCache is Node 22), and for a clean pre-commit
// run that compile is most of what tvly-guard costs beyond starting node. So
// the bin entry (src/start.ts) compiles the bundle as a vm.Script with the
// bytecode an earlier run left, one file per bundle build, node version and
// command, in the user's own cache directory.
//
// V8 checks a cache against the source's length only, and does not verify its
// checksum in release builds, so a stale or torn file would run wrong code:
// the file name carries the build's content hash (computed when bundling) and
// the bundle's mtime, files are written under a unique name and renamed in
// whole, and only a directory that the user alone can write is trusted.
import { lstatSync, mkdirSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "./fs/atomic-write.js";
import { readRegularFile } from "./fs/open-file.js";

/** Cache files kept per directory: a few commands of a few installs; the oldest go first. */
const KEEP = 16;
/** Cache file names: `<build hash>-<mtime>-<node version>-<arch>-<node options hash>-<command>.v8`. */
const SUFFIX = ".v8";
/** Far above a real cache (about 200 KB): a larger file is not ours to read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The cache directory: $XDG_CACHE_HOME/tvly-guard, else ~/.cache/tvly-guard
 * (%LOCALAPPDATA%\tvly-guard on Windows); none when NODE_DISABLE_COMPILE_CACHE
 * is set (Node's own switch for its compile cache) or no home is known.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg?.startsWith("/")) return join(xdg, "tvly-guard"); // the XDG spec ignores a relative path
  if (platform === "win32") return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "tvly-guard") : null;
  return env.HOME ? join(env.HOME, ".cache", "tvly-guard") : null;
}

/**
 * The cache file for one bundle build and command. `command` is the run's
 * first argument when it looks like a command name (a run of lower-case
 * words), else "other": a cache name never holds what the user typed.
 */
export function codeCacheFile(dir: string, buildHash: string, bundle: string, command: string | undefined): string {
  const mtime = Math.trunc(statSync(bundle).mtimeMs);
  const name = command && /^[a-z]{1,16}(-[a-z]{1,16})?$/.test(command) ? command : "other";
  // V8 rejects a cache made under other flags: one file per set of node options, or two sets would overwrite each other's.
  const flags = hash32(`${process.execArgv.join("\0")}\0${process.env.NODE_OPTIONS ?? ""}`);
  return join(dir, `${buildHash}-${mtime}-${process.version}-${process.arch}-${flags}-${name}${SUFFIX}`);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short name for a short string (node:crypto costs milliseconds to load). */
function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** A directory only this user can write (on Windows: any directory). */
function trusted(dir: string): boolean {
  const info = lstatSync(dir);
  if (!info.isDirectory()) return false;
  if (process.getuid === undefined) return true;
  return info.uid === process.getuid() && (info.mode & 0o022) === 0;
}

/**
 * Is the nearest existing folder of `dir` (itself, or the ancestor mkdir would
 * create it in) this user's? Under `sudo` with another user's HOME, creating
 * ~/.cache would leave them a folder owned by root.
 */
function ownsNearestAncestor(dir: string): boolean {
  if (process.getuid === undefined) return true;
  for (let at = dir; ; at = dirname(at)) {
    try {
      return lstatSync(at).uid === process.getuid();
    } catch {
      if (dirname(at) === at) return false;
    }
  }
}

/** The cached bytes for `file`, or undefined when there are none to trust. Never throws. */
export function readCodeCache(dir: string, file: string): Buffer | undefined {
  try {
    return trusted(dir) ? readRegularFile(file, "the code cache", MAX_CACHE_BYTES, "undefined") : undefined;
  } catch {
    return undefined; // unreadable, not a regular file: compile from source
  }
}

/**
 * Store `data` as `file`, whole or not at all, then drop the oldest cache
 * files beyond KEEP. Best effort: a cache that cannot be written only means
 * the next run compiles again, so every failure is ignored.
 */
export function writeCodeCache(dir: string, file: string, data: Buffer): void {
  try {
    if (!ownsNearestAncestor(dir)) return;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!trusted(dir)) return;
    writeFileAtomic(file, data, { durable: false, newFileMode: 0o600, uniqueTemp: true });
    const old = readdirSync(dir)
      .filter((name) => name.endsWith(SUFFIX))
      .map((name) => ({ path: join(dir, name), mtime: lstatSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime)
      .slice(KEEP);
    for (const { path } of old) unlinkSync(path);
  } catch {
    // the cache is an optimisation only
  }
}
