#!/usr/bin/env node
// The bin entry users and hooks run (bin/tvly-guard.cjs). It runs the CLI
// bundle beside it (tvly-guard-main.cjs, built from src/cli.ts) compiled with
// the V8 code cache of an earlier run (src/code-cache.ts), and records its own
// path as the CLI's, so the hooks `install` writes start here too.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
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

/** Evaluate the CommonJS file `file` as require() would, from its code cache when one is there. */
function runBundle(file: string, command: string | undefined): void {
  const require = createRequire(file);
  const dir = codeCacheDir(process.env);
  let cacheFile: string | undefined;
  try {
    if (dir) cacheFile = codeCacheFile(dir, TVLY_GUARD_MAIN_HASH, file, command);
  } catch {
    // the bundle cannot be stat'ed: require() reports that
  }
  if (!dir || !cacheFile) {
    require(file);
    return;
  }
  const cachedData = readCodeCache(dir, cacheFile);
  // Node's own CommonJS wrapper; the bundle carries no hashbang, which would be a syntax error inside it.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, "utf8")}\n});`;
  const script = new Script(wrapped, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    const store = cacheFile;
    process.once("exit", () => writeCodeCache(dir, store, script.createCachedData()));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
}
