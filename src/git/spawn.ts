// How a git process is started: one environment policy and one set of config
// pins for every call, and the one early start, which the bin entry makes for
// `staged` before the CLI bundle has even been compiled. exec.ts owns every
// process once started (its output, its errors); this file only spawns, so
// the bin entry can carry it without the rest of the git layer.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import type { Socket } from "node:net";

/** Where git runs and the caller's environment (a hook's GIT_DIR and GIT_INDEX_FILE must reach git). */
export interface GitContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The environment of every git call: the caller's, with
 * - no optional locks: a hook runs while `git commit` holds index.lock;
 * - no prompts, and askpass helpers neutral (empty GIT_ASKPASS stops git's search for one);
 * - no transport at all (GIT_ALLOW_PROTOCOL empty), so a partial clone can never lazily
 *   fetch a missing object: git 2.39 has no GIT_NO_LAZY_FETCH (newer git honours it too),
 *   but its lazy fetch is a `git fetch` child that checks GIT_ALLOW_PROTOCOL first;
 * - replace refs ignored: we read the objects a push would send, not their stand-ins;
 * - messages and dates in the C locale, and no pager.
 * https://git-scm.com/docs/git#_environment_variables
 */
export function gitEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {
    ...env,
    GIT_OPTIONAL_LOCKS: "0",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: "",
    SSH_ASKPASS: "",
    GIT_ALLOW_PROTOCOL: "",
    GIT_NO_LAZY_FETCH: "1",
    GIT_NO_REPLACE_OBJECTS: "1",
    GIT_PAGER: "cat",
    PAGER: "cat",
    LC_ALL: "C",
    LANGUAGE: "C",
  };
  // Would change the patches we parse (an external diff tool, another context size).
  delete out.GIT_EXTERNAL_DIFF;
  delete out.GIT_DIFF_OPTS;
  return out;
}

/**
 * Config that would change output we parse, pinned for every call (`-c` wins
 * over every config file). Where a command-line flag does the same job (-U0,
 * --no-color, --no-ext-diff, --no-textconv, -M/--no-renames, --src-prefix),
 * the patch commands pass it as well. Not pinned, on purpose: diff.external
 * (an empty value makes git try to run "", so every patch command passes
 * --no-ext-diff instead) and core.precomposeUnicode (it makes git's paths
 * match the file system on macOS).
 * https://git-scm.com/docs/git-config#_variables
 */
export const PINNED_CONFIG: readonly string[] = [
  "core.quotePath=false",
  "core.fsmonitor=false",
  "color.ui=never",
  "diff.relative=false",
  "diff.noprefix=false",
  "diff.mnemonicPrefix=false",
  "diff.suppressBlankEmpty=false",
  "log.showSignature=false",
].flatMap((pin) => ["-c", pin]);

/** Spawn git with the policy. With `noInput` its stdin is /dev/null (child.stdin is then null). */
export function spawnGit(
  ctx: GitContext,
  args: readonly string[],
  noInput?: "noInput",
): ChildProcessWithoutNullStreams {
  return takeEarlyStart(ctx, args, noInput) ?? spawnNow(ctx, args, noInput);
}

function spawnNow(ctx: GitContext, args: readonly string[], noInput?: "noInput"): ChildProcessWithoutNullStreams {
  return spawn("git", [...PINNED_CONFIG, ...args], {
    cwd: ctx.cwd,
    env: gitEnv(ctx.env),
    stdio: [noInput ? "ignore" : "pipe", "pipe", "pipe"],
  }) as ChildProcessWithoutNullStreams;
}

/**
 * A git call started before the code that will own it was loaded. It lives on
 * globalThis because the bin entry and the CLI bundle are two files, each with
 * its own copy of this module.
 */
interface EarlyStart {
  cwd: string;
  env: NodeJS.ProcessEnv;
  args: readonly string[];
  child: ChildProcessWithoutNullStreams;
  /** Set when git could not be started: handed to the owner, who reports it. */
  error?: Error;
  /** Holds the streams paused until the owner reads them (see startEarly). */
  hold: () => void;
}

const EARLY = Symbol.for("tvly-guard.early-git");
const early = globalThis as { [EARLY]?: EarlyStart };

/**
 * Start the `noInput` git call `args` now, for an owner that will make the
 * same call once loaded (spawnGit hands it this process). Until then nothing
 * may read its output: a 'readable' listener keeps each stream paused (Node
 * resumes, and so discards, the output of a child that exits while its
 * streams have no reader), a spawn error is kept, and nothing is ref'd, so a
 * run that never makes the call (`staged --help`) exits without waiting on it.
 */
export function startEarly(ctx: GitContext, args: readonly string[]): void {
  const child = spawnNow(ctx, args, "noInput");
  const start: EarlyStart = { ...ctx, args, child, hold: () => {} };
  child.once("error", (err) => (start.error = err));
  child.stdout.on("readable", start.hold);
  child.stderr.on("readable", start.hold);
  child.unref();
  for (const pipe of pipes(child)) pipe.unref();
  early[EARLY] = start;
}

/** The early start of exactly this call (same arguments, directory and environment), taken once. */
function takeEarlyStart(
  ctx: GitContext,
  args: readonly string[],
  noInput?: "noInput",
): ChildProcessWithoutNullStreams | undefined {
  const start = early[EARLY];
  if (!start || !noInput || start.cwd !== ctx.cwd || start.env !== ctx.env) return undefined;
  if (start.args.length !== args.length || start.args.some((a, i) => a !== args[i])) return undefined;
  delete early[EARLY];
  const { child } = start;
  // Once the 'readable' listeners are gone, Node resumes each stream on the next tick, when the owner's
  // 'data' listeners (attached as soon as this returns) are there to take what git has written so far.
  child.stdout.off("readable", start.hold);
  child.stderr.off("readable", start.hold);
  child.ref();
  for (const pipe of pipes(child)) pipe.ref();
  // The owner attaches its 'error' listener once this returns.
  if (start.error) process.nextTick(() => child.emit("error", start.error));
  return child;
}

/** A child's stdout and stderr pipes, as the sockets they are (typed as plain streams). */
const pipes = (child: ChildProcessWithoutNullStreams) => [child.stdout, child.stderr] as unknown as Socket[];
