// Where this installation's own files are, and paths as reports show them.
// Every file that runs sits one folder below the package root: the bundle
// (bin/tvly-guard.cjs, or dist/ in a development checkout), tsc's output (dist/)
// and the sources under vitest (src/). So rules/, hooks/, schema/ and package.json
// are found from here, in every install.
import { dirname, join, sep } from "node:path";

/** The file this code was loaded from: in the shipped CLI, the bundle itself. */
export const SELF_FILE = import.meta.filename;

/**
 * Where the bin entry (src/start.ts, bin/tvly-guard.cjs) records its own path
 * before it runs this bundle: a symbol, not an environment variable, so no
 * child process inherits it.
 */
export const CLI_ENTRY = Symbol.for("tvly-guard.cli-entry");

/** The file that starts the CLI, which hooks run: the bin entry, or this file when nothing recorded one (tests). */
export const CLI_FILE: string = ((globalThis as Record<symbol, unknown>)[CLI_ENTRY] as string | undefined) ?? SELF_FILE;

/** The package root: the folder that holds package.json, rules/, hooks/ and schema/. */
export const PACKAGE_ROOT = dirname(dirname(SELF_FILE));

export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);

/** `a\\b` -> `a/b` on Windows; unchanged elsewhere (reports and allowlists use forward slashes). */
export const toPosix = (p: string): string => (sep === "/" ? p : p.split(sep).join("/"));
