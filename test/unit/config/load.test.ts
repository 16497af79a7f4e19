import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load.js";
import { builtinRules } from "../../../src/engine/rule.js";
import { ConfigError } from "../../../src/errors.js";
import { findWorkTreeRoot } from "../../../src/git/work-tree.js";
import { git, gitRepo, tempDir, writeFiles } from "../../helpers/git-repo.js";

const FIXTURES = fileURLToPath(new URL("../../fixtures/config/", import.meta.url));
const SCHEMA_DIR = fileURLToPath(new URL("../../../schema/", import.meta.url));
const list = (kind: string) =>
  readdirSync(join(FIXTURES, kind))
    .filter((f) => f.endsWith(".json"))
    .sort();

/** What each invalid fixture's error says; `schema: false` marks limits a JSON Schema cannot express. */
const INVALID: Record<string, { message: RegExp; schema?: false }> = {
  "bad-json.json": { message: /bad-json\.json: not valid JSON \(.+line 1 column \d+\)$/ },
  "unknown-key.json": {
    message: /: unknown key "allowlists" \(expected one of: \$schema, allowlist, rules, disabledRules, maxFileSize\)$/,
  },
  "unknown-nested-key.json": {
    message: /: unknown key "allowlist\.path" \(expected one of: paths, commits, keyRegexes, lineRegexes, stopwords\)$/,
  },
  "paths-not-a-list.json": { message: /: "allowlist\.paths" must be a list of glob strings$/ },
  "stopword-not-a-string.json": { message: /: "allowlist\.stopwords\[1\]" must be a non-empty string$/ },
  "commit-not-a-hash.json": { message: /: "allowlist\.commits\[0\]" must be a commit hash/ },
  "allowlist-not-an-object.json": { message: /: "allowlist" must be a JSON object$/ },
  "max-file-size-not-a-size.json": { message: /: "maxFileSize" must be a number of bytes or a size/ },
  "disabled-rules-not-a-list.json": { message: /: "disabledRules" must be a list of rule ids$/ },
  "not-an-object.json": { message: /: the top level must be a JSON object$/ },
  "invalid-regex.json": {
    message: /: "allowlist\.lineRegexes\[0\]" is not a valid regular expression \(Unterminated group\)$/,
  },
  "catastrophic-regex.json": {
    message: /: "allowlist\.lineRegexes\[0\]" can backtrack catastrophically: a repeated group contains a quantifier/,
    schema: false,
  },
  "catastrophic-alternation.json": {
    message: /: "allowlist\.keyRegexes\[0\]" can backtrack catastrophically: a repeated group contains an alternation/,
    schema: false,
  },
  "backreference-regex.json": {
    message: /: "allowlist\.keyRegexes\[0\]" uses a backreference, which cannot run in linear time/,
    schema: false,
  },
  "lookbehind-regex.json": { message: /: "allowlist\.lineRegexes\[0\]" uses lookahead or lookbehind/, schema: false },
  "disabled-rule-unknown.json": {
    message:
      /: "disabledRules\[0\]" names no rule \(rules: tavily-api-key, tavily-api-key-segmented, tavily-api-key-unknown-format\)$/,
    schema: false,
  },
  "disables-every-rule.json": {
    message: /: "disabledRules" disables every rule, so nothing would be found$/,
    schema: false,
  },
  "rule-catastrophic-pattern.json": {
    message: /: "rules\[0\]\.pattern" can backtrack catastrophically/,
    schema: false,
  },
  "rule-without-keywords.json": {
    message: /rule-without-keywords\.json rules\[0\]: "keywords" must be a non-empty list/,
  },
  "rule-id-taken.json": {
    message: /: "rules\[0\]\.id" "tavily-api-key" is already a rule \(list it in disabledRules to replace it\)$/,
    schema: false,
  },
};

async function load(fixture: string) {
  const config = await loadConfig(FIXTURES, fixture);
  return { config, rules: config.applyToRules(builtinRules()) };
}

function schemaValidator() {
  const ajv = new Ajv({ allErrors: true });
  ajv.addFormat("regex", (s: string) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  });
  ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, "rule.schema.json"), "utf8")), "rule.schema.json");
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, "tvly-guard.schema.json"), "utf8")));
}

describe("config files", () => {
  it("has an expected message for every invalid fixture, and a fixture for every message", () => {
    expect(list("invalid")).toEqual(Object.keys(INVALID).sort());
  });

  it.each(list("valid"))("loads valid/%s, and the shipped schema accepts it", async (name) => {
    await expect(load(join("valid", name))).resolves.toBeDefined();
    const validate = schemaValidator();
    expect(
      validate(JSON.parse(readFileSync(join(FIXTURES, "valid", name), "utf8"))),
      JSON.stringify(validate.errors),
    ).toBe(true);
  });

  it.each(Object.entries(INVALID))(
    "rejects invalid/%s with a one-line message naming the file and the key",
    async (name, { message, schema }) => {
      const err = await load(join("invalid", name)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).toContain(`invalid/${name}`);
      expect((err as Error).message).not.toContain("\n");
      if (name === "bad-json.json") return; // not JSON: nothing for a schema to look at
      const validate = schemaValidator();
      expect(validate(JSON.parse(readFileSync(join(FIXTURES, "invalid", name), "utf8")))).toBe(schema === false);
    },
  );

  it("the project's own .tvly-guard.json loads and matches the schema", async () => {
    const root = fileURLToPath(new URL("../../../", import.meta.url));
    await expect(loadConfig(root, ".tvly-guard.json")).resolves.toMatchObject({ file: ".tvly-guard.json" });
    const validate = schemaValidator();
    expect(validate(JSON.parse(readFileSync(join(root, ".tvly-guard.json"), "utf8")))).toBe(true);
  });

  it("the shipped rule files match the rule schema", () => {
    const ajv = new Ajv({ allErrors: true });
    ajv.addFormat("regex", () => true);
    const validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, "rule.schema.json"), "utf8")));
    for (const rule of builtinRules()) {
      const { regex, keywordBytes, maxMatchLength, allowPatterns, allowWords, ...spec } = rule;
      void [regex, keywordBytes, maxMatchLength, allowPatterns, allowWords];
      expect(validate(JSON.parse(JSON.stringify(spec))), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("is found at the work tree root from a subdirectory, and is optional", async () => {
    const repo = gitRepo();
    writeFiles(repo, {
      ".tvly-guard.json": JSON.stringify({ allowlist: { paths: ["fixtures/"] } }),
      "sub/deeper/x.txt": "",
    });
    const found = await loadConfig(join(repo, "sub", "deeper"), undefined);
    expect(found.file).toBe(join(repo, ".tvly-guard.json"));
    expect(found.root).toBe(repo);
    expect(found.allowsPath("fixtures/a/b.txt")).toBe(true);
    const none = await loadConfig(tempDir(), undefined);
    expect(none.file).toBeUndefined();
    expect(none.applyToRules(builtinRules())).toEqual(builtinRules());
  });

  it("finds the root of a linked worktree, and none in a bare repository or its subdirectories", async () => {
    const repo = gitRepo({ "a.txt": "a\n" });
    const linked = join(tempDir(), "wt");
    git(repo, ["worktree", "add", "-q", linked]);
    writeFiles(linked, { ".tvly-guard.json": "{}", "deep/x.txt": "" });
    expect((await loadConfig(join(linked, "deep"), undefined)).root).toBe(linked);
    const outer = tempDir();
    writeFiles(outer, { ".git/HEAD": "", ".tvly-guard.json": "{}" }); // an enclosing "work tree" the bare repo must not borrow
    git(outer, ["init", "-q", "--bare", "mirror.git"]);
    const bare = await loadConfig(join(outer, "mirror.git", "refs"), undefined);
    expect(bare).toMatchObject({ root: join(outer, "mirror.git", "refs"), file: undefined });
    expect(await findWorkTreeRoot(repo, { GIT_WORK_TREE: "elsewhere" })).toBe(join(repo, "elsewhere"));
  });

  it("fails when --config names a file that does not exist", async () => {
    await expect(loadConfig(tempDir(), "missing.json")).rejects.toThrow(
      /^cannot read config missing\.json: ENOENT \(no such file or directory\)$/,
    );
  });

  it("matches path globs relative to the root: slash-less names at any depth, trailing slash for a directory", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      "c.json": JSON.stringify({
        allowlist: { paths: ["*.snap", "test/fixtures/", "docs/**/*.md", "./only-root.txt", "vendor/"] },
      }),
    });
    const { allowsPath } = await loadConfig(dir, "c.json");
    expect(
      [
        "a.snap",
        "deep/er/b.snap",
        "test/fixtures/x/y.env",
        "docs/a/b.md",
        "docs/b.md",
        "only-root.txt",
        ".hidden/x.snap",
        "vendor/a.js",
        "lib/vendor/b/c.js",
      ].filter((p) => !allowsPath(p)),
    ).toEqual([]);
    expect(
      ["a.snapx", "src/test/fixtures/x.env", "test/fixturesx/a", "docs.md", "sub/only-root.txt", "vendors/a.js"].filter(
        allowsPath,
      ),
    ).toEqual([]);
  });

  it("matches commits by full hash or by a prefix of 7+ digits, case-insensitively", async () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const dir = tempDir();
    writeFiles(dir, { "c.json": JSON.stringify({ allowlist: { commits: [sha.toUpperCase(), "fedcba9"] } }) });
    const { allowsCommit } = await loadConfig(dir, "c.json");
    expect(allowsCommit(sha)).toBe(true);
    expect(allowsCommit(`fedcba9${"0".repeat(33)}`)).toBe(true);
    expect(allowsCommit(`1${sha.slice(1)}`)).toBe(false);
  });

  it("adds extra rules, drops disabled ones, and gives every rule the stopwords and allowlist regexes", async () => {
    const dir = tempDir();
    const extra = JSON.parse(readFileSync(join(FIXTURES, "valid", "every-field.json"), "utf8")).rules[0];
    writeFiles(dir, {
      "c.json": JSON.stringify({
        rules: [extra],
        allowlist: { stopwords: ["Fixture"], keyRegexes: ["^x"], lineRegexes: ["y"] },
      }),
    });
    const rules = (await loadConfig(dir, "c.json")).applyToRules(builtinRules());
    expect(rules.map((r) => r.id)).toEqual([
      "tavily-api-key",
      "tavily-api-key-segmented",
      "tavily-api-key-unknown-format",
      "acme-token",
    ]);
    for (const r of rules) {
      expect(r.allowStopwords).toEqual(["fixture"]); // apart from the rule's own words: what they drop is counted
      expect(r.allowKeyRegexes?.map(String)).toEqual([expect.stringMatching(/^\/\^x\/l?$/)]);
      expect(r.allowLineRegexes).toHaveLength(1);
    }
    expect(builtinRules()[0]!.allowStopwords).toBeUndefined(); // the shared builtin rule is not mutated
    writeFiles(dir, { "d.json": JSON.stringify({ rules: [extra], disabledRules: ["tavily-api-key"] }) });
    expect((await loadConfig(dir, "d.json")).applyToRules(builtinRules()).map((r) => r.id)).toEqual([
      "tavily-api-key-segmented",
      "tavily-api-key-unknown-format",
      "acme-token",
    ]);
    // Replacing a builtin rule: disable it and add one with the same id.
    writeFiles(dir, {
      "e.json": JSON.stringify({ rules: [{ ...extra, id: "tavily-api-key" }], disabledRules: ["tavily-api-key"] }),
    });
    expect((await loadConfig(dir, "e.json")).applyToRules(builtinRules()).map((r) => [r.id, r.keywords])).toEqual([
      ["tavily-api-key-segmented", ["tvly-"]],
      ["tavily-api-key-unknown-format", ["tvly-"]],
      ["tavily-api-key", ["acme_"]],
    ]);
  });

  it("never echoes the text of a bad file in its message (it may hold a key)", async () => {
    const dir = tempDir();
    const secretish = `SENTINEL${"q".repeat(40)}`;
    writeFiles(dir, {
      "a.json": `{"allowlist": {"keyRegexes": ["${secretish}("]}}`,
      "b.json": `{"x": ${secretish}}`,
      "c.json": `{"${secretish}": 1}`,
    });
    for (const f of ["a.json", "b.json"]) {
      const err = (await loadConfig(dir, f).catch((e: unknown) => e)) as Error;
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.message).not.toContain("SENTINEL");
    }
  });
});
