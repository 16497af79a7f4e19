// source -> engine -> hits -> findings: the loop every scanning command runs.
// The engine call is one seam (`detect` below), so detection can move to
// worker threads without touching sources or post-steps.
import { detectSecrets } from "../engine/detect.js";
import { compareFindings, type Finding, toFinding } from "../report/finding.js";
import { formatBytes } from "../report/summary.js";
import type { Chunk, ScanSummary } from "../sources/chunk.js";
import type { Detect, Hit, Source } from "../sources/source.js";
import type { ScanSetup } from "./setup.js";

/** The engine with this scan's rules. */
export function engineFor(setup: ScanSetup): Detect {
  // Internal switch for bench/decoders.mjs: the plain pass alone, to measure what the decoders cost.
  const options = { decode: !setup.io.env.TVLY_GUARD_NO_DECODE };
  return (chunk: Chunk) => detectSecrets(chunk, setup.rules, options);
}

/** Scan every chunk `source` yields, let it place the hits, and return findings in report order. */
export async function collectFindings(source: Source, setup: ScanSetup, summary: ScanSummary): Promise<Finding[]> {
  const detect = engineFor(setup);
  let hits: Hit[] = [];
  const line = source.progressLine ?? defaultProgressLine;
  for await (const chunk of source.chunks(summary)) {
    const matches = detect(chunk);
    source.scanned?.(chunk, matches);
    for (const match of matches) hits.push({ match, chunk });
    setup.progress.update(() => line(summary, hits.length));
  }
  setup.progress.done();
  if (source.place) hits = await source.place(hits, detect);
  const options = { showSecret: setup.showSecret };
  const findings = hits.map(({ match, chunk, inHead }) => {
    const finding = toFinding(match, chunk, options);
    return inHead === undefined ? finding : Object.assign(finding, { inHead });
  });
  return findings.sort(compareFindings);
}

function defaultProgressLine(summary: ScanSummary, findings: number): string {
  return `tvly-guard: ${summary.files} files, ${formatBytes(summary.bytes)}, ${findings} findings`;
}
