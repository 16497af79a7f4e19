#!/usr/bin/env node
// make-repo: a synthetic git history with planted fake keys, for the bench and the tests.
//
//   node bench/make-repo.mjs DIR [--commits N] [--keys N] [--seed S] [--files N] [--lines N]
//                                [--touch N] [--dirs N] [--no-repack] [--force]
//
// One `git fast-import` stream builds the whole history, written to git while it is generated
// (both cores busy), then repacked as a clone or `git gc` would pack it: a tree of --files text files of about --lines lines in --dirs directories,
// each commit editing --touch of them, side branches
// merged back every 97 commits, eight tags (lightweight and annotated), binary assets
// (PNG-like and .bin) now and then, and placeholder decoys that no rule may report.
// --keys fake keys (made from the seed at run time, never stored in this repository) are planted,
// each in a file of its own at a known commit and line; every other one is deleted again later,
// so the history holds keys both still in HEAD and only in the past. Keys come in pairs of
// one format family, classic (tvly-, tvly-dev-, tvly-prod- + 32) then segmented (tvly-dev-AbC12-
// + 42 and the other shapes rules/ lists), so each family has keys in HEAD and in the past.
// DIR/.planted.json (untracked, excluded from git) says what was planted:
//   { commits, keys: [{ key, format, file, line, commit, headFile? }], decoys: [{ file, text }] }
// headFile is set when the key is still in HEAD (at that path).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fakeKeys, knownFormats } from "../test/helpers/fake-key.mjs";

const USAGE =
  "usage: make-repo.mjs DIR [--commits N] [--keys N] [--seed S] [--files N] [--lines N] [--touch N] [--dirs N] [--no-repack] [--force]";

/** Parse argv into options; numbers checked, unknown flags refused. */
function parseArgs(argv) {
  const opts = {
    dir: null,
    commits: 1000,
    keys: 10,
    seed: "1",
    files: 60,
    lines: 40,
    touch: 2,
    dirs: 12,
    repack: true,
    force: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--force") opts.force = true;
    else if (a === "--no-repack") opts.repack = false;
    else if (a === "--seed") opts.seed = String(argv[++i]);
    else if (["--commits", "--keys", "--files", "--lines", "--touch", "--dirs"].includes(a)) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} takes a whole number\n${USAGE}`);
      opts[a.slice(2)] = n;
    } else if (a.startsWith("-")) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (opts.dir === null) opts.dir = resolve(a);
    else throw new Error(USAGE);
  }
  if (opts.dir === null) throw new Error(USAGE);
  if (opts.commits < 2) throw new Error("--commits must be at least 2");
  opts.files = Math.max(1, opts.files);
  opts.touch = Math.max(1, Math.min(opts.touch, opts.files));
  opts.dirs = Math.max(1, opts.dirs);
  return opts;
}

/** FNV-1a of the seed string: any seed ("bench-1", "11") becomes a 32-bit PRNG seed. */
function seedNumber(seed) {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const WORDS =
  "const let value query result client search fetch config return await async function export import index map filter items total retry".split(
    " ",
  );
// Look like keys to a careless eye; every rule must stay quiet on them.
const DECOYS = [
  'TAVILY_API_KEY="tvly-YOUR_API_KEY"',
  `api_key = 'tvly-${"x".repeat(32)}'`, // spelled out at run time: no key-shaped literal in this file
  `TAVILY_API_KEY=tvly-dev-xxxxx-${"x".repeat(42)}`,
  "# export TAVILY_API_KEY=tvly-...",
  'const key = process.env.TAVILY_API_KEY ?? "tvly-your-api-key";',
  "client = TavilyClient(api_key=os.environ['TAVILY_API_KEY'])",
];
const PLANT_SHAPES = [
  (key) => `TAVILY_API_KEY=${key}`,
  (key) => `client = TavilyClient(api_key="${key}")`,
  (key) => `const tavily = tavily({ apiKey: process.env.TAVILY_API_KEY || "${key}" });`,
  (key) => `curl -H "Authorization: Bearer ${key}" https://api.tavily.com/search`,
];
const PLANT_EXTS = [".env", ".py", ".ts", ".sh"];

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (existsSync(opts.dir) && readdirSync(opts.dir).length > 0) {
    if (!opts.force) throw new Error(`${opts.dir} exists and is not empty (use --force to replace it)`);
    rmSync(opts.dir, { recursive: true, force: true });
  }
  mkdirSync(opts.dir, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LC_ALL: "C" };
  const git = (args, input) => {
    const r = spawnSync("git", args, { cwd: opts.dir, env, input, maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`git ${args[0]} failed: ${String(r.stderr).trim()}`);
    return String(r.stdout);
  };
  git(["init", "-q", "-b", "main"]);

  const keys = fakeKeys(seedNumber(opts.seed));
  // The key formats of the rule files, by family: planted keys alternate between them in pairs.
  const families = [
    knownFormats().filter((f) => f.shape.segments.length === 1),
    knownFormats().filter((f) => f.shape.segments.length > 1),
  ];
  const rand = keys.rand;
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const line = () => Array.from({ length: 3 + Math.floor(rand() * 8) }, () => pick(WORDS)).join(" ");

  const marksFile = join(opts.dir, ".git", "make-repo.marks");
  const stream = new FastImport(opts.dir, env, marksFile);
  // The working tree's files: path -> array of lines (the last commit's content).
  const files = new Map();
  for (let i = 0; i < opts.files; i++) {
    files.set(`src/pkg${i % opts.dirs}/mod${i}.js`, Array.from({ length: opts.lines }, line));
  }
  const decoys = DECOYS.map((text, i) => ({ file: `docs/example${i}.md`, text }));

  // Which commit plants which key, spread evenly; every other key is deleted 40% later.
  const plantAt = new Map();
  for (let k = 0; k < opts.keys; k++) {
    const at = 1 + Math.floor(((k + 0.5) * (opts.commits - 2)) / Math.max(1, opts.keys));
    plantAt.set(at, [...(plantAt.get(at) ?? []), k]);
  }
  const deleteAt = new Map();
  const planted = [];

  let time = 1_500_000_000;
  let head = null; // mark of main's tip
  let side = null; // { mark, left } while a side branch is open
  let count = 0;
  const tagLines = [];
  const tagEvery = Math.max(25, Math.floor(opts.commits / 8));

  for (let c = 0; c < opts.commits; c++) {
    time += 600 + Math.floor(rand() * 3600);
    const changes = [];
    if (c === 0) {
      for (const [path, lines] of files) changes.push({ path, data: `${lines.join("\n")}\n` });
      for (const d of decoys) changes.push({ path: d.file, data: `# Example\n\n${d.text}\n` });
    } else {
      for (let t = 0; t < opts.touch; t++) {
        const n = Math.floor(rand() * opts.files);
        const path = `src/pkg${n % opts.dirs}/mod${n}.js`;
        const lines = files.get(path);
        if (!lines) continue;
        lines[Math.floor(rand() * lines.length)] = line();
        if (rand() < 0.3 && lines.length < opts.lines * 2) lines.push(line());
        changes.push({ path, data: `${lines.join("\n")}\n` });
      }
      if (c % 250 === 3) changes.push({ path: `assets/img${c}.png`, data: binaryAsset(rand, true) });
      if (c % 250 === 128) changes.push({ path: `assets/blob${c}.bin`, data: binaryAsset(rand, false) });
    }
    for (const k of plantAt.get(c) ?? []) {
      const format = pick(families[Math.floor(k / 2) % families.length]);
      const key = keys.shaped(format.shape);
      const file = `config/secret${k}${PLANT_EXTS[k % PLANT_EXTS.length]}`;
      const before = 1 + Math.floor(rand() * 6);
      const body = [
        ...Array.from({ length: before }, () => `# ${line()}`),
        PLANT_SHAPES[k % PLANT_SHAPES.length](key),
        `# ${line()}`,
      ];
      changes.push({ path: file, data: `${body.join("\n")}\n` });
      const entry = { key, format: format.name, file, line: before + 1, mark: null };
      planted.push(entry);
      if (k % 2 === 1) {
        const at = Math.min(opts.commits - 1, c + 1 + Math.floor((opts.commits - c) * 0.4));
        deleteAt.set(at, [...(deleteAt.get(at) ?? []), entry]);
      } else entry.headFile = file;
    }
    const deletes = (deleteAt.get(c) ?? []).map((e) => e.file);

    // Side branches: opened every 97 commits, merged back 3 commits later (never carrying a plant).
    const onSide =
      side !== null && side.left > 0 && changes.every((ch) => !ch.path.startsWith("config/")) && deletes.length === 0;
    const mark = stream.commit({
      ref: onSide ? "refs/heads/side" : "refs/heads/main",
      time,
      message: `${pick(["fix", "feat", "chore", "refactor"])}: ${line()} (#${c})`,
      from: onSide ? side.mark : head,
      merge: !onSide && side !== null && side.left === 0 ? side.mark : null,
      changes,
      deletes,
    });
    count++;
    for (const e of planted) if (e.mark === null) e.mark = mark;
    if (onSide) {
      side.mark = mark;
      side.left--;
    } else {
      if (side !== null && side.left === 0) side = null;
      head = mark;
      if (c % 97 === 50 && side === null) side = { mark: head, left: 3 };
    }
    if (stream.pending > 1 << 22) await stream.flush();
    if (c > 0 && c % tagEvery === 0)
      tagLines.push({ name: `v0.${c / tagEvery}.0`, mark: head, annotated: (c / tagEvery) % 2 === 0, time });
  }
  if (side !== null) {
    // Close a side branch still open at the end: one more merge commit on main.
    time += 60;
    head = stream.commit({
      ref: "refs/heads/main",
      time,
      message: "merge side",
      from: head,
      merge: side.mark,
      changes: [],
      deletes: [],
    });
    count++;
  }
  for (const t of tagLines) stream.tag(t);

  await stream.finish();
  const shaOf = new Map(readMarks(marksFile));
  git(["branch", "-D", "side"]);
  // fast-import deltifies each blob against the one written before it (another path), which no clone
  // or gc produces; its manual says to repack before benchmarking. -f recomputes every delta: as pack-objects packs a clone.
  // https://git-scm.com/docs/git-fast-import#_import_now_repack_later
  if (opts.repack) git(["repack", "-a", "-d", "-f", "-q"]);
  git(["reset", "--hard", "-q", "main"]);
  // The manifest holds the fake keys: keep it out of git's view of the repository.
  writeFileSync(join(opts.dir, ".git", "info", "exclude"), ".planted.json\n");
  const manifest = {
    commits: count,
    seed: opts.seed,
    keys: planted.map(({ key, format, file, line, mark, headFile }) => ({
      key,
      format,
      file,
      line,
      commit: shaOf.get(mark),
      ...(headFile ? { headFile } : {}),
    })),
    decoys,
  };
  writeFileSync(join(opts.dir, ".planted.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Bytes that git's diff treats as binary: a NUL early, then noise. */
function binaryAsset(rand, png) {
  const bytes = Buffer.alloc(2048 + Math.floor(rand() * 4096));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
  if (png) Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  bytes[9] = 0;
  return bytes;
}

/** `:12 3f9a…` lines of fast-import's --export-marks file. */
function readMarks(path) {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const [mark, sha] = l.split(" ");
      return [Number(mark.slice(1)), sha];
    });
}

/**
 * A git fast-import stream (https://git-scm.com/docs/git-fast-import), written to
 * git in blocks as it is built: git imports while the next commits are generated.
 */
class FastImport {
  parts = [];
  pending = 0;
  nextMark = 1;

  constructor(cwd, env, marksFile) {
    this.child = spawn("git", ["fast-import", "--quiet", `--export-marks=${marksFile}`], {
      cwd,
      env,
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    this.child.stderr.on("data", (b) => {
      stderr += b;
    });
    this.exited = new Promise((resolveExit, reject) => {
      this.child.on("error", reject);
      this.child.on("close", (code) =>
        code === 0 ? resolveExit() : reject(new Error(`git fast-import failed: ${stderr.trim()}`)),
      );
    });
    this.child.stdin.on("error", () => {}); // git died: `exited` says why
  }

  commit({ ref, time, message, from, merge, changes, deletes }) {
    const mark = this.nextMark++;
    const who = `Dev ${mark % 7} <dev${mark % 7}@example.com> ${time} +0000`;
    this.text(`commit ${ref}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n`);
    this.data(Buffer.from(message));
    if (from !== null) this.text(`from :${from}\n`);
    if (merge !== null) this.text(`merge :${merge}\n`);
    for (const path of deletes) this.text(`D ${path}\n`);
    for (const { path, data } of changes) {
      this.text(`M 100644 inline ${path}\n`);
      this.data(typeof data === "string" ? Buffer.from(data) : data);
    }
    this.text("\n");
    return mark;
  }

  tag({ name, mark, annotated, time }) {
    if (!annotated) return this.text(`reset refs/tags/${name}\nfrom :${mark}\n\n`);
    this.text(`tag ${name}\nfrom :${mark}\ntagger Release <release@example.com> ${time} +0000\n`);
    this.data(Buffer.from(`Release ${name}\n`));
  }

  text(s) {
    this.push(Buffer.from(s));
  }

  data(buf) {
    this.text(`data ${buf.length}\n`);
    this.push(buf);
    this.text("\n");
  }

  push(buf) {
    this.parts.push(buf);
    this.pending += buf.length;
  }

  /** Hand what is built so far to git; resolves once git has taken it (or has died). */
  flush() {
    const block = Buffer.concat(this.parts);
    this.parts = [];
    this.pending = 0;
    if (this.child.stdin.write(block)) return Promise.resolve();
    return Promise.race([new Promise((r) => this.child.stdin.once("drain", r)), this.exited]);
  }

  async finish() {
    await this.flush();
    this.child.stdin.end();
    await this.exited;
  }
}

main().catch((err) => {
  process.stderr.write(`make-repo: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
