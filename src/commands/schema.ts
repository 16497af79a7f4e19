// `tvly-guard schema`: print (or write) the JSON Schema of .tvly-guard.json,
// so an editor can check the config outside an npm project too (a Python
// repository, a global install): `"$schema": "./.tvly-guard.schema.json"`.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ExitCode, InputError } from "../errors.js";
import { writeOutputFile } from "../fs/atomic-write.js";
import { packagePath } from "../paths.js";
import { type CommandSpec, stringOption } from "./args.js";

/**
 * The config schema as one self-contained document: the shipped file refers to
 * rule.schema.json beside it, which a lone copy would not have, so the rule
 * schema goes into `definitions` and the reference points there.
 */
export function selfContainedSchema(): string {
  const read = (name: string) =>
    JSON.parse(readFileSync(packagePath("schema", name), "utf8")) as Record<string, unknown>;
  const config = read("tvly-guard.schema.json");
  const { $schema: _, ...rule } = read("rule.schema.json");
  const text = JSON.stringify(config, null, 2).replaceAll('"$ref": "rule.schema.json"', '"$ref": "#/definitions/rule"');
  return `${JSON.stringify({ ...JSON.parse(text), definitions: { rule } }, null, 2)}\n`;
}

/** Where the schema of a released version lives on the web (a tag never moves). */
export const schemaUrl = (version: string) =>
  `https://raw.githubusercontent.com/tvly-guard/tvly-guard/v${version}/schema/tvly-guard.schema.json`;

export const command: CommandSpec = {
  name: "schema",
  summary:
    "Print the JSON Schema of .tvly-guard.json (or write it with --output), for editors that check the config where no node_modules holds it.",
  usage: "tvly-guard schema [--output FILE]",
  allowPositionals: false,
  exitCodes: "Exit codes: 0 printed or written, 2 usage or runtime error.",
  options: [{ name: "output", type: "string", short: "o", value: "FILE", description: "write the schema to FILE" }],
  details: [
    "Examples:",
    "  tvly-guard schema --output .tvly-guard.schema.json   # then in .tvly-guard.json:",
    '                                                      #   "$schema": "./.tvly-guard.schema.json"',
  ].join("\n"),
  async run(args, io) {
    let text: string;
    try {
      text = selfContainedSchema();
    } catch (err) {
      throw new InputError(`cannot read the bundled schema: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    const output = stringOption(args, "output");
    if (output === undefined) io.stdout(text);
    else {
      writeOutputFile(resolve(io.cwd, output), text, output);
      io.stderr(`tvly-guard: wrote the config schema to ${output}; point "$schema" in .tvly-guard.json at it.\n`);
    }
    return ExitCode.clean;
  },
};
