// The GitHub Action's work: read the inputs and the event from the
// environment, plan the scan, check the checkout, run the CLI's own run()
// once, then write the job summary and the step outputs from its JSON report.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { builtinRules } from "../engine/rule.js";
import { ExitCode, GitError, GuardError, InputError } from "../errors.js";
import { readRepositoryFacts } from "../git/repository.js";
import type { Io } from "../io.js";
import { redactedIo } from "../output/redaction.js";
import { escapeData } from "../report/github.js";
import { run } from "../run.js";
import { type ActionInputs, type GithubEvent, planActionScan, scanArguments } from "./plan.js";
import { appendRunnerFile, formatOutputs } from "./runner-files.js";
import { type JsonReport, renderJobSummary } from "./summary.js";
import { splitLines, splitWords } from "./words.js";

const SHALLOW =
  "this checkout is shallow (actions/checkout fetches a single commit unless told otherwise), so the commits to scan are not here: set `fetch-depth: 0` on the actions/checkout step";

const NOTHING_SCANNED: JsonReport = {
  mode: "diff",
  scanned: { commits: 0, files: 0, bytes: 0 },
  warnings: [],
  findings: [],
  keys: [],
};

/** Inputs arrive as environment variables (never pasted into the script), so no shell ever reads them. */
function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  return {
    mode: (env.TVLY_GUARD_MODE ?? "").trim(),
    range: (env.TVLY_GUARD_RANGE ?? "").trim(),
    format: (env.TVLY_GUARD_FORMAT ?? "").trim(),
    sarif: (env.TVLY_GUARD_SARIF ?? "").trim(),
    reports: splitLines(env.TVLY_GUARD_REPORTS ?? ""),
    args: splitWords(env.TVLY_GUARD_ARGS ?? ""),
  };
}

function readEvent(env: NodeJS.ProcessEnv): GithubEvent {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { name, payload: {} };
  try {
    return { name, payload: JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown> };
  } catch (err) {
    throw new InputError(
      `cannot read the event payload ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

function readReport(file: string): JsonReport | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as JsonReport;
  } catch {
    return null; // the scan failed before writing it: the summary says so
  }
}

/** Outputs and summary for a run; `report` null means the scan failed. */
function publish(io: Io, scanned: string, code: number, report: JsonReport | null, sarifFile: string | undefined) {
  appendRunnerFile(
    io.env.GITHUB_OUTPUT,
    formatOutputs({
      findings: report?.findings.length ?? 0,
      keys: report?.keys.length ?? 0,
      "sarif-file": report && sarifFile ? sarifFile : "",
      "exit-code": code,
    }),
  );
  const rules = builtinRules();
  // The summary names files and authors, which can hold a key too: redacted like every other output.
  const summary = renderJobSummary({ scanned, report, exitCode: code, rules, env: io.env, sarifFile });
  appendRunnerFile(io.env.GITHUB_STEP_SUMMARY, io.redaction?.scrub(summary) ?? summary);
}

/** The checkout's facts; outside a repository, say what the workflow is missing. */
function readCheckout(io: Io) {
  return readRepositoryFacts({ cwd: io.cwd, env: io.env }).catch((err: unknown) => {
    throw new GitError(`${io.cwd} is not inside a git repository: check out the repository first (actions/checkout)`, {
      cause: err,
    });
  });
}

/** Plan, check the checkout, run: the exit code is the CLI's (0 clean, 1 keys found, 2 error). */
export async function runAction(rawIo: Io): Promise<number> {
  const io = redactedIo(rawIo);
  let scanned = "nothing yet (the inputs or the event could not be read)";
  try {
    const inputs = readInputs(io.env);
    const plan = planActionScan(inputs, readEvent(io.env));
    scanned = plan.describe;
    io.stderr(`tvly-guard action: scanning ${plan.describe}\n`);
    if (!plan.command) {
      publish(io, scanned, ExitCode.clean, NOTHING_SCANNED, undefined);
      return ExitCode.clean;
    }
    if (plan.needsHistory && (await readCheckout(io)).shallow) throw new GitError(SHALLOW);
    const temp = mkdtempSync(join(io.env.RUNNER_TEMP || tmpdir(), "tvly-guard-"));
    try {
      const files = { json: join(temp, "report.json"), text: join(temp, "report.txt") };
      const argv = scanArguments(plan.command, inputs, files);
      const code = await run(argv, io);
      const report = code === ExitCode.error ? null : readReport(files.json);
      if (code === ExitCode.error)
        io.stdout(
          `::error title=tvly-guard::${escapeData(`tvly-guard ${plan.command.join(" ")} failed (exit 2): see the reason in the log`)}\n`,
        );
      else if ((inputs.format || "github") === "github" && report && report.findings.length > 0) {
        // The annotations went to stdout; the full text report goes in the log too, folded.
        io.stdout(`::group::tvly-guard report\n${readFileSync(files.text, "utf8")}::endgroup::\n`);
      }
      publish(io, scanned, code, report, inputs.sarif ? resolve(io.cwd, inputs.sarif) : undefined);
      return code;
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  } catch (err) {
    if (!(err instanceof GuardError)) throw err;
    io.stderr(`tvly-guard action: ${err.message}\n`);
    io.stdout(`::error title=tvly-guard::${escapeData(err.message)}\n`);
    publish(io, scanned, ExitCode.error, null, undefined);
    return ExitCode.error;
  }
}
