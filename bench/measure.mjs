// Timing for the bench: wall time and peak RSS of a command, several runs
// interleaved (a b c a b c ...) so background load on a shared machine hits
// every command alike, and medians.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** Run `cmd` (argv, or a shell line when a string) once: wall seconds, peak RSS (MB) of it and its children. */
export function measure(cmd, { cwd, env = {}, okCodes = [0] } = {}) {
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

/** Run each command `runs` times, interleaved; one result per command with median, min, max and peak RSS. */
export function compare(commands, runs) {
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => samples[j].push(measure(c.cmd, c)));
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

export const sec = (s) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
export const mb = (x) => (x === null || x === undefined ? "n/a" : `${x.toFixed(0)} MB`);
