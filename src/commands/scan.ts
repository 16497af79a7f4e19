// `tvly-guard scan [paths...]`: files in the working tree (or stdin).

import { runScan } from "../scan/finish.js";
import { emptySummary } from "../sources/chunk.js";
import { readFileChunks } from "../sources/files.js";
import { chunkSource } from "../sources/source.js";
import type { CommandSpec } from "./args.js";
import { maxFileSizeOption, prepareScan, readMaxFileSize, SCAN_OPTIONS } from "./setup.js";

export const command: CommandSpec = {
  name: "scan",
  summary:
    'Scan files and directories (default: the current directory) for Tavily API keys. Inside a git work tree, files that git ignores are skipped; symlinks are never followed; "-" reads stdin.',
  usage: "tvly-guard scan [options] [paths...]",
  allowPositionals: true,
  options: [...SCAN_OPTIONS, maxFileSizeOption("files")],
  details:
    "Examples:\n  tvly-guard scan\n  tvly-guard scan src config/.env --format json --output report.json\n  cat notes.txt | tvly-guard scan -",
  async run(args, io) {
    const setup = await prepareScan(args, io, { paths: "cwd" });
    const maxFileSize = readMaxFileSize(args, setup);
    const paths = args.positionals.length > 0 ? args.positionals : ["."];
    const options = { cwd: io.cwd, env: io.env, maxFileSize, stdin: io.stdin, skipFile: setup.skipsFile };
    return runScan(
      setup,
      "scan",
      chunkSource((summary) => readFileChunks(paths, options, summary)),
      emptySummary(),
    );
  },
};
