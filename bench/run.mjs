#!/usr/bin/env node
// npm run bench [-- --quick] [-- --runs N] [-- /path/to/a/real/repo]
// tvly-guard against the floors git and ripgrep set, side by side on this
// machine: medians (min-max) over several interleaved runs, and the ratios.
// Inputs are built once and cached under .bench/ (gitignored).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkPlanted } from "./check-planted.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, ".bench");
const CLI = join(ROOT, "dist", "cli.js");
const MAKE_REPO = join(ROOT, "bench", "make-repo.mjs");
const RSS_HOOK = join(ROOT, "bench", "report-rss.mjs");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
/**
 * The floor's pattern: every known format of the rule files (their loose patterns, in the syntax rg
 * takes: no lookaround, no group names) between word boundaries, so the floor does what we do.
 */
const RG_PATTERN = (() => {
  const dir = join(ROOT, "rules");
  const patterns = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")))
    .filter((rule) => !rule.fallback)
    .map((rule) =>
      (rule.loosePattern ?? rule.pattern).replace(/\(\?<?[!=][^()]*\)/g, "").replace(/\(\?<[A-Za-z]\w*>/g, "(?:"),
    );
  return String.raw`\b(?:${patterns.join("|")})\b`;
})();

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const runsAt = args.indexOf("--runs");
const RUNS = runsAt !== -1 ? Number(args[runsAt + 1]) : quick ? 3 : 5;
const realRepo = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs");
const SIZES = quick ? [2000, 10000] : [2000, 10000, 20000];
const KEYS = 25;
const SEED = "bench-1";

const out = [];
const say = (line = "") => {
  out.push(line);
  process.stdout.write(`${line}\n`);
};
const note = (line) => process.stderr.write(`bench: ${line}\n`);

// ------------------------------------------------------------ measuring

/** Run `cmd` (argv, or a shell line when a string) once: wall seconds, peak RSS (MB) of it and its children, exit code. */
function measure(cmd, { cwd = ROOT, env = {}, okCodes = [0] } = {}) {
  const argv = typeof cmd === "string" ? ["bash", "-c", cmd] : cmd;
  const timeFile = join(tmpdir(), `tvly-bench-${process.pid}.time`);
  const rssFile = join(tmpdir(), `tvly-bench-${process.pid}.rss`);
  rmSync(rssFile, { force: true });
  const full = TIME ? [TIME, "-f", "%e %M", "-o", timeFile, ...argv] : argv;
  const started = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), {
    cwd,
    env: { ...process.env, NO_COLOR: "1", TVLY_BENCH_RSS_FILE: rssFile, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 1 << 26,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (!okCodes.includes(r.status))
    throw new Error(`${argv.join(" ")} exited ${r.status}: ${String(r.stderr).slice(-400)}`);
  let rss = null;
  if (TIME) {
    const [, kb] = readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ");
    rss = Number(kb) / 1024;
  }
  const nodeRss = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : null;
  return { wall, rss, nodeRss };
}

/** Run each command RUNS times, interleaved (a b c a b c ...) so background load hits all alike. */
function compare(commands) {
  const samples = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((c, j) => samples[j].push(measure(c.cmd, c)));
  return commands.map((c, j) => ({ ...c, ...stats(samples[j]) }));
}

function stats(samples) {
  const walls = samples.map((s) => s.wall).sort((a, b) => a - b);
  const median = (xs) => (xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
  const max = (xs) => (xs.some((x) => x === null) ? null : Math.max(...xs));
  return {
    median: median(walls),
    min: walls[0],
    max: walls[walls.length - 1],
    rss: max(samples.map((s) => s.rss)),
    nodeRss: max(samples.map((s) => s.nodeRss)),
  };
}

const sec = (s) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
const mb = (x) => (x === null || x === undefined ? "n/a" : `${x.toFixed(0)} MB`);

function table(rows, bytes) {
  const base = rows[0].median;
  say("| command | median | min-max | MB/s | peak RSS (node / tree) | tvly-guard ÷ this |");
  say("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const rate = bytes ? `${(bytes / 1e6 / r.median).toFixed(0)}` : "";
    const rss = r.nodeRss !== null ? `${mb(r.nodeRss)} / ${mb(r.rss)}` : mb(r.rss);
    say(
      `| ${r.label} | ${sec(r.median)} | ${sec(r.min)}-${sec(r.max)} | ${rate} | ${rss} | ${r === rows[0] ? "" : `**${(base / r.median).toFixed(2)}x**`} |`,
    );
  }
  say();
}

// ------------------------------------------------------------ inputs

function makeRepo(commits) {
  const dir = join(CACHE, `history-${commits}-s${SEED}-k${KEYS}`);
  if (!existsSync(join(dir, ".planted.json"))) {
    note(`building ${dir} (once; cached)`);
    const r = spawnSync(
      process.execPath,
      [MAKE_REPO, dir, "--commits", String(commits), "--seed", SEED, "--keys", String(KEYS), "--force"],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    if (r.status !== 0) throw new Error(`make-repo failed for ${commits} commits`);
  }
  return dir;
}

function git(cwd, argv) {
  const r = spawnSync("git", argv, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Bench",
      GIT_AUTHOR_EMAIL: "b@example.com",
      GIT_COMMITTER_NAME: "Bench",
      GIT_COMMITTER_EMAIL: "b@example.com",
    },
  });
  if (r.status !== 0) throw new Error(`git ${argv.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** Deterministic text files (code-like lines, a few keys): a tree no one's laptop is needed for. */
function makeTree(files) {
  const dir = join(CACHE, `tree-${files}`);
  if (existsSync(join(dir, ".done"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  let seed = 12345;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const words =
    "const let value query result client search fetch config return await async function export import index map filter".split(
      " ",
    );
  const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `pkg${i % 40}`, `mod${i % 7}`);
    mkdirSync(sub, { recursive: true });
    const lines = [];
    const n = 40 + Math.floor(rand() * 200);
    for (let l = 0; l < n; l++)
      lines.push(
        Array.from({ length: 4 + Math.floor(rand() * 10) }, () => words[Math.floor(rand() * words.length)]).join(" "),
      );
    if (i % 500 === 7)
      lines.push(
        `TAVILY_API_KEY=tvly-dev-${Array.from({ length: 32 }, () => alnum[Math.floor(rand() * 62)]).join("")}`,
      );
    writeFileSync(join(sub, `file${i}.js`), `${lines.join("\n")}\n`);
  }
  writeFileSync(join(dir, ".done"), "");
  return dir;
}

/** A repository with a 20-file staged change (edits to tracked files, as a typical commit has). */
function makeStagedRepo() {
  const dir = join(CACHE, "staged-20");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, ["init", "-q", "-b", "main"]);
  // .bench/ sits inside this repository: make sure git now works on the new one, never on ours.
  if (resolve(git(dir, ["rev-parse", "--show-toplevel"]).trim()) !== resolve(dir))
    throw new Error(`git init failed in ${dir}`);
  const body = (i, v) =>
    Array.from({ length: 200 }, (_, l) => `export const value${l} = ${i * 1000 + l + v}; // line ${l}`).join("\n") +
    "\n";
  for (let i = 0; i < 200; i++) {
    mkdirSync(join(dir, "src", `m${i % 10}`), { recursive: true });
    writeFileSync(join(dir, "src", `m${i % 10}`, `f${i}.ts`), body(i, 0));
  }
  git(dir, ["add", "-A"]);
  git(dir, ["-c", "commit.gpgsign=false", "commit", "-q", "-m", "base"]);
  for (let i = 0; i < 20; i++) writeFileSync(join(dir, "src", `m${i % 10}`, `f${i}.ts`), body(i, 1));
  git(dir, ["add", "-A"]);
  return dir;
}

function duBytes(dir) {
  const r = spawnSync("du", ["-sb", dir], { encoding: "utf8" });
  return Number(r.stdout.split("\t")[0]) || 0;
}

// ------------------------------------------------------------ sections

function historySection(label, dir, plantedPath) {
  // One report run first: bytes scanned (for MB/s) and the planted-key check.
  const r = spawnSync(process.execPath, [CLI, "history", "--format", "json"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`history failed in ${dir}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const { commits, files, bytes } = report.scanned;
  let check = "";
  if (plantedPath) {
    const c = checkPlanted(report, JSON.parse(readFileSync(plantedPath, "utf8")));
    check = c.ok
      ? `planted keys: ${c.found}/${c.planted} found, all attributed to the planted commit, no decoy reported`
      : `PLANTED CHECK FAILED: ${JSON.stringify(c)}`;
  }
  say(`### history: ${label} (${commits} commits, ${files} blobs, ${(bytes / 1e6).toFixed(1)} MB of text)`);
  say();
  const rows = compare([
    {
      label: "`tvly-guard history`",
      cmd: [process.execPath, CLI, "history"],
      cwd: dir,
      okCodes: [0, 1],
      env: { NODE_OPTIONS: `--import=${RSS_HOOK}` },
    },
    { label: "`git log -p -U0 --all`", cmd: "git log -p -U0 --all > /dev/null", cwd: dir },
    {
      label: "`git rev-list --objects --all \\| git cat-file --batch`",
      cmd: "git rev-list --objects --all | git cat-file --batch > /dev/null",
      cwd: dir,
    },
  ]);
  table(rows, bytes);
  if (check) {
    say(check);
    say();
  }
  return { label, commits, bytes, rows };
}

function precommitSection() {
  const dir = makeStagedRepo();
  say("### pre-commit: 20 staged files");
  say();
  const probe = spawnSync(process.execPath, [CLI, "staged", "--help"], { cwd: dir, encoding: "utf8" });
  if (probe.status !== 0) {
    say("_skipped: this build has no `tvly-guard staged` command yet._");
    say();
    return;
  }
  table(
    compare([
      { label: "`tvly-guard staged`", cmd: [process.execPath, CLI, "staged"], cwd: dir, okCodes: [0, 1] },
      { label: "`node -e 0`", cmd: [process.execPath, "-e", "0"], cwd: dir },
      { label: "`git diff --cached -U0`", cmd: ["git", "diff", "--cached", "-U0"], cwd: dir },
    ]),
  );
}

function workingTreeSection(label, dir) {
  const hasRg = spawnSync("rg", ["--version"]).status === 0;
  say(`### working tree: ${label} (${(duBytes(dir) / 1e6).toFixed(0)} MB on disk)`);
  say();
  const other = hasRg
    ? {
        label: "`rg -j1 -uu` (the key pattern)",
        cmd: ["rg", "-j1", "-uu", "--no-messages", "-e", RG_PATTERN, dir],
        okCodes: [0, 1],
      }
    : {
        label: "`cat` of every file (ripgrep not installed)",
        cmd: `find '${dir}' -type f -print0 | xargs -0 cat > /dev/null`,
      };
  table(
    compare([
      {
        label: "`tvly-guard scan`",
        cmd: [process.execPath, CLI, "scan", dir],
        okCodes: [0, 1],
        env: { NODE_OPTIONS: `--import=${RSS_HOOK}` },
      },
      other,
    ]),
  );
  if (!hasRg) {
    say("_ripgrep is not installed (`apt-get install ripgrep`): compared with `cat` instead._");
    say();
  }
}

function decodersSection() {
  const script = join(ROOT, "bench", "decoders.mjs");
  if (!existsSync(script)) return;
  say("### decoders");
  say();
  // decoders.mjs prints Markdown of its own (a heading and a table): pass it through unfenced.
  const r = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: "utf8" });
  say((r.stdout + r.stderr).trim());
  say();
}

// ------------------------------------------------------------ main

if (!existsSync(CLI)) {
  note("dist/cli.js is missing: run `npm ci` (or `npm run build`) first");
  process.exit(2);
}
mkdirSync(CACHE, { recursive: true });
const started = Date.now();
const gitVersion = spawnSync("git", ["--version"], { encoding: "utf8" }).stdout.trim();
say(`## tvly-guard bench (${new Date().toISOString().slice(0, 16)}Z)`);
say();
say(
  `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} cores; node ${process.version}; ${gitVersion}; ${RUNS} runs each, interleaved; median (min-max).`,
);
say(
  `Command: \`npm run bench${quick ? " -- --quick" : ""}\`. "tvly-guard ÷ this" below 1 means tvly-guard is faster. Peak RSS: tvly-guard's own node process / the largest process of the run (git's pack mmap included).`,
);
say();

const results = [];
for (const n of SIZES) {
  const dir = makeRepo(n);
  results.push(historySection(`make-repo ${n} commits`, dir, join(dir, ".planted.json")));
}
if (realRepo) {
  if (!existsSync(realRepo) || !statSync(realRepo).isDirectory()) {
    note(`${realRepo}: not a directory`);
    process.exit(2);
  }
  results.push(historySection(realRepo, resolve(realRepo)));
}
say(
  "### history summary: tvly-guard time as a fraction of each floor (targets: <= 0.6x `git log -p`, <= 2x read-every-object)",
);
say();
say("| repository | commits | vs `git log -p -U0` | vs rev-list \\| cat-file | MB/s | node peak RSS |");
say("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const r of results) {
  const [tg, logp, floor] = r.rows;
  say(
    `| ${r.label} | ${r.commits} | ${(tg.median / logp.median).toFixed(2)}x | ${(tg.median / floor.median).toFixed(2)}x | ${(r.bytes / 1e6 / tg.median).toFixed(0)} | ${mb(tg.nodeRss)} |`,
  );
}
say();

precommitSection();
workingTreeSection("this repository's node_modules", join(ROOT, "node_modules"));
workingTreeSection(`synthetic tree`, makeTree(quick ? 2000 : 8000));
decodersSection();
say(`_Finished in ${((Date.now() - started) / 1000).toFixed(0)} s._`);
writeFileSync(join(CACHE, "latest.md"), `${out.join("\n")}\n`);
note(`table written to ${join(CACHE, "latest.md")}`);
