import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { HELP_OPTION, parseCommandArgs } from "../../../src/commands/args.js";
import { COMMANDS } from "../../../src/commands/index.js";

describe("parseCommandArgs", () => {
  it("gives every command, called with no arguments, exactly what parseArgs gives", async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const spec = await entry.load();
      const options = Object.fromEntries(
        [...spec.options, HELP_OPTION].map((o) => [o.name, { type: o.type, multiple: o.multiple ?? false }]),
      );
      const expected = parseArgs({ args: [], options, allowPositionals: spec.allowPositionals, strict: true });
      const got = parseCommandArgs(spec, []);
      expect(got, name).toStrictEqual({ values: expected.values, positionals: expected.positionals });
      expect(Object.getPrototypeOf(got.values), name).toBe(null);
    }
  });

  it("still parses and refuses through parseArgs once there are arguments", async () => {
    const spec = await COMMANDS.staged!.load();
    expect(parseCommandArgs(spec, ["--format", "json"]).values.format).toBe("json");
    expect(() => parseCommandArgs(spec, ["--nope"])).toThrow(/staged: Unknown option '--nope'/);
  });
});
