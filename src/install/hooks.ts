// Put tvly-guard's block into the pre-commit / pre-push hook git will run,
// and take it out again, without ever losing a line of someone else's hook.
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { UsageError } from "../errors.js";
import type { GitContext } from "../git/exec.js";
import { type HookLayout, readHookLayout, readServerHookLayout } from "../git/hooks.js";
import { CLI_FILE, packagePath } from "../paths.js";
import { extractBlock, findBlock, isEmptyScript, type Placement, placeBlock, removeBlock } from "./block.js";
import { detectHusky, type HuskySetup } from "./husky.js";

/** The hooks of a clone (install, uninstall); the server's pre-receive is installed on its own. */
export const HOOK_NAMES = ["pre-commit", "commit-msg", "pre-push"] as const;
export type HookName = (typeof HOOK_NAMES)[number] | "pre-receive";

/** Where the shipped hook templates live (hooks/ in the package). */
export const HOOK_TEMPLATES_DIR = packagePath("hooks");

/** A foreign hook that install had to move aside (--force) keeps this suffix; uninstall moves it back. */
export const BACKUP_SUFFIX = ".before-tvly-guard";

/** The line a foreign hook needs to run the check itself. */
const OWN_COMMAND: Record<HookName, string> = {
  "pre-commit": "staged",
  "commit-msg": 'message "$1"',
  "pre-push": 'diff --stdin-refs --remote "$1"',
  "pre-receive": "receive",
};

/** The block that runs the moved-aside hook after the check (only after --force). */
const chainName = (hook: HookName) => `${hook} chain`;

/** How the hook finds tvly-guard when node_modules/.bin has none: the installation that ran install. */
export interface Installation {
  /** Absolute path of this installation's CLI (bin/tvly-guard.cjs, the bin entry). */
  cli: string;
  /** Absolute path of the node that runs it. */
  node: string;
}

export interface HookChange {
  hook: HookName;
  /** Absolute path of the file changed (or looked at). */
  file: string;
  action: "created" | "added" | "updated" | "unchanged" | "replaced" | "removed" | "deleted" | "restored";
}

export interface InstallResult {
  layout: HookLayout;
  husky: HuskySetup | null;
  changes: HookChange[];
  /** How the hook will run the tool, for the user to check. */
  runs: string;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A hook file's text, one character per byte (latin1), so a foreign hook's
 * bytes survive an edit exactly, whatever its encoding; our own lines are
 * UTF-8 turned into the same one-character-per-byte form (asBytes).
 */
const readHook = (file: string): string => readFileSync(file, "latin1");
const writeHook = (file: string, text: string): void => writeFileSync(file, text, "latin1");
const asBytes = (lines: string[]): string[] => lines.map((l) => Buffer.from(l, "utf8").toString("latin1"));

/** This installation, unless it is the repository's own node_modules copy (which the hook finds anyway). */
export function currentInstallation(toplevel: string): Installation | null {
  const cli = CLI_FILE;
  const local = join(realpathSync(toplevel), "node_modules") + sep;
  return realpathSync(cli).startsWith(local) ? null : { cli, node: process.execPath };
}

/** The hook's block for `hook`, from the template in hooks/, with the installation's paths filled in. */
export function renderHookBlock(hook: HookName, installation: Installation | null): string[] {
  const template = readFileSync(join(HOOK_TEMPLATES_DIR, hook), "utf8");
  return extractBlock(template, hook).flatMap((line) => {
    if (line.trim() !== "# @installation@") return [line];
    if (!installation) return [];
    const [cli, node] = [quote(installation.cli), quote(installation.node)];
    return [
      `  elif [ -f ${cli} ] && [ -x ${node} ]; then`,
      `    ${node} ${cli} "$@"`,
      `  elif [ -f ${cli} ] && command -v node >/dev/null 2>&1; then`,
      `    node ${cli} "$@"`,
    ];
  });
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why an existing hook cannot take a shell block, or null when it can (a shell script, with or without a shebang). */
function whyNotEditable(text: string, mustBeExecutable: boolean, file: string): string | null {
  if (text.includes("\0")) return "is a binary file";
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  if (shebang) {
    const program = (shebang[1]!.endsWith("/env") ? (shebang[2] ?? "") : shebang[1]!).split("/").pop()!;
    if (!/^(sh|bash|dash|zsh|ksh|ash|busybox)$/.test(program)) return `is a ${program} script, not a shell script`;
  }
  if (mustBeExecutable && !isExecutable(file)) return "is not executable, so git does not run it";
  return null;
}

interface Target {
  hook: HookName;
  file: string;
  placement: Placement;
  /** First line of a file install creates. */
  shebang: string | null;
  /** Plain git hooks must be executable; husky runs its files with sh. */
  needsExec: boolean;
}

function targetsFor(layout: HookLayout, husky: HuskySetup | null, hooks: readonly HookName[]): Target[] {
  return hooks.map((hook) => ({
    hook,
    file: join(husky ? husky.dir : layout.hooksDir, hook),
    // pre-push reads git's ref lines on stdin, so it goes first; so does a plain hook's block, so a
    // failing command above it (without `set -e`) cannot be masked by our block's success.
    // husky runs its files with `sh -e`, so in a husky pre-commit or commit-msg the end is as safe.
    placement: husky && hook !== "pre-push" ? "append" : "top",
    shebang: husky && !husky.legacy ? null : "#!/bin/sh",
    needsExec: !husky,
  }));
}

/** Install the blocks for `hooks` in the repository at `cwd`. */
export async function installHooks(
  ctx: GitContext,
  hooks: readonly HookName[],
  options: { force: boolean },
): Promise<InstallResult> {
  const layout = await readHookLayout(ctx);
  const husky = detectHusky(layout);
  const installation = currentInstallation(layout.toplevel);
  const targets = targetsFor(layout, husky, hooks);
  // Check every target before writing any, so a refusal leaves nothing half-installed.
  const plans = targets.map((t) => planInstall(t, renderHookBlock(t.hook, installation), options.force));
  const changes = plans.map((apply) => apply());
  const runs = installation
    ? `node_modules/.bin/tvly-guard if present, else ${installation.node} ${installation.cli}, else tvly-guard on PATH`
    : "node_modules/.bin/tvly-guard (this project's own copy), else tvly-guard on PATH";
  return { layout, husky, changes, runs };
}

function planInstall(t: Target, block: string[], force: boolean): () => HookChange {
  const done = (action: HookChange["action"]): HookChange => ({ hook: t.hook, file: t.file, action });
  if (!existsSync(t.file)) {
    return () => {
      mkdirSync(dirname(t.file), { recursive: true });
      writeFileSync(t.file, `${[...(t.shebang ? [t.shebang] : []), ...block].join("\n")}\n`);
      chmodSync(t.file, 0o755); // after the write: a umask would trim writeFileSync's mode
      return done("created");
    };
  }
  const text = readHook(t.file);
  const has = findOwnBlock(text, t);
  if (has) {
    const next = placeBlock(text, t.hook, asBytes(block), t.placement);
    return () => {
      if (next === text) return done("unchanged");
      writeHook(t.file, next);
      return done("updated");
    };
  }
  const why = whyNotEditable(text, t.needsExec, t.file);
  if (!why) {
    return () => {
      writeHook(t.file, placeBlock(text, t.hook, asBytes(block), t.placement));
      return done("added");
    };
  }
  const backup = t.file + BACKUP_SUFFIX;
  if (!force) {
    throw new UsageError(
      `${t.file} ${why}, so tvly-guard will not edit it: add \`tvly-guard ${OWN_COMMAND[t.hook]}\` to it yourself, or run tvly-guard install --force to move it to ${t.hook}${BACKUP_SUFFIX} and have the tvly-guard hook run it after the check`,
    );
  }
  if (existsSync(backup))
    throw new UsageError(`${backup} already exists: move it away first, then run tvly-guard install --force again`);
  const chain = isExecutable(t.file) ? chainBlock(t.hook) : [];
  return () => {
    renameSync(t.file, backup);
    writeFileSync(t.file, `${[t.shebang ?? "#!/bin/sh", ...block, ...chain].join("\n")}\n`);
    chmodSync(t.file, 0o755);
    return done("replaced");
  };
}

/** Runs the hook that --force moved aside, with the same arguments (and stdin, which pre-push gave back). */
function chainBlock(hook: HookName): string[] {
  const name = chainName(hook);
  return [
    `# >>> tvly-guard ${name} >>>`,
    `# The ${hook} hook that was here before \`tvly-guard install --force\`; \`tvly-guard uninstall\` puts it back.`,
    `exec "$(dirname "$0")/${hook}${BACKUP_SUFFIX}" "$@"`,
    `# <<< tvly-guard ${name} <<<`,
  ];
}

function findOwnBlock(text: string, t: Target): boolean {
  try {
    return findBlock(text.split("\n"), t.hook) !== null;
  } catch (err) {
    throw new UsageError(
      `${t.file}: ${(err as Error).message}; fix the file by hand (or delete the tvly-guard lines) and run tvly-guard install again`,
    );
  }
}

export interface UninstallResult {
  layout: HookLayout;
  /** Every file looked at. */
  looked: string[];
  changes: HookChange[];
}

/** Remove every tvly-guard block from the pre-commit and pre-push hooks (husky's and git's); restore moved-aside hooks. */
export async function uninstallHooks(ctx: GitContext): Promise<UninstallResult> {
  const layout = await readHookLayout(ctx);
  const dirs = [...new Set([join(layout.toplevel, ".husky"), layout.hooksDir])];
  const result: UninstallResult = { layout, looked: [], changes: [] };
  for (const dir of dirs) for (const hook of HOOK_NAMES) removeOwnBlocks(join(dir, hook), hook, result);
  return result;
}

/**
 * Remove the pre-receive block `install --pre-receive` wrote: in the bare
 * repository at `ctx`, or in `hooksDir` (a hosting server's hook directory).
 */
export async function uninstallServerHook(ctx: GitContext, options: { hooksDir?: string }): Promise<UninstallResult> {
  const dir = options.hooksDir ?? (await serverHooksDir(ctx, "uninstall"));
  const result: UninstallResult = {
    layout: { toplevel: ctx.cwd, hooksDir: dir, hooksPath: undefined },
    looked: [],
    changes: [],
  };
  removeOwnBlocks(join(dir, "pre-receive"), "pre-receive", result);
  return result;
}

/** Take tvly-guard's blocks out of one hook file, every other byte kept; restore what --force moved aside. */
function removeOwnBlocks(file: string, hook: HookName, into: UninstallResult): void {
  if (!existsSync(file)) return;
  into.looked.push(file);
  const text = readHook(file);
  let next = text;
  for (const name of [hook, chainName(hook)]) {
    try {
      next = removeBlock(next, name) ?? next;
    } catch (err) {
      throw new UsageError(`${file}: ${(err as Error).message}; remove the tvly-guard lines by hand`);
    }
  }
  if (next === text) return;
  const backup = file + BACKUP_SUFFIX;
  if (isEmptyScript(next)) {
    rmSync(file);
    if (existsSync(backup)) {
      renameSync(backup, file);
      into.changes.push({ hook, file, action: "restored" });
    } else into.changes.push({ hook, file, action: "deleted" });
  } else {
    writeHook(file, next);
    into.changes.push({ hook, file, action: "removed" });
  }
}

/** The hooks directory of the bare (server) repository at `ctx`: `--pre-receive` hooks go nowhere else. */
async function serverHooksDir(ctx: GitContext, command: "install --pre-receive" | "uninstall"): Promise<string> {
  const layout = await readServerHookLayout(ctx).catch((err: unknown) => {
    throw new UsageError(
      `${command}: ${ctx.cwd} is not a git repository (${(err as Error).message}); run it inside the server's bare repository, or give --hooks-dir`,
    );
  });
  // uninstall asks only where isBareRepository said yes: this refusal is install's.
  if (!layout.bare)
    throw new UsageError(
      "install --pre-receive goes in the server's bare repository (where pushes arrive), not in a clone with a work tree; or give --hooks-dir",
    );
  return layout.hooksDir;
}

/** Is `ctx` inside a bare repository (a server's), where uninstall removes the pre-receive hook? */
export async function isBareRepository(ctx: GitContext): Promise<boolean> {
  return readServerHookLayout(ctx).then(
    (layout) => layout.bare,
    () => false,
  );
}

/** `file` relative to the work tree when inside it, for messages. */
export function displayPath(layout: HookLayout, file: string): string {
  const rel = relative(layout.toplevel, file);
  return rel.startsWith("..") ? file : rel.split(sep).join("/");
}

export interface ServerInstallResult {
  change: HookChange;
  runs: string;
}

/**
 * Install the pre-receive block in a bare (server) repository's hooks
 * directory, or in `hooksDir` (a hosting server's own hook directory, which
 * may hold no repository at all). Same block rules as the client hooks.
 */
export async function installServerHook(
  ctx: GitContext,
  options: { force: boolean; hooksDir?: string },
): Promise<ServerInstallResult> {
  const dir = options.hooksDir ?? (await serverHooksDir(ctx, "install --pre-receive"));
  const installation = { cli: CLI_FILE, node: process.execPath };
  const target: Target = {
    hook: "pre-receive",
    file: join(dir, "pre-receive"),
    placement: "top",
    shebang: "#!/bin/sh",
    needsExec: true,
  };
  const apply = planInstall(target, renderHookBlock("pre-receive", installation), options.force);
  return { change: apply(), runs: `${installation.node} ${installation.cli}, else tvly-guard on PATH` };
}
