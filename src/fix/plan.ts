// Plan a fix without touching the disk: which files change and how, what goes
// into .env and .gitignore, and what the user must do by hand. fix.ts writes it.

import { statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { detectSecrets } from "../engine/detect.js";
import { redact } from "../engine/redact.js";
import type { Rule } from "../engine/rule.js";
import { InputError } from "../errors.js";
import { MAX_READ_SIZE, readRegularFile } from "../fs/open-file.js";
import { listIgnoredOf, listTrackedOf } from "../git/ignore.js";
import { toPosix } from "../paths.js";
import type { Chunk } from "../sources/chunk.js";
import { emptySummary } from "../sources/chunk.js";
import { readFileChunks } from "../sources/files.js";
import { appendLines, EnvPlan, parseEnv } from "./dotenv.js";
import { languageFor, manualInstruction } from "./languages.js";
import type { Edit, Language } from "./site.js";
import { workflowNote } from "./yaml.js";

export interface FileChange {
  /** Repository-relative, forward slashes. */
  path: string;
  abs: string;
  /** The text before and after, for the --dry-run diff; null: the file is created. */
  before: string | null;
  after: string;
  /** The bytes written: for .env and .gitignore, the file's own bytes kept exactly, then the added lines. */
  data: Buffer;
}

export interface SiteOutcome {
  path: string;
  line: number;
  /** Redacted. */
  secret: string;
  status: "fixed" | "kept" | "manual";
  detail: string;
}

export interface FixPlan {
  root: string;
  changes: FileChange[];
  outcomes: SiteOutcome[];
  /** Things to do by hand that are not about one place (untrack a file, add a CI secret). */
  todo: string[];
  /** Env vars the program now reads. */
  envVars: string[];
  files: number;
}

export interface PlanOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  root: string;
  paths: readonly string[];
  rules: readonly Rule[];
  stdin: NodeJS.ReadableStream;
  maxFileSize: number;
}

const ENV_FILE = ".env";

/**
 * A file fix appends to (.env, .gitignore): absent is null; anything else
 * that cannot be read (a directory, a FIFO, a symlink, EACCES) is an error,
 * never "absent", so existing secrets are never overwritten.
 */
function readExisting(abs: string, name: string): Buffer | null {
  return readRegularFile(abs, name, MAX_READ_SIZE, "undefined") ?? null;
}

/** Apply non-overlapping edits in one pass over the text (a file with thousands of keys stays linear). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, e.start), e.replacement);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** The edits taken so far, kept sorted by start, so an overlap test is a binary search. */
class EditSet {
  readonly edits: Edit[] = [];
  overlaps(candidates: readonly Edit[]): boolean {
    return candidates.some((y) => {
      let lo = 0;
      let hi = this.edits.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.edits[mid]!.end <= y.start) lo = mid + 1;
        else hi = mid;
      }
      const x = this.edits[lo];
      return x !== undefined && x.start < y.end;
    });
  }
  add(added: readonly Edit[]): void {
    for (const e of added) {
      let i = this.edits.length;
      while (i > 0 && this.edits[i - 1]!.start > e.start) i--;
      this.edits.splice(i, 0, e);
    }
  }
}

/**
 * Chunks under each path with their absolute file path. Each target is read
 * from its own directory, so a chunk's display path always resolves against it
 * (paths outside the current directory, or the repository root from a subdirectory).
 */
async function* readTargets(
  options: PlanOptions,
  summary: ReturnType<typeof emptySummary>,
): AsyncGenerator<{ chunk: Chunk; abs: string }> {
  const targets = options.paths.map((arg) => {
    const abs = resolve(options.cwd, arg);
    try {
      return { abs, dir: statSync(abs).isDirectory() ? abs : dirname(abs) };
    } catch {
      throw new InputError(`no such file or directory: ${arg}`);
    }
  });
  for (const { abs, dir } of targets) {
    for await (const chunk of readFileChunks(
      [abs],
      { cwd: dir, env: options.env, maxFileSize: options.maxFileSize, stdin: options.stdin },
      summary,
    )) {
      yield { chunk, abs: resolve(dir, chunk.path) };
    }
  }
}

/** Find every key under `paths` and decide what to do with each. */
export async function planFix(options: PlanOptions): Promise<FixPlan> {
  const { root, rules } = options;
  const remediation = rules.find((r) => !r.fallback)?.remediation;
  const defaultVar = remediation?.envVar ?? "API_KEY";
  const placeholder = remediation?.placeholder ?? "<key>";
  const envAbs = resolve(root, ENV_FILE);
  const envBefore = readExisting(envAbs, ENV_FILE);
  const env = new EnvPlan(parseEnv(envBefore?.toString("utf8") ?? ""));
  const plan: FixPlan = { root, changes: [], outcomes: [], todo: [], envVars: [], files: 0 };
  const envVars = new Set<string>();
  const todo = new Set<string>();
  const keptEnvFiles = new Set<string>();
  const summary = emptySummary();

  for await (const { chunk, abs } of readTargets(options, summary)) {
    const matches = detectSecrets(chunk, rules);
    if (matches.length === 0) continue;
    const path = toPosix(relative(root, abs));
    const text = chunk.data.toString("utf8");
    const outcome = (m: (typeof matches)[number], status: SiteOutcome["status"], detail: string) =>
      plan.outcomes.push({ path, line: m.line, secret: redact(m.secret, m.prefix), status, detail });
    if (path.startsWith("..") || path === "") {
      for (const m of matches) outcome(m, "manual", "outside the repository: not changed");
      continue;
    }
    const language: Language | undefined = languageFor(path, text);
    const decodable = Buffer.from(text, "utf8").equals(chunk.data);
    const edits = new EditSet();
    // Character offset of each match, carried forward (matches come in byte order), not recounted from 0.
    let byteAt = 0;
    let charAt = 0;
    for (const m of matches) {
      if (m.rule.fallback) {
        // A token of no known format may not be a key at all: never rewrite code on a guess.
        outcome(m, "manual", "not a key format tvly-guard knows: check it, then move it by hand if it is a key");
        continue;
      }
      const wanted = env.nameFor(m.secret, defaultVar);
      if (language?.name === ".env") {
        keptEnvFiles.add(path);
        outcome(m, "kept", "env file: the key stays here, and the file is kept out of git");
        continue;
      }
      if (!language || !decodable) {
        env.claim(wanted, m.secret);
        outcome(m, "manual", decodable ? manualInstruction(path, wanted) : "not valid UTF-8: edit it by hand");
        continue;
      }
      charAt += chunk.data.toString("utf8", byteAt, m.offset).length;
      byteAt = m.offset;
      const start = charAt;
      if (text.slice(start, start + m.secret.length) !== m.secret) {
        // Found through a decoder (base64, %-encoding, JSON escapes...): the bytes here are not the key itself.
        env.claim(wanted, m.secret);
        outcome(m, "manual", `the key is encoded here: remove it by hand (the value is in .env as ${wanted})`);
        continue;
      }
      const result = language.rewrite({ path, text, start, end: start + m.secret.length, envVar: wanted, placeholder });
      if (result.kind === "edit" && edits.overlaps(result.edits)) {
        outcome(m, "manual", "shares a string with another key: run fix again after this one");
      } else if (result.kind === "edit") {
        // The code already reads its own variable (a `|| "key"` fallback, an ENV line): if .env holds
        // another value under that name, the literal is still saved, under a free name.
        let saved = result.envVar;
        if (!env.claim(result.envVar, m.secret)) {
          env.claim(wanted, m.secret);
          saved = wanted;
        }
        edits.add(result.edits);
        envVars.add(result.envVar);
        outcome(
          m,
          "fixed",
          saved === result.envVar
            ? `now ${result.shows}`
            : `now ${result.shows}; .env already sets ${result.envVar}, so this old value is kept in .env as ${saved}`,
        );
        const note = workflowNote(path, result.envVar);
        if (note) todo.add(note);
      } else if (result.kind === "manual") {
        env.claim(wanted, m.secret);
        outcome(m, "manual", `${result.reason} (the value is in .env as ${wanted})`);
      }
    }
    if (edits.edits.length) {
      const edited = applyEdits(text, edits.edits);
      const after = applyEdits(edited, language?.finish?.(edited) ?? []);
      plan.changes.push({ path, abs, before: text, after, data: Buffer.from(after, "utf8") });
    }
    plan.files++;
  }
  plan.envVars = [...envVars];
  plan.todo = [...todo];

  // .env and .gitignore come first: fix.ts writes in this order, so no key leaves a source before it is in .env.
  const first: FileChange[] = [];
  if (env.added.length) {
    const data = env.appendTo(envBefore);
    first.push({
      path: ENV_FILE,
      abs: envAbs,
      before: envBefore?.toString("utf8") ?? null,
      after: data.toString("utf8"),
      data,
    });
  }
  const gitignore = await planGitignore(plan, options.env, envBefore !== null || env.added.length > 0, keptEnvFiles);
  if (gitignore) first.push(gitignore);
  plan.changes = first.concat(plan.changes);
  return plan;
}

/** Make sure .env (and every env file that holds a key) is git-ignored; tracked ones need a manual untrack. */
async function planGitignore(
  plan: FixPlan,
  gitEnv: NodeJS.ProcessEnv,
  hasRootEnv: boolean,
  keptEnvFiles: Set<string>,
): Promise<FileChange | undefined> {
  const envFiles = [...new Set([...(hasRootEnv ? [ENV_FILE] : []), ...keptEnvFiles])];
  if (envFiles.length === 0) return undefined;
  const git = { cwd: plan.root, env: gitEnv };
  const ignored = await listIgnoredOf(git, envFiles);
  const tracked = await listTrackedOf(git, envFiles);
  const missing = envFiles.filter((p) => !ignored.has(p));
  let change: FileChange | undefined;
  if (missing.length) {
    const abs = resolve(plan.root, ".gitignore");
    const before = readExisting(abs, ".gitignore");
    // `.env` ignores every .env in the tree; any other file is anchored to its own path.
    const data = appendLines(
      before,
      missing.map((p) => (p === ENV_FILE ? ENV_FILE : `/${p}`)),
    );
    change = { path: ".gitignore", abs, before: before?.toString("utf8") ?? null, after: data.toString("utf8"), data };
  }
  for (const p of tracked) {
    plan.todo.push(
      `${p} is tracked by git, so ignoring it is not enough: run \`git rm --cached -- ${p}\` (the file stays on your disk) and commit; collaborators' copies are removed when they pull, so tell them first`,
    );
  }
  return change;
}
