// The files a GitHub runner reads after a step: $GITHUB_OUTPUT (step outputs)
// and $GITHUB_STEP_SUMMARY (the job summary, Markdown). Both are appended to.
// Format: https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-output-parameter
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";

/**
 * Append `name=value` outputs; a value with a line break uses the heredoc form
 * with a random delimiter, so no value can end it early or inject another output.
 */
export function formatOutputs(outputs: Record<string, string | number>): string {
  return Object.entries(outputs)
    .map(([name, raw]) => {
      const value = String(raw);
      if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
      const delimiter = `tvly_guard_${randomBytes(8).toString("hex")}`;
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join("");
}

/** Append to a runner file named by an env variable; outside a runner (unset) there is nothing to do. */
export function appendRunnerFile(path: string | undefined, text: string): void {
  if (path) appendFileSync(path, text);
}
