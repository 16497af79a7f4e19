// Format name -> reporter, loaded on demand: a clean pre-commit run loads
// only the one format it prints, not the SARIF and annotation writers.
import { UsageError } from "../errors.js";
import type { ReportContext } from "./context.js";

type Reporter = (ctx: ReportContext) => string;

const REPORTERS: Record<string, () => Promise<Reporter>> = {
  text: async () => (await import("./text.js")).renderText,
  json: async () => (await import("./json.js")).renderJson,
  sarif: async () => (await import("./sarif.js")).renderSarif,
  github: async () => (await import("./github.js")).renderGithub,
  gitlab: async () => (await import("./gitlab.js")).renderGitlab,
  junit: async () => (await import("./junit.js")).renderJunit,
};

export const FORMATS = Object.keys(REPORTERS);

/** Fail on an unknown format before any scanning starts. */
export function checkFormat(format: string): void {
  if (!Object.hasOwn(REPORTERS, format))
    throw new UsageError(`unknown --format "${format}" (expected one of: ${FORMATS.join(", ")})`);
}

export async function loadReporter(format: string): Promise<Reporter> {
  checkFormat(format);
  return REPORTERS[format]!();
}
