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

/** Fail on an unknown format before any scanning starts, naming the flag that gave it (--format, --report). */
export function checkFormat(format: string, flag = "--format"): void {
  if (!Object.hasOwn(REPORTERS, format))
    throw new UsageError(
      `unknown ${flag === "--format" ? "--format" : `${flag} format`} "${format}" (expected one of: ${FORMATS.join(", ")})`,
    );
}

/** The report in `format`. A clean text report is empty (the summary on stderr says it all), so it loads nothing. */
export async function renderReport(format: string, ctx: ReportContext): Promise<string> {
  checkFormat(format);
  if (format === "text" && ctx.findings.length === 0) return "";
  return (await REPORTERS[format]!())(ctx);
}
