// Imports in src/ point down the layers: commands -> scan -> sources, engine,
// report -> git. Biome's noImportCycles catches cycles between files; this
// catches a module that reaches up a layer (engine asking commands, git
// asking sources), which is how cycles start. Run by `npm run lint`.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** Lowest first. A module may import from its own layer or any layer below. */
const LAYERS = [
  ["errors", "io", "version", "progress", "size", "fs", "paths", "lazy-builtins", "code-cache"],
  ["git"],
  ["engine", "sources", "report"],
  ["config", "verify", "triage", "output"],
  ["scan"],
  ["fix", "install"],
  ["commands"],
  ["run", "cli", "start", "action"],
];
const rankOf = new Map(LAYERS.flatMap((names, rank) => names.map((n) => [n, rank])));

/** `src/engine/detect.ts` -> "engine"; `src/run.ts` -> "run". */
const unitOf = (file) => relative(SRC, file).split(/[\\/]/)[0].replace(/\.ts$/, "");

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith(".ts")) yield path;
  }
}

const problems = [];
for (const file of walk(SRC)) {
  const unit = unitOf(file);
  const rank = rankOf.get(unit);
  if (rank === undefined) {
    problems.push(`${relative(SRC, file)}: "${unit}" is in no layer (add it to LAYERS in scripts/check-layers.mjs)`);
    continue;
  }
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/(?:from|import\()\s*"(\.{1,2}\/[^"]+)"/g)) {
    const target = unitOf(resolve(dirname(file), m[1]));
    const targetRank = rankOf.get(target);
    if (targetRank !== undefined && targetRank > rank)
      problems.push(`${relative(SRC, file)}: ${unit} imports ${m[1]} from the ${target} layer above it`);
  }
}
for (const p of problems) console.error(`check-layers: ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
