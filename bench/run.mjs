#!/usr/bin/env node
// npm run bench [-- --quick] [-- --runs N] [-- --only history,scan,staged,decoders] [-- /path/to/a/real/repo ...]
// tvly-guard against the floors git, ripgrep and node set, side by side on
// this machine: medians over several interleaved runs, one section per input,
// then ONE table of ratios with each target of issue 16 and whether it is met.
// Inputs are generated once and cached under .bench/ (gitignored); a real
// repository (a mirror clone of eslint, say) may be passed by path.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bundleOne } from "../scripts/bundle.mjs";
import { checkPlanted } from "./check-planted.mjs";
import { CACHE, git, HISTORY_SHAPES, historyRepo, nodeModulesTree, ROOT, sourceTree, stagedRepo } from "./inputs.mjs";
import { compare as compareRuns, mb, measure, sec } from "./measure.mjs";

// The bundle (scripts/bundle.mjs --dev, the config that writes the shipped bin/), as users run it.
const CLI = join(ROOT, "dist", "tvly-guard.cjs");
const RSS_HOOK = join(ROOT, "bench", "report-rss.cjs");
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
const optionValue = (flag) => {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : args[at + 1];
};
const RUNS = Number(optionValue("--runs") ?? (quick ? 3 : 5));
const only = optionValue("--only")?.split(",");
const wants = (section) => only === undefined || only.includes(section);
const realRepos = args.filter((a, i) => !a.startsWith("--") && !["--runs", "--only"].includes(args[i - 1]));
// --quick: the smaller inputs only, 3 runs.
const QUICK_SKIP = new Set(["small-50k", "eslint-10k"]);

const out = [];
const say = (line = "") => {
  out.push(line);
  process.stdout.write(`${line}\n`);
};
const note = (line) => process.stderr.write(`bench: ${line}\n`);
/** Each tvly-guard command runs once untimed first, so every timed run finds its code cache written (see below). */
const compare = (commands) => {
  for (const c of commands) if (c.label.startsWith("`tvly-guard")) measure(c.cmd, c);
  return compareRuns(commands, RUNS);
};
/** The rows of the final table: { what, input, ratio, target, better: "lower" } */
const targets = [];
const ratio = (a, b) => a.median / b.median;

/** A section's detail table: each command's median, spread, MB/s and peak RSS; returns the rows. */
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
  return rows;
}

// ------------------------------------------------------------ history

function historySection(label, dir, { plantedPath, logTarget, rssTarget } = {}) {
  // One report run first: what was scanned (for MB/s and the shape) and the planted-key check.
  const r = spawnSync(process.execPath, [CLI, "history", "--format", "json"], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`history failed in ${dir}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const { commits, files, bytes } = report.scanned;
  say(`### history: ${label} (${commits} commits, ${files} blobs, ${(bytes / 1e6).toFixed(1)} MB)`);
  say();
  const rows = table(
    compare([
      {
        label: "`tvly-guard history`",
        cmd: [process.execPath, CLI, "history"],
        cwd: dir,
        okCodes: [0, 1],
        env: { NODE_OPTIONS: `--require=${RSS_HOOK}` },
      },
      { label: "`git log -p -U0 --all`", cmd: "git log -p -U0 --all > /dev/null", cwd: dir },
      {
        label: "`git rev-list --objects --all \\| git cat-file --batch`",
        cmd: "git rev-list --objects --all --no-object-names | git cat-file --batch > /dev/null",
        cwd: dir,
      },
    ]),
    bytes,
  );
  if (plantedPath) {
    const c = checkPlanted(report, JSON.parse(readFileSync(plantedPath, "utf8")));
    say(
      c.ok
        ? `planted keys: ${c.found}/${c.planted} found, all attributed to the planted commit, no decoy reported`
        : `PLANTED CHECK FAILED: ${JSON.stringify(c)}`,
    );
    say();
    if (!c.ok) process.exitCode = 1;
  }
  const [tg, logp, floor] = rows;
  const input = `${label} (${commits} commits, ${(bytes / 1e6).toFixed(0)} MB)`;
  targets.push({ what: "history ÷ `git log -p -U0 --all`", input, value: ratio(tg, logp), target: logTarget });
  targets.push({ what: "history ÷ rev-list \\| cat-file (every object)", input, value: ratio(tg, floor), target: 1.6 });
  if (rssTarget)
    targets.push({ what: "history peak RSS (MB, node)", input, value: tg.nodeRss, target: rssTarget, unit: "MB" });
}

/** Real repositories by path: ≤ 0.4x `git log -p` when eslint-like (≥ 10k commits, blobs ≥ 10 KB on average), else ≤ 1.0x. */
function realRepoSection(path) {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    note(`${path}: not a directory`);
    process.exit(2);
  }
  const dir = resolve(path);
  const commits = Number(git(dir, ["rev-list", "--count", "--all"]).trim());
  const blobs = git(dir, ["cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectsize)"])
    .split("\n")
    .filter((l) => l.startsWith("blob "))
    .map((l) => Number(l.slice(5)));
  const mean = blobs.reduce((a, b) => a + b, 0) / Math.max(1, blobs.length);
  const eslintLike = commits >= 10_000 && mean >= 10_000;
  historySection(`${dir}${eslintLike ? " (eslint-like)" : ""}`, dir, { logTarget: eslintLike ? 0.4 : 1.0 });
}

// ------------------------------------------------------------ pre-commit (helper C1's section)

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

/** Start-up runs are short and noisy: more of them than the long sections take. */
const STAGED_RUNS = Math.max(RUNS, 21);
/** What `tvly-guard staged` may cost next to starting node at all (issue 13). */
const STAGED_TARGET = 1.3;

/**
 * bench/staged-floor.mjs bundled beside the inputs: node, `staged`'s git call and its patch read to
 * the end, nothing else. What tvly-guard adds to start-up is its ratio to this row.
 */
async function stagedFloor() {
  const file = join(CACHE, "staged-floor.cjs");
  await bundleOne(join(ROOT, "bench", "staged-floor.mjs"), file);
  return file;
}

async function precommitSection() {
  const dir = makeStagedRepo();
  const floor = await stagedFloor();
  say("### pre-commit: 20 staged files");
  say();
  const probe = spawnSync(process.execPath, [CLI, "staged", "--help"], { cwd: dir, encoding: "utf8" });
  if (probe.status !== 0) {
    say("_skipped: this build has no `tvly-guard staged` command yet._");
    say();
    return;
  }
  // Node parses NODE_EXTRA_CA_CERTS at every start (Debian's bundle: ~50 ms here), which inflates `node -e 0`
  // and so flatters the ratio: where it is set, the same three rows run without it too (empty is unset to node).
  const plain = process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: "" } : undefined;
  const withoutCa = (row) => ({ ...row, label: `${row.label}, no NODE_EXTRA_CA_CERTS`, env: plain });
  const main = [
    { label: "`tvly-guard staged`", cmd: [process.execPath, CLI, "staged"], cwd: dir, okCodes: [0, 1] },
    { label: "`node -e 0`", cmd: [process.execPath, "-e", "0"], cwd: dir },
    { label: "node + `staged`'s git call, nothing else", cmd: [process.execPath, floor], cwd: dir },
  ];
  const rows = table(
    compareRuns(
      [
        ...main,
        { label: "`git diff --cached -U0`", cmd: ["git", "diff", "--cached", "-U0"], cwd: dir },
        ...(plain ? main.map(withoutCa) : []),
      ],
      STAGED_RUNS,
    ),
  );
  const [tg, node, floorRun] = rows;
  const value = ratio(tg, node);
  say(
    `staged start-up: ${value.toFixed(2)}x \`node -e 0\` (target <= ${STAGED_TARGET}x: ${value <= STAGED_TARGET ? "met" : "not met"}; medians of ${STAGED_RUNS} interleaved runs); node making only its git call is ${ratio(floorRun, node).toFixed(2)}x, so tvly-guard's own share is ${ratio(tg, floorRun).toFixed(2)}x that`,
  );
  if (plain) {
    const [tgPlain, nodePlain, floorPlain] = rows.slice(4);
    say(
      `without NODE_EXTRA_CA_CERTS: staged ${ratio(tgPlain, nodePlain).toFixed(2)}x \`node -e 0\` (${sec(nodePlain.median)}), node making only its git call ${ratio(floorPlain, nodePlain).toFixed(2)}x`,
    );
  }
  say();
  targets.push({ what: "staged ÷ `node -e 0`", input: "20 staged files", value, target: STAGED_TARGET });
  targets.push({
    what: "node + `staged`'s git call ÷ `node -e 0`",
    input: "20 staged files",
    value: ratio(floorRun, node),
    target: null,
  });
}

// ------------------------------------------------------------ staged, many files

function stagedManySection() {
  const dir = stagedRepo(2000);
  say("### staged: 2,000 staged files (a few lines changed in each)");
  say();
  const [tg, node] = table(
    compare([
      { label: "`tvly-guard staged`", cmd: [process.execPath, CLI, "staged"], cwd: dir, okCodes: [1] },
      { label: "`node -e 0`", cmd: [process.execPath, "-e", "0"], cwd: dir },
      { label: "`git diff --cached -U0`", cmd: "git diff --cached -U0 > /dev/null", cwd: dir },
    ]),
  );
  targets.push({ what: "staged ÷ `node -e 0`", input: "2,000 staged files", value: ratio(tg, node), target: 2.0 });
}

// ------------------------------------------------------------ scan

const hasRg = spawnSync("rg", ["--version"]).status === 0;

/**
 * `tvly-guard scan DIR` against `rg -j1` over the same files (hidden ones too, .git never) and/or
 * `node -e 0`. In a repository rg honours its ignore files as tvly-guard does; a plain directory
 * (`wholeTree`, under this repository's ignored .bench/) is searched whole by both.
 */
function scanSection(label, dir, { rgTarget, nodeTarget, wholeTree = false }) {
  say(`### scan: ${label} (${(duBytes(dir) / 1e6).toFixed(0)} MB on disk)`);
  say();
  const commands = [
    {
      label: "`tvly-guard scan`",
      cmd: [process.execPath, CLI, "scan", dir],
      okCodes: [0, 1],
      env: { NODE_OPTIONS: `--require=${RSS_HOOK}` },
    },
  ];
  if (hasRg)
    commands.push({
      label: "`rg -j1 --hidden` (the key pattern)",
      cmd: [
        "rg",
        "-j1",
        "--hidden",
        ...(wholeTree ? ["--no-ignore"] : []),
        "-g",
        "!.git",
        "--no-messages",
        "-e",
        RG_PATTERN,
        dir,
      ],
      okCodes: [0, 1],
    });
  if (nodeTarget) commands.push({ label: "`node -e 0`", cmd: [process.execPath, "-e", "0"] });
  const rows = table(compare(commands));
  if (rgTarget) {
    if (hasRg)
      targets.push({ what: "scan ÷ `rg -j1`", input: label, value: ratio(rows[0], rows[1]), target: rgTarget });
    else targets.push({ what: "scan ÷ `rg -j1`", input: label, value: null, target: rgTarget, missing: "ripgrep" });
  }
  if (nodeTarget)
    targets.push({ what: "scan ÷ `node -e 0`", input: label, value: ratio(rows[0], rows.at(-1)), target: nodeTarget });
}

function duBytes(dir) {
  const r = spawnSync("du", ["-sb", "--exclude=.git", dir], { encoding: "utf8" });
  return Number(r.stdout.split("\t")[0]) || 0;
}

function decodersSection() {
  const script = join(ROOT, "bench", "decoders.mjs");
  if (!existsSync(script)) return;
  say("### decoders");
  say();
  // decoders.mjs prints Markdown of its own (a heading and a table): pass it through unfenced.
  const r = spawnSync(process.execPath, [script, ...(quick ? ["--runs", "3"] : [])], { cwd: ROOT, encoding: "utf8" });
  say((r.stdout + r.stderr).trim());
  say();
}

// ------------------------------------------------------------ the table of targets

function targetTable() {
  say("### targets (issue 16): ratios from this run");
  say();
  say("| measure | input | measured | target | met |");
  say("| --- | --- | ---: | ---: | :---: |");
  for (const t of targets) {
    const unit = t.unit ? ` ${t.unit}` : "x";
    const value =
      t.value === null || t.value === undefined
        ? `n/a (${t.missing ?? "not measured"})`
        : `${t.value.toFixed(t.unit ? 0 : 2)}${unit}`;
    const target = t.target === null ? "—" : `≤ ${t.target}${unit}`;
    const met = t.target === null || t.value === null ? "" : t.value <= t.target ? "met" : "**not met**";
    say(`| ${t.what} | ${t.input} | ${value} | ${target} | ${met} |`);
  }
  say();
}

// ------------------------------------------------------------ main

if (!existsSync(CLI)) {
  note("dist/tvly-guard.cjs is missing: run `node scripts/bundle.mjs --dev` (npm run bench does) first");
  process.exit(2);
}
mkdirSync(CACHE, { recursive: true });
// tvly-guard's code cache in a folder of the bench's own: the shared one keeps 16 files, and the test
// suites of other checkouts (other bundles, other hashes) running meanwhile would push ours out, so
// some timed runs would compile the bundle cold (2k history: 883M -> 947M instructions in node).
// Warmed by one untimed run of each tvly-guard command (compare above), as every commit after the first is.
const codeCache = mkdtempSync(join(tmpdir(), "tvly-guard-bench-cache-"));
process.env.XDG_CACHE_HOME = codeCache;
process.on("exit", () => rmSync(codeCache, { recursive: true, force: true }));
// Node reads every certificate of NODE_EXTRA_CA_CERTS at start-up, before any of our code runs
// (node -e 0: 88M instructions without it, 500M with the Debian bundle): say so, runs differ by it.
const extraCa = process.env.NODE_EXTRA_CA_CERTS ? "; NODE_EXTRA_CA_CERTS set (node parses it at every start)" : "";
const started = Date.now();
const gitVersion = spawnSync("git", ["--version"], { encoding: "utf8" }).stdout.trim();
say(`## tvly-guard bench (${new Date().toISOString().slice(0, 16)}Z)`);
say();
say(
  `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} cores; node ${process.version}${extraCa}; ${gitVersion}; ${RUNS} runs each, interleaved; median (min-max).`,
);
say(
  `Command: \`npm run bench${quick ? " -- --quick" : ""}\`. "tvly-guard ÷ this" below 1 means tvly-guard is faster. Peak RSS: tvly-guard's own node process / the largest process of the run (git's pack mmap included).`,
);
say();
if (!hasRg) note("ripgrep (rg) is not installed: the scan targets are not measured (Debian: apt-get install ripgrep)");

if (wants("history")) {
  for (const shape of HISTORY_SHAPES) {
    if (quick && QUICK_SKIP.has(shape.id)) continue;
    const dir = historyRepo(shape);
    historySection(shape.label, dir, { plantedPath: join(dir, ".planted.json"), ...shape });
  }
  for (const path of realRepos) realRepoSection(path);
}
if (wants("staged")) {
  await precommitSection();
  stagedManySection();
}
if (wants("scan")) {
  scanSection("2,000-file source tree", sourceTree(2000), { rgTarget: 5 });
  scanSection("25k-file node_modules-like tree", nodeModulesTree(25_000), { rgTarget: 2, wholeTree: true });
  scanSection("200-file tree", sourceTree(200), { nodeTarget: 2 });
}
if (wants("decoders")) decodersSection();
targetTable();
say(`_Finished in ${((Date.now() - started) / 1000).toFixed(0)} s._`);
writeFileSync(join(CACHE, "latest.md"), `${out.join("\n")}\n`);
note(`table written to ${join(CACHE, "latest.md")}`);
