#!/usr/bin/env node
// The bin entry users and hooks run (bin/tvly-guard.cjs). It runs the CLI
// bundle beside it (tvly-guard-main.cjs, built from src/cli.ts) compiled with
// the V8 code cache of an earlier run (src/code-cache.ts), and records its own
// path as the CLI's, so the hooks `install` writes start here too.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { codeCacheDir, codeCacheFile, readCodeCache, writeCodeCache } from "./code-cache.js";
import { stagedPatchArgs } from "./git/patch.js";
import { startEarly } from "./git/spawn.js";
import { CLI_ENTRY } from "./paths.js";

/** The main bundle's content hash, set by scripts/bundle.mjs: it names the cache files. */
declare const TVLY_GUARD_MAIN_HASH: string;

// A pre-commit run's one git call starts first, so git diffs while the bundle compiles and the rules load.
if (process.argv[2] === "staged") startEarly({ cwd: process.cwd(), env: process.env }, stagedPatchArgs());

const self = import.meta.filename;
const main = join(import.meta.dirname, "tvly-guard-main.cjs");
(globalThis as Record<symbol, unknown>)[CLI_ENTRY] = self;
runBundle(main, process.argv[2]);

/**
 * Run the CommonJS file `file` as require() would, from its code cache when one is there. The
 * file is one function expression, Node's module wrapper included (scripts/bundle.mjs), so its
 * text is compiled as it is read. It gets this file's own `require` (this entry is bundled as
 * CommonJS too): the two sit in one folder, so a require resolves alike from either, and
 * node:module's createRequire is never loaded.
 */
function runBundle(file: string, command: string | undefined): void {
  const dir = codeCacheDir(process.env);
  let cacheFile: string | undefined;
  try {
    if (dir) cacheFile = codeCacheFile(dir, TVLY_GUARD_MAIN_HASH, file, command);
  } catch {
    // the bundle cannot be stat'ed: reading it says why
  }
  const cachedData = dir && cacheFile ? readCodeCache(dir, cacheFile) : undefined;
  const script = new Script(readFileSync(file, "utf8"), { filename: file, cachedData });
  if (dir && cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    const store = cacheFile;
    process.once("exit", () => writeCodeCache(dir, store, script.createCachedData()));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
}
