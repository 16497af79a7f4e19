// source -> engine -> findings: the loop every scanning command shares.
import type { ScanSetup } from "./commands/setup.js";
import { detectSecrets } from "./engine/detect.js";
import { compareFindings, type Finding, toFinding } from "./report/finding.js";
import { formatBytes } from "./report/summary.js";
import type { Chunk, ScanSummary } from "./sources/chunk.js";

/** Scan every chunk a source yields; findings come back in report order. */
export async function collectFindings(
  chunks: AsyncIterable<Chunk>,
  setup: ScanSetup,
  summary: ScanSummary,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const options = { showSecret: setup.showSecret };
  // Internal switch for bench/decoders.mjs: the plain pass alone, to measure what the decoders cost.
  const detect = { decode: !setup.io.env.TVLY_GUARD_NO_DECODE, heldBack: setup.suppressed };
  for await (const chunk of chunks) {
    for (const match of detectSecrets(chunk, setup.rules, detect)) findings.push(toFinding(match, chunk, options));
    setup.progress.update(
      () => `tvly-guard: ${summary.files} files, ${formatBytes(summary.bytes)}, ${findings.length} findings`,
    );
  }
  setup.progress.done();
  return findings.sort(compareFindings);
}
