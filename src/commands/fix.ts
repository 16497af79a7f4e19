// `tvly-guard fix [paths...]`: move keys out of working-tree files into a
// git-ignored .env and read them from the environment instead.
import { lstatSync, realpathSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import pc from "picocolors";
import { builtinRules } from "../engine/rule.js";
import { ExitCode, GitError, InputError, UsageError } from "../errors.js";
import { unifiedDiff } from "../fix/diff.js";
import { type FileChange, type FixPlan, planFix } from "../fix/plan.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import { findWorkTreeRoot } from "../git/work-tree.js";
import { DEFAULT_MAX_FILE_SIZE } from "../sources/chunk.js";
import { booleanOption, type CommandSpec } from "./args.js";

/** Said in --help and after every run: moving a key out of the code does not make it safe. */
const NOT_A_REVOCATION =
  "fix moves keys, it does not revoke them: a key that was ever committed, pushed or shared must still be revoked and replaced (tvly-guard history shows where it went)";

export const command: CommandSpec = {
  name: "fix",
  summary:
    "Move Tavily API keys out of working-tree files (default: the whole work tree): each literal becomes an environment lookup for its language, the value goes to .env at the repository root, and .env is git-ignored. Files that cannot be rewritten safely (JSON, notebooks, unknown types) are listed with what to do.",
  usage: "tvly-guard fix [options] [paths...]",
  allowPositionals: true,
  exitCodes:
    "Exit codes: 0 nothing left to do, 1 keys remain for you to handle by hand (with --dry-run: there are changes to make), 2 usage or runtime error.",
  options: [
    {
      name: "dry-run",
      type: "boolean",
      short: "n",
      description: "show the changes as a unified diff (keys redacted) and write nothing",
    },
    { name: "no-color", type: "boolean", description: "no colours (NO_COLOR and FORCE_COLOR are honoured too)" },
  ],
  details: [
    'Rewrites: JS/TS process.env.NAME · Python os.environ["NAME"] (adds import os) · Ruby, Java/Kotlin, C#, PHP, Go lookups · shell "${NAME}" ·',
    "YAML ${NAME} (GitHub workflows: ${{ secrets.NAME }}) · Dockerfile ENV/ARG lines · docs get the placeholder ·",
    ".env files stay as they are and are git-ignored.",
    "fix never deletes a key (it ends up in .env) and never writes outside the repository.",
    `${NOT_A_REVOCATION}.`,
    "",
    "Examples:\n  tvly-guard fix --dry-run\n  tvly-guard fix src app.py && git add -A && tvly-guard staged",
  ].join("\n"),
  async run(args, io) {
    if (args.positionals.includes("-"))
      throw new UsageError("fix: stdin (-) cannot be fixed; name files or directories");
    const root = findWorkTreeRoot(io.cwd, io.env);
    if (!root)
      throw new GitError("fix works inside a git work tree (it keeps .env out of git); run it from your repository");
    const rules = builtinRules();
    const dryRun = booleanOption(args, "dry-run");
    const color =
      !booleanOption(args, "no-color") &&
      !io.env.NO_COLOR &&
      (io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== "0" : io.stdoutIsTTY);
    const c = pc.createColors(color);
    const paths = args.positionals.length ? args.positionals : [root];
    const plan = await planFix({
      cwd: io.cwd,
      env: io.env,
      root,
      paths,
      rules,
      stdin: io.stdin,
      maxFileSize: DEFAULT_MAX_FILE_SIZE,
    });
    if (dryRun) {
      for (const change of plan.changes) io.stdout(colorDiff(unifiedDiff(change.path, change.before, change.after), c)); // io redacts, encoded keys too
    } else {
      writeChanges(root, plan.changes);
    }
    io.stdout(renderOutcome(plan, dryRun, c));
    const manual = plan.outcomes.some((o) => o.status === "manual") || plan.todo.length > 0;
    return manual || (dryRun && plan.changes.length > 0) ? ExitCode.findings : ExitCode.clean;
  },
};

function colorDiff(diff: string, c: ReturnType<typeof pc.createColors>): string {
  return diff.replace(/^([-+@].*)$/gm, (line) =>
    line.startsWith("@@")
      ? c.cyan(line)
      : line.startsWith("---") || line.startsWith("+++")
        ? c.bold(line)
        : line.startsWith("-")
          ? c.red(line)
          : c.green(line),
  );
}

/** Refuse, before writing anything, any target that is a symlink or resolves outside the repository. */
function checkTargets(root: string, changes: readonly FileChange[]): void {
  const realRoot = realpathSync(root);
  const insideByDir = new Map<string, boolean>();
  for (const change of changes) {
    let isLink = false;
    try {
      isLink = lstatSync(change.abs).isSymbolicLink();
    } catch {
      // does not exist yet: created below
    }
    const dir = dirname(change.abs);
    let inside = insideByDir.get(dir);
    if (inside === undefined) {
      inside = !relative(realRoot, realpathSync(dir)).startsWith("..");
      insideByDir.set(dir, inside);
    }
    if (isLink || !inside)
      throw new InputError(
        `fix: refusing to write ${change.path}: ${isLink ? "it is a symbolic link" : "it resolves outside the repository"}`,
      );
  }
}

/**
 * Every target is checked before the first write; then .env and .gitignore
 * (planFix puts them first), then the sources, each replaced atomically. A run
 * that fails or is killed half-way has every key it took out of a source
 * already in .env, and no half-written file; running fix again finishes the job.
 */
function writeChanges(root: string, changes: readonly FileChange[]): void {
  checkTargets(root, changes);
  for (const change of changes)
    writeFileAtomic(resolve(change.abs), change.data, {
      what: change.path,
      newFileMode: change.path === ".env" ? 0o600 : undefined,
      durable: change.path === ".env" || change.path === ".gitignore",
    });
}

function renderOutcome(plan: FixPlan, dryRun: boolean, c: ReturnType<typeof pc.createColors>): string {
  if (plan.outcomes.length === 0) return "tvly-guard fix: no keys found in the working tree.\n";
  const label = { fixed: c.green(dryRun ? "would fix" : "fixed"), kept: c.cyan("kept"), manual: c.yellow("by hand") };
  const out = [
    `tvly-guard fix: ${plan.outcomes.length} ${plan.outcomes.length === 1 ? "place" : "places"} in ${plan.files} ${plan.files === 1 ? "file" : "files"}${dryRun ? " (dry run: nothing written)" : ""}`,
  ];
  for (const o of plan.outcomes)
    out.push(`  ${label[o.status].padEnd(dryRun ? 9 : 7)}  ${o.path}:${o.line}  ${o.secret}  ${o.detail}`);
  if (plan.changes.length)
    out.push(
      "",
      `${dryRun ? "Files that would change" : "Files changed"}: ${plan.changes.map((ch) => (ch.before === null ? `${ch.path} (new)` : ch.path)).join(", ")}`,
    );
  const next: string[] = [];
  if (plan.envVars.length)
    next.push(
      `the code now reads ${plan.envVars.join(", ")} from the environment: load .env when you run it (node --env-file=.env, python-dotenv, docker run --env-file .env, or export it in your shell)`,
    );
  for (const t of plan.todo) next.push(t);
  if (!dryRun && plan.changes.length)
    next.push(
      `re-stage the changed files (git add ${plan.changes
        .filter((ch) => ch.path !== ".env")
        .map((ch) => ch.path)
        .join(" ")}) and run tvly-guard staged`,
    );
  next.push(NOT_A_REVOCATION);
  out.push("", "Next:", ...next.map((n) => `  - ${n}`));
  return `${out.join("\n")}\n`;
}
