// run(argv, io) -> exit code: dispatch to a subcommand, and the one place
// where errors become exit code 2 with a one-line reason.
import { EXIT_CODES_HELP, parseCommandArgs, renderCommandHelp } from "./commands/args.js";
import { COMMANDS } from "./commands/index.js";
import { ExitCode, GuardError, UsageError } from "./errors.js";
import type { Io } from "./io.js";
import { redactedIo } from "./output/redaction.js";
import { packageVersion } from "./version.js";

export const ISSUES_URL = "https://github.com/tvly-guard/tvly-guard/issues";

function globalHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    "Usage: tvly-guard <command> [options]",
    "",
    "Stop Tavily API keys from leaking through git, and find the ones that already have.",
    "",
    "Commands:",
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`),
    "",
    "Run `tvly-guard help <command>` (or `tvly-guard <command> --help`) for a command's options.",
    "  -h, --help         show this help",
    "  -V, --version      print the version",
    "",
    EXIT_CODES_HELP,
    "",
  ].join("\n");
}

export async function run(argv: readonly string[], rawIo: Io): Promise<number> {
  // Every byte a command writes goes through the redaction pass, errors included.
  const io = redactedIo(rawIo);
  try {
    const [name, ...rest] = argv;
    if (name === "help" && rest.length > 0) {
      io.stdout(renderCommandHelp(await loadCommand(rest[0]!)));
      return ExitCode.clean;
    }
    if (name === undefined || name === "-h" || name === "--help" || name === "help") {
      io.stdout(globalHelp());
      return ExitCode.clean;
    }
    // -V as most CLIs spell it; -v kept for scripts written against 0.1.0.
    if (name === "-V" || name === "-v" || name === "--version") {
      io.stdout(`${packageVersion()}\n`);
      return ExitCode.clean;
    }
    const command = await loadCommand(name);
    const args = parseCommandArgs(command, [...rest]);
    if (args.values.help === true) {
      io.stdout(renderCommandHelp(command));
      return ExitCode.clean;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof GuardError) {
      io.stderr(`tvly-guard: ${oneLine(err.message)}\n`);
    } else {
      const reason = err instanceof Error ? err.message : String(err);
      io.stderr(
        `tvly-guard: internal error: ${oneLine(reason)} (tvly-guard ${packageVersion()}; please report it at ${ISSUES_URL})\n`,
      );
    }
    return ExitCode.error;
  }
}

async function loadCommand(name: string) {
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry)
    throw new UsageError(
      `unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")}; see tvly-guard --help)`,
    );
  return entry.load();
}

/** One line (io.stderr redacts it). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
