#!/usr/bin/env node
// What the decoders cost on a tree without keys: builds a synthetic keyless
// tree (source, docs, JSON with escapes, URL-encoded logs, base64 blobs,
// minified bundles, UTF-16 and binary files) in a temp dir, then times
// `tvly-guard scan` with and without decoders (TVLY_GUARD_NO_DECODE=1),
// interleaved, and the engine alone in-process. Prints a markdown table.
//   node bench/decoders.mjs [--mb 40] [--runs 7]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CLI = join(ROOT, "dist/cli.js");
const { values } = parseArgs({
  options: { mb: { type: "string", default: "40" }, runs: { type: "string", default: "7" } },
});
const targetBytes = Number(values.mb) * 1024 * 1024;
const runs = Number(values.runs);

// Deterministic filler (mulberry32), so every run scans the same tree.
let seed = 12345;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const WORDS =
  "const let function return import export from await async class interface type value result error data config client search query options request response headers token url path file index map filter reduce".split(
    " ",
  );
const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
const randomBytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
const placeholder = () => pick(["tvly-YOUR_API_KEY", `tvly-${"x".repeat(32)}`, "tvly-dev-...", "tvly-<your-key>"]);

const makers = [
  [
    "src",
    "ts",
    () =>
      Array.from({ length: 400 }, (_, i) =>
        i % 50 === 0 ? `const key = process.env.TAVILY_API_KEY ?? "${placeholder()}";` : `  ${words(8)};`,
      ).join("\n"),
  ],
  [
    "docs",
    "md",
    () =>
      Array.from({ length: 300 }, (_, i) => (i % 60 === 0 ? `export TAVILY_API_KEY=${placeholder()}` : words(12))).join(
        "\n",
      ),
  ],
  [
    "data",
    "json",
    () =>
      JSON.stringify(
        Array.from({ length: 300 }, () => ({
          id: Math.floor(rand() * 1e9),
          note: `${words(6)}\n${words(4)}`,
          name: "caf\u00e9 \u2713",
          path: "a/b/c",
        })),
        null,
        1,
      ).replace(/\//g, "\\/"),
  ],
  [
    "logs",
    "log",
    () =>
      Array.from(
        { length: 400 },
        () =>
          `GET /search?q=${encodeURIComponent(words(5))}&next=${encodeURIComponent(`https://example.org/cb?x=1&y=${words(2)}`)} 200`,
      ).join("\n"),
  ],
  [
    "k8s",
    "yaml",
    () =>
      `apiVersion: v1\nkind: Secret\ndata:\n${Array.from({ length: 40 }, (_, i) => `  k${i}: ${randomBytes(600).toString("base64")}`).join("\n")}\n`,
  ],
  [
    "dist",
    "js",
    () =>
      "!function(){" +
      Array.from(
        { length: 12000 },
        () =>
          `var ${pick(["a", "b", "c"])}=${Math.floor(rand() * 100)};function ${pick(["f", "g"])}(x){return "\\u00e9\\n"+x}`,
      ).join(";") +
      "}();",
  ],
  [
    "win",
    "reg",
    () =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(Array.from({ length: 300 }, () => `"${words(2)}"="${words(3)}"\r\n`).join(""), "utf16le"),
      ]),
  ],
  ["assets", "bin", () => randomBytes(200_000)],
];

function buildTree(dir) {
  let bytes = 0;
  let files = 0;
  while (bytes < targetBytes) {
    for (const [folder, ext, make] of makers) {
      const content = make();
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, `f${files}.${ext}`), content);
      bytes += Buffer.byteLength(content);
      files++;
    }
  }
  return { bytes, files };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Wall time, plus CPU time (user + sys) from the shell's `times`, which a
// busy machine disturbs much less than wall time.
const toMs = (t) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : NaN;
};
function timeCli(dir, noDecode) {
  const env = { ...process.env, NO_COLOR: "1", CLI, DIR: dir };
  if (noDecode) env.TVLY_GUARD_NO_DECODE = "1";
  const start = process.hrtime.bigint();
  const r = spawnSync(
    "sh",
    ["-c", '"$0" "$CLI" scan "$DIR" >/dev/null 2>&1; code=$?; times; exit $code', process.execPath],
    { env, encoding: "utf8" },
  );
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`scan exited ${r.status} on a keyless tree (${r.stderr})`);
  const [user, sys] = (r.stdout.trim().split("\n").at(-1) ?? "").trim().split(/\s+/).map(toMs);
  return { wall, cpu: (user ?? NaN) + (sys ?? NaN) };
}

async function timeEngine(dir) {
  const { detectSecrets } = await import(join(ROOT, "dist/engine/detect.js"));
  const { builtinRules } = await import(join(ROOT, "dist/engine/rule.js"));
  const rules = builtinRules();
  const chunks = [];
  for (const folder of readdirSync(dir))
    for (const f of readdirSync(join(dir, folder)))
      chunks.push({ path: f, data: readFileSync(join(dir, folder, f)), startLine: 1 });
  const once = (decode) => {
    const start = process.hrtime.bigint();
    for (const c of chunks)
      if (detectSecrets(c, rules, { decode }).length) throw new Error(`unexpected finding in ${c.path}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const plain = [];
  const decoded = [];
  for (let i = 0; i < runs; i++) {
    plain.push(once(false));
    decoded.push(once(true));
  }
  return { plain: median(plain), decoded: median(decoded) };
}

const dir = mkdtempSync(join(tmpdir(), "tvly-guard-bench-decoders-"));
try {
  const tree = buildTree(dir);
  const du = readdirSync(dir).reduce(
    (n, d) => n + readdirSync(join(dir, d)).reduce((m, f) => m + statSync(join(dir, d, f)).size, 0),
    0,
  );
  timeCli(dir, false); // warm the page cache
  const plain = [];
  const decoded = [];
  for (let i = 0; i < runs; i++) {
    plain.push(timeCli(dir, true));
    decoded.push(timeCli(dir, false));
  }
  const cli = { plain: median(plain.map((t) => t.wall)), decoded: median(decoded.map((t) => t.wall)) };
  const cpu = { plain: median(plain.map((t) => t.cpu)), decoded: median(decoded.map((t) => t.cpu)) };
  const engine = await timeEngine(dir);
  const row = (name, t) =>
    `| ${name} | ${t.plain.toFixed(0)} ms | ${t.decoded.toFixed(0)} ms | ${(t.decoded / t.plain).toFixed(3)} | ${(((t.decoded - t.plain) / t.plain) * 100).toFixed(1)}% |`;
  console.log(
    `### Decoder cost on a keyless tree (${tree.files} files, ${(du / 1048576).toFixed(1)} MiB, median of ${runs})\n`,
  );
  console.log("| measure | decoders off | decoders on | ratio | slowdown |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  console.log(row("`tvly-guard scan`, wall time", cli));
  if (Number.isFinite(cpu.plain)) console.log(row("`tvly-guard scan`, CPU time (user + sys)", cpu));
  console.log(row("engine only (detectSecrets)", engine));
  console.log(`\nTarget: under 10% for the whole scan. Node ${process.version}.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
