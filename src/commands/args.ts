// Command-line parsing on top of node:util parseArgs: typed option tables,
// one-line usage errors, and --help text generated from the same tables.

import { parseArgs } from "node:util";
import { UsageError } from "../errors.js";

export interface OptionSpec {
  name: string;
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** Shown in --help as `--name VALUE`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  /** Extra help paragraphs after the options (examples, notes). */
  details?: string;
  options: readonly OptionSpec[];
  allowPositionals: boolean;
  /** The exit-code line of --help, when the command's codes differ from a scan's. */
  exitCodes?: string;
  run(args: ParsedArgs, io: import("../io.js").Io): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export const HELP_OPTION: OptionSpec = { name: "help", type: "boolean", short: "h", description: "show this help" };

/** Parse `argv` for `command`; unknown flags and missing values become UsageError. */
export function parseCommandArgs(command: CommandSpec, argv: string[]): ParsedArgs {
  // A hook's usual call has no arguments, and parseArgs' first call costs ~0.8 ms of a ~60 ms pre-commit run.
  if (argv.length === 0) return { values: Object.create(null), positionals: [] };
  const options = Object.fromEntries(
    [...command.options, HELP_OPTION].map((o) => [
      o.name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      allowPositionals: command.allowPositionals,
      strict: true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (err) {
    // parseArgs messages are multi-sentence; keep the first, and name the command.
    const first = (err as Error).message.split(/\.\s|\n/)[0]!.replace(/\.$/, "");
    throw new UsageError(`${command.name}: ${first} (see tvly-guard ${command.name} --help)`);
  }
}

/** --help text for one command. */
export function renderCommandHelp(command: CommandSpec): string {
  const rows = [...command.options, HELP_OPTION].map((o) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value ? ` ${o.value}` : ""}`;
    return `  ${flag.padEnd(30)} ${o.description}`;
  });
  return [
    `Usage: ${command.usage}`,
    "",
    command.summary,
    "",
    "Options:",
    ...rows,
    "",
    ...(command.details ? [command.details, ""] : []),
    command.exitCodes ?? EXIT_CODES_HELP,
    "",
  ].join("\n");
}

export const EXIT_CODES_HELP = "Exit codes: 0 no keys found, 1 keys found, 2 usage or runtime error.";

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === "string" ? v : undefined;
}

/** A repeatable string option (`multiple: true`): every value, in order. */
export function stringListOption(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
}

export function booleanOption(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}
