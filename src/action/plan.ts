// What the GitHub Action scans, decided from its inputs and the event that
// started the workflow: a pull request's commits, a push's commits, every
// commit, or the checked-out files. Pure, so every event shape is unit-tested.
// Event payloads: https://docs.github.com/webhooks/webhook-events-and-payloads
import { UsageError } from "../errors.js";

export interface ActionInputs {
  /** diff (the event's commits, or `range`), history, or scan. */
  mode: string;
  range: string;
  /** The report printed in the log. */
  format: string;
  /** Also write SARIF here, when set. */
  sarif: string;
  /** More reports from the same scan, `FORMAT:FILE` each (the reports input, one per line). */
  reports: string[];
  /** More CLI options. */
  args: string[];
}

/** Files the action itself reads after the scan (in the runner's temp directory). */
export interface ActionFiles {
  /** The JSON report: job summary and outputs are made from it. */
  json: string;
  /** The text report, printed in the log when the log report is not already text. */
  text: string;
}

export interface GithubEvent {
  name: string;
  /** The parsed $GITHUB_EVENT_PATH payload. */
  payload: Record<string, unknown>;
}

export interface ActionPlan {
  /** The tvly-guard command and its arguments, without the report options; null when there is nothing to scan. */
  command: string[] | null;
  /** One line for the log: what is scanned and why. */
  describe: string;
  /** Needs the git history (diff and history modes): a shallow checkout cannot give it. */
  needsHistory: boolean;
}

/** A sha of zeros: git's "no commit" in push payloads (new branch before, deleted branch after). */
export const isZeroSha = (sha: unknown) => typeof sha === "string" && /^0+$/.test(sha);

const MODES = ["diff", "history", "scan"];

function field(payload: unknown, path: string): string | undefined {
  let at: unknown = payload;
  for (const part of path.split("."))
    at = at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined;
  return typeof at === "string" && at !== "" ? at : undefined;
}

function need(value: string | undefined, what: string, event: string): string {
  if (!value)
    throw new UsageError(`the ${event} event has no ${what}; set the range input (for example origin/main..HEAD)`);
  return value;
}

/** The scan the action runs for `inputs` on `event`. */
export function planActionScan(inputs: ActionInputs, event: GithubEvent): ActionPlan {
  const mode = inputs.mode || "diff";
  if (!MODES.includes(mode)) throw new UsageError(`unknown mode "${mode}" (expected one of: ${MODES.join(", ")})`);
  if (mode === "scan") return { command: ["scan", "."], describe: "the checked-out files", needsHistory: false };
  if (mode === "history")
    return { command: ["history"], describe: "every commit on every ref in the checkout", needsHistory: true };
  if (inputs.range)
    return {
      command: ["diff", inputs.range],
      describe: `the commits in ${inputs.range} (range input)`,
      needsHistory: true,
    };
  const p = event.payload;
  switch (event.name) {
    case "pull_request":
    case "pull_request_target": {
      const base = need(field(p, "pull_request.base.sha"), "pull_request.base.sha", event.name);
      const head = need(field(p, "pull_request.head.sha"), "pull_request.head.sha", event.name);
      return {
        command: ["diff", `${base}..${head}`],
        describe: `the pull request's commits, ${base.slice(0, 12)}..${head.slice(0, 12)}`,
        needsHistory: true,
      };
    }
    case "merge_group": {
      const base = need(field(p, "merge_group.base_sha"), "merge_group.base_sha", event.name);
      const head = need(field(p, "merge_group.head_sha"), "merge_group.head_sha", event.name);
      return {
        command: ["diff", `${base}..${head}`],
        describe: `the merge group's commits, ${base.slice(0, 12)}..${head.slice(0, 12)}`,
        needsHistory: true,
      };
    }
    case "push": {
      const after = field(p, "after");
      const ref = field(p, "ref") ?? "";
      if (p.deleted === true || isZeroSha(after))
        return { command: null, describe: `nothing: the push deleted ${ref || "a ref"}`, needsHistory: false };
      const head = need(after, "after", event.name);
      const before = field(p, "before");
      if (before && !isZeroSha(before))
        return {
          command: ["diff", `${before}..${head}`],
          describe: `the pushed commits, ${before.slice(0, 12)}..${head.slice(0, 12)}`,
          needsHistory: true,
        };
      // A new branch or tag: its commits that the default branch does not have.
      const main = field(p, "repository.default_branch");
      if (!main || ref === `refs/heads/${main}`)
        return {
          command: ["diff", head],
          describe: `every commit of ${ref || head.slice(0, 12)}: its first push`,
          needsHistory: true,
        };
      return {
        command: ["diff", `origin/${main}..${head}`],
        describe: `the commits of new ${ref} that ${main} does not have, origin/${main}..${head.slice(0, 12)}`,
        needsHistory: true,
      };
    }
    default:
      throw new UsageError(
        `mode diff needs a pull_request, push or merge_group event, not ${event.name || "an unknown event"}: set the range input, or use mode history (full audit) or scan (the files)`,
      );
  }
}

/**
 * The one CLI run: the command, the user's args, the log report on stdout, and
 * every file report from the same scan (--report), so nothing is scanned twice.
 */
export function scanArguments(command: readonly string[], inputs: ActionInputs, files: ActionFiles): string[] {
  const format = inputs.format || "github";
  const reports = [
    ...(inputs.sarif ? [`sarif:${inputs.sarif}`] : []),
    ...inputs.reports,
    `json:${files.json}`,
    ...(format === "text" ? [] : [`text:${files.text}`]),
  ];
  return [...command, ...inputs.args, "--format", format, ...reports.flatMap((r) => ["--report", r])];
}
