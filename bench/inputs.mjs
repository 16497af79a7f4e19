// The bench's inputs, generated deterministically and cached under .bench/:
// histories of several shapes (make-repo), working trees of several sizes,
// and a repository with thousands of staged files. Each builder returns the
// directory; a `.done` marker (or make-repo's .planted.json) says it is complete.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fakeKeys } from "../test/helpers/fake-key.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CACHE = join(ROOT, ".bench");
const MAKE_REPO = join(ROOT, "bench", "make-repo.mjs");
const KEYS = 25;
const SEED = "bench-1";
const note = (line) => process.stderr.write(`bench: ${line}\n`);

/**
 * History shapes. `target` is the issue's bound against `git log -p -U0 --all`
 * (null: no bound, fewer than 2k commits); every shape is also held to 1.6x
 * the read-every-object floor.
 */
export const HISTORY_SHAPES = [
  { id: "small-2k", label: "2k small commits", args: ["--commits", "2000"], logTarget: 1.0 },
  { id: "small-10k", label: "10k small commits", args: ["--commits", "10000"], logTarget: 1.0 },
  { id: "small-50k", label: "50k small commits", args: ["--commits", "50000"], logTarget: 1.0, rssTarget: 250 },
  {
    id: "wide-2k",
    label: "wide tree (20k small files), 2k commits",
    args: ["--commits", "2000", "--files", "20000", "--lines", "6", "--touch", "8", "--dirs", "400"],
    logTarget: 1.0,
  },
  {
    id: "large-300",
    label: "300 large commits (60 of 2k files each)",
    args: ["--commits", "300", "--files", "2000", "--lines", "300", "--touch", "60", "--dirs", "40"],
    logTarget: null,
  },
  {
    id: "eslint-10k",
    label: "eslint-like: 10k commits, 25 KB blobs",
    args: ["--commits", "10000", "--files", "300", "--lines", "600", "--touch", "2", "--dirs", "20"],
    logTarget: 0.4,
  },
];

/** A make-repo history of `shape`, built once. */
export function historyRepo(shape) {
  // "-packed": repacked after fast-import (older caches were not; they are rebuilt under the new name).
  const dir = join(CACHE, `history-${shape.id}-s${SEED}-k${KEYS}-packed`);
  if (!existsSync(join(dir, ".planted.json"))) {
    note(`building ${dir} (once; cached)`);
    const r = spawnSync(
      process.execPath,
      [MAKE_REPO, dir, ...shape.args, "--seed", SEED, "--keys", String(KEYS), "--force"],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    if (r.status !== 0) throw new Error(`make-repo failed for ${shape.id}`);
  }
  return dir;
}

export function git(cwd, argv, input) {
  const r = spawnSync("git", argv, {
    cwd,
    input,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "Bench",
      GIT_AUTHOR_EMAIL: "b@example.com",
      GIT_COMMITTER_NAME: "Bench",
      GIT_COMMITTER_EMAIL: "b@example.com",
    },
  });
  if (r.status !== 0) throw new Error(`git ${argv.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** `git init` in `dir`, checked: .bench/ sits inside this repository, and git must never work on ours. */
function initRepo(dir) {
  mkdirSync(dir, { recursive: true });
  git(dir, ["init", "-q", "-b", "main"]);
  if (resolve(git(dir, ["rev-parse", "--show-toplevel"]).trim()) !== resolve(dir))
    throw new Error(`git init failed in ${dir}`);
}

const WORDS =
  "const let value query result client search fetch config return await async function export import index map filter".split(
    " ",
  );

/** Code-like text of `lines` lines from `rand`; now and then a fake key. */
function sourceText(keys, lines, withKey) {
  const { rand } = keys;
  const out = [];
  for (let l = 0; l < lines; l++)
    out.push(
      Array.from({ length: 4 + Math.floor(rand() * 10) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" "),
    );
  if (withKey) out.push(`TAVILY_API_KEY=${keys.next("tvly-dev-")}`);
  return `${out.join("\n")}\n`;
}

/**
 * A source checkout: `files` files of 40-240 lines in 40x7 directories, a key
 * in every 500th, committed in a repository of its own (git's file list applies).
 */
export function sourceTree(files) {
  const dir = join(CACHE, `tree-${files}`);
  if (existsSync(join(dir, ".git", "bench-done"))) return dir;
  note(`building ${dir} (once; cached)`);
  rmSync(dir, { recursive: true, force: true });
  initRepo(dir);
  const keys = fakeKeys(12345);
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `pkg${i % 40}`, `mod${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `file${i}.js`), sourceText(keys, 40 + Math.floor(keys.rand() * 200), i % 500 === 7));
  }
  git(dir, ["add", "-A"]);
  git(dir, ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "tree"]);
  writeFileSync(join(dir, ".git", "bench-done"), "");
  return dir;
}

/**
 * A node_modules-like tree of ~25k files (package.json, README, many small
 * modules, a few large bundles and maps), no repository of its own: scanned
 * by path, as `tvly-guard scan node_modules` is.
 */
export function nodeModulesTree(files = 25_000) {
  const dir = join(CACHE, `node_modules-${files}`);
  if (existsSync(join(dir, ".done"))) return dir;
  note(`building ${dir} (once; cached)`);
  rmSync(dir, { recursive: true, force: true });
  const keys = fakeKeys(777);
  const { rand } = keys;
  let made = 0;
  for (let p = 0; made < files; p++) {
    const pkg = join(dir, "node_modules", p % 5 === 0 ? `@scope${p % 13}/pkg${p}` : `pkg${p}`);
    mkdirSync(join(pkg, "lib"), { recursive: true });
    writeFileSync(
      join(pkg, "package.json"),
      `${JSON.stringify({ name: `pkg${p}`, version: "1.0.0", main: "lib/index.js" }, null, 2)}\n`,
    );
    writeFileSync(join(pkg, "README.md"), sourceText(keys, 20 + Math.floor(rand() * 60), false));
    made += 2;
    const modules = 4 + Math.floor(rand() * 16);
    for (let m = 0; m < modules && made < files; m++, made++) {
      // Mostly small modules; one in 40 a minified bundle of one long line.
      const big = rand() < 0.025;
      const body = big
        ? sourceText(keys, 1500, false).replaceAll("\n", ";")
        : sourceText(keys, 10 + Math.floor(rand() * 120), made % 2000 === 3);
      writeFileSync(join(pkg, "lib", `${m === 0 ? "index" : `m${m}`}.js`), body);
    }
  }
  writeFileSync(join(dir, ".done"), "");
  return dir;
}

/**
 * A repository with `files` staged edits (a rename across a codebase: a few
 * lines changed in each file), plus untouched files; one staged file holds a key.
 */
export function stagedRepo(files = 2000) {
  const dir = join(CACHE, `staged-many-${files}`);
  const total = files + 200;
  if (!existsSync(join(dir, ".git", "bench-done"))) {
    note(`building ${dir} (once; cached)`);
    rmSync(dir, { recursive: true, force: true });
    initRepo(dir);
    const keys = fakeKeys(4242);
    for (let i = 0; i < total; i++) {
      mkdirSync(join(dir, "src", `m${i % 50}`), { recursive: true });
      writeFileSync(join(dir, "src", `m${i % 50}`, `f${i}.ts`), sourceText(keys, 60 + (i % 140), false));
    }
    git(dir, ["add", "-A"]);
    git(dir, ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "base"]);
    writeFileSync(join(dir, ".git", "bench-done"), "");
  }
  // The staged edits are made afresh each time (another step may have committed or reset them).
  git(dir, ["reset", "-q", "--hard"]);
  const keys = fakeKeys(99);
  const index = [];
  for (let i = 0; i < files; i++) {
    const path = join("src", `m${i % 50}`, `f${i}.ts`);
    const text = readFileSync(join(dir, path), "utf8").split("\n");
    for (let l = 3; l < text.length; l += 37) text[l] = `${text[l]} renamedClient`;
    if (i === files - 7) text.push(`const key = "${keys.next("tvly-")}";`);
    writeFileSync(join(dir, path), text.join("\n"));
    index.push(path);
  }
  git(dir, ["add", "--", ...index.slice(0, 1000)]);
  git(dir, ["add", "--", ...index.slice(1000)]);
  return dir;
}
