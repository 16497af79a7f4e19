// tvly-guard schema: the config's JSON Schema where no node_modules holds it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { schemaUrl } from "../../src/commands/schema.js";
import { tempDir, writeFiles } from "../helpers/git-repo.js";
import { runCli } from "../helpers/run-cli.js";

const SHIPPED = new URL("../../schema/tvly-guard.schema.json", import.meta.url);

describe("tvly-guard schema", () => {
  it("prints the shipped schema as one document: the rule schema it refers to is inlined", () => {
    const r = runCli(["schema"], { cwd: tempDir() });
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    const shipped = JSON.parse(readFileSync(SHIPPED, "utf8"));
    expect(printed.properties.allowlist).toEqual(shipped.properties.allowlist);
    expect(printed.properties.rules.items).toEqual({ $ref: "#/definitions/rule" });
    expect(printed.definitions.rule.required).toEqual(
      JSON.parse(readFileSync(new URL("../../schema/rule.schema.json", import.meta.url), "utf8")).required,
    );
    expect(r.stdout).not.toContain("rule.schema.json");
  });

  it("--output writes it where a config outside any npm project can point $schema at it, and it checks that config", () => {
    const dir = tempDir();
    const config = {
      $schema: "./.tvly-guard.schema.json",
      allowlist: { paths: ["fixtures/*", "!fixtures/keep.env"] },
    };
    writeFiles(dir, { ".tvly-guard.json": JSON.stringify(config), "app.py": "print(1)\n" });
    const r = runCli(["schema", "--output", ".tvly-guard.schema.json"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: "" });
    expect(r.stderr).toContain("wrote the config schema to .tvly-guard.schema.json");
    const schemaPath = join(dir, config.$schema);
    expect(existsSync(schemaPath)).toBe(true);
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(schemaPath, "utf8")));
    expect(validate(config) ? [] : validate.errors).toEqual([]);
    expect(validate({ allowlist: { path: ["x"] } })).toBe(false); // it does check
    expect(validate({ rules: [{ id: "Bad Id" }] })).toBe(false); // rules too, through the inlined rule schema
    expect(runCli(["scan", "."], { cwd: dir }).code).toBe(0); // and the CLI accepts the config with its $schema
  });

  it("names a published URL at the release tag that points at the shipped file's path", () => {
    expect(schemaUrl("1.2.3")).toBe(
      "https://raw.githubusercontent.com/tvly-guard/tvly-guard/v1.2.3/schema/tvly-guard.schema.json",
    );
    expect(
      new URL(schemaUrl("1.2.3")).pathname.endsWith(new URL(SHIPPED).pathname.split("/").slice(-2).join("/")),
    ).toBe(true);
  });
});
