// Format name -> reporter.
import { UsageError } from "../errors.js";
import type { ReportContext } from "./context.js";
import { renderGithub } from "./github.js";
import { renderJson } from "./json.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";

type Reporter = (ctx: ReportContext) => string;

const REPORTERS: Record<string, Reporter> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  github: renderGithub,
};

export const FORMATS = Object.keys(REPORTERS);

export function reporterFor(format: string): Reporter {
  const reporter = REPORTERS[format];
  if (!reporter) throw new UsageError(`unknown --format "${format}" (expected one of: ${FORMATS.join(", ")})`);
  return reporter;
}
