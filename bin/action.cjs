#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// scripts/import-meta-url.js
var importMetaUrl;
var init_import_meta_url = __esm({
  "scripts/import-meta-url.js"() {
    "use strict";
    importMetaUrl = require("node:url").pathToFileURL(__filename).href;
  }
});

// src/errors.ts
var GuardError, UsageError, InputError, GitError, ConfigError, ExitCode;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    init_import_meta_url();
    GuardError = class extends Error {
      name = "GuardError";
      constructor(message, options) {
        super(message, options);
      }
    };
    UsageError = class extends GuardError {
      name = "UsageError";
    };
    InputError = class extends GuardError {
      name = "InputError";
    };
    GitError = class extends GuardError {
      name = "GitError";
    };
    ConfigError = class extends GuardError {
      name = "ConfigError";
    };
    ExitCode = { clean: 0, findings: 1, error: 2 };
  }
});

// src/git/exec.ts
function gitEnv(env) {
  const out = {
    ...env,
    GIT_OPTIONAL_LOCKS: "0",
    GIT_TERMINAL_PROMPT: "0",
    GIT_ASKPASS: "",
    SSH_ASKPASS: "",
    GIT_ALLOW_PROTOCOL: "",
    GIT_NO_LAZY_FETCH: "1",
    GIT_NO_REPLACE_OBJECTS: "1",
    GIT_PAGER: "cat",
    PAGER: "cat",
    LC_ALL: "C",
    LANGUAGE: "C"
  };
  delete out.GIT_EXTERNAL_DIFF;
  delete out.GIT_DIFF_OPTS;
  return out;
}
function describeFailure(failure) {
  const lines = failure.stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const reason = lines.filter((l) => /^(fatal|error):/.test(l)).pop() ?? lines[0];
  if (reason) return reason.replace(/^(fatal|error):\s*/, "");
  const sub = failure.args.find((a) => !a.startsWith("-") && !a.includes("=")) ?? "";
  return `git ${sub} ${failure.code === null ? `was killed by ${failure.signal}` : `exited with code ${failure.code}`}`;
}
function failed(failure) {
  return new GitError(describeFailure(failure), { cause: failure });
}
function spawnFailure(err) {
  return new GitError(
    err.code === "ENOENT" ? "git is not installed or not on PATH" : `cannot run git: ${err.message}`,
    { cause: err }
  );
}
function gitStderr(err) {
  const cause = err instanceof GitError ? err.cause : void 0;
  return typeof cause?.stderr === "string" ? cause.stderr : "";
}
function isMissingObjectFailure(err) {
  return /promisor remote|unable to read [0-9a-f]{7,}|transport '[^']*' not allowed|missing blob object|bad object/.test(
    gitStderr(err)
  );
}
function startGit(ctx, args) {
  const full = [...PINNED_CONFIG, ...args];
  const child = (0, import_node_child_process.spawn)("git", full, { cwd: ctx.cwd, env: gitEnv(ctx.env), stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (s) => {
    if (stderr.length < MAX_STDERR) stderr += s;
  });
  const done = new Promise((resolveDone, reject) => {
    child.on("error", (err) => reject(spawnFailure(err)));
    child.on("close", (code, signal) => {
      if (code === 0) resolveDone();
      else reject(failed({ args, code, signal, stderr }));
    });
  });
  done.catch(() => {
  });
  return { child, done };
}
async function runGit(ctx, args, input) {
  const { child, done } = startGit(ctx, args);
  const out = [];
  child.stdout.on("data", (b) => out.push(b));
  child.stdin.on("error", () => {
  });
  child.stdin.end(input);
  await done;
  return Buffer.concat(out);
}
async function runGitText(ctx, args, input) {
  return (await runGit(ctx, args, input)).toString("utf8");
}
async function runGitForCode(ctx, args, answerCodes = [1]) {
  const { child, done } = startGit(ctx, args);
  const out = [];
  child.stdout.on("data", (b) => out.push(b));
  child.stdin.end();
  try {
    await done;
    return { code: 0, stdout: Buffer.concat(out) };
  } catch (err) {
    const code = err.cause;
    if (typeof code?.code === "number" && answerCodes.includes(code.code))
      return { code: code.code, stdout: Buffer.concat(out) };
    throw err;
  }
}
async function* streamGit(ctx, args) {
  const { child, done } = startGit(ctx, args);
  child.stdin.end();
  let finished = false;
  try {
    for await (const piece of child.stdout) yield piece;
    await done;
    finished = true;
  } finally {
    if (!finished) child.kill();
  }
}
function streamGitTokens(ctx, args, separator, onToken) {
  const { child, done } = startGit(ctx, args);
  child.stdin.end();
  const decoder = new import_node_string_decoder.StringDecoder("utf8");
  let carry = "";
  child.stdout.on("data", (chunk) => {
    const text = carry + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf(separator); end !== -1; end = text.indexOf(separator, start)) {
      onToken(text.slice(start, end));
      start = end + 1;
    }
    carry = text.slice(start);
  });
  return {
    done: done.then(() => {
      const rest = carry + decoder.end();
      if (rest) onToken(rest);
    }),
    pause: () => child.stdout.pause(),
    resume: () => child.stdout.resume()
  };
}
var import_node_child_process, import_node_string_decoder, PINNED_CONFIG, MAX_STDERR;
var init_exec = __esm({
  "src/git/exec.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_child_process = require("node:child_process");
    import_node_string_decoder = require("node:string_decoder");
    init_errors();
    PINNED_CONFIG = [
      "core.quotePath=false",
      "core.fsmonitor=false",
      "color.ui=never",
      "diff.relative=false",
      "diff.noprefix=false",
      "diff.mnemonicPrefix=false",
      "diff.suppressBlankEmpty=false",
      "log.showSignature=false"
    ].flatMap((pin) => ["-c", pin]);
    MAX_STDERR = 16384;
  }
});

// src/git/work-tree.ts
function readOrUndefined(path) {
  try {
    return (0, import_node_fs.readFileSync)(path, "utf8");
  } catch {
    return void 0;
  }
}
function locateRepository(cwd, env) {
  if (env.GIT_DIR) {
    const workTree = env.GIT_WORK_TREE ? (0, import_node_path.resolve)(cwd, env.GIT_WORK_TREE) : void 0;
    return { gitDir: (0, import_node_path.resolve)(cwd, env.GIT_DIR), workTree };
  }
  for (let dir = (0, import_node_path.resolve)(cwd); ; dir = (0, import_node_path.dirname)(dir)) {
    const dotGit = (0, import_node_path.join)(dir, ".git");
    const info = (0, import_node_fs.statSync)(dotGit, { throwIfNoEntry: false });
    if (info) {
      const pointer = info.isFile() ? /^gitdir: (.*)$/m.exec(readOrUndefined(dotGit) ?? "")?.[1]?.trim() : void 0;
      const workTree = env.GIT_WORK_TREE ? (0, import_node_path.resolve)(cwd, env.GIT_WORK_TREE) : dir;
      return { gitDir: pointer ? (0, import_node_path.resolve)(dir, pointer) : dotGit, workTree };
    }
    if (exists((0, import_node_path.join)(dir, "HEAD")) && exists((0, import_node_path.join)(dir, "objects")) && exists((0, import_node_path.join)(dir, "refs")))
      return { gitDir: dir, workTree: void 0 };
    if ((0, import_node_path.dirname)(dir) === dir) return void 0;
  }
}
function findWorkTreeRoot(cwd, env = process.env) {
  if (env.GIT_WORK_TREE) return (0, import_node_path.resolve)(cwd, env.GIT_WORK_TREE);
  if (env.GIT_DIR) return void 0;
  return locateRepository(cwd, env)?.workTree;
}
function readMergeHeads(cwd, env) {
  const gitDir = locateRepository(cwd, env)?.gitDir;
  const text = gitDir ? readOrUndefined((0, import_node_path.join)(gitDir, "MERGE_HEAD")) : void 0;
  return (text ?? "").split("\n").map((l) => l.trim()).filter((l) => /^[0-9a-f]{40,64}$/.test(l));
}
var import_node_fs, import_node_path, exists;
var init_work_tree = __esm({
  "src/git/work-tree.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs = require("node:fs");
    import_node_path = require("node:path");
    exists = (path) => (0, import_node_fs.statSync)(path, { throwIfNoEntry: false }) !== void 0;
  }
});

// src/git/repository.ts
async function readRepositoryFacts(ctx) {
  const [facts, promisor] = await Promise.all([
    runGitForCode(ctx, [
      "rev-parse",
      "--absolute-git-dir",
      "--is-bare-repository",
      "--is-shallow-repository",
      "--git-path",
      "shallow",
      "--is-inside-work-tree",
      "--show-prefix",
      "--verify",
      "--quiet",
      "HEAD^{commit}"
    ]).catch((err) => err),
    runGitForCode(ctx, ["config", "--get-regexp", String.raw`^(extensions\.partialclone|remote\..*\.promisor)$`]).catch(
      () => ({ code: 1, stdout: Buffer.alloc(0) })
    )
  ]);
  if (facts instanceof Error) {
    if (!(facts instanceof GitError)) throw facts;
    throw new GitError(
      locateRepository(ctx.cwd, ctx.env) === void 0 ? `not a git repository: ${ctx.cwd}` : `cannot read the repository at ${ctx.cwd}: ${facts.message}`,
      { cause: facts }
    );
  }
  const [gitDir = "", bare, shallow, shallowFile = "", inside, prefix = "", head = ""] = facts.stdout.toString("utf8").split("\n");
  const shallowBoundary = shallow === "true" ? (0, import_node_fs2.readFileSync)((0, import_node_path2.isAbsolute)(shallowFile) ? shallowFile : (0, import_node_path2.resolve)(ctx.cwd, shallowFile), "utf8").split("\n").filter(Boolean) : [];
  return {
    gitDir,
    bare: bare === "true",
    shallow: shallow === "true",
    shallowBoundary,
    partial: promisor.code === 0 && /\S/.test(promisor.stdout.toString("utf8")),
    workTree: inside === "true" ? (0, import_node_path2.resolve)(
      ctx.cwd,
      ...prefix.split("/").filter(Boolean).map(() => "..")
    ) : null,
    head: facts.code === 0 && head.trim() ? head.trim() : null
  };
}
var import_node_fs2, import_node_path2, FETCH_ALL_HINT;
var init_repository = __esm({
  "src/git/repository.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs2 = require("node:fs");
    import_node_path2 = require("node:path");
    init_errors();
    init_exec();
    init_work_tree();
    FETCH_ALL_HINT = "fetch the full history (actions/checkout: `fetch-depth: 0`; or `git fetch --unshallow`) and run again";
  }
});

// src/report/location.ts
function describePlace(f) {
  switch (f.location) {
    case "file":
      return f.file ?? "";
    case "commit-message":
      return f.commit ? `commit ${short(f.commit)} (message)` : "commit message";
    case "tag-message":
      return f.ref ? `tag ${f.ref} (message)` : `tag object ${short(f.object ?? "")} (message)`;
    case "note":
      return `note on ${f.commit ? `commit ${short(f.commit)}` : `object ${short(f.object ?? "")}`}${f.ref ? ` (${f.ref})` : ""}`;
    case "blob":
      return `blob ${short(f.object ?? "")} (no commit or path names it)`;
  }
}
function formatLocation(f) {
  const how = [
    f.offset !== void 0 ? `binary, byte ${f.offset}` : "",
    f.encoding ? `${f.encoding}-encoded` : "",
    f.severity === "warning" ? "test file" : "",
    f.reachable === false ? "not reachable from any ref" : ""
  ].filter(Boolean);
  const tags = how.length ? ` [${how.join(", ")}]` : "";
  if (f.location !== "file") {
    const by = f.author ? `, ${f.author}${f.date ? ` ${f.date.slice(0, 10)}` : ""}` : "";
    return `${describePlace(f)} line ${f.line}:${f.column}${tags}${f.location === "commit-message" ? by : ""}`;
  }
  const where = `${f.file}:${f.line}:${f.column}${tags}`;
  if (!f.commit) return where;
  const date = f.date ? ` ${f.date.slice(0, 10)}` : "";
  return `${where} (commit ${f.commit.slice(0, 12)}, ${f.author ?? "unknown author"}${date})`;
}
var short;
var init_location = __esm({
  "src/report/location.ts"() {
    "use strict";
    init_import_meta_url();
    short = (sha) => sha.slice(0, 12);
  }
});

// src/report/remediation.ts
function fillStep(step, remediation, extra = {}) {
  return step.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = remediation[name] ?? extra[name];
    return typeof value === "string" || typeof value === "number" ? String(value) : whole;
  });
}
function statusTags(key, c) {
  const tags = [];
  if (key.verified === true) tags.push(c.bold(c.red("LIVE")));
  if (key.verified === false) tags.push(c.green("revoked"));
  if (key.pushed === true) tags.push(c.red("pushed"));
  if (key.pushed === false) tags.push(c.yellow("not pushed"));
  if (key.inHead === true) tags.push("in HEAD");
  if (key.inHead === false) tags.push("gone from HEAD");
  if (key.firstCommit) {
    const date = key.firstDate ? ` on ${key.firstDate.slice(0, 10)}` : "";
    const age = key.ageDays === null ? "" : `, ${key.ageDays === 1 ? "1 day" : `${key.ageDays} days`} ago`;
    tags.push(`first committed in ${key.firstCommit.slice(0, 12)}${date}${age}`);
  }
  return tags;
}
function caseNotes(key, r) {
  const cases = r.cases ?? {};
  const extra = { ageDays: key.ageDays ?? "", rotationDays: r.rotationDays ?? "" };
  const notes = [];
  if (key.verified === true) notes.push(cases.live);
  if (key.verified === false) notes.push(cases.revoked);
  if (key.pushed === true) notes.push(cases.pushed);
  if (key.pushed === false) notes.push(cases.unpushed);
  if (key.inHead === true) notes.push(cases.inHead);
  if (key.ageDays !== null && r.rotationDays !== void 0 && key.ageDays > r.rotationDays)
    notes.push(cases.old, r.rotation);
  return notes.filter((n) => Boolean(n)).map((n) => fillStep(n, r, extra));
}
function placeNote(f, r) {
  if (f.location === "commit-message" && f.commit === null) return void 0;
  const kind = f.location in PLACE_CASES ? PLACE_CASES[f.location] : void 0;
  return kind ? r.cases?.[kind] : void 0;
}
function placeNotes(places, r) {
  const notes = places.map((f) => placeNote(f, r));
  if (places.some((f) => f.reachable === false)) notes.push(r.cases?.unreachable);
  return [...new Set(notes.filter((n) => Boolean(n)))];
}
function renderRemediation(places, rule, c, key) {
  const first = places[0];
  const count = places.length === 1 ? "1 place" : `${places.length} places`;
  const lines = [
    `${c.bold(c.red("\u25CF"))} ${c.bold(first.secret)}  ${c.dim(`${first.ruleId}, fingerprint ${first.fingerprint.slice(0, 12)}, ${count}`)}`
  ];
  const tags = key ? statusTags(key, c) : [];
  if (tags.length) lines.push(`  ${tags.join(" \xB7 ")}`);
  for (const f of places.slice(0, 10)) lines.push(`    ${formatLocation(f)}`);
  if (places.length > 10) lines.push(c.dim(`    \u2026 and ${places.length - 10} more`));
  if (rule) {
    const r = rule.remediation;
    for (const note of [...key ? caseNotes(key, r) : [], ...placeNotes(places, r)])
      lines.push(`  ${c.bold("!")} ${note}`);
    lines.push(`  ${c.bold(r.title)}:`);
    r.steps.forEach((step, i) => lines.push(`    ${i + 1}. ${fillStep(step, r)}`));
    if (r.docsUrl) lines.push(`  ${c.dim("Guide:")} ${c.cyan(r.docsUrl)}`);
  }
  return lines.join("\n");
}
function renderFixHint(mode, c) {
  if (mode !== "staged") return void 0;
  return `${c.bold("Quick fix:")} run ${c.cyan("tvly-guard fix")} to move the keys into a git-ignored .env and read them from the environment, then re-stage (git add) and commit again.`;
}
var PLACE_CASES;
var init_remediation = __esm({
  "src/report/remediation.ts"() {
    "use strict";
    init_import_meta_url();
    init_location();
    PLACE_CASES = {
      "commit-message": "commitMessage",
      "tag-message": "tagMessage",
      note: "note"
    };
  }
});

// src/report/message.ts
function ruleLabel(rule, ruleId) {
  if (!rule) return ruleId;
  return rule.description.replace(/\s*\(.*\)\s*\.?$/, "").replace(/\.$/, "");
}
function describeFinding(f, rule) {
  const r = rule?.remediation;
  const where = f.location !== "file" ? ` in ${describePlace(f)}${f.reachable === false ? ", which no ref reaches" : ""}` : f.commit ? ` in commit ${f.commit.slice(0, 12)}` : "";
  const revoke = r?.revokeUrl ? `Revoke it at ${r.revokeUrl}` : "Revoke it";
  const env = r?.envVar ? `the ${r.envVar} environment variable` : "an environment variable";
  const guide = r?.docsUrl ? ` Guide: ${r.docsUrl}` : "";
  const how = [
    f.encoding ? `${f.encoding}-encoded` : "",
    f.offset !== void 0 ? `in a binary file at byte ${f.offset}` : ""
  ].filter(Boolean).join(", ");
  const note = r ? [placeNote(f, r), f.reachable === false ? r.cases?.unreachable : void 0] : [];
  const reword = note.filter(Boolean).map((n) => ` ${n}`).join("");
  return `${ruleLabel(rule, f.ruleId)} ${f.secret} found${how ? ` ${how}` : ""}${where} (fingerprint ${f.fingerprint.slice(0, 12)}). ${revoke}, create a new key, and read it from ${env}.${reword}${guide}`;
}
var init_message = __esm({
  "src/report/message.ts"() {
    "use strict";
    init_import_meta_url();
    init_location();
    init_remediation();
  }
});

// src/report/github.ts
var github_exports = {};
__export(github_exports, {
  escapeData: () => escapeData,
  escapeProperty: () => escapeProperty,
  renderGithub: () => renderGithub
});
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function renderGithub(ctx) {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  return ctx.findings.map((f) => {
    const rule = rulesById.get(f.ruleId);
    const title = `tvly-guard: ${ruleLabel(rule, f.ruleId)} ${f.secret}`;
    const props = f.file === null ? { title } : { file: f.file, line: String(f.line), col: String(f.column), title };
    const list = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(v)}`);
    return `::${LEVELS[f.severity]} ${list.join(",")}::${escapeData(describeFinding(f, rule))}
`;
  }).join("");
}
var LEVELS;
var init_github = __esm({
  "src/report/github.ts"() {
    "use strict";
    init_import_meta_url();
    init_message();
    LEVELS = { error: "error", warning: "warning", note: "notice" };
  }
});

// src/commands/args.ts
function parseCommandArgs(command9, argv) {
  const options = Object.fromEntries(
    [...command9.options, HELP_OPTION].map((o) => [
      o.name,
      { type: o.type, ...o.short ? { short: o.short } : {}, ...o.multiple ? { multiple: true } : {} }
    ])
  );
  try {
    const { values, positionals } = (0, import_node_util.parseArgs)({
      args: argv,
      options,
      allowPositionals: command9.allowPositionals,
      strict: true
    });
    return { values, positionals };
  } catch (err) {
    const first = err.message.split(/\.\s|\n/)[0].replace(/\.$/, "");
    throw new UsageError(`${command9.name}: ${first} (see tvly-guard ${command9.name} --help)`);
  }
}
function renderCommandHelp(command9) {
  const rows = [...command9.options, HELP_OPTION].map((o) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value ? ` ${o.value}` : ""}`;
    return `  ${flag.padEnd(30)} ${o.description}`;
  });
  return [
    `Usage: ${command9.usage}`,
    "",
    command9.summary,
    "",
    "Options:",
    ...rows,
    "",
    ...command9.details ? [command9.details, ""] : [],
    command9.exitCodes ?? EXIT_CODES_HELP,
    ""
  ].join("\n");
}
function stringOption(args, name) {
  const v = args.values[name];
  return typeof v === "string" ? v : void 0;
}
function booleanOption(args, name) {
  return args.values[name] === true;
}
function parseSize(text, flag) {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : void 0;
  if (!m || unit === void 0)
    throw new UsageError(`${flag} expects a size such as 10MiB, 512k or 1048576, not "${text}"`);
  return Math.floor(Number(m[1]) * unit);
}
var import_node_util, HELP_OPTION, EXIT_CODES_HELP, SIZE_UNITS;
var init_args = __esm({
  "src/commands/args.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_util = require("node:util");
    init_errors();
    HELP_OPTION = { name: "help", type: "boolean", short: "h", description: "show this help" };
    EXIT_CODES_HELP = "Exit codes: 0 no keys found, 1 keys found, 2 usage or runtime error.";
    SIZE_UNITS = {
      "": 1,
      b: 1,
      k: 1024,
      kb: 1024,
      kib: 1024,
      m: 1024 ** 2,
      mb: 1024 ** 2,
      mib: 1024 ** 2,
      g: 1024 ** 3,
      gb: 1024 ** 3,
      gib: 1024 ** 3
    };
  }
});

// src/git/hooks.ts
async function readHookLayout(ctx) {
  let where;
  try {
    where = await runGitText(ctx, [
      "rev-parse",
      "--path-format=absolute",
      "--is-inside-work-tree",
      "--git-path",
      "hooks"
    ]);
  } catch (err) {
    if (!(err instanceof GitError) || locateRepository(ctx.cwd, ctx.env) !== void 0) throw err;
    throw new GitError(`${ctx.cwd} is not inside a git repository (run git init first)`, { cause: err });
  }
  const [inside, hooksDir] = where.split("\n");
  if (inside !== "true" || !hooksDir)
    throw new GitError("this is a bare repository (or a git directory): install hooks in a clone with a work tree");
  const [toplevel] = (await runGitText(ctx, ["rev-parse", "--show-toplevel"])).split("\n");
  if (!toplevel) throw new GitError(`git rev-parse gave no work tree for ${ctx.cwd}`);
  const hooksPath = (await runGitForCode(ctx, ["config", "--get", "core.hooksPath"])).stdout.toString("utf8").trim();
  return { toplevel, hooksDir, hooksPath: hooksPath || void 0 };
}
var init_hooks = __esm({
  "src/git/hooks.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_exec();
    init_work_tree();
  }
});

// src/paths.ts
var import_node_path3, import_node_url, SELF_FILE, PACKAGE_ROOT, packagePath;
var init_paths = __esm({
  "src/paths.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_path3 = require("node:path");
    import_node_url = require("node:url");
    SELF_FILE = (0, import_node_url.fileURLToPath)(importMetaUrl);
    PACKAGE_ROOT = (0, import_node_path3.dirname)((0, import_node_path3.dirname)(SELF_FILE));
    packagePath = (...parts) => (0, import_node_path3.join)(PACKAGE_ROOT, ...parts);
  }
});

// src/install/block.ts
function findBlock(lines, name) {
  const start = lines.findIndex((l) => l.trim() === beginMarker(name));
  if (start === -1) return null;
  const endAt = lines.findIndex((l, i) => i > start && l.trim() === endMarker(name));
  if (endAt === -1) throw new Error(`the "${beginMarker(name)}" line has no "${endMarker(name)}" line after it`);
  return { start, end: endAt + 1 };
}
function extractBlock(template, name) {
  const lines = template.split("\n");
  const span = findBlock(lines, name);
  if (!span) throw new Error(`hook template has no "${beginMarker(name)}" block`);
  return lines.slice(span.start, span.end);
}
function placeBlock(text, name, block, placement) {
  const lines = splitLines(text);
  const span = findBlock(lines, name);
  if (span) lines.splice(span.start, span.end - span.start, ...block);
  else if (placement === "top") {
    const at = lines[0]?.startsWith("#!") ? 1 : 0;
    lines.splice(at, 0, ...block, ...at < lines.length && lines[at].trim() !== "" ? [""] : []);
  } else {
    while (lines.length > 0 && lines.at(-1).trim() === "") lines.pop();
    if (lines.length > 0) lines.push("");
    lines.push(...block);
  }
  return joinLines(lines);
}
function removeBlock(text, name) {
  const lines = splitLines(text);
  const span = findBlock(lines, name);
  if (!span) return null;
  let { start, end } = span;
  if (lines[end]?.trim() === "" && (start === 0 || lines[start - 1].startsWith("#!"))) end++;
  else if (start > 0 && lines[start - 1].trim() === "") start--;
  lines.splice(start, end - start);
  return joinLines(lines);
}
function isEmptyScript(text) {
  return splitLines(text).every((l, i) => l.trim() === "" || i === 0 && l.startsWith("#!"));
}
function splitLines(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}
function joinLines(lines) {
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}
var beginMarker, endMarker;
var init_block = __esm({
  "src/install/block.ts"() {
    "use strict";
    init_import_meta_url();
    beginMarker = (name) => `# >>> tvly-guard ${name} >>>`;
    endMarker = (name) => `# <<< tvly-guard ${name} <<<`;
  }
});

// src/install/husky.ts
function listsHusky(toplevel) {
  try {
    const pkg = JSON.parse((0, import_node_fs3.readFileSync)((0, import_node_path4.join)(toplevel, "package.json"), "utf8"));
    return Boolean(pkg.devDependencies?.husky ?? pkg.dependencies?.husky) || /\bhusky\b/.test(pkg.scripts?.prepare ?? "");
  } catch {
    return false;
  }
}
function detectHusky(layout) {
  const dir = (0, import_node_path4.join)(layout.toplevel, ".husky");
  if (!(0, import_node_fs3.existsSync)(dir) || !(0, import_node_fs3.statSync)(dir).isDirectory()) return null;
  const hooksPath = layout.hooksPath === void 0 ? void 0 : (0, import_node_path4.relative)(dir, (0, import_node_path4.resolve)(layout.toplevel, layout.hooksPath)).replace(/\\/g, "/");
  const viaConfig = hooksPath === "_" || hooksPath === "";
  if (!viaConfig && !listsHusky(layout.toplevel)) return null;
  return { dir, legacy: hooksPath === "", inactive: !viaConfig };
}
var import_node_fs3, import_node_path4;
var init_husky = __esm({
  "src/install/husky.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs3 = require("node:fs");
    import_node_path4 = require("node:path");
  }
});

// src/install/hooks.ts
function currentInstallation(toplevel) {
  const cli = SELF_FILE;
  const local = (0, import_node_path5.join)((0, import_node_fs4.realpathSync)(toplevel), "node_modules") + import_node_path5.sep;
  return (0, import_node_fs4.realpathSync)(cli).startsWith(local) ? null : { cli, node: process.execPath };
}
function renderHookBlock(hook, installation) {
  const template = (0, import_node_fs4.readFileSync)((0, import_node_path5.join)(HOOK_TEMPLATES_DIR, hook), "utf8");
  return extractBlock(template, hook).flatMap((line) => {
    if (line.trim() !== "# @installation@") return [line];
    if (!installation) return [];
    const [cli, node] = [quote(installation.cli), quote(installation.node)];
    return [
      `  elif [ -f ${cli} ] && [ -x ${node} ]; then`,
      `    ${node} ${cli} "$@"`,
      `  elif [ -f ${cli} ] && command -v node >/dev/null 2>&1; then`,
      `    node ${cli} "$@"`
    ];
  });
}
function isExecutable(file) {
  try {
    (0, import_node_fs4.accessSync)(file, import_node_fs4.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function whyNotEditable(text, mustBeExecutable, file) {
  if (text.includes("\0")) return "is a binary file";
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  if (shebang) {
    const program = (shebang[1].endsWith("/env") ? shebang[2] ?? "" : shebang[1]).split("/").pop();
    if (!/^(sh|bash|dash|zsh|ksh|ash|busybox)$/.test(program)) return `is a ${program} script, not a shell script`;
  }
  if (mustBeExecutable && !isExecutable(file)) return "is not executable, so git does not run it";
  return null;
}
function targetsFor(layout, husky, hooks) {
  return hooks.map((hook) => ({
    hook,
    file: (0, import_node_path5.join)(husky ? husky.dir : layout.hooksDir, hook),
    // pre-push reads git's ref lines on stdin, so it goes first; so does a plain hook's block, so a
    // failing command above it (without `set -e`) cannot be masked by our block's success.
    // husky runs its files with `sh -e`, so in a husky pre-commit or commit-msg the end is as safe.
    placement: husky && hook !== "pre-push" ? "append" : "top",
    shebang: husky && !husky.legacy ? null : "#!/bin/sh",
    needsExec: !husky
  }));
}
async function installHooks(ctx, hooks, options) {
  const layout = await readHookLayout(ctx);
  const husky = detectHusky(layout);
  const installation = currentInstallation(layout.toplevel);
  const targets = targetsFor(layout, husky, hooks);
  const plans = targets.map((t) => planInstall(t, renderHookBlock(t.hook, installation), options.force));
  const changes = plans.map((apply) => apply());
  const runs = installation ? `node_modules/.bin/tvly-guard if present, else ${installation.node} ${installation.cli}, else tvly-guard on PATH` : "node_modules/.bin/tvly-guard (this project's own copy), else tvly-guard on PATH";
  return { layout, husky, changes, runs };
}
function planInstall(t, block, force) {
  const done = (action) => ({ hook: t.hook, file: t.file, action });
  if (!(0, import_node_fs4.existsSync)(t.file)) {
    return () => {
      (0, import_node_fs4.mkdirSync)((0, import_node_path5.dirname)(t.file), { recursive: true });
      (0, import_node_fs4.writeFileSync)(t.file, `${[...t.shebang ? [t.shebang] : [], ...block].join("\n")}
`);
      (0, import_node_fs4.chmodSync)(t.file, 493);
      return done("created");
    };
  }
  const text = (0, import_node_fs4.readFileSync)(t.file, "utf8");
  const has = findOwnBlock(text, t);
  if (has) {
    const next = placeBlock(text, t.hook, block, t.placement);
    return () => {
      if (next === text) return done("unchanged");
      (0, import_node_fs4.writeFileSync)(t.file, next);
      return done("updated");
    };
  }
  const why = whyNotEditable(text, t.needsExec, t.file);
  if (!why) {
    return () => {
      (0, import_node_fs4.writeFileSync)(t.file, placeBlock(text, t.hook, block, t.placement));
      return done("added");
    };
  }
  const backup = t.file + BACKUP_SUFFIX;
  if (!force) {
    throw new UsageError(
      `${t.file} ${why}, so tvly-guard will not edit it: add \`tvly-guard ${OWN_COMMAND[t.hook]}\` to it yourself, or run tvly-guard install --force to move it to ${t.hook}${BACKUP_SUFFIX} and have the tvly-guard hook run it after the check`
    );
  }
  if ((0, import_node_fs4.existsSync)(backup))
    throw new UsageError(`${backup} already exists: move it away first, then run tvly-guard install --force again`);
  const chain = isExecutable(t.file) ? chainBlock(t.hook) : [];
  return () => {
    (0, import_node_fs4.renameSync)(t.file, backup);
    (0, import_node_fs4.writeFileSync)(t.file, `${[t.shebang ?? "#!/bin/sh", ...block, ...chain].join("\n")}
`);
    (0, import_node_fs4.chmodSync)(t.file, 493);
    return done("replaced");
  };
}
function chainBlock(hook) {
  const name = chainName(hook);
  return [
    `# >>> tvly-guard ${name} >>>`,
    `# The ${hook} hook that was here before \`tvly-guard install --force\`; \`tvly-guard uninstall\` puts it back.`,
    `exec "$(dirname "$0")/${hook}${BACKUP_SUFFIX}" "$@"`,
    `# <<< tvly-guard ${name} <<<`
  ];
}
function findOwnBlock(text, t) {
  try {
    return findBlock(text.split("\n"), t.hook) !== null;
  } catch (err) {
    throw new UsageError(
      `${t.file}: ${err.message}; fix the file by hand (or delete the tvly-guard lines) and run tvly-guard install again`
    );
  }
}
async function uninstallHooks(ctx) {
  const layout = await readHookLayout(ctx);
  const dirs = [.../* @__PURE__ */ new Set([(0, import_node_path5.join)(layout.toplevel, ".husky"), layout.hooksDir])];
  const looked = [];
  const changes = [];
  for (const dir of dirs) {
    for (const hook of HOOK_NAMES) {
      const file = (0, import_node_path5.join)(dir, hook);
      if (!(0, import_node_fs4.existsSync)(file)) continue;
      looked.push(file);
      const text = (0, import_node_fs4.readFileSync)(file, "utf8");
      let next = text;
      for (const name of [hook, chainName(hook)]) {
        try {
          next = removeBlock(next, name) ?? next;
        } catch (err) {
          throw new UsageError(`${file}: ${err.message}; remove the tvly-guard lines by hand`);
        }
      }
      if (next === text) continue;
      const backup = file + BACKUP_SUFFIX;
      if (isEmptyScript(next)) {
        (0, import_node_fs4.rmSync)(file);
        if ((0, import_node_fs4.existsSync)(backup)) {
          (0, import_node_fs4.renameSync)(backup, file);
          changes.push({ hook, file, action: "restored" });
        } else changes.push({ hook, file, action: "deleted" });
      } else {
        (0, import_node_fs4.writeFileSync)(file, next);
        changes.push({ hook, file, action: "removed" });
      }
    }
  }
  return { layout, looked, changes };
}
function displayPath(layout, file) {
  const rel = (0, import_node_path5.relative)(layout.toplevel, file);
  return rel.startsWith("..") ? file : rel.split(import_node_path5.sep).join("/");
}
var import_node_fs4, import_node_path5, HOOK_NAMES, HOOK_TEMPLATES_DIR, BACKUP_SUFFIX, OWN_COMMAND, chainName, quote;
var init_hooks2 = __esm({
  "src/install/hooks.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs4 = require("node:fs");
    import_node_path5 = require("node:path");
    init_errors();
    init_hooks();
    init_paths();
    init_block();
    init_husky();
    HOOK_NAMES = ["pre-commit", "commit-msg", "pre-push"];
    HOOK_TEMPLATES_DIR = packagePath("hooks");
    BACKUP_SUFFIX = ".before-tvly-guard";
    OWN_COMMAND = {
      "pre-commit": "staged",
      "commit-msg": 'message "$1"',
      "pre-push": 'diff --stdin-refs --remote "$1"'
    };
    chainName = (hook) => `${hook} chain`;
    quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
  }
});

// src/commands/install.ts
var install_exports = {};
__export(install_exports, {
  command: () => command
});
var SAID, command;
var init_install = __esm({
  "src/commands/install.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_hooks2();
    init_args();
    SAID = {
      created: "created",
      added: "added the tvly-guard block to the existing hook",
      updated: "updated the tvly-guard block in",
      unchanged: "already installed in",
      replaced: "moved the existing hook aside (it now runs after the check) and installed",
      removed: "removed from",
      deleted: "deleted",
      restored: "restored"
    };
    command = {
      name: "install",
      summary: "Install the git hooks: pre-commit runs `tvly-guard staged`, commit-msg runs `tvly-guard message`; with --pre-push, pre-push scans the commits being pushed. Uses husky (.husky/) when the repository does, else the hooks directory git uses (core.hooksPath, worktrees). Safe to run again.",
      usage: "tvly-guard install [--pre-push] [--force]",
      allowPositionals: false,
      exitCodes: "Exit codes: 0 done (or nothing to change), 2 usage or runtime error (not a repository, a foreign hook without --force).",
      options: [
        {
          name: "pre-push",
          type: "boolean",
          description: "also install the pre-push hook (scans the commits not yet on the remote)"
        },
        {
          name: "force",
          type: "boolean",
          description: "move aside an existing hook tvly-guard cannot edit (not a shell script, or disabled); an enabled one still runs, after the check"
        }
      ],
      details: [
        "An existing hook is kept: the tvly-guard block is added to it between marker lines, and",
        "`tvly-guard uninstall` removes exactly that block. The hook never downloads anything: it runs",
        "node_modules/.bin/tvly-guard, else this installation, else tvly-guard on PATH, and refuses the",
        "commit with a how-to-fix message if none of them is there.",
        "",
        "Examples:",
        "  npx tvly-guard install",
        "  npx tvly-guard install --pre-push"
      ].join("\n"),
      async run(args, io) {
        const hooks = [
          "pre-commit",
          "commit-msg",
          ...booleanOption(args, "pre-push") ? ["pre-push"] : []
        ];
        const result = await installHooks({ cwd: io.cwd, env: io.env }, hooks, { force: booleanOption(args, "force") });
        const { layout, husky } = result;
        for (const c of result.changes)
          io.stdout(`tvly-guard: ${c.hook}: ${SAID[c.action]} ${displayPath(layout, c.file)}
`);
        io.stdout(`tvly-guard: the hook runs ${result.runs}.
`);
        if (husky?.inactive)
          io.stdout(
            "tvly-guard: note: husky has not set core.hooksPath in this clone yet, so the hooks do not fire until it does: run npm install (its prepare script runs husky) or npx husky.\n"
          );
        const git = hooks.includes("pre-push") ? "git commit or git push" : "git commit";
        io.stdout(
          `tvly-guard: done. A ${git} that adds a Tavily API key (in a file or a commit message) is now refused; tvly-guard uninstall removes the hooks.
`
        );
        return ExitCode.clean;
      }
    };
  }
});

// src/commands/uninstall.ts
var uninstall_exports = {};
__export(uninstall_exports, {
  command: () => command2
});
var SAID2, command2;
var init_uninstall = __esm({
  "src/commands/uninstall.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_hooks2();
    SAID2 = {
      removed: "removed the tvly-guard block from",
      deleted: "deleted (only tvly-guard was in it)",
      restored: "restored the hook that install --force had moved aside:"
    };
    command2 = {
      name: "uninstall",
      summary: "Remove the tvly-guard blocks from the pre-commit and pre-push hooks (husky's and git's), leaving every other line as it was.",
      usage: "tvly-guard uninstall",
      allowPositionals: false,
      exitCodes: "Exit codes: 0 done (or nothing to change), 2 usage or runtime error (not a repository, a foreign hook).",
      options: [],
      async run(_args, io) {
        const { layout, looked, changes } = await uninstallHooks({ cwd: io.cwd, env: io.env });
        for (const c of changes)
          io.stdout(`tvly-guard: ${c.hook}: ${SAID2[c.action]} ${displayPath(layout, c.file)}
`);
        if (changes.length === 0) {
          const where = looked.length ? looked.map((f) => displayPath(layout, f)).join(", ") : `${displayPath(layout, layout.hooksDir)} (no hooks there)`;
          io.stdout(`tvly-guard: no tvly-guard hook found in ${where}; nothing to do.
`);
        }
        return ExitCode.clean;
      }
    };
  }
});

// src/git/message-config.ts
async function readMessageConfig(ctx) {
  const { stdout } = await runGitForCode(
    ctx,
    ["config", "-z", "--get-regexp", "^(core\\.commentchar|commit\\.cleanup)$"],
    [1, 128]
  );
  const config = {};
  for (const entry of stdout.toString("utf8").split("\0")) {
    const nl = entry.indexOf("\n");
    const [key, value] = [entry.slice(0, nl), entry.slice(nl + 1)];
    if (key === "core.commentchar") config.commentChar = value;
    if (key === "commit.cleanup") config.cleanup = value;
  }
  return config;
}
var init_message_config = __esm({
  "src/git/message-config.ts"() {
    "use strict";
    init_import_meta_url();
    init_exec();
  }
});

// src/engine/entropy.ts
function shannonEntropy(text) {
  if (text.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function sequentialRatio(text, sequences = DEFAULT_SEQUENCES) {
  const lower = text.toLowerCase();
  const place = /* @__PURE__ */ new Map();
  sequences.forEach(
    (seq, s) => [...seq.toLowerCase()].forEach((ch, i) => place.set(ch, [...place.get(ch) ?? [], s * 1e3 + i]))
  );
  const adjacent = (a, b) => (place.get(a) ?? []).some((p) => (place.get(b) ?? []).some((q) => q - p === 1 || q - p === -1));
  let best = 0;
  for (const stride of [1, 2]) {
    if (lower.length <= stride) continue;
    let steps = 0;
    for (let i = stride; i < lower.length; i++) if (adjacent(lower[i - stride], lower[i])) steps++;
    best = Math.max(best, steps / (lower.length - stride));
  }
  return best;
}
function repeatRatio(text) {
  if (text.length < 2) return 0;
  let same = 0;
  for (let i = 1; i < text.length; i++) if (text[i] === text[i - 1]) same++;
  return same / (text.length - 1);
}
var DEFAULT_SEQUENCES;
var init_entropy = __esm({
  "src/engine/entropy.ts"() {
    "use strict";
    init_import_meta_url();
    DEFAULT_SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "0123456789"];
  }
});

// src/engine/allow.ts
function placeholderReason(rule, body) {
  for (const p of rule.allowPatterns) if (p.regex.test(body)) return p.reason;
  const lower = body.toLowerCase();
  const words = rule.allowWords.filter((w) => lower.includes(w));
  const letters = words.reduce((n, w) => n + w.length, 0);
  if (words.length > 0 && letters >= (rule.allow?.minWordChars ?? 1))
    return `contains the placeholder word${words.length > 1 ? "s" : ""} "${words.join('", "')}"`;
  const maxSeq = rule.allow?.maxSequentialRatio;
  if (maxSeq !== void 0 && sequentialRatio(body, rule.allow?.sequences) > maxSeq)
    return rule.allow?.reasonSequential ?? "sequential characters";
  const maxRepeat = rule.allow?.maxRepeatRatio;
  if (maxRepeat !== void 0 && repeatRatio(body) > maxRepeat)
    return rule.allow?.reasonRepeat ?? "runs of one character";
  if (rule.minEntropy !== void 0 && shannonEntropy(body) < rule.minEntropy)
    return "too little randomness to be a real key";
  return void 0;
}
function hasInlineAllow(line) {
  return INLINE_ALLOW_MARKERS.some((m) => line.indexOf(m) !== -1);
}
function allowlistedByConfig(rule, data, offset, secret) {
  if (rule.allowKeyRegexes?.some((r) => r.test(secret))) return true;
  if (!rule.allowLineRegexes?.length) return false;
  const from = Math.max(0, offset - LINE_WINDOW);
  const to = Math.min(data.length, offset + secret.length + LINE_WINDOW);
  const lastNewline = data.subarray(from, offset).lastIndexOf(10);
  const nextNewline = data.subarray(offset, to).indexOf(10);
  const line = data.toString(
    "utf8",
    lastNewline === -1 ? from : from + lastNewline + 1,
    nextNewline === -1 ? to : offset + nextNewline
  ).replace(/\r$/, "");
  return rule.allowLineRegexes.some((r) => r.test(line));
}
var INLINE_ALLOW_MARKERS, LINE_WINDOW;
var init_allow = __esm({
  "src/engine/allow.ts"() {
    "use strict";
    init_import_meta_url();
    init_entropy();
    INLINE_ALLOW_MARKERS = ["tvly-guard:allow", "gitleaks:allow"].map((m) => Buffer.from(m));
    LINE_WINDOW = 256;
  }
});

// src/engine/binary.ts
function looksBinary(data) {
  return data.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) !== -1;
}
function utf16Bom(data) {
  if (data.length < 2) return void 0;
  if (data[0] === 255 && data[1] === 254) return "utf16le";
  if (data[0] === 254 && data[1] === 255) return "utf16be";
  return void 0;
}
var BINARY_SNIFF_BYTES;
var init_binary = __esm({
  "src/engine/binary.ts"() {
    "use strict";
    init_import_meta_url();
    BINARY_SNIFF_BYTES = 8e3;
  }
});

// src/engine/decode/needle.ts
function sampleBytes(data) {
  const counts = new Uint32Array(256);
  const part = SAMPLE_BYTES / 4;
  const starts = data.length <= SAMPLE_BYTES ? [0] : [0, data.length >> 2, data.length >> 1, data.length - part];
  for (const start of starts) {
    const end = data.length <= SAMPLE_BYTES ? data.length : start + part;
    for (let i = start; i < end; i++) counts[data[i]]++;
  }
  return counts;
}
function toNeedle(text, minAnchor = 3, leads) {
  const needle = {
    text: typeof text === "string" ? Buffer.from(text, "latin1") : text,
    minAnchor: Math.min(minAnchor, text.length)
  };
  if (leads) needle.leads = leads.map((l) => Buffer.from(l, "latin1"));
  return needle;
}
function distinctNeedles(texts) {
  const sorted = [...new Set(texts)].sort((a, b) => a.length - b.length);
  return sorted.filter((t, i) => !sorted.slice(0, i).some((shorter) => t.startsWith(shorter)));
}
function findNeedle(data, needle, counts) {
  const { text, minAnchor } = needle;
  let split = 0;
  for (let i = 1; i <= text.length - minAnchor; i++) if (counts[text[i]] < counts[text[split]]) split = i;
  const anchor = text.subarray(split);
  const lead = text.subarray(0, split);
  const out = [];
  for (let at = data.indexOf(anchor, split); at !== -1; at = data.indexOf(anchor, at + 1)) {
    const start = at - split;
    if (split > 0 && data.compare(lead, 0, split, start, at) !== 0) continue;
    if (!needle.leads) {
      out.push(start);
      continue;
    }
    const before = needle.leads.find(
      (l) => start >= l.length && data.compare(l, 0, l.length, start - l.length, start) === 0
    );
    if (before) out.push(start - before.length);
  }
  return out;
}
function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
function isWordByte(byte) {
  if (byte === void 0) return false;
  return byte >= 48 && byte <= 57 || byte >= 65 && byte <= 90 || byte >= 97 && byte <= 122 || byte === 95;
}
var SAMPLE_BYTES;
var init_needle = __esm({
  "src/engine/decode/needle.ts"() {
    "use strict";
    init_import_meta_url();
    SAMPLE_BYTES = 4096;
  }
});

// src/engine/decode/span.ts
function decodeWindows(starts, rule, decodeAt2, grid = () => 0) {
  const half = windowBytes(rule);
  const reach = /* @__PURE__ */ new Map();
  const spans = [];
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    const g = grid(start);
    if (start < (reach.get(g) ?? -1)) continue;
    const span = decodeAt2(start);
    if (!span || span.data.length === 0) continue;
    spans.push(span);
    reach.set(g, span.data.length > half ? span.origin(half) : span.origin(span.data.length - 1) + 1);
  }
  return spans;
}
function hexValue(byte) {
  if (byte === void 0) return -1;
  if (byte >= 48 && byte <= 57) return byte - 48;
  if (byte >= 65 && byte <= 70) return byte - 55;
  if (byte >= 97 && byte <= 102) return byte - 87;
  return -1;
}
function perRule(build) {
  const cache = /* @__PURE__ */ new WeakMap();
  return (rule) => {
    let value = cache.get(rule);
    if (value === void 0) cache.set(rule, value = build(rule));
    return value;
  };
}
var windowBytes, SpanBuilder, hex2;
var init_span = __esm({
  "src/engine/decode/span.ts"() {
    "use strict";
    init_import_meta_url();
    windowBytes = (rule) => rule.maxMatchLength;
    SpanBuilder = class {
      bytes = [];
      origins = [];
      get length() {
        return this.bytes.length;
      }
      push(byte, origin) {
        this.bytes.push(byte > 127 ? 63 : byte);
        this.origins.push(origin);
      }
      /**
       * Copy `data` from `start`, each escape that `escapeAt` recognises becoming
       * the byte it stands for, until the window holds `max` bytes.
       * `escapeAt` gives [byte, length of the escape], or undefined for a plain byte.
       */
      pushUnescaped(data, start, max, escapeAt3) {
        for (let i = start; i < data.length && this.length < max; ) {
          const esc = escapeAt3(data, i);
          if (esc) {
            this.push(esc[0], i);
            i += esc[1];
          } else {
            this.push(data[i], i);
            i++;
          }
        }
      }
      build(encoding) {
        const origins = this.origins;
        return {
          encoding,
          data: Buffer.from(this.bytes),
          origin: (offset) => origins[Math.min(offset, origins.length - 1)] ?? 0
        };
      }
    };
    hex2 = (byte, upper) => {
      const h = byte.toString(16).padStart(2, "0");
      return upper ? h.toUpperCase() : h;
    };
  }
});

// src/engine/decode/base64.ts
function base64Forms(keyword) {
  const forms = [];
  for (let a = 0; a < 3; a++) {
    const encoded = Buffer.concat([Buffer.alloc(a), keyword]).toString("base64");
    const first = Math.ceil(8 * a / 6);
    const last = Math.floor(8 * (a + keyword.length) / 6) - 1;
    if (last - first + 1 < 4) continue;
    const text = encoded.slice(first, last + 1);
    forms.push({ text, lead: first });
    const url = text.replace(/\+/g, "-").replace(/\//g, "_");
    if (url !== text) forms.push({ text: url, lead: first });
  }
  return forms;
}
function wrappedLineStart(data, i) {
  let j = data[i] === 13 ? i + 1 : i;
  if (data[j] !== 10) return -1;
  let run2 = 0;
  for (let k = i - 1; k >= 0 && isB64(data[k]); k--) run2++;
  if (run2 < MIN_WRAP || run2 % 4 !== 0) return -1;
  j++;
  while (data[j] === 32 || data[j] === 9) j++;
  return isB64(data[j]) ? j : -1;
}
function decodeAt(data, groupStart, rule) {
  for (let i = groupStart; i < groupStart + 4; i++) if (!isB64(data[i])) return void 0;
  let start = groupStart;
  while (start - 4 >= 0 && groupStart - start < 8 && [1, 2, 3, 4].every((k) => isB64(data[start - k]))) start -= 4;
  const wanted = groupStart - start + Math.ceil(2 * windowBytes(rule) / 3) * 4;
  const chars = Buffer.allocUnsafe(wanted);
  const origins = new Int32Array(wanted);
  let n = 0;
  for (let i = start; i < data.length && n < wanted; i++) {
    if (!isB64(data[i])) {
      const next = wrappedLineStart(data, i);
      if (next === -1) break;
      i = next - 1;
      continue;
    }
    chars[n] = data[i];
    origins[n++] = i;
  }
  const decoded = Buffer.from(chars.toString("latin1", 0, n), "base64");
  const encoding = alphabetOf(data, groupStart);
  return { encoding, data: decoded, origin: (offset) => origins[Math.min(Math.floor(offset / 3) * 4, n - 1)] ?? start };
}
function alphabetOf(data, at) {
  let url = false;
  for (const step of [-1, 1]) {
    for (let i = at, n = 0; i >= 0 && i < data.length && n < ALPHABET_SCAN && isB64(data[i]); i += step, n++) {
      if (STANDARD_ONLY.has(data[i])) return "base64";
      if (URL_ONLY.has(data[i])) url = true;
    }
  }
  return url ? "base64url" : "base64";
}
var formsFor, B64, isB64, MIN_WRAP, URL_ONLY, STANDARD_ONLY, ALPHABET_SCAN, base64Decoder;
var init_base64 = __esm({
  "src/engine/decode/base64.ts"() {
    "use strict";
    init_import_meta_url();
    init_needle();
    init_span();
    formsFor = perRule(
      (rule) => rule.keywordBytes.flatMap((k) => base64Forms(k).map((f) => ({ needle: toNeedle(f.text, 4), lead: f.lead })))
    );
    B64 = new Uint8Array(256);
    for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_") B64[c.charCodeAt(0)] = 1;
    isB64 = (byte) => byte !== void 0 && B64[byte] === 1;
    MIN_WRAP = 60;
    URL_ONLY = /* @__PURE__ */ new Set([45, 95]);
    STANDARD_ONLY = /* @__PURE__ */ new Set([43, 47]);
    ALPHABET_SCAN = 512;
    base64Decoder = {
      encoding: "base64",
      inBinary: false,
      decode({ data, rule, counts }) {
        const groupStarts = [];
        for (const form of formsFor(rule))
          for (const at of findNeedle(data, form.needle, counts)) if (at >= form.lead) groupStarts.push(at - form.lead);
        return decodeWindows(
          groupStarts,
          rule,
          (g) => decodeAt(data, g, rule),
          (g) => g % 4
        );
      }
    };
  }
});

// src/engine/decode/json-escape.ts
function escapeForms(keyword) {
  const bytes = [...Buffer.from(keyword)];
  const forms = [];
  for (const upper of [false, true])
    forms.push({ text: hex2(bytes[0], upper) + keyword.slice(1), leads: FIRST_CHAR_LEADS });
  const head = bytes.findIndex((b) => !isWordByte(b));
  if (head > 0) forms.push({ text: `${keyword.slice(0, head)}\\` });
  return forms.filter((f, i) => forms.findIndex((g) => g.text === f.text) === i);
}
function isEscape(data, i) {
  let run2 = 0;
  for (let j = i; j >= 0 && data[j] === BACKSLASH; j--) run2++;
  return run2 % 2 === 1;
}
function escapeAt(data, i) {
  if (data[i] !== BACKSLASH || i + 1 >= data.length) return void 0;
  const c = String.fromCharCode(data[i + 1]);
  if (c === "u") {
    const v = hexRun(data, i + 2, 4);
    return v >= 0 ? [v, 6] : void 0;
  }
  if (c === "x") {
    const v = hexRun(data, i + 2, 2);
    return v >= 0 ? [v, 4] : void 0;
  }
  return [SIMPLE[c] ?? data[i + 1], 2];
}
function pushPrevious(data, start, out) {
  for (const len of [6, 4, 2]) {
    const i = start - len;
    if (i < 0 || data[i] !== BACKSLASH || !isEscape(data, i)) continue;
    const esc = escapeAt(data, i);
    if (esc && esc[1] === len) {
      out.push(esc[0], i);
      return;
    }
  }
  if (start > 0) out.push(data[start - 1], start - 1);
}
function decodeFrom(data, start, rule) {
  const out = new SpanBuilder();
  pushPrevious(data, start, out);
  out.pushUnescaped(data, start, 2 * windowBytes(rule), escapeAt);
  return out.build("json-escape");
}
var BACKSLASH, SIMPLE, FIRST_CHAR_LEADS, needlesFor, hexRun, jsonEscapeDecoder;
var init_json_escape = __esm({
  "src/engine/decode/json-escape.ts"() {
    "use strict";
    init_import_meta_url();
    init_needle();
    init_span();
    BACKSLASH = 92;
    SIMPLE = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, "0": 0 };
    FIRST_CHAR_LEADS = ["\\u00", "\\x"];
    needlesFor = perRule(
      (rule) => rule.keywords.flatMap(escapeForms).map((f) => toNeedle(f.text, 3, f.leads))
    );
    hexRun = (data, from, n) => {
      let value = 0;
      for (let i = from; i < from + n; i++) {
        const h = hexValue(data[i]);
        if (h < 0) return -1;
        value = value * 16 + h;
      }
      return value;
    };
    jsonEscapeDecoder = {
      encoding: "json-escape",
      inBinary: false,
      decode({ data, rule, plainHits, counts }) {
        const starts = /* @__PURE__ */ new Set();
        for (const needle of needlesFor(rule)) for (const at of findNeedle(data, needle, counts)) starts.add(at);
        for (const at of plainHits) {
          if (!isWordByte(data[at - 1])) continue;
          for (const len of [2, 4, 6]) if (at >= len && data[at - len] === BACKSLASH) starts.add(at);
        }
        return decodeWindows(starts, rule, (at) => decodeFrom(data, at, rule));
      }
    };
  }
});

// src/engine/decode/percent.ts
function percentForms(keyword) {
  const encode = (upper, all) => [...Buffer.from(keyword)].map((b) => all || !isWordByte(b) ? `%${hex2(b, upper)}` : String.fromCharCode(b)).join("");
  const forms = [commonPrefix(encode(true, true), encode(false, true))];
  const punct = commonPrefix(encode(true, false), encode(false, false));
  if (punct !== keyword) forms.push(punct);
  return distinctNeedles(forms).filter((f) => f.length >= 4);
}
function decodeFrom2(data, start, rule) {
  const out = new SpanBuilder();
  const before = start >= 3 ? escapeAt2(data, start - 3) : -1;
  if (before >= 0) out.push(before, start - 3);
  else if (start > 0) out.push(data[start - 1], start - 1);
  out.pushUnescaped(data, start, 2 * windowBytes(rule), (bytes, at) => {
    const value = escapeAt2(bytes, at);
    return value >= 0 ? [value, 3] : void 0;
  });
  return out.build("percent");
}
var PERCENT, needlesFor2, escapeAt2, percentDecoder;
var init_percent = __esm({
  "src/engine/decode/percent.ts"() {
    "use strict";
    init_import_meta_url();
    init_needle();
    init_span();
    PERCENT = 37;
    needlesFor2 = perRule(
      (rule) => distinctNeedles(rule.keywords.flatMap(percentForms)).map((f) => toNeedle(f, 2))
    );
    escapeAt2 = (data, i) => data[i] === PERCENT && hexValue(data[i + 1]) >= 0 && hexValue(data[i + 2]) >= 0 ? hexValue(data[i + 1]) * 16 + hexValue(data[i + 2]) : -1;
    percentDecoder = {
      encoding: "percent",
      inBinary: false,
      decode({ data, rule, plainHits, counts }) {
        const starts = /* @__PURE__ */ new Set();
        for (const needle of needlesFor2(rule)) for (const at of findNeedle(data, needle, counts)) starts.add(at);
        for (const at of plainHits) if (at >= 3 && isWordByte(data[at - 1]) && escapeAt2(data, at - 3) >= 0) starts.add(at);
        return decodeWindows(starts, rule, (at) => decodeFrom2(data, at, rule));
      }
    };
  }
});

// src/engine/decode/utf16.ts
function interleave(keyword) {
  const out = Buffer.alloc(keyword.length * 2 - 1);
  keyword.forEach((b, i) => out[i * 2] = b);
  return out;
}
function decodeFrom3(data, unitStart, encoding, rule) {
  const out = new SpanBuilder();
  const le = encoding === "utf16le";
  const max = 2 * windowBytes(rule);
  for (let i = Math.max(unitStart - 2, unitStart % 2); i + 1 < data.length && out.length < max; i += 2) {
    const unit = le ? data[i] | data[i + 1] << 8 : data[i] << 8 | data[i + 1];
    out.push(unit > 127 ? 63 : unit, i);
  }
  return out.build(encoding);
}
var needlesFor3, utf16Decoder;
var init_utf16 = __esm({
  "src/engine/decode/utf16.ts"() {
    "use strict";
    init_import_meta_url();
    init_binary();
    init_needle();
    init_span();
    needlesFor3 = perRule((rule) => rule.keywordBytes.map((k) => toNeedle(interleave(k), 5)));
    utf16Decoder = {
      encoding: "utf16",
      inBinary: true,
      decode({ data, rule, binary, counts }) {
        if (!binary) return [];
        const bom = utf16Bom(data);
        const hits = needlesFor3(rule).flatMap((needle) => findNeedle(data, needle, counts));
        return decodeWindows(
          hits,
          rule,
          (at) => {
            const encoding = bom ?? (at % 2 === 0 ? "utf16le" : "utf16be");
            const unitStart = encoding === "utf16le" ? at : at - 1;
            return unitStart >= 0 ? decodeFrom3(data, unitStart, encoding, rule) : void 0;
          },
          (at) => at % 2
        );
      }
    };
  }
});

// src/engine/decode/index.ts
var DECODERS;
var init_decode = __esm({
  "src/engine/decode/index.ts"() {
    "use strict";
    init_import_meta_url();
    init_base64();
    init_json_escape();
    init_percent();
    init_utf16();
    DECODERS = [jsonEscapeDecoder, percentDecoder, base64Decoder, utf16Decoder];
  }
});

// src/engine/detect.ts
function detectSecrets(chunk, rules, options = {}) {
  const data = chunk.data;
  const binary = chunk.binary ?? looksBinary(data);
  const raw = [];
  let counts;
  for (const rule of rules) {
    const hits = [];
    const plain = matchPlain(data, rule, hits);
    raw.push(...plain);
    if (options.decode !== false)
      raw.push(...matchDecoded({ data, rule, plainHits: hits, binary, counts: counts ??= sampleBytes(data) }, plain));
  }
  if (raw.length === 0) return [];
  raw.sort((a, b) => a.offset - b.offset);
  const bom = binary ? utf16Bom(data) : void 0;
  const position = bom ? utf16Position(data, chunk.startLine, bom) : positionTracker(data, chunk.startLine);
  const located = binary && !bom;
  const matches = [];
  for (const m of raw) {
    if (allowlistedByConfig(m.rule, data, m.offset, m.secret)) continue;
    const pos = position(m.offset);
    if (pos.allowed) continue;
    if (located) matches.push({ ...m, line: 1, column: m.offset + 1, binary: true });
    else matches.push({ ...m, line: pos.line, column: pos.column });
  }
  return matches;
}
function matchPlain(data, rule, hits) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const keyword of rule.keywordBytes) {
    for (let at = data.indexOf(keyword); at !== -1; at = data.indexOf(keyword, at + keyword.length)) {
      hits?.push(at);
      collectAround(data, at, rule, seen, out);
    }
  }
  return out;
}
function matchDecoded(input, plain) {
  const taken = new Set(plain.map((m) => m.offset));
  const out = [];
  for (const decoder of DECODERS) {
    if (input.binary && !decoder.inBinary) continue;
    for (const span of decoder.decode(input)) {
      for (const m of matchPlain(span.data, input.rule)) {
        const offset = span.origin(m.offset);
        if (taken.has(offset)) continue;
        taken.add(offset);
        out.push({ ...m, offset, encoding: span.encoding });
      }
    }
  }
  return out;
}
function collectAround(data, at, rule, seen, out) {
  const start = Math.max(0, at - rule.maxMatchLength);
  const end = Math.min(data.length, at + rule.maxMatchLength);
  const window2 = data.toString("latin1", start, end);
  const regex = rule.regex;
  regex.lastIndex = 0;
  for (let m = regex.exec(window2); m !== null; m = regex.exec(window2)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const groups = m.groups ?? {};
    const secret = groups.secret ?? m[0];
    const offset = start + m.index + m[0].indexOf(secret);
    if (offset > at || offset + secret.length <= at || seen.has(offset)) continue;
    seen.add(offset);
    const prefix = groups.prefix ?? "";
    const body = groups.body ?? secret.slice(prefix.length);
    if (placeholderReason(rule, body) !== void 0) continue;
    out.push({ rule, secret, prefix, offset });
  }
}
function positionTracker(data, startLine) {
  let line = startLine;
  let lineStart = 0;
  let cursor = 0;
  let column = 1;
  let allowedLineStart = -1;
  let allowed = false;
  return (offset) => {
    const head = data.subarray(0, offset);
    for (let nl = head.indexOf(NEWLINE, cursor); nl !== -1; nl = head.indexOf(NEWLINE, nl + 1)) {
      line++;
      lineStart = nl + 1;
      cursor = lineStart;
      column = 1;
    }
    for (; cursor < offset; cursor++) {
      const byte = data[cursor];
      if ((byte & 192) !== 128) column++;
    }
    if (allowedLineStart !== lineStart) {
      allowedLineStart = lineStart;
      const lineEnd = data.indexOf(NEWLINE, offset);
      allowed = hasInlineAllow(data.subarray(lineStart, lineEnd === -1 ? data.length : lineEnd));
    }
    return { line, column, allowed };
  };
}
function utf16Position(data, startLine, encoding) {
  const le = encoding === "utf16le";
  return (offset) => {
    let line = startLine;
    let lineStart = 2;
    for (let nl = data.indexOf(NEWLINE); nl !== -1 && nl < offset; nl = data.indexOf(NEWLINE, nl + 1)) {
      const unit = le ? nl : nl - 1;
      if (unit % 2 !== 0 || data[le ? nl + 1 : nl - 1] !== 0) continue;
      line++;
      lineStart = unit + 2;
    }
    let lineEnd = offset;
    while (lineEnd + 1 < data.length && !(le ? data[lineEnd] === NEWLINE && data[lineEnd + 1] === 0 : data[lineEnd] === 0 && data[lineEnd + 1] === NEWLINE))
      lineEnd += 2;
    const slice = Buffer.from(data.subarray(lineStart, lineStart + (lineEnd - lineStart & ~1)));
    const text = le ? slice : slice.swap16();
    const allowed = hasInlineAllow(Buffer.from(text.toString("utf16le"), "latin1"));
    return { line, column: Math.floor((offset - lineStart) / 2) + 1, allowed };
  };
}
var NEWLINE;
var init_detect = __esm({
  "src/engine/detect.ts"() {
    "use strict";
    init_import_meta_url();
    init_allow();
    init_binary();
    init_decode();
    init_needle();
    NEWLINE = 10;
  }
});

// src/lazy-builtins.ts
var import_node_module, require2, nodeCrypto, nodeV8;
var init_lazy_builtins = __esm({
  "src/lazy-builtins.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_module = require("node:module");
    require2 = (0, import_node_module.createRequire)(importMetaUrl);
    nodeCrypto = () => require2("node:crypto");
    nodeV8 = () => require2("node:v8");
  }
});

// src/engine/redact.ts
function redact(secret, prefix = "") {
  const body = secret.slice(prefix.length);
  const keep = prefix ? REDACT_KEEP : Math.min(REDACT_KEEP, Math.floor(secret.length / 4));
  return `${prefix}${body.slice(0, keep)}\u2026`;
}
function fingerprint(secret) {
  return nodeCrypto().createHash("sha256").update(secret).digest("hex");
}
function scrubSecrets(text, patterns) {
  return patterns.reduce(
    (out, pattern) => out.replace(new RegExp(pattern.source, "g"), (...args) => {
      const whole = args[0];
      const groups = args.at(-1);
      const secret = groups?.secret ?? whole;
      return whole.replace(secret, redact(secret, groups?.prefix ?? ""));
    }),
    text
  );
}
var REDACT_KEEP;
var init_redact = __esm({
  "src/engine/redact.ts"() {
    "use strict";
    init_import_meta_url();
    init_lazy_builtins();
    REDACT_KEEP = 4;
  }
});

// src/engine/test-path.ts
function isTestPath(path) {
  const parts = path.split("/");
  const name = parts.pop() ?? "";
  return parts.some((dir) => TEST_DIRS.has(dir.toLowerCase())) || TEST_FILE.test(name);
}
var TEST_DIRS, TEST_FILE;
var init_test_path = __esm({
  "src/engine/test-path.ts"() {
    "use strict";
    init_import_meta_url();
    TEST_DIRS = /* @__PURE__ */ new Set([
      "test",
      "tests",
      "__tests__",
      "__test__",
      "spec",
      "specs",
      "fixtures",
      "__fixtures__",
      "testdata",
      "__mocks__",
      "e2e"
    ]);
    TEST_FILE = /[._-](?:test|tests|spec)(?:[._-][^/]*)?\.[A-Za-z0-9]+$|^test_[^/]*\.[A-Za-z0-9]+$|^conftest\.py$/i;
  }
});

// src/report/finding.ts
function emptySummary() {
  return {
    commits: 0,
    messages: 0,
    files: 0,
    bytes: 0,
    binary: 0,
    skipped: { binary: 0, tooLarge: 0, symlinks: 0, unreadable: 0 },
    warnings: []
  };
}
function rawSecret(finding) {
  const raw = finding[RAW];
  if (raw === void 0) throw new Error("finding has lost its key (was it copied with a spread?)");
  return raw;
}
function toFinding(match, chunk, options = {}) {
  const finding = {
    ruleId: match.rule.id,
    severity: isTestPath(chunk.path) && match.rule.severity === "error" ? "warning" : match.rule.severity,
    location: chunk.location ?? "file",
    file: (chunk.location ?? "file") === "file" ? chunk.path : null,
    line: match.line,
    column: match.column,
    commit: chunk.commit?.sha ?? null,
    author: chunk.commit?.author ?? null,
    date: chunk.commit?.date ?? null,
    secret: options.showSecret ? match.secret : redact(match.secret, match.prefix),
    fingerprint: fingerprint(match.secret),
    verified: null,
    inHead: null
  };
  if (match.encoding) finding.encoding = match.encoding;
  if (match.binary) finding.offset = match.offset;
  if (chunk.ref !== void 0) finding.ref = chunk.ref;
  if (chunk.object !== void 0) finding.object = chunk.object;
  if (chunk.reachable === false) finding.reachable = false;
  Object.defineProperty(finding, RAW, { value: match.secret, enumerable: false });
  return finding;
}
function placeOf(f) {
  if (f.file !== null) return f.file;
  return `${f.location}:${f.location === "tag-message" ? f.ref ?? f.object ?? "" : f.commit ?? f.object ?? f.ref ?? ""}`;
}
function compareFindings(a, b) {
  const [pa, pb] = [placeOf(a), placeOf(b)];
  const kind = Number(a.file === null) - Number(b.file === null);
  return kind || (pa < pb ? -1 : pa > pb ? 1 : 0) || a.line - b.line || a.column - b.column || (a.commit ?? "").localeCompare(b.commit ?? "");
}
var RAW;
var init_finding = __esm({
  "src/report/finding.ts"() {
    "use strict";
    init_import_meta_url();
    init_redact();
    init_test_path();
    RAW = /* @__PURE__ */ Symbol("tvly-guard.raw-secret");
  }
});

// src/report/summary.ts
function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let v = n / 1024;
  let i = 0;
  for (; v >= 1024 && i < units.length - 1; i++) v /= 1024;
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
function formatSummary(s, findings, keys, mode) {
  const fileModes = mode === "scan" || mode === "staged";
  const messages = s.messages > 0 || mode === "message" ? [plural(s.messages, "message")] : [];
  const files = mode === "message" ? [] : [plural(s.files, fileModes ? "file" : "blob") + (s.binary > 0 ? ` (${s.binary} binary)` : "")];
  const covered = [...files, ...messages, formatBytes(s.bytes)];
  if (!fileModes && mode !== "message") covered.unshift(plural(s.commits, "commit"));
  const skipped = Object.entries(s.skipped).filter(([, n]) => n > 0).map(
    ([why, n]) => `${n} ${{ binary: "binary", tooLarge: "too large", symlinks: "symlinks", unreadable: "unreadable" }[why] ?? why}`
  );
  const result = findings === 0 ? "no keys found" : `${plural(keys, "key")} found in ${plural(findings, "place")}`;
  return `tvly-guard ${mode}: scanned ${covered.join(", ")}${skipped.length ? ` (skipped ${skipped.join(", ")})` : ""}: ${result}.`;
}
var plural;
var init_summary = __esm({
  "src/report/summary.ts"() {
    "use strict";
    init_import_meta_url();
    plural = (n, one2, many = `${one2}s`) => `${n} ${n === 1 ? one2 : many}`;
  }
});

// src/pipeline.ts
async function collectFindings(chunks, setup, summary) {
  const findings = [];
  const options = { showSecret: setup.showSecret };
  const detect = { decode: !setup.io.env.TVLY_GUARD_NO_DECODE };
  for await (const chunk of chunks) {
    for (const match of detectSecrets(chunk, setup.rules, detect)) findings.push(toFinding(match, chunk, options));
    setup.progress.update(
      () => `tvly-guard: ${summary.files} files, ${formatBytes(summary.bytes)}, ${findings.length} findings`
    );
  }
  setup.progress.done();
  return findings.sort(compareFindings);
}
var init_pipeline = __esm({
  "src/pipeline.ts"() {
    "use strict";
    init_import_meta_url();
    init_detect();
    init_finding();
    init_summary();
  }
});

// src/sources/chunk.ts
function countScanned(summary, data) {
  summary.files++;
  summary.bytes += data.length;
  const binary = looksBinary(data);
  if (binary) summary.binary++;
  return binary;
}
function countMessage(summary, data) {
  summary.messages++;
  summary.bytes += data.length;
  return looksBinary(data);
}
var DEFAULT_MAX_FILE_SIZE;
var init_chunk = __esm({
  "src/sources/chunk.ts"() {
    "use strict";
    init_import_meta_url();
    init_binary();
    DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
  }
});

// src/sources/commit-message.ts
function cleanupFor(config, env) {
  const edited = env.GIT_EDITOR !== ":";
  const mode = (config.cleanup ?? "default").toLowerCase();
  const char = config.commentChar && config.commentChar !== "auto" ? config.commentChar : "#";
  return {
    commentChar: char,
    stripComments: mode === "strip" || mode === "default" && edited,
    cutAtScissors: mode !== "verbatim" && edited
  };
}
function keptMessage(data, cleanup) {
  const lines = data.toString("latin1").split("\n");
  const kept = [];
  for (const line of lines) {
    const bare = line.replace(/\r$/, "");
    if (cleanup.cutAtScissors && bare === cleanup.commentChar + SCISSORS) break;
    kept.push(cleanup.stripComments && line.startsWith(cleanup.commentChar) ? "" : line);
  }
  return Buffer.from(kept.join("\n"), "latin1");
}
function readCommitMessageChunk(file, cleanup, summary) {
  let data;
  try {
    data = (0, import_node_fs5.readFileSync)(file);
  } catch (err) {
    throw new InputError(`cannot read the commit message file ${file}: ${err.code ?? err}`);
  }
  const kept = keptMessage(data, cleanup);
  return { path: "", location: "commit-message", data: kept, startLine: 1, binary: countMessage(summary, kept) };
}
var import_node_fs5, SCISSORS;
var init_commit_message = __esm({
  "src/sources/commit-message.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs5 = require("node:fs");
    init_errors();
    init_chunk();
    SCISSORS = " ------------------------ >8 ------------------------";
  }
});

// src/engine/rule.ts
function need(cond, source, field2, what) {
  if (!cond) throw new ConfigError(`${source}: "${field2}" ${what}`);
}
function compile(pattern, flags, source, field2) {
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    throw new ConfigError(`${source}: "${field2}" is not a valid regular expression (${err.message})`);
  }
}
function compileRule(spec, source) {
  const s = spec;
  need(s && typeof s === "object" && !Array.isArray(s), source, "rule", "must be an object");
  need(typeof s.id === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.id), source, "id", "must be a kebab-case string");
  need(typeof s.description === "string", source, "description", "must be a string");
  need(
    Array.isArray(s.keywords) && s.keywords.length > 0 && s.keywords.every((k) => typeof k === "string" && k.length > 0),
    source,
    "keywords",
    "must be a non-empty list of non-empty strings"
  );
  need(typeof s.pattern === "string", source, "pattern", "must be a string");
  need(s.severity === void 0 || SEVERITIES.has(s.severity), source, "severity", "must be error, warning or note");
  need(s.minEntropy === void 0 || typeof s.minEntropy === "number", source, "minEntropy", "must be a number");
  need(
    s.remediation && typeof s.remediation.title === "string" && Array.isArray(s.remediation.steps),
    source,
    "remediation",
    "needs a title and a list of steps"
  );
  const allow = s.allow ?? {};
  need(
    allow.bodyWords === void 0 || Array.isArray(allow.bodyWords) && allow.bodyWords.every((w) => typeof w === "string"),
    source,
    "allow.bodyWords",
    "must be a list of strings"
  );
  const allowPatterns = (allow.bodyPatterns ?? []).map((p, i) => {
    need(p && typeof p.pattern === "string", source, `allow.bodyPatterns[${i}].pattern`, "must be a string");
    return {
      regex: compile(p.pattern, p.flags ?? "", source, `allow.bodyPatterns[${i}].pattern`),
      reason: p.reason ?? "placeholder"
    };
  });
  return {
    ...s,
    severity: s.severity ?? "error",
    regex: compile(s.pattern, "g", source, "pattern"),
    keywordBytes: s.keywords.map((k) => Buffer.from(k, "utf8")),
    maxMatchLength: 256,
    allowPatterns,
    allowWords: (allow.bodyWords ?? []).map((w) => w.toLowerCase())
  };
}
function loadRulesFrom(dir) {
  const files = (0, import_node_fs6.readdirSync)(dir).filter((f) => f.endsWith(".json")).sort();
  return files.map((f) => {
    const path = (0, import_node_path6.join)(dir, f);
    let parsed;
    try {
      parsed = JSON.parse((0, import_node_fs6.readFileSync)(path, "utf8"));
    } catch (err) {
      throw new ConfigError(`${path}: not valid JSON (${err.message})`);
    }
    return compileRule(parsed, path);
  });
}
function builtinRules() {
  builtin ??= loadRulesFrom(BUILTIN_RULES_DIR);
  return builtin;
}
var import_node_fs6, import_node_path6, BUILTIN_RULES_DIR, SEVERITIES, builtin;
var init_rule = __esm({
  "src/engine/rule.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs6 = require("node:fs");
    import_node_path6 = require("node:path");
    init_errors();
    init_paths();
    BUILTIN_RULES_DIR = packagePath("rules");
    SEVERITIES = /* @__PURE__ */ new Set(["error", "warning", "note"]);
  }
});

// src/config/safe-regex.ts
function unsafeRegexReason(source, options) {
  const stack = [{ quantified: false, alternates: false }];
  let atom;
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    const top = stack[stack.length - 1];
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (!options.backreferences && (/[1-9]/.test(next) || next === "k" && source[i + 2] === "<")) {
        return "uses a backreference, which cannot run in linear time";
      }
      i += 2;
      atom = "single";
    } else if (c === "[") {
      for (i++; i < source.length && source[i] !== "]"; i++) if (source[i] === "\\") i++;
      i++;
      atom = "single";
    } else if (c === "(") {
      const look = LOOKAROUNDS.find((l) => source.startsWith(l, i));
      if (look && !options.lookaround) return "uses lookahead or lookbehind, which cannot run in linear time";
      stack.push({ quantified: false, alternates: false });
      if (look) i += look.length;
      else if (source.startsWith("(?:", i)) i += 3;
      else if (source.startsWith("(?<", i))
        i = source.indexOf(">", i) + 1;
      else i++;
      atom = void 0;
    } else if (c === ")") {
      const group = stack.length > 1 ? stack.pop() : top;
      const parent = stack[stack.length - 1];
      parent.quantified ||= group.quantified;
      parent.alternates ||= group.alternates;
      i++;
      atom = group;
    } else if (c === "|") {
      top.alternates = true;
      i++;
      atom = void 0;
    } else if (c === "*" || c === "+" || c === "?" || c === "{" && BRACE_QUANTIFIER.test(source.slice(i))) {
      let repeats = c !== "?";
      let length = 1;
      if (c === "{") {
        const m = BRACE_QUANTIFIER.exec(source.slice(i));
        const min = Number(m[1]);
        repeats = m[2] === void 0 ? min > 1 : m[3] === "" || Number(m[3]) > 1;
        length = m[0].length;
      }
      if (repeats && typeof atom === "object" && (atom.quantified || atom.alternates)) {
        return `can backtrack catastrophically: a repeated group contains ${atom.quantified ? "a quantifier" : "an alternation"} (as in (a+)+ or (a|aa)*)`;
      }
      top.quantified = true;
      i += length;
      if (source[i] === "?") i++;
      atom = void 0;
    } else {
      i++;
      atom = "single";
    }
  }
  return void 0;
}
function linearRegexFlag() {
  if (linearFlag === void 0) {
    try {
      nodeV8().setFlagsFromString("--enable-experimental-regexp-engine");
      new RegExp("a", "l");
      linearFlag = "l";
    } catch {
      linearFlag = "";
    }
  }
  return linearFlag;
}
function syntaxReason(err) {
  const message = err.message;
  return message.slice(message.lastIndexOf(": ") + 2) || "invalid";
}
function compileChecked(source, where, options, flags) {
  if (typeof source !== "string" || source.length === 0) throw new ConfigError(`${where} must be a non-empty string`);
  try {
    new RegExp(source);
  } catch (err) {
    throw new ConfigError(`${where} is not a valid regular expression (${syntaxReason(err)})`);
  }
  const unsafe = unsafeRegexReason(source, options);
  if (unsafe) throw new ConfigError(`${where} ${unsafe}; rewrite it without that construct`);
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new ConfigError(`${where} cannot run in linear time (${syntaxReason(err)})`);
  }
}
function compileAllowRegex(source, where) {
  return compileChecked(source, where, { lookaround: false, backreferences: false }, linearRegexFlag());
}
function checkRulePattern(source, where) {
  compileChecked(source, where, { lookaround: true, backreferences: true }, "");
}
var LOOKAROUNDS, BRACE_QUANTIFIER, linearFlag;
var init_safe_regex = __esm({
  "src/config/safe-regex.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_lazy_builtins();
    LOOKAROUNDS = ["(?<=", "(?<!", "(?=", "(?!"];
    BRACE_QUANTIFIER = /^\{(\d+)(,(\d*))?\}/;
  }
});

// src/config/schema.ts
function listOf(item, itemName) {
  return (v) => {
    if (!Array.isArray(v)) return `must be a list of ${itemName}`;
    for (const [i, x] of v.entries()) {
      const problem = item(x);
      if (problem) return `[${i}] ${problem}`;
    }
    return void 0;
  };
}
function checkObject(value, spec, file, at) {
  if (!isObject(value)) throw new ConfigError(`${file}: ${at ? `"${at}"` : "the top level"} must be a JSON object`);
  for (const [key, v] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    const field2 = spec.fields[key];
    if (field2 === void 0) {
      throw new ConfigError(`${file}: unknown key "${path}" (expected one of: ${Object.keys(spec.fields).join(", ")})`);
    }
    if (typeof field2 === "function") {
      const problem = field2(v);
      if (problem) {
        const item = /^(\[\d+\]) (.*)$/.exec(problem);
        throw new ConfigError(`${file}: "${path}${item ? item[1] : ""}" ${item ? item[2] : problem}`);
      }
    } else {
      checkObject(v, field2, file, path);
    }
  }
}
function validateConfig(raw, file) {
  checkObject(raw, CONFIG_SPEC, file, "");
  const c = raw;
  const a = c.allowlist ?? {};
  const maxFileSize = typeof c.maxFileSize === "string" ? parseSize(c.maxFileSize, "maxFileSize") : c.maxFileSize;
  return {
    allowlist: {
      paths: a.paths ?? [],
      commits: a.commits ?? [],
      keyRegexes: a.keyRegexes ?? [],
      lineRegexes: a.lineRegexes ?? [],
      stopwords: a.stopwords ?? []
    },
    rules: c.rules ?? [],
    disabledRules: c.disabledRules ?? [],
    maxFileSize
  };
}
function emptyConfig() {
  return validateConfig({}, "");
}
var isObject, string, nonEmptyString, commitHash, ruleObject, size, ALLOWLIST, CONFIG_SPEC;
var init_schema = __esm({
  "src/config/schema.ts"() {
    "use strict";
    init_import_meta_url();
    init_args();
    init_errors();
    isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
    string = (v) => typeof v === "string" ? void 0 : "must be a string";
    nonEmptyString = (v) => typeof v === "string" && v.length > 0 ? void 0 : "must be a non-empty string";
    commitHash = (v) => typeof v === "string" && /^[0-9a-f]{7,64}$/i.test(v) ? void 0 : "must be a commit hash (7 to 64 hex digits)";
    ruleObject = (v) => isObject(v) ? void 0 : "must be a rule object (the format of rules/*.json)";
    size = (v) => {
      if (typeof v === "number")
        return Number.isInteger(v) && v > 0 ? void 0 : 'must be a whole number of bytes above 0, or a size such as "10MiB"';
      if (typeof v !== "string") return 'must be a number of bytes or a size such as "10MiB"';
      try {
        return parseSize(v, "") > 0 ? void 0 : "must be above 0";
      } catch {
        return 'must be a number of bytes or a size such as "10MiB", "512k"';
      }
    };
    ALLOWLIST = {
      fields: {
        paths: listOf(nonEmptyString, "glob strings"),
        commits: listOf(commitHash, "commit hashes"),
        keyRegexes: listOf(nonEmptyString, "regex strings"),
        lineRegexes: listOf(nonEmptyString, "regex strings"),
        stopwords: listOf(nonEmptyString, "words")
      }
    };
    CONFIG_SPEC = {
      fields: {
        $schema: string,
        allowlist: ALLOWLIST,
        rules: listOf(ruleObject, "rule objects"),
        disabledRules: listOf(nonEmptyString, "rule ids"),
        maxFileSize: size
      }
    };
  }
});

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports2, module2) {
    init_import_meta_url();
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE2 = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE2) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run2, space) => space ? run2.slice(0, run2.length - run2.length % 2) + SPACE2 : run2,
        ESCAPE + SPACE2
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run2, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run2.length && !run2[index].wildcard; index++) {
        separator += run2[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run2 = [];
      const flush = () => {
        let lastWildcard;
        run2.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run2.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run2, at)})[^\\/])*`;
        });
        run2 = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run2.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path) => {
      const end = path.length - 1;
      const index = path.lastIndexOf(
        SLASH,
        path[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path : path.slice(index + 1);
    };
    var parentOf = (path) => {
      if (path.charCodeAt(0) === SLASH_CODE || path.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path.length - 1;
      const cut = path.lastIndexOf(
        SLASH,
        path.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE2) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE2 : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE2 || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path) : path;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path, originalPath, doThrow) => {
      if (!isString(path)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path) => {
      const first = path.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path.length === 1) {
        return true;
      }
      const second = path.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path.length === 2 || path.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path) {
        checkPath(
          path,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path ? this._t(path, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path = convertPath(target);
        if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path);
        }
        const dir = this._t(path, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path, cache) {
        const cached = cache[path];
        if (cached) {
          return cached;
        }
        const parentPath = parentOf(path);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path] = parent && parent.ignored ? parent : this._rules.test(path, MODE_IGNORE);
      }
      ignores(path) {
        return this._test(path, this._ignoreCache, convertPath(path)).ignored;
      }
      createFilter() {
        return (path) => !this.ignores(path);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path) {
        return this._test(path, this._testCache, convertPath(path));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path) => checkPath(convertPath(path), path, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path) || isNotRelative(path);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module2.exports = factory;
    factory.default = factory;
    module2.exports.isPathValid = isPathValid;
    define(module2.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/config/load.ts
function displayFile(cwd, abs) {
  const rel = (0, import_node_path7.relative)(cwd, abs);
  return rel && !rel.startsWith("..") && !(0, import_node_path7.isAbsolute)(rel) ? rel : abs;
}
async function findRoot(cwd, env) {
  const top = findWorkTreeRoot(cwd, env);
  if (top === void 0) return cwd;
  try {
    return (0, import_node_path7.resolve)(cwd, (0, import_node_path7.relative)((0, import_node_fs7.realpathSync)(cwd), top));
  } catch {
    return top;
  }
}
async function loadConfig(cwd, explicit, env = process.env) {
  const root = await findRoot(cwd, env);
  const abs = explicit === void 0 ? (0, import_node_path7.resolve)(root, CONFIG_FILE_NAME) : (0, import_node_path7.resolve)(cwd, explicit);
  const file = displayFile(cwd, abs);
  let text;
  try {
    text = (0, import_node_fs7.readFileSync)(abs, "utf8");
  } catch (err) {
    const code = err.code;
    if (explicit === void 0 && code === "ENOENT") return buildConfig(emptyConfig(), void 0, root);
    throw new ConfigError(`cannot read config ${file}: ${code ?? err.message}`);
  }
  const config = validateConfig(parseJson(text, file), file);
  const ignore = config.allowlist.paths.length > 0 ? (await Promise.resolve().then(() => __toESM(require_ignore(), 1))).default : void 0;
  return buildConfig(config, file, root, ignore);
}
function parseJson(text, file) {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    const message = err.message;
    const what = message.replace(/, ".*$/s, "").replace(/\s+(in JSON )?at position \d+.*$/s, "").trim();
    const at = /at position (\d+)/.exec(message);
    let where = "";
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split("\n").length;
      where = `, line ${line} column ${before.length - before.lastIndexOf("\n")}`;
    }
    throw new ConfigError(`${file}: not valid JSON (${what}${where})`);
  }
}
function compilePathGlobs(globs, ignore) {
  if (globs.length === 0 || ignore === void 0) return () => false;
  let matcher;
  return (path) => {
    matcher ??= ignore({ ignorecase: false }).add(globs.map((g) => g.replace(/^(!?)\.\//, "$1/")));
    try {
      return matcher.ignores(path);
    } catch {
      return false;
    }
  };
}
function buildConfig(config, file, root, ignore) {
  const where = (field2) => `${file}: "${field2}"`;
  const { allowlist } = config;
  const keyRegexes = allowlist.keyRegexes.map((r, i) => compileAllowRegex(r, where(`allowlist.keyRegexes[${i}]`)));
  const lineRegexes = allowlist.lineRegexes.map((r, i) => compileAllowRegex(r, where(`allowlist.lineRegexes[${i}]`)));
  const stopwords = allowlist.stopwords.map((w) => w.toLowerCase());
  const extra = config.rules.map((spec, i) => {
    const at = `rules[${i}]`;
    const s = spec;
    checkRulePattern(s.pattern, where(`${at}.pattern`));
    (Array.isArray(s.allow?.bodyPatterns) ? s.allow.bodyPatterns : []).forEach(
      (p, j) => checkRulePattern(p?.pattern, where(`${at}.allow.bodyPatterns[${j}].pattern`))
    );
    return compileRule(spec, `${file} ${at}`);
  });
  const commits = allowlist.commits.map((c) => c.toLowerCase());
  return {
    file,
    root,
    config,
    allowsPath: compilePathGlobs(allowlist.paths, ignore),
    allowsCommit: (sha) => commits.some((c) => sha.toLowerCase().startsWith(c)),
    applyToRules(builtin2) {
      const ids = new Set(builtin2.map((r) => r.id));
      for (const [i, id] of config.disabledRules.entries()) {
        if (!ids.has(id) && !extra.some((r) => r.id === id))
          throw new ConfigError(
            `${where(`disabledRules[${i}]`)} names no rule (rules: ${[...ids, ...extra.map((r) => r.id)].join(", ")})`
          );
      }
      const disabled = new Set(config.disabledRules);
      const kept = builtin2.filter((r) => !disabled.has(r.id));
      for (const [i, rule] of extra.entries()) {
        if (kept.some((r) => r.id === rule.id) || extra.findIndex((r) => r.id === rule.id) !== i) {
          throw new ConfigError(
            `${where(`rules[${i}].id`)} "${rule.id}" is already a rule (list it in disabledRules to replace it)`
          );
        }
      }
      const rules = [...kept, ...extra];
      if (rules.length === 0)
        throw new ConfigError(`${file}: "disabledRules" disables every rule, so nothing would be found`);
      if (keyRegexes.length === 0 && lineRegexes.length === 0 && stopwords.length === 0) return rules;
      return rules.map((r) => ({
        ...r,
        allowWords: [...r.allowWords, ...stopwords],
        allowKeyRegexes: keyRegexes,
        allowLineRegexes: lineRegexes
      }));
    }
  };
}
var import_node_fs7, import_node_path7, CONFIG_FILE_NAME;
var init_load = __esm({
  "src/config/load.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs7 = require("node:fs");
    import_node_path7 = require("node:path");
    init_rule();
    init_errors();
    init_work_tree();
    init_safe_regex();
    init_schema();
    CONFIG_FILE_NAME = ".tvly-guard.json";
  }
});

// src/config/baseline.ts
function sortEntries(entries) {
  const unique = /* @__PURE__ */ new Map();
  for (const e of entries) unique.set(entryId(e), { fingerprint: e.fingerprint, file: e.file, ruleId: e.ruleId });
  const cmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  return [...unique.values()].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint)
  );
}
function renderBaseline(entries) {
  return `${JSON.stringify({ tool: "tvly-guard", version: BASELINE_VERSION, findings: sortEntries(entries) }, null, 2)}
`;
}
function readBaseline(abs, file) {
  let text;
  try {
    text = (0, import_node_fs8.readFileSync)(abs, "utf8");
  } catch (err) {
    throw new InputError(
      `cannot read baseline ${file}: ${err.code ?? err.message}`
    );
  }
  const raw = parseJson(text, file);
  const bad = (what) => new ConfigError(`${file}: ${what} (write baselines with --write-baseline)`);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad("not a tvly-guard baseline");
  const unknown = Object.keys(raw).find((k) => !TOP.includes(k));
  if (unknown !== void 0) throw bad(`unknown key "${unknown.slice(0, 40)}" (expected one of: ${TOP.join(", ")})`);
  if (raw.version !== BASELINE_VERSION) throw bad(`"version" must be ${BASELINE_VERSION}`);
  if (!Array.isArray(raw.findings)) throw bad(`"findings" must be a list`);
  const entries = raw.findings.map((e, i) => {
    const entry = e;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry))
      throw bad(`"findings[${i}]" must be an object`);
    const extra = Object.keys(entry).find((k) => !FIELDS.includes(k));
    if (extra !== void 0)
      throw bad(`unknown key "findings[${i}].${extra.slice(0, 40)}" (expected one of: ${FIELDS.join(", ")})`);
    for (const f of FIELDS)
      if (typeof entry[f] !== "string" || entry[f] === "")
        throw bad(`"findings[${i}].${f}" must be a non-empty string`);
    if (!/^[0-9a-f]{64}$/.test(entry.fingerprint))
      throw bad(`"findings[${i}].fingerprint" must be a SHA-256 fingerprint (64 lowercase hex digits)`);
    return entry;
  });
  return new Baseline(entries);
}
function writeBaseline(abs, file, entries) {
  const sorted = sortEntries(entries);
  try {
    (0, import_node_fs8.writeFileSync)(abs, renderBaseline(sorted));
  } catch (err) {
    throw new InputError(
      `cannot write baseline ${file}: ${err.code ?? err.message}`
    );
  }
  return sorted.length;
}
var import_node_fs8, BASELINE_VERSION, FIELDS, TOP, entryId, Baseline;
var init_baseline = __esm({
  "src/config/baseline.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs8 = require("node:fs");
    init_errors();
    init_load();
    BASELINE_VERSION = 1;
    FIELDS = ["fingerprint", "file", "ruleId"];
    TOP = ["tool", "version", "findings"];
    entryId = (e) => `${e.fingerprint}\0${e.file}\0${e.ruleId}`;
    Baseline = class {
      constructor(entries) {
        this.entries = entries;
        this.ids = new Set(entries.map(entryId));
      }
      entries;
      ids;
      has(entry) {
        return this.ids.has(entryId(entry));
      }
    };
  }
});

// src/progress.ts
function createProgress(write, enabled, intervalMs = 100) {
  if (!enabled) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      shown = true;
      write(`\r\x1B[2K${text()}`);
    },
    done() {
      if (shown) write("\r\x1B[2K");
    }
  };
}
var SILENT;
var init_progress = __esm({
  "src/progress.ts"() {
    "use strict";
    init_import_meta_url();
    SILENT = { update() {
    }, done() {
    } };
  }
});

// src/report/context.ts
function groupByKey(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const group = groups.get(f.fingerprint);
    if (group) group.push(f);
    else groups.set(f.fingerprint, [f]);
  }
  return [...groups.values()];
}
var init_context = __esm({
  "src/report/context.ts"() {
    "use strict";
    init_import_meta_url();
  }
});

// node_modules/picocolors/picocolors.js
var require_picocolors = __commonJS({
  "node_modules/picocolors/picocolors.js"(exports2, module2) {
    init_import_meta_url();
    var p = process || {};
    var argv = p.argv || [];
    var env = p.env || {};
    var isColorSupported = !(!!env.NO_COLOR || argv.includes("--no-color")) && (!!env.FORCE_COLOR || argv.includes("--color") || p.platform === "win32" || (p.stdout || {}).isTTY && env.TERM !== "dumb" || !!env.CI);
    var formatter = (open, close, replace = open) => (input) => {
      let string2 = "" + input, index = string2.indexOf(close, open.length);
      return ~index ? open + replaceClose(string2, close, replace, index) + close : open + string2 + close;
    };
    var replaceClose = (string2, close, replace, index) => {
      let result = "", cursor = 0;
      do {
        result += string2.substring(cursor, index) + replace;
        cursor = index + close.length;
        index = string2.indexOf(close, cursor);
      } while (~index);
      return result + string2.substring(cursor);
    };
    var createColors = (enabled = isColorSupported) => {
      let f = enabled ? formatter : () => String;
      return {
        isColorSupported: enabled,
        reset: f("\x1B[0m", "\x1B[0m"),
        bold: f("\x1B[1m", "\x1B[22m", "\x1B[22m\x1B[1m"),
        dim: f("\x1B[2m", "\x1B[22m", "\x1B[22m\x1B[2m"),
        italic: f("\x1B[3m", "\x1B[23m"),
        underline: f("\x1B[4m", "\x1B[24m"),
        inverse: f("\x1B[7m", "\x1B[27m"),
        hidden: f("\x1B[8m", "\x1B[28m"),
        strikethrough: f("\x1B[9m", "\x1B[29m"),
        black: f("\x1B[30m", "\x1B[39m"),
        red: f("\x1B[31m", "\x1B[39m"),
        green: f("\x1B[32m", "\x1B[39m"),
        yellow: f("\x1B[33m", "\x1B[39m"),
        blue: f("\x1B[34m", "\x1B[39m"),
        magenta: f("\x1B[35m", "\x1B[39m"),
        cyan: f("\x1B[36m", "\x1B[39m"),
        white: f("\x1B[37m", "\x1B[39m"),
        gray: f("\x1B[90m", "\x1B[39m"),
        bgBlack: f("\x1B[40m", "\x1B[49m"),
        bgRed: f("\x1B[41m", "\x1B[49m"),
        bgGreen: f("\x1B[42m", "\x1B[49m"),
        bgYellow: f("\x1B[43m", "\x1B[49m"),
        bgBlue: f("\x1B[44m", "\x1B[49m"),
        bgMagenta: f("\x1B[45m", "\x1B[49m"),
        bgCyan: f("\x1B[46m", "\x1B[49m"),
        bgWhite: f("\x1B[47m", "\x1B[49m"),
        blackBright: f("\x1B[90m", "\x1B[39m"),
        redBright: f("\x1B[91m", "\x1B[39m"),
        greenBright: f("\x1B[92m", "\x1B[39m"),
        yellowBright: f("\x1B[93m", "\x1B[39m"),
        blueBright: f("\x1B[94m", "\x1B[39m"),
        magentaBright: f("\x1B[95m", "\x1B[39m"),
        cyanBright: f("\x1B[96m", "\x1B[39m"),
        whiteBright: f("\x1B[97m", "\x1B[39m"),
        bgBlackBright: f("\x1B[100m", "\x1B[49m"),
        bgRedBright: f("\x1B[101m", "\x1B[49m"),
        bgGreenBright: f("\x1B[102m", "\x1B[49m"),
        bgYellowBright: f("\x1B[103m", "\x1B[49m"),
        bgBlueBright: f("\x1B[104m", "\x1B[49m"),
        bgMagentaBright: f("\x1B[105m", "\x1B[49m"),
        bgCyanBright: f("\x1B[106m", "\x1B[49m"),
        bgWhiteBright: f("\x1B[107m", "\x1B[49m")
      };
    };
    module2.exports = createColors();
    module2.exports.createColors = createColors;
  }
});

// src/triage/exposure.ts
var exposure_exports = {};
__export(exposure_exports, {
  sortByUrgency: () => sortByUrgency,
  summarizeKeys: () => summarizeKeys,
  triageKeys: () => triageKeys,
  urgencyOf: () => urgencyOf
});
function firstCommitOf(group) {
  let first;
  for (const f of group) {
    if (!f.commit) continue;
    if (!first || f.date && (!first.date || Date.parse(f.date) < Date.parse(first.date))) first = f;
  }
  return first;
}
function summarizeKeys(findings, now = Date.now()) {
  return groupByKey(findings).map((group) => {
    const head = group[0];
    const first = firstCommitOf(group);
    const time = first?.date ? Date.parse(first.date) : NaN;
    const flags = group.map((f) => f.inHead).filter((v) => typeof v === "boolean");
    return {
      ruleId: head.ruleId,
      fingerprint: head.fingerprint,
      secret: head.secret,
      firstCommit: first?.commit ?? null,
      firstDate: first?.date ?? null,
      ageDays: Number.isNaN(time) ? null : Math.max(0, Math.floor((now - time) / DAY_MS)),
      pushed: null,
      inHead: flags.length ? flags.includes(true) : null,
      verified: verifiedOf(group),
      locations: group.length
    };
  });
}
function verifiedOf(group) {
  if (group.some((f) => f.verified === true)) return true;
  return group.every((f) => f.verified === false) ? false : null;
}
async function triageKeys(findings, git, now = Date.now()) {
  const keys = summarizeKeys(findings, now);
  const groups = groupByKey(findings);
  if (!keys.some((k) => k.firstCommit)) return keys;
  const needHead = keys.flatMap(
    (k, i) => k.firstCommit && k.inHead === null ? groups[i].flatMap((f) => f.file === null ? [] : [f.file]) : []
  );
  const headFiles = needHead.length ? await git.readHeadFiles([...new Set(needHead)]) : void 0;
  const commits = [...new Set(keys.flatMap((k) => k.firstCommit ? [k.firstCommit] : []))];
  const pushed = await git.readPushed(commits);
  for (const [i, key] of keys.entries()) {
    if (!key.firstCommit) continue;
    key.pushed = pushed === null ? null : pushed(key.firstCommit);
    if (key.inHead === null && headFiles) {
      const group = groups[i];
      const needle = Buffer.from(rawSecret(group[0]));
      key.inHead = group.some((f) => f.file !== null && (headFiles.get(f.file)?.indexOf(needle) ?? -1) !== -1);
    }
  }
  return keys;
}
function urgencyOf(key) {
  if (key.verified === true) return 0;
  if (key.pushed === true) return 1;
  if (key.inHead === true) return 2;
  if (key.pushed === false) return 3;
  return 4;
}
function sortByUrgency(keys) {
  const dated = (k) => k.firstDate ? Date.parse(k.firstDate) : Infinity;
  return keys.map((key, index) => ({ key, index })).sort((a, b) => urgencyOf(a.key) - urgencyOf(b.key) || dated(a.key) - dated(b.key) || a.index - b.index).map((x) => x.key);
}
var DAY_MS;
var init_exposure = __esm({
  "src/triage/exposure.ts"() {
    "use strict";
    init_import_meta_url();
    init_context();
    init_finding();
    DAY_MS = 864e5;
  }
});

// src/report/text.ts
var text_exports = {};
__export(text_exports, {
  renderText: () => renderText
});
function renderText(ctx) {
  if (ctx.findings.length === 0) return "";
  const c = import_picocolors.default.createColors(ctx.color);
  const groups = new Map(groupByKey(ctx.findings).map((g) => [g[0].fingerprint, g]));
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const keys = groups.size === 1 ? "1 key" : `${groups.size} keys`;
  const places = ctx.findings.length === 1 ? "1 place" : `${ctx.findings.length} places`;
  const out = [c.bold(c.red(`tvly-guard: ${keys} found in ${places}`)), ""];
  for (const f of ctx.findings) out.push(`  ${formatLocation(f)}  ${c.yellow(f.secret)}  ${c.dim(f.ruleId)}`);
  out.push("", c.bold("What to do, key by key (most urgent first):"), "");
  for (const key of sortByUrgency(ctx.keys ?? summarizeKeys(ctx.findings))) {
    const group = groups.get(key.fingerprint);
    if (group) out.push(renderRemediation(group, rulesById.get(key.ruleId), c, key), "");
  }
  const hint = renderFixHint(ctx.mode, c);
  if (hint) out.push(hint, "");
  return out.join("\n");
}
var import_picocolors;
var init_text = __esm({
  "src/report/text.ts"() {
    "use strict";
    init_import_meta_url();
    import_picocolors = __toESM(require_picocolors(), 1);
    init_exposure();
    init_context();
    init_location();
    init_remediation();
  }
});

// src/report/json.ts
var json_exports = {};
__export(json_exports, {
  renderJson: () => renderJson
});
function renderJson(ctx) {
  const { commits, messages, files, bytes, binary, skipped } = ctx.summary;
  const report = {
    tool: "tvly-guard",
    version: ctx.version,
    mode: ctx.mode,
    scanned: { commits, messages, files, bytes, binary, skipped },
    warnings: ctx.summary.warnings,
    findings: ctx.findings,
    // One entry per unique key, most urgent first (see triage/exposure.ts).
    keys: sortByUrgency(ctx.keys ?? summarizeKeys(ctx.findings))
  };
  return `${JSON.stringify(report, null, 2)}
`;
}
var init_json = __esm({
  "src/report/json.ts"() {
    "use strict";
    init_import_meta_url();
    init_exposure();
  }
});

// src/report/sarif.ts
var sarif_exports = {};
__export(sarif_exports, {
  SARIF_FINGERPRINT_NAME: () => SARIF_FINGERPRINT_NAME,
  renderSarif: () => renderSarif,
  resultFingerprint: () => resultFingerprint,
  toArtifactUri: () => toArtifactUri
});
function toRuleName(id) {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}
function describeRule(rule) {
  const r = rule.remediation;
  const steps = r.steps.map((step) => fillStep(step, r));
  const text = [
    rule.description,
    "",
    `${r.title}:`,
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    ...r.docsUrl ? ["", `Guide: ${r.docsUrl}`] : []
  ].join("\n");
  const markdown = [
    rule.description,
    "",
    `**${r.title}:**`,
    "",
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    "",
    "To keep a documented false positive, add `tvly-guard:allow` on its line.",
    ...r.docsUrl ? ["", `[${r.docsUrl}](${r.docsUrl})`] : []
  ].join("\n");
  return {
    id: rule.id,
    name: toRuleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text, markdown },
    ...r.docsUrl ? { helpUri: r.docsUrl } : {},
    defaultConfiguration: { level: rule.severity },
    properties: {
      tags: ["security", "secret", "credential"],
      precision: "very-high",
      "security-severity": SECURITY_SEVERITY[rule.severity]
    }
  };
}
function toArtifactUri(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function resultFingerprint(f) {
  return (0, import_node_crypto.createHash)("sha256").update(`${f.fingerprint}\0${placeOf(f)}`).digest("hex");
}
function resultLocation(f) {
  if (f.file === null) {
    return {
      logicalLocations: [{ name: describePlace(f), fullyQualifiedName: placeOf(f), kind: "resource" }],
      properties: { location: f.location, line: f.line, column: f.column }
    };
  }
  return {
    physicalLocation: {
      artifactLocation: { uri: toArtifactUri(f.file), uriBaseId: "%SRCROOT%" },
      region: {
        startLine: f.line,
        startColumn: f.column,
        ...f.offset !== void 0 ? { byteOffset: f.offset } : {}
      }
    }
  };
}
function describeResult(f, rule, ruleIndex) {
  return {
    ruleId: f.ruleId,
    ...ruleIndex >= 0 ? { ruleIndex } : {},
    // The finding's own level: a key in a test fixture is a warning, not an error.
    level: f.severity,
    message: { text: describeFinding(f, rule) },
    locations: [resultLocation(f)],
    partialFingerprints: { [SARIF_FINGERPRINT_NAME]: resultFingerprint(f) },
    properties: {
      secret: f.secret,
      keyFingerprint: f.fingerprint,
      ...f.commit ? { commit: f.commit, author: f.author, date: f.date } : {},
      ...f.verified !== null ? { verified: f.verified } : {},
      ...f.encoding ? { encoding: f.encoding } : {},
      ...f.ref ? { ref: f.ref } : {},
      ...f.object ? { object: f.object } : {},
      ...f.reachable === false ? { reachable: false } : {}
    }
  };
}
function renderSarif(ctx) {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const { commits, messages, files, bytes, skipped } = ctx.summary;
  const log = {
    $schema: SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "tvly-guard",
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: INFORMATION_URI,
            rules: ctx.rules.map(describeRule)
          }
        },
        // The engine counts columns in code points, not SARIF's default UTF-16 units.
        columnKind: "unicodeCodePoints",
        originalUriBaseIds: {
          "%SRCROOT%": { description: { text: "The root of the scanned repository or directory." } }
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: ctx.summary.warnings.map((text) => ({ level: "warning", message: { text } }))
          }
        ],
        results: ctx.findings.map(
          (f) => describeResult(
            f,
            rulesById.get(f.ruleId),
            ctx.rules.findIndex((r) => r.id === f.ruleId)
          )
        ),
        properties: { mode: ctx.mode, scanned: { commits, messages, files, bytes, skipped } }
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}
var import_node_crypto, SCHEMA_URI, INFORMATION_URI, SECURITY_SEVERITY, SARIF_FINGERPRINT_NAME;
var init_sarif = __esm({
  "src/report/sarif.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_crypto = require("node:crypto");
    init_finding();
    init_location();
    init_message();
    init_remediation();
    SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    INFORMATION_URI = "https://github.com/tvly-guard/tvly-guard";
    SECURITY_SEVERITY = { error: "8.5", warning: "5.5", note: "2.0" };
    SARIF_FINGERPRINT_NAME = "tvlyGuardKeyInFile/v1";
  }
});

// src/report/gitlab.ts
var gitlab_exports = {};
__export(gitlab_exports, {
  GITLAB_SCHEMA_VERSION: () => GITLAB_SCHEMA_VERSION,
  renderGitlab: () => renderGitlab,
  vulnerabilityId: () => vulnerabilityId
});
function gitlabTime(date) {
  return date.toISOString().slice(0, 19);
}
function vulnerabilityId(f) {
  const hex = (0, import_node_crypto2.createHash)("sha256").update(`${f.fingerprint}\0${placeOf(f)}\0${f.line}\0${f.column}\0${f.commit ?? ""}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
function describeVulnerability(f, rule) {
  const r = rule?.remediation;
  const text = (name, value) => ({ type: "text", name, value });
  return {
    id: vulnerabilityId(f),
    name: `${ruleLabel(rule, f.ruleId)} in source code`,
    description: describeFinding(f, rule),
    severity: SEVERITY[f.severity],
    ...r ? { solution: r.steps.map((step, i) => `${i + 1}. ${fillStep(step, r)}`).join("\n") } : {},
    identifiers: [{ type: "tvly_guard_rule_id", name: `tvly-guard rule ${f.ruleId}`, value: f.ruleId }],
    ...r?.docsUrl || r?.revokeUrl ? {
      links: [
        ...r.revokeUrl ? [{ name: "Revoke the key", url: r.revokeUrl }] : [],
        ...r.docsUrl ? [{ name: "Key management guide", url: r.docsUrl }] : []
      ]
    } : {},
    location: {
      ...f.file ? { file: f.file } : {},
      commit: {
        sha: f.commit ?? NO_COMMIT,
        ...f.author ? { author: f.author } : {},
        ...f.date ? { date: f.date } : {}
      },
      start_line: f.line,
      end_line: f.line
    },
    details: {
      secret: text("Key (redacted)", f.secret),
      fingerprint: text("Key fingerprint (SHA-256)", f.fingerprint),
      ...f.encoding ? { encoding: text("Encoding", f.encoding) } : {},
      ...f.offset !== void 0 ? { offset: { type: "value", name: "Byte offset", value: f.offset } } : {},
      ...f.verified !== null ? { verified: { type: "value", name: "Live", value: f.verified } } : {}
    }
  };
}
function renderGitlab(ctx) {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const end = ctx.timing?.end ?? /* @__PURE__ */ new Date();
  const tool = {
    id: "tvly-guard",
    name: "tvly-guard",
    version: ctx.version,
    vendor: { name: "tvly-guard" },
    url: INFORMATION_URI2
  };
  const report = {
    version: GITLAB_SCHEMA_VERSION,
    schema: SCHEMA_URI2,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: "secret_detection",
      start_time: gitlabTime(ctx.timing?.start ?? end),
      end_time: gitlabTime(end),
      status: "success",
      messages: ctx.summary.warnings.map((value) => ({ level: "warn", value }))
    },
    vulnerabilities: ctx.findings.map((f) => describeVulnerability(f, rulesById.get(f.ruleId)))
  };
  return `${JSON.stringify(report, null, 2)}
`;
}
var import_node_crypto2, GITLAB_SCHEMA_VERSION, SCHEMA_URI2, INFORMATION_URI2, SEVERITY, NO_COMMIT;
var init_gitlab = __esm({
  "src/report/gitlab.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_crypto2 = require("node:crypto");
    init_finding();
    init_message();
    init_remediation();
    GITLAB_SCHEMA_VERSION = "15.2.1";
    SCHEMA_URI2 = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/secret-detection-report-format.json`;
    INFORMATION_URI2 = "https://github.com/tvly-guard/tvly-guard";
    SEVERITY = { error: "High", warning: "Medium", note: "Low" };
    NO_COMMIT = "0000000";
  }
});

// src/report/junit.ts
var junit_exports = {};
__export(junit_exports, {
  escapeXmlAttribute: () => escapeXmlAttribute,
  escapeXmlText: () => escapeXmlText,
  renderJunit: () => renderJunit
});
function escapeXmlText(text) {
  return text.replace(NOT_XML, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeXmlAttribute(text) {
  return escapeXmlText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
function attributes(values) {
  return Object.entries(values).filter(([, v]) => v !== void 0).map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`).join("");
}
function caseName(f) {
  const commit = f.commit ? ` (commit ${f.commit.slice(0, 12)})` : "";
  return f.file ? `${f.file}:${f.line}:${f.column}${commit}` : `${describePlace(f)} line ${f.line}:${f.column}`;
}
function failureBody(f, rule) {
  const r = rule?.remediation;
  const lines = [
    `${ruleLabel(rule, f.ruleId)} ${f.secret} at ${formatLocation(f)}`,
    ...f.commit ? [`Commit: ${f.commit}${f.author ? ` by ${f.author}` : ""}${f.date ? ` on ${f.date}` : ""}`] : [],
    `Key fingerprint: ${f.fingerprint}`,
    ...r ? ["", `${r.title}:`, ...r.steps.map((step, i) => `${i + 1}. ${fillStep(step, r)}`)] : []
  ];
  return lines.join("\n");
}
function renderJunit(ctx) {
  const rulesById = new Map(ctx.rules.map((r) => [r.id, r]));
  const end = ctx.timing?.end ?? /* @__PURE__ */ new Date();
  const start = ctx.timing?.start ?? end;
  const time = seconds(end.getTime() - start.getTime());
  const failures = ctx.findings.length;
  const tests = Math.max(1, failures);
  const summary = formatSummary(ctx.summary, failures, new Set(ctx.findings.map((f) => f.fingerprint)).size, ctx.mode);
  const { commits, files, bytes, binary } = ctx.summary;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: "tvly-guard", tests, failures, errors: 0, time })}>`,
    `  <testsuite${attributes({ name: `tvly-guard ${ctx.mode}`, tests, failures, errors: 0, skipped: 0, time, timestamp: start.toISOString().slice(0, 19) })}>`,
    "    <properties>",
    ...Object.entries({ version: ctx.version, mode: ctx.mode, commits, files, bytes, binary }).map(
      ([name, value]) => `      <property${attributes({ name: `tvly-guard.${name}`, value })}/>`
    ),
    "    </properties>"
  ];
  for (const f of ctx.findings) {
    const rule = rulesById.get(f.ruleId);
    out.push(
      `    <testcase${attributes({ classname: `tvly-guard.${f.ruleId}`, name: caseName(f), file: f.file || void 0, line: f.file ? f.line : void 0, time: "0" })}>`,
      `      <failure${attributes({ type: f.ruleId, message: describeFinding(f, rule) })}>${escapeXmlText(failureBody(f, rule))}</failure>`,
      "    </testcase>"
    );
  }
  if (failures === 0)
    out.push(`    <testcase${attributes({ classname: `tvly-guard.${ctx.mode}`, name: "no keys found", time })}/>`);
  out.push(`    <system-out>${escapeXmlText(summary)}</system-out>`);
  if (ctx.summary.warnings.length)
    out.push(
      `    <system-err>${escapeXmlText(ctx.summary.warnings.map((w) => `warning: ${w}`).join("\n"))}</system-err>`
    );
  out.push("  </testsuite>", "</testsuites>", "");
  return out.join("\n");
}
var NOT_XML, seconds;
var init_junit = __esm({
  "src/report/junit.ts"() {
    "use strict";
    init_import_meta_url();
    init_location();
    init_message();
    init_remediation();
    init_summary();
    NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    seconds = (ms) => (Math.max(0, ms) / 1e3).toFixed(3);
  }
});

// src/report/index.ts
function checkFormat(format) {
  if (!Object.hasOwn(REPORTERS, format))
    throw new UsageError(`unknown --format "${format}" (expected one of: ${FORMATS.join(", ")})`);
}
async function renderReport(format, ctx) {
  checkFormat(format);
  if (format === "text" && ctx.findings.length === 0) return "";
  return (await REPORTERS[format]())(ctx);
}
var REPORTERS, FORMATS;
var init_report = __esm({
  "src/report/index.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    REPORTERS = {
      text: async () => (await Promise.resolve().then(() => (init_text(), text_exports))).renderText,
      json: async () => (await Promise.resolve().then(() => (init_json(), json_exports))).renderJson,
      sarif: async () => (await Promise.resolve().then(() => (init_sarif(), sarif_exports))).renderSarif,
      github: async () => (await Promise.resolve().then(() => (init_github(), github_exports))).renderGithub,
      gitlab: async () => (await Promise.resolve().then(() => (init_gitlab(), gitlab_exports))).renderGitlab,
      junit: async () => (await Promise.resolve().then(() => (init_junit(), junit_exports))).renderJunit
    };
    FORMATS = Object.keys(REPORTERS);
  }
});

// src/version.ts
var import_node_fs9, VERSION;
var init_version = __esm({
  "src/version.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs9 = require("node:fs");
    init_paths();
    VERSION = JSON.parse((0, import_node_fs9.readFileSync)(packagePath("package.json"), "utf8")).version;
  }
});

// src/verify/tavily.ts
var tavily_exports = {};
__export(tavily_exports, {
  VERIFY_CONCURRENCY: () => VERIFY_CONCURRENCY,
  VERIFY_MAX_FAILURES: () => VERIFY_MAX_FAILURES,
  VERIFY_TIMEOUT_MS: () => VERIFY_TIMEOUT_MS,
  checkVerifyUrls: () => checkVerifyUrls,
  isLoopbackHost: () => isLoopbackHost,
  resolveVerifyUrl: () => resolveVerifyUrl,
  verifyFindings: () => verifyFindings
});
function isLoopbackHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
function resolveVerifyUrl(verify, env) {
  const override = verify.baseUrlEnv ? env[verify.baseUrlEnv] : void 0;
  const base = override?.trim() ? override.trim() : verify.baseUrl;
  const from = override ? verify.baseUrlEnv : "the rule's verify.baseUrl";
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new ConfigError(`${from} is not a valid URL`);
  }
  if (url.username || url.password) throw new ConfigError(`${from} must not hold credentials`);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new ConfigError(
      `${from} must be an https:// URL (plain http:// only for a loopback address such as 127.0.0.1); got ${url.protocol}//${url.host}`
    );
  }
  url.pathname = url.pathname.replace(/\/+$/, "") + verify.path;
  url.search = "";
  url.hash = "";
  return url;
}
function checkVerifyUrls(rules, env) {
  for (const rule of rules) if (rule.verify) resolveVerifyUrl(rule.verify, env);
}
async function askOnce(url, verify, key, fetchFn, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchFn(url.href, {
      method: verify.method,
      headers: { [verify.header]: verify.headerValue.replace("{secret}", key) },
      signal: controller.signal,
      redirect: "error"
    });
    const body = response.body;
    await body?.cancel?.().catch(() => void 0);
    if (verify.liveStatuses.includes(response.status)) return true;
    if (verify.revokedStatuses.includes(response.status)) return false;
    return response.status === 429 || response.status >= 500 ? "down" : null;
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}
async function verifyFindings(findings, rules, options) {
  const fetchFn = options.fetch ?? globalThis.fetch;
  const concurrency = options.concurrency ?? VERIFY_CONCURRENCY;
  const timeoutMs = options.timeoutMs ?? VERIFY_TIMEOUT_MS;
  const maxFailures = options.maxFailures ?? VERIFY_MAX_FAILURES;
  const rulesById = new Map(rules.map((r) => [r.id, r]));
  const groups = groupByKey(findings).filter((g) => rulesById.get(g[0].ruleId)?.verify);
  let failuresInARow = 0;
  let unknown = 0;
  let skipped = 0;
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      const group = groups[next++];
      const verify = rulesById.get(group[0].ruleId).verify;
      let result;
      if (failuresInARow >= maxFailures) {
        result = null;
        skipped++;
      } else {
        result = await askOnce(resolveVerifyUrl(verify, options.env), verify, rawSecret(group[0]), fetchFn, timeoutMs);
        failuresInARow = result === "down" ? failuresInARow + 1 : 0;
      }
      const verified = result === "down" ? null : result;
      if (verified === null) unknown++;
      for (const f of group) f.verified = verified;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
  const warnings = [];
  if (unknown > 0)
    warnings.push(
      `--verify: could not tell whether ${unknown === 1 ? "1 key is" : `${unknown} keys are`} live (error, timeout or rate limit${skipped ? `; stopped asking after ${maxFailures} failures in a row` : ""}); treat ${unknown === 1 ? "it" : "them"} as live`
    );
  return warnings;
}
var VERIFY_CONCURRENCY, VERIFY_TIMEOUT_MS, VERIFY_MAX_FAILURES;
var init_tavily = __esm({
  "src/verify/tavily.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_context();
    init_finding();
    VERIFY_CONCURRENCY = 4;
    VERIFY_TIMEOUT_MS = 5e3;
    VERIFY_MAX_FAILURES = 3;
  }
});

// src/git/cat-file.ts
function parseObjectHeader(line) {
  if (line.endsWith(" missing") || line.endsWith(" ambiguous")) return null;
  const [oid = "", type = "", size2 = ""] = line.split(" ");
  return { oid, type, size: Number(size2) };
}
async function readBlobs(ctx, names, maxSize = Number.POSITIVE_INFINITY) {
  const out = new Map(names.map((n) => [n, null]));
  const asked = [...new Set(names)].filter(canAskFor);
  if (asked.length === 0) return out;
  const reader = new CatFileReader(ctx, {
    maxSize,
    onObject: (o) => out.set(o.name, o.kind === "blob" ? Buffer.from(o.data) : null)
  });
  for (const name of asked) reader.request(name);
  reader.end();
  await reader.done;
  return out;
}
async function readBlobSizes(ctx, oids) {
  const sizes = /* @__PURE__ */ new Map();
  if (oids.length === 0) return sizes;
  const out = (await runGit(ctx, ["cat-file", "--batch-check"], `${oids.join("\n")}
`)).toString("utf8");
  for (const line of out.split("\n")) {
    const header = parseObjectHeader(line);
    if (header?.type === "blob") sizes.set(header.oid, header.size);
  }
  return sizes;
}
var canAskFor, CatFileReader;
var init_cat_file = __esm({
  "src/git/cat-file.ts"() {
    "use strict";
    init_import_meta_url();
    init_exec();
    canAskFor = (name) => !name.includes("\n");
    CatFileReader = class {
      constructor(ctx, options) {
        this.options = options;
        this.git = startGit(ctx, ["cat-file", "--batch", "--buffer"]);
        this.git.child.stdin.on("error", () => {
        });
        this.git.child.stdout.on("data", (chunk) => this.consume(chunk));
        this.done = this.git.done;
      }
      options;
      git;
      done;
      /** Names asked for and not answered yet, oldest at `next`. */
      asked = [];
      next = 0;
      /** Bytes still to drop for an object that is too large. */
      skip = 0;
      body;
      parts = [];
      have = 0;
      pendingHead;
      queued = [];
      flushScheduled = false;
      full = false;
      drainListeners = [];
      /**
       * Ask for an object (see canAskFor). Names are written in batches (one pipe
       * write per batch, not per object). false: the pipe is full; wait for `onDrain`.
       */
      request(name) {
        this.asked.push(name);
        this.queued.push(name);
        if (this.queued.length >= 256) return this.flush();
        if (!this.flushScheduled) {
          this.flushScheduled = true;
          setImmediate(() => this.flush());
        }
        return !this.full;
      }
      /** Requests not answered yet. */
      get inFlight() {
        return this.asked.length - this.next;
      }
      /** Call `listener` once the pipe has room again. */
      onDrain(listener) {
        if (this.full) this.drainListeners.push(listener);
        else setImmediate(listener);
      }
      /** No more requests: git answers what is queued, then exits. */
      end() {
        this.flush();
        this.git.child.stdin.end();
      }
      flush() {
        this.flushScheduled = false;
        if (this.queued.length === 0) return !this.full;
        const ok = this.git.child.stdin.write(`${this.queued.join("\n")}
`);
        this.queued = [];
        if (!ok && !this.full) {
          this.full = true;
          this.git.child.stdin.once("drain", () => {
            this.full = false;
            for (const listener of this.drainListeners.splice(0)) listener();
          });
        }
        return ok;
      }
      takeName() {
        const name = this.asked[this.next++] ?? "";
        if (this.next > 4096 && this.next * 2 > this.asked.length) {
          this.asked.splice(0, this.next);
          this.next = 0;
        }
        return name;
      }
      consume(chunk) {
        let at = 0;
        while (at < chunk.length) {
          if (this.skip > 0) {
            const n2 = Math.min(this.skip, chunk.length - at);
            this.skip -= n2;
            at += n2;
            continue;
          }
          if (this.body === void 0) {
            const nl = chunk.indexOf(10, at);
            if (nl === -1) {
              this.pendingHead = this.pendingHead ? Buffer.concat([this.pendingHead, chunk.subarray(at)]) : Buffer.from(chunk.subarray(at));
              return;
            }
            const head = this.pendingHead ? Buffer.concat([this.pendingHead, chunk.subarray(at, nl)]) : chunk.subarray(at, nl);
            this.pendingHead = void 0;
            at = nl + 1;
            this.startObject(head.toString("utf8"));
            continue;
          }
          const { size: size2 } = this.body;
          const want = size2 + 1 - this.have;
          const n = Math.min(want, chunk.length - at);
          this.parts.push(chunk.subarray(at, at + n));
          this.have += n;
          at += n;
          if (this.have === size2 + 1) this.finishObject();
        }
      }
      startObject(line) {
        const name = this.takeName();
        const header = parseObjectHeader(line);
        if (header === null) {
          this.options.onObject({ name, oid: "", kind: "missing", size: 0 });
          return;
        }
        const { oid, type, size: size2 } = header;
        if (type !== "blob" || size2 > this.options.maxSize) {
          this.skip = size2 + 1;
          this.options.onObject({ name, oid, kind: type === "blob" ? "too-large" : "not-blob", size: size2 });
          return;
        }
        this.body = { name, oid, size: size2 };
        this.parts = [];
        this.have = 0;
      }
      finishObject() {
        const { name, oid, size: size2 } = this.body;
        this.body = void 0;
        const parts = this.parts;
        this.parts = [];
        const whole = parts.length === 1 ? parts[0] : Buffer.concat(parts, size2 + 1);
        this.options.onObject({ name, oid, kind: "blob", size: size2, data: whole.subarray(0, size2) });
      }
    };
  }
});

// src/git/log.ts
function revisionArgs(revs) {
  return [...revs.filter((r) => r === "--all"), "--end-of-options", ...revs.filter((r) => r !== "--all")];
}
async function countCommits(ctx, revs) {
  const out = await runGitText(ctx, ["rev-list", "--count", ...revisionArgs(revs)]).catch(() => "0");
  return Number.parseInt(out, 10) || 0;
}
function streamHistoryLog(ctx, revs, handlers) {
  const args = [
    "log",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--no-relative",
    "--no-color",
    "--no-ext-diff",
    "--no-show-signature",
    "--root",
    "--diff-merges=first-parent",
    "--date-order",
    "--format=%x01%H%x00%aI%x00%an",
    ...revisionArgs(revs)
  ];
  let expect = "any";
  let commit = { sha: "", author: "", date: "" };
  let meta = "";
  return streamGitTokens(ctx, args, "\0", (raw) => {
    const token = expect !== "path" && raw.charCodeAt(0) === 10 ? raw.slice(1) : raw;
    switch (expect) {
      case "date":
        commit.date = token;
        expect = "author";
        return;
      case "author":
        commit.author = token;
        expect = "any";
        handlers.onCommit(commit);
        return;
      case "path": {
        expect = "any";
        const [, mode = "", , blob = ""] = meta.slice(1).split(" ");
        if (!NULL_OID.test(blob)) handlers.onChange({ commit, path: token, blob, mode });
        return;
      }
      default:
        if (token.startsWith("")) {
          commit = { sha: token.slice(1), author: "", date: "" };
          expect = "date";
        } else if (token.startsWith(":")) {
          meta = token;
          expect = "path";
        }
    }
  });
}
var NULL_OID;
var init_log = __esm({
  "src/git/log.ts"() {
    "use strict";
    init_import_meta_url();
    init_exec();
    NULL_OID = /^0+$/;
  }
});

// src/git/objects.ts
async function listMissingHeadObjects(ctx) {
  const out = await runGitText(ctx, [
    "rev-list",
    "--objects",
    "--missing=print",
    "--no-object-names",
    "--no-walk",
    "HEAD",
    "--"
  ]);
  return new Set(
    out.split("\n").filter((l) => l.startsWith("?")).map((l) => l.slice(1))
  );
}
async function listMissingBlobs(ctx, revs) {
  const missing = /* @__PURE__ */ new Set();
  const args = [
    "rev-list",
    "--objects",
    "--filter=object:type=blob",
    "--filter-provided-objects",
    "--missing=print",
    ...revisionArgs(revs)
  ];
  await streamGitTokens(ctx, args, "\n", (line) => {
    if (line.startsWith("?")) missing.add(line.slice(1));
  }).done;
  return missing;
}
async function listBlobsAt(ctx, commit, paths) {
  const blobs = /* @__PURE__ */ new Map();
  for (let i = 0; i < paths.length; i += 256) {
    const batch = paths.slice(i, i + 256);
    const args = ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", commit, "--", ...batch];
    await streamGitTokens(ctx, args, "\0", (entry) => {
      const tab = entry.indexOf("	");
      const [, type, oid] = entry.slice(0, tab).split(" ");
      if (type === "blob" && oid) blobs.set(entry.slice(tab + 1), oid);
    }).done;
  }
  return blobs;
}
async function readFilesAt(ctx, head, paths) {
  const asked = paths.filter(canAskFor);
  const blobs = await readBlobs(
    ctx,
    asked.map((p) => `${head}:${p}`)
  );
  return new Map(paths.map((p) => [p, blobs.get(`${head}:${p}`) ?? null]));
}
var init_objects = __esm({
  "src/git/objects.ts"() {
    "use strict";
    init_import_meta_url();
    init_cat_file();
    init_exec();
    init_log();
  }
});

// src/git/refs.ts
async function filterKnownCommits(ctx, shas) {
  if (shas.length === 0) return [];
  const out = await runGitText(ctx, ["rev-list", "--no-walk", "--ignore-missing", ...shas, "--"]);
  const known = new Set(out.split("\n").filter(Boolean));
  return shas.filter((s) => known.has(s));
}
async function listRangeCommits(ctx, revs) {
  return (await runGitText(ctx, ["rev-list", ...revs, "--"])).split("\n").filter(Boolean);
}
async function readPushedCommits(ctx, commits, bare) {
  if (bare) return () => true;
  try {
    const anyRemote = await runGitText(ctx, ["for-each-ref", "--count=1", "--format=%(refname)", "refs/remotes/"]);
    if (!anyRemote.trim()) return () => false;
    const out = await runGitText(ctx, ["rev-list", ...commits, "--not", "--remotes", "--"]);
    const unpushed = new Set(out.split("\n").filter(Boolean));
    return (commit) => !unpushed.has(commit);
  } catch {
    return null;
  }
}
var init_refs = __esm({
  "src/git/refs.ts"() {
    "use strict";
    init_import_meta_url();
    init_exec();
  }
});

// src/git/exposure.ts
var exposure_exports2 = {};
__export(exposure_exports2, {
  openExposureQueries: () => openExposureQueries
});
async function openExposureQueries(ctx) {
  const facts = await readRepositoryFacts(ctx).catch(() => null);
  return {
    readPushed: async (commits) => facts ? readPushedCommits(ctx, commits, facts.bare) : null,
    readHeadFiles: async (paths) => facts?.head ? readFilesAt(ctx, facts.head, paths) : void 0
  };
}
var init_exposure2 = __esm({
  "src/git/exposure.ts"() {
    "use strict";
    init_import_meta_url();
    init_objects();
    init_refs();
    init_repository();
  }
});

// src/commands/setup.ts
function maxFileSizeOption(what) {
  return {
    name: "max-file-size",
    type: "string",
    value: "SIZE",
    description: `skip ${what} larger than SIZE (default: the config's maxFileSize, else 10MiB)`
  };
}
function readMaxFileSize(args, setup) {
  const text = stringOption(args, "max-file-size");
  return text === void 0 ? setup.maxFileSize ?? DEFAULT_MAX_FILE_SIZE : parseSize(text, "--max-file-size");
}
async function prepareScan(args, io, options = {}) {
  const format = stringOption(args, "format") ?? "text";
  checkFormat(format);
  const output = stringOption(args, "output");
  const env = io.env;
  const forced = env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  const color = !booleanOption(args, "no-color") && !env.NO_COLOR && output === void 0 && (forced || io.stdoutIsTTY);
  const config = await loadConfig(io.cwd, stringOption(args, "config"), io.env);
  const rules = config.applyToRules(builtinRules());
  const verify = booleanOption(args, "verify");
  if (verify) (await Promise.resolve().then(() => (init_tavily(), tavily_exports))).checkVerifyUrls(rules, env);
  const rootPath = options.paths === "cwd" ? (file) => file === STDIN_PATH ? file : toPosix((0, import_node_path8.relative)(config.root, (0, import_node_path8.resolve)(io.cwd, file))) : (file) => file;
  const baselineFile = stringOption(args, "baseline");
  const writeFile = stringOption(args, "write-baseline");
  const baseline = {
    read: baselineFile === void 0 ? void 0 : readBaseline((0, import_node_path8.resolve)(io.cwd, baselineFile), baselineFile),
    readFile: baselineFile,
    writeAbs: writeFile === void 0 ? void 0 : (0, import_node_path8.resolve)(io.cwd, writeFile),
    writeFile
  };
  const suppressed = { files: 0 };
  const setup = {
    io,
    rules,
    report: { format, output, color },
    showSecret: booleanOption(args, "no-redact"),
    progress: createProgress(io.stderr, io.stderrIsTTY),
    keep: (f) => keepByConfig(setup, f) && !inBaseline(setup, f),
    config,
    maxFileSize: config.config.maxFileSize,
    skipsFile(abs) {
      const path = toPosix((0, import_node_path8.relative)(config.root, abs));
      const skip = !path.startsWith("../") && config.allowsPath(path);
      if (skip) suppressed.files++;
      return skip;
    },
    rootPath,
    baseline,
    suppressed,
    verify,
    startedAt: /* @__PURE__ */ new Date()
  };
  return setup;
}
function keepByConfig(setup, f) {
  return !(f.file !== null && setup.config.allowsPath(setup.rootPath(f.file)) || f.commit !== null && setup.config.allowsCommit(f.commit));
}
function baselineEntry(setup, f) {
  return { fingerprint: f.fingerprint, file: f.file === null ? placeOf(f) : setup.rootPath(f.file), ruleId: f.ruleId };
}
function inBaseline(setup, f) {
  return setup.baseline.read?.has(baselineEntry(setup, f)) ?? false;
}
async function finishScan(setup, mode, all, summary) {
  const { io, rules, report: options, baseline } = setup;
  const allowed = all.filter((f) => keepByConfig(setup, f));
  const findings = allowed.filter((f) => !inBaseline(setup, f));
  const written = baseline.writeAbs === void 0 ? void 0 : writeBaseline(
    baseline.writeAbs,
    baseline.writeFile,
    allowed.map((f) => baselineEntry(setup, f))
  );
  if (setup.verify && findings.length > 0)
    summary.warnings.push(
      ...await (await Promise.resolve().then(() => (init_tavily(), tavily_exports))).verifyFindings(findings, rules, { env: io.env })
    );
  const keys = findings.length === 0 ? [] : await triageFindings(findings, { cwd: io.cwd, env: io.env }, summary);
  const report = await renderReport(options.format, {
    version: VERSION,
    mode,
    findings,
    summary,
    rules,
    color: options.color,
    keys,
    timing: { start: setup.startedAt, end: /* @__PURE__ */ new Date() }
  });
  if (options.output !== void 0) {
    try {
      (0, import_node_fs10.writeFileSync)((0, import_node_path8.resolve)(io.cwd, options.output), report);
    } catch (err) {
      throw new InputError(
        `cannot write ${options.output}: ${err.code ?? err.message}`
      );
    }
  } else if (report) {
    io.stdout(report);
  }
  for (const warning of summary.warnings) io.stderr(`tvly-guard: warning: ${warning}
`);
  io.stderr(`${formatSummary(summary, findings.length, groupByKey(findings).length, mode)}
`);
  const held = describeSuppressed(
    setup,
    setup.suppressed.files,
    all.length - allowed.length,
    allowed.length - findings.length
  );
  if (held) io.stderr(`tvly-guard: not reported: ${held}.
`);
  if (written !== void 0) {
    const keyCount = new Set(allowed.map((f) => f.fingerprint)).size;
    io.stderr(
      `tvly-guard: wrote ${written} baseline ${written === 1 ? "entry" : "entries"} (${keyCount} ${keyCount === 1 ? "key" : "keys"}) to ${displayFile(io.cwd, baseline.writeAbs)}; exit 0. Pass --baseline ${baseline.writeFile} to stop reporting them (still revoke any key that was real).
`
    );
    return ExitCode.clean;
  }
  return findings.length > 0 ? ExitCode.findings : ExitCode.clean;
}
async function triageFindings(findings, ctx, summary) {
  const { summarizeKeys: summarizeKeys2, triageKeys: triageKeys2 } = await Promise.resolve().then(() => (init_exposure(), exposure_exports));
  const { openExposureQueries: openExposureQueries2 } = await Promise.resolve().then(() => (init_exposure2(), exposure_exports2));
  return triageKeys2(findings, await openExposureQueries2(ctx)).catch((err) => {
    summary.warnings.push(`could not tell which keys were pushed or are still in HEAD: ${err.message}`);
    return summarizeKeys2(findings);
  });
}
function describeSuppressed(setup, files, byConfig, byBaseline) {
  const n = (count, one2) => `${count} ${one2}${count === 1 ? "" : "s"}`;
  const parts = [];
  if (files > 0) parts.push(`${n(files, "file")} allowlisted by ${setup.config.file}`);
  if (byConfig > 0) parts.push(`${n(byConfig, "finding")} allowlisted by ${setup.config.file}`);
  if (byBaseline > 0) parts.push(`${n(byBaseline, "finding")} in the baseline ${setup.baseline.readFile}`);
  return parts.join(", ");
}
var import_node_fs10, import_node_path8, SCAN_OPTIONS, toPosix, STDIN_PATH;
var init_setup = __esm({
  "src/commands/setup.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs10 = require("node:fs");
    import_node_path8 = require("node:path");
    init_baseline();
    init_load();
    init_rule();
    init_errors();
    init_progress();
    init_context();
    init_finding();
    init_report();
    init_summary();
    init_chunk();
    init_version();
    init_args();
    SCAN_OPTIONS = [
      {
        name: "format",
        type: "string",
        short: "f",
        value: "FORMAT",
        description: `report format: ${FORMATS.join(", ")} (default text)`
      },
      {
        name: "output",
        type: "string",
        short: "o",
        value: "FILE",
        description: "write the report to FILE instead of stdout"
      },
      { name: "no-redact", type: "boolean", description: "show whole keys in the report (they are redacted by default)" },
      { name: "no-color", type: "boolean", description: "no colours (NO_COLOR and FORCE_COLOR are honoured too)" },
      {
        name: "config",
        type: "string",
        value: "FILE",
        description: "config file (default: .tvly-guard.json at the repository root)"
      },
      {
        name: "baseline",
        type: "string",
        value: "FILE",
        description: "do not report findings recorded in FILE (see --write-baseline)"
      },
      {
        name: "write-baseline",
        type: "string",
        value: "FILE",
        description: "record the current findings in FILE and exit 0 (still prints the report)"
      },
      {
        name: "verify",
        type: "boolean",
        description: "ask Tavily whether each key found is live (sends each key once, over HTTPS, to the rule's endpoint)"
      }
    ];
    toPosix = (p) => import_node_path8.sep === "/" ? p : p.split(import_node_path8.sep).join("/");
    STDIN_PATH = "<stdin>";
  }
});

// src/commands/message.ts
var message_exports = {};
__export(message_exports, {
  command: () => command3
});
async function* one(chunk) {
  yield chunk;
}
var import_node_path9, command3;
var init_message2 = __esm({
  "src/commands/message.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_path9 = require("node:path");
    init_errors();
    init_message_config();
    init_pipeline();
    init_finding();
    init_commit_message();
    init_setup();
    command3 = {
      name: "message",
      summary: "Scan a commit message file (what a commit-msg hook gets as $1) for Tavily API keys, ignoring the lines git strips before committing: comment lines when the editor was used, and `git commit -v`'s diff below the scissors line.",
      usage: "tvly-guard message [options] FILE",
      allowPositionals: true,
      options: [...SCAN_OPTIONS],
      details: [
        "Examples:",
        '  tvly-guard message "$1"                 # in .git/hooks/commit-msg or .husky/commit-msg',
        "  tvly-guard message .git/COMMIT_EDITMSG",
        "",
        "Comment lines (core.commentChar, default #) are ignored only when git will strip them: with",
        "`git commit -m`, `-F` or `-C` (no editor) git keeps them, so they are scanned too."
      ].join("\n"),
      async run(args, io) {
        const [file, ...extra] = args.positionals;
        if (file === void 0 || extra.length > 0)
          throw new UsageError("message: give the one commit message file to scan (see tvly-guard message --help)");
        const setup = await prepareScan(args, io, { paths: "cwd" });
        const summary = emptySummary();
        const cleanup = cleanupFor(await readMessageConfig({ cwd: io.cwd, env: io.env }), io.env);
        const chunk = readCommitMessageChunk((0, import_node_path9.resolve)(io.cwd, file), cleanup, summary);
        return finishScan(setup, "message", await collectFindings(one(chunk), setup, summary), summary);
      }
    };
  }
});

// node_modules/fast-glob/out/utils/array.js
var require_array = __commonJS({
  "node_modules/fast-glob/out/utils/array.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.splitWhen = exports2.flatten = void 0;
    function flatten(items) {
      return items.reduce((collection, item) => [].concat(collection, item), []);
    }
    exports2.flatten = flatten;
    function splitWhen(items, predicate) {
      const result = [[]];
      let groupIndex = 0;
      for (const item of items) {
        if (predicate(item)) {
          groupIndex++;
          result[groupIndex] = [];
        } else {
          result[groupIndex].push(item);
        }
      }
      return result;
    }
    exports2.splitWhen = splitWhen;
  }
});

// node_modules/fast-glob/out/utils/errno.js
var require_errno = __commonJS({
  "node_modules/fast-glob/out/utils/errno.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.isEnoentCodeError = void 0;
    function isEnoentCodeError(error) {
      return error.code === "ENOENT";
    }
    exports2.isEnoentCodeError = isEnoentCodeError;
  }
});

// node_modules/fast-glob/out/utils/fs.js
var require_fs = __commonJS({
  "node_modules/fast-glob/out/utils/fs.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports2.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/fast-glob/out/utils/path.js
var require_path = __commonJS({
  "node_modules/fast-glob/out/utils/path.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.convertPosixPathToPattern = exports2.convertWindowsPathToPattern = exports2.convertPathToPattern = exports2.escapePosixPath = exports2.escapeWindowsPath = exports2.escape = exports2.removeLeadingDotSegment = exports2.makeAbsolute = exports2.unixify = void 0;
    var os = require("os");
    var path = require("path");
    var IS_WINDOWS_PLATFORM = os.platform() === "win32";
    var LEADING_DOT_SEGMENT_CHARACTERS_COUNT = 2;
    var POSIX_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()*?[\]{|}]|^!|[!+@](?=\()|\\(?![!()*+?@[\]{|}]))/g;
    var WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()[\]{}]|^!|[!+@](?=\())/g;
    var DOS_DEVICE_PATH_RE = /^\\\\([.?])/;
    var WINDOWS_BACKSLASHES_RE = /\\(?![!()+@[\]{}])/g;
    function unixify(filepath) {
      return filepath.replace(/\\/g, "/");
    }
    exports2.unixify = unixify;
    function makeAbsolute(cwd, filepath) {
      return path.resolve(cwd, filepath);
    }
    exports2.makeAbsolute = makeAbsolute;
    function removeLeadingDotSegment(entry) {
      if (entry.charAt(0) === ".") {
        const secondCharactery = entry.charAt(1);
        if (secondCharactery === "/" || secondCharactery === "\\") {
          return entry.slice(LEADING_DOT_SEGMENT_CHARACTERS_COUNT);
        }
      }
      return entry;
    }
    exports2.removeLeadingDotSegment = removeLeadingDotSegment;
    exports2.escape = IS_WINDOWS_PLATFORM ? escapeWindowsPath : escapePosixPath;
    function escapeWindowsPath(pattern) {
      return pattern.replace(WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports2.escapeWindowsPath = escapeWindowsPath;
    function escapePosixPath(pattern) {
      return pattern.replace(POSIX_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports2.escapePosixPath = escapePosixPath;
    exports2.convertPathToPattern = IS_WINDOWS_PLATFORM ? convertWindowsPathToPattern : convertPosixPathToPattern;
    function convertWindowsPathToPattern(filepath) {
      return escapeWindowsPath(filepath).replace(DOS_DEVICE_PATH_RE, "//$1").replace(WINDOWS_BACKSLASHES_RE, "/");
    }
    exports2.convertWindowsPathToPattern = convertWindowsPathToPattern;
    function convertPosixPathToPattern(filepath) {
      return escapePosixPath(filepath);
    }
    exports2.convertPosixPathToPattern = convertPosixPathToPattern;
  }
});

// node_modules/is-extglob/index.js
var require_is_extglob = __commonJS({
  "node_modules/is-extglob/index.js"(exports2, module2) {
    init_import_meta_url();
    module2.exports = function isExtglob(str) {
      if (typeof str !== "string" || str === "") {
        return false;
      }
      var match;
      while (match = /(\\).|([@?!+*]\(.*\))/g.exec(str)) {
        if (match[2]) return true;
        str = str.slice(match.index + match[0].length);
      }
      return false;
    };
  }
});

// node_modules/is-glob/index.js
var require_is_glob = __commonJS({
  "node_modules/is-glob/index.js"(exports2, module2) {
    init_import_meta_url();
    var isExtglob = require_is_extglob();
    var chars = { "{": "}", "(": ")", "[": "]" };
    var strictCheck = function(str) {
      if (str[0] === "!") {
        return true;
      }
      var index = 0;
      var pipeIndex = -2;
      var closeSquareIndex = -2;
      var closeCurlyIndex = -2;
      var closeParenIndex = -2;
      var backSlashIndex = -2;
      while (index < str.length) {
        if (str[index] === "*") {
          return true;
        }
        if (str[index + 1] === "?" && /[\].+)]/.test(str[index])) {
          return true;
        }
        if (closeSquareIndex !== -1 && str[index] === "[" && str[index + 1] !== "]") {
          if (closeSquareIndex < index) {
            closeSquareIndex = str.indexOf("]", index);
          }
          if (closeSquareIndex > index) {
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
          }
        }
        if (closeCurlyIndex !== -1 && str[index] === "{" && str[index + 1] !== "}") {
          closeCurlyIndex = str.indexOf("}", index);
          if (closeCurlyIndex > index) {
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeCurlyIndex) {
              return true;
            }
          }
        }
        if (closeParenIndex !== -1 && str[index] === "(" && str[index + 1] === "?" && /[:!=]/.test(str[index + 2]) && str[index + 3] !== ")") {
          closeParenIndex = str.indexOf(")", index);
          if (closeParenIndex > index) {
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
              return true;
            }
          }
        }
        if (pipeIndex !== -1 && str[index] === "(" && str[index + 1] !== "|") {
          if (pipeIndex < index) {
            pipeIndex = str.indexOf("|", index);
          }
          if (pipeIndex !== -1 && str[pipeIndex + 1] !== ")") {
            closeParenIndex = str.indexOf(")", pipeIndex);
            if (closeParenIndex > pipeIndex) {
              backSlashIndex = str.indexOf("\\", pipeIndex);
              if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
                return true;
              }
            }
          }
        }
        if (str[index] === "\\") {
          var open = str[index + 1];
          index += 2;
          var close = chars[open];
          if (close) {
            var n = str.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    var relaxedCheck = function(str) {
      if (str[0] === "!") {
        return true;
      }
      var index = 0;
      while (index < str.length) {
        if (/[*?{}()[\]]/.test(str[index])) {
          return true;
        }
        if (str[index] === "\\") {
          var open = str[index + 1];
          index += 2;
          var close = chars[open];
          if (close) {
            var n = str.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    module2.exports = function isGlob(str, options) {
      if (typeof str !== "string" || str === "") {
        return false;
      }
      if (isExtglob(str)) {
        return true;
      }
      var check = strictCheck;
      if (options && options.strict === false) {
        check = relaxedCheck;
      }
      return check(str);
    };
  }
});

// node_modules/glob-parent/index.js
var require_glob_parent = __commonJS({
  "node_modules/glob-parent/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var isGlob = require_is_glob();
    var pathPosixDirname = require("path").posix.dirname;
    var isWin32 = require("os").platform() === "win32";
    var slash = "/";
    var backslash = /\\/g;
    var enclosure = /[\{\[].*[\}\]]$/;
    var globby = /(^|[^\\])([\{\[]|\([^\)]+$)/;
    var escaped = /\\([\!\*\?\|\[\]\(\)\{\}])/g;
    module2.exports = function globParent(str, opts) {
      var options = Object.assign({ flipBackslashes: true }, opts);
      if (options.flipBackslashes && isWin32 && str.indexOf(slash) < 0) {
        str = str.replace(backslash, slash);
      }
      if (enclosure.test(str)) {
        str += slash;
      }
      str += "a";
      do {
        str = pathPosixDirname(str);
      } while (isGlob(str) || globby.test(str));
      return str.replace(escaped, "$1");
    };
  }
});

// node_modules/braces/lib/utils.js
var require_utils = __commonJS({
  "node_modules/braces/lib/utils.js"(exports2) {
    "use strict";
    init_import_meta_url();
    exports2.isInteger = (num) => {
      if (typeof num === "number") {
        return Number.isInteger(num);
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isInteger(Number(num));
      }
      return false;
    };
    exports2.find = (node, type) => node.nodes.find((node2) => node2.type === type);
    exports2.exceedsLimit = (min, max, step = 1, limit) => {
      if (limit === false) return false;
      if (!exports2.isInteger(min) || !exports2.isInteger(max)) return false;
      return (Number(max) - Number(min)) / Number(step) >= limit;
    };
    exports2.escapeNode = (block, n = 0, type) => {
      const node = block.nodes[n];
      if (!node) return;
      if (type && node.type === type || node.type === "open" || node.type === "close") {
        if (node.escaped !== true) {
          node.value = "\\" + node.value;
          node.escaped = true;
        }
      }
    };
    exports2.encloseBrace = (node) => {
      if (node.type !== "brace") return false;
      if (node.commas >> 0 + node.ranges >> 0 === 0) {
        node.invalid = true;
        return true;
      }
      return false;
    };
    exports2.isInvalidBrace = (block) => {
      if (block.type !== "brace") return false;
      if (block.invalid === true || block.dollar) return true;
      if (block.commas >> 0 + block.ranges >> 0 === 0) {
        block.invalid = true;
        return true;
      }
      if (block.open !== true || block.close !== true) {
        block.invalid = true;
        return true;
      }
      return false;
    };
    exports2.isOpenOrClose = (node) => {
      if (node.type === "open" || node.type === "close") {
        return true;
      }
      return node.open === true || node.close === true;
    };
    exports2.reduce = (nodes) => nodes.reduce((acc, node) => {
      if (node.type === "text") acc.push(node.value);
      if (node.type === "range") node.type = "text";
      return acc;
    }, []);
    exports2.flatten = (...args) => {
      const result = [];
      const flat = (arr) => {
        for (let i = 0; i < arr.length; i++) {
          const ele = arr[i];
          if (Array.isArray(ele)) {
            flat(ele);
            continue;
          }
          if (ele !== void 0) {
            result.push(ele);
          }
        }
        return result;
      };
      flat(args);
      return result;
    };
  }
});

// node_modules/braces/lib/stringify.js
var require_stringify = __commonJS({
  "node_modules/braces/lib/stringify.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var utils = require_utils();
    module2.exports = (ast, options = {}) => {
      const stringify = (node, parent = {}) => {
        const invalidBlock = options.escapeInvalid && utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        let output = "";
        if (node.value) {
          if ((invalidBlock || invalidNode) && utils.isOpenOrClose(node)) {
            return "\\" + node.value;
          }
          return node.value;
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += stringify(child);
          }
        }
        return output;
      };
      return stringify(ast);
    };
  }
});

// node_modules/is-number/index.js
var require_is_number = __commonJS({
  "node_modules/is-number/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    module2.exports = function(num) {
      if (typeof num === "number") {
        return num - num === 0;
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isFinite ? Number.isFinite(+num) : isFinite(+num);
      }
      return false;
    };
  }
});

// node_modules/to-regex-range/index.js
var require_to_regex_range = __commonJS({
  "node_modules/to-regex-range/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var isNumber = require_is_number();
    var toRegexRange = (min, max, options) => {
      if (isNumber(min) === false) {
        throw new TypeError("toRegexRange: expected the first argument to be a number");
      }
      if (max === void 0 || min === max) {
        return String(min);
      }
      if (isNumber(max) === false) {
        throw new TypeError("toRegexRange: expected the second argument to be a number.");
      }
      let opts = { relaxZeros: true, ...options };
      if (typeof opts.strictZeros === "boolean") {
        opts.relaxZeros = opts.strictZeros === false;
      }
      let relax = String(opts.relaxZeros);
      let shorthand = String(opts.shorthand);
      let capture = String(opts.capture);
      let wrap = String(opts.wrap);
      let cacheKey = min + ":" + max + "=" + relax + shorthand + capture + wrap;
      if (toRegexRange.cache.hasOwnProperty(cacheKey)) {
        return toRegexRange.cache[cacheKey].result;
      }
      let a = Math.min(min, max);
      let b = Math.max(min, max);
      if (Math.abs(a - b) === 1) {
        let result = min + "|" + max;
        if (opts.capture) {
          return `(${result})`;
        }
        if (opts.wrap === false) {
          return result;
        }
        return `(?:${result})`;
      }
      let isPadded = hasPadding(min) || hasPadding(max);
      let state = { min, max, a, b };
      let positives = [];
      let negatives = [];
      if (isPadded) {
        state.isPadded = isPadded;
        state.maxLen = String(state.max).length;
      }
      if (a < 0) {
        let newMin = b < 0 ? Math.abs(b) : 1;
        negatives = splitToPatterns(newMin, Math.abs(a), state, opts);
        a = state.a = 0;
      }
      if (b >= 0) {
        positives = splitToPatterns(a, b, state, opts);
      }
      state.negatives = negatives;
      state.positives = positives;
      state.result = collatePatterns(negatives, positives, opts);
      if (opts.capture === true) {
        state.result = `(${state.result})`;
      } else if (opts.wrap !== false && positives.length + negatives.length > 1) {
        state.result = `(?:${state.result})`;
      }
      toRegexRange.cache[cacheKey] = state;
      return state.result;
    };
    function collatePatterns(neg, pos, options) {
      let onlyNegative = filterPatterns(neg, pos, "-", false, options) || [];
      let onlyPositive = filterPatterns(pos, neg, "", false, options) || [];
      let intersected = filterPatterns(neg, pos, "-?", true, options) || [];
      let subpatterns = onlyNegative.concat(intersected).concat(onlyPositive);
      return subpatterns.join("|");
    }
    function splitToRanges(min, max) {
      let nines = 1;
      let zeros = 1;
      let stop = countNines(min, nines);
      let stops = /* @__PURE__ */ new Set([max]);
      while (min <= stop && stop <= max) {
        stops.add(stop);
        nines += 1;
        stop = countNines(min, nines);
      }
      stop = countZeros(max + 1, zeros) - 1;
      while (min < stop && stop <= max) {
        stops.add(stop);
        zeros += 1;
        stop = countZeros(max + 1, zeros) - 1;
      }
      stops = [...stops];
      stops.sort(compare);
      return stops;
    }
    function rangeToPattern(start, stop, options) {
      if (start === stop) {
        return { pattern: start, count: [], digits: 0 };
      }
      let zipped = zip(start, stop);
      let digits = zipped.length;
      let pattern = "";
      let count = 0;
      for (let i = 0; i < digits; i++) {
        let [startDigit, stopDigit] = zipped[i];
        if (startDigit === stopDigit) {
          pattern += startDigit;
        } else if (startDigit !== "0" || stopDigit !== "9") {
          pattern += toCharacterClass(startDigit, stopDigit, options);
        } else {
          count++;
        }
      }
      if (count) {
        pattern += options.shorthand === true ? "\\d" : "[0-9]";
      }
      return { pattern, count: [count], digits };
    }
    function splitToPatterns(min, max, tok, options) {
      let ranges = splitToRanges(min, max);
      let tokens = [];
      let start = min;
      let prev;
      for (let i = 0; i < ranges.length; i++) {
        let max2 = ranges[i];
        let obj = rangeToPattern(String(start), String(max2), options);
        let zeros = "";
        if (!tok.isPadded && prev && prev.pattern === obj.pattern) {
          if (prev.count.length > 1) {
            prev.count.pop();
          }
          prev.count.push(obj.count[0]);
          prev.string = prev.pattern + toQuantifier(prev.count);
          start = max2 + 1;
          continue;
        }
        if (tok.isPadded) {
          zeros = padZeros(max2, tok, options);
        }
        obj.string = zeros + obj.pattern + toQuantifier(obj.count);
        tokens.push(obj);
        start = max2 + 1;
        prev = obj;
      }
      return tokens;
    }
    function filterPatterns(arr, comparison, prefix, intersection, options) {
      let result = [];
      for (let ele of arr) {
        let { string: string2 } = ele;
        if (!intersection && !contains(comparison, "string", string2)) {
          result.push(prefix + string2);
        }
        if (intersection && contains(comparison, "string", string2)) {
          result.push(prefix + string2);
        }
      }
      return result;
    }
    function zip(a, b) {
      let arr = [];
      for (let i = 0; i < a.length; i++) arr.push([a[i], b[i]]);
      return arr;
    }
    function compare(a, b) {
      return a > b ? 1 : b > a ? -1 : 0;
    }
    function contains(arr, key, val) {
      return arr.some((ele) => ele[key] === val);
    }
    function countNines(min, len) {
      return Number(String(min).slice(0, -len) + "9".repeat(len));
    }
    function countZeros(integer, zeros) {
      return integer - integer % Math.pow(10, zeros);
    }
    function toQuantifier(digits) {
      let [start = 0, stop = ""] = digits;
      if (stop || start > 1) {
        return `{${start + (stop ? "," + stop : "")}}`;
      }
      return "";
    }
    function toCharacterClass(a, b, options) {
      return `[${a}${b - a === 1 ? "" : "-"}${b}]`;
    }
    function hasPadding(str) {
      return /^-?(0+)\d/.test(str);
    }
    function padZeros(value, tok, options) {
      if (!tok.isPadded) {
        return value;
      }
      let diff = Math.abs(tok.maxLen - String(value).length);
      let relax = options.relaxZeros !== false;
      switch (diff) {
        case 0:
          return "";
        case 1:
          return relax ? "0?" : "0";
        case 2:
          return relax ? "0{0,2}" : "00";
        default: {
          return relax ? `0{0,${diff}}` : `0{${diff}}`;
        }
      }
    }
    toRegexRange.cache = {};
    toRegexRange.clearCache = () => toRegexRange.cache = {};
    module2.exports = toRegexRange;
  }
});

// node_modules/fill-range/index.js
var require_fill_range = __commonJS({
  "node_modules/fill-range/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var util = require("util");
    var toRegexRange = require_to_regex_range();
    var isObject2 = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    var transform = (toNumber) => {
      return (value) => toNumber === true ? Number(value) : String(value);
    };
    var isValidValue = (value) => {
      return typeof value === "number" || typeof value === "string" && value !== "";
    };
    var isNumber = (num) => Number.isInteger(+num);
    var zeros = (input) => {
      let value = `${input}`;
      let index = -1;
      if (value[0] === "-") value = value.slice(1);
      if (value === "0") return false;
      while (value[++index] === "0") ;
      return index > 0;
    };
    var stringify = (start, end, options) => {
      if (typeof start === "string" || typeof end === "string") {
        return true;
      }
      return options.stringify === true;
    };
    var pad = (input, maxLength, toNumber) => {
      if (maxLength > 0) {
        let dash = input[0] === "-" ? "-" : "";
        if (dash) input = input.slice(1);
        input = dash + input.padStart(dash ? maxLength - 1 : maxLength, "0");
      }
      if (toNumber === false) {
        return String(input);
      }
      return input;
    };
    var toMaxLen = (input, maxLength) => {
      let negative = input[0] === "-" ? "-" : "";
      if (negative) {
        input = input.slice(1);
        maxLength--;
      }
      while (input.length < maxLength) input = "0" + input;
      return negative ? "-" + input : input;
    };
    var toSequence = (parts, options, maxLen) => {
      parts.negatives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      parts.positives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      let prefix = options.capture ? "" : "?:";
      let positives = "";
      let negatives = "";
      let result;
      if (parts.positives.length) {
        positives = parts.positives.map((v) => toMaxLen(String(v), maxLen)).join("|");
      }
      if (parts.negatives.length) {
        negatives = `-(${prefix}${parts.negatives.map((v) => toMaxLen(String(v), maxLen)).join("|")})`;
      }
      if (positives && negatives) {
        result = `${positives}|${negatives}`;
      } else {
        result = positives || negatives;
      }
      if (options.wrap) {
        return `(${prefix}${result})`;
      }
      return result;
    };
    var toRange = (a, b, isNumbers, options) => {
      if (isNumbers) {
        return toRegexRange(a, b, { wrap: false, ...options });
      }
      let start = String.fromCharCode(a);
      if (a === b) return start;
      let stop = String.fromCharCode(b);
      return `[${start}-${stop}]`;
    };
    var toRegex = (start, end, options) => {
      if (Array.isArray(start)) {
        let wrap = options.wrap === true;
        let prefix = options.capture ? "" : "?:";
        return wrap ? `(${prefix}${start.join("|")})` : start.join("|");
      }
      return toRegexRange(start, end, options);
    };
    var rangeError = (...args) => {
      return new RangeError("Invalid range arguments: " + util.inspect(...args));
    };
    var invalidRange = (start, end, options) => {
      if (options.strictRanges === true) throw rangeError([start, end]);
      return [];
    };
    var invalidStep = (step, options) => {
      if (options.strictRanges === true) {
        throw new TypeError(`Expected step "${step}" to be a number`);
      }
      return [];
    };
    var fillNumbers = (start, end, step = 1, options = {}) => {
      let a = Number(start);
      let b = Number(end);
      if (!Number.isInteger(a) || !Number.isInteger(b)) {
        if (options.strictRanges === true) throw rangeError([start, end]);
        return [];
      }
      if (a === 0) a = 0;
      if (b === 0) b = 0;
      let descending = a > b;
      let startString = String(start);
      let endString = String(end);
      let stepString = String(step);
      step = Math.max(Math.abs(step), 1);
      let padded = zeros(startString) || zeros(endString) || zeros(stepString);
      let maxLen = padded ? Math.max(startString.length, endString.length, stepString.length) : 0;
      let toNumber = padded === false && stringify(start, end, options) === false;
      let format = options.transform || transform(toNumber);
      if (options.toRegex && step === 1) {
        return toRange(toMaxLen(start, maxLen), toMaxLen(end, maxLen), true, options);
      }
      let parts = { negatives: [], positives: [] };
      let push = (num) => parts[num < 0 ? "negatives" : "positives"].push(Math.abs(num));
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        if (options.toRegex === true && step > 1) {
          push(a);
        } else {
          range.push(pad(format(a, index), maxLen, toNumber));
        }
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return step > 1 ? toSequence(parts, options, maxLen) : toRegex(range, null, { wrap: false, ...options });
      }
      return range;
    };
    var fillLetters = (start, end, step = 1, options = {}) => {
      if (!isNumber(start) && start.length > 1 || !isNumber(end) && end.length > 1) {
        return invalidRange(start, end, options);
      }
      let format = options.transform || ((val) => String.fromCharCode(val));
      let a = `${start}`.charCodeAt(0);
      let b = `${end}`.charCodeAt(0);
      let descending = a > b;
      let min = Math.min(a, b);
      let max = Math.max(a, b);
      if (options.toRegex && step === 1) {
        return toRange(min, max, false, options);
      }
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        range.push(format(a, index));
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return toRegex(range, null, { wrap: false, options });
      }
      return range;
    };
    var fill = (start, end, step, options = {}) => {
      if (end == null && isValidValue(start)) {
        return [start];
      }
      if (!isValidValue(start) || !isValidValue(end)) {
        return invalidRange(start, end, options);
      }
      if (typeof step === "function") {
        return fill(start, end, 1, { transform: step });
      }
      if (isObject2(step)) {
        return fill(start, end, 0, step);
      }
      let opts = { ...options };
      if (opts.capture === true) opts.wrap = true;
      step = step || opts.step || 1;
      if (!isNumber(step)) {
        if (step != null && !isObject2(step)) return invalidStep(step, opts);
        return fill(start, end, 1, step);
      }
      if (isNumber(start) && isNumber(end)) {
        return fillNumbers(start, end, step, opts);
      }
      return fillLetters(start, end, Math.max(Math.abs(step), 1), opts);
    };
    module2.exports = fill;
  }
});

// node_modules/braces/lib/compile.js
var require_compile = __commonJS({
  "node_modules/braces/lib/compile.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var fill = require_fill_range();
    var utils = require_utils();
    var compile2 = (ast, options = {}) => {
      const walk = (node, parent = {}) => {
        const invalidBlock = utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        const invalid = invalidBlock === true || invalidNode === true;
        const prefix = options.escapeInvalid === true ? "\\" : "";
        let output = "";
        if (node.isOpen === true) {
          return prefix + node.value;
        }
        if (node.isClose === true) {
          console.log("node.isClose", prefix, node.value);
          return prefix + node.value;
        }
        if (node.type === "open") {
          return invalid ? prefix + node.value : "(";
        }
        if (node.type === "close") {
          return invalid ? prefix + node.value : ")";
        }
        if (node.type === "comma") {
          return node.prev.type === "comma" ? "" : invalid ? node.value : "|";
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          const range = fill(...args, { ...options, wrap: false, toRegex: true, strictZeros: true });
          if (range.length !== 0) {
            return args.length > 1 && range.length > 1 ? `(${range})` : range;
          }
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += walk(child, node);
          }
        }
        return output;
      };
      return walk(ast);
    };
    module2.exports = compile2;
  }
});

// node_modules/braces/lib/expand.js
var require_expand = __commonJS({
  "node_modules/braces/lib/expand.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var fill = require_fill_range();
    var stringify = require_stringify();
    var utils = require_utils();
    var append = (queue = "", stash = "", enclose = false) => {
      const result = [];
      queue = [].concat(queue);
      stash = [].concat(stash);
      if (!stash.length) return queue;
      if (!queue.length) {
        return enclose ? utils.flatten(stash).map((ele) => `{${ele}}`) : stash;
      }
      for (const item of queue) {
        if (Array.isArray(item)) {
          for (const value of item) {
            result.push(append(value, stash, enclose));
          }
        } else {
          for (let ele of stash) {
            if (enclose === true && typeof ele === "string") ele = `{${ele}}`;
            result.push(Array.isArray(ele) ? append(item, ele, enclose) : item + ele);
          }
        }
      }
      return utils.flatten(result);
    };
    var expand = (ast, options = {}) => {
      const rangeLimit = options.rangeLimit === void 0 ? 1e3 : options.rangeLimit;
      const walk = (node, parent = {}) => {
        node.queue = [];
        let p = parent;
        let q = parent.queue;
        while (p.type !== "brace" && p.type !== "root" && p.parent) {
          p = p.parent;
          q = p.queue;
        }
        if (node.invalid || node.dollar) {
          q.push(append(q.pop(), stringify(node, options)));
          return;
        }
        if (node.type === "brace" && node.invalid !== true && node.nodes.length === 2) {
          q.push(append(q.pop(), ["{}"]));
          return;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          if (utils.exceedsLimit(...args, options.step, rangeLimit)) {
            throw new RangeError("expanded array length exceeds range limit. Use options.rangeLimit to increase or disable the limit.");
          }
          let range = fill(...args, options);
          if (range.length === 0) {
            range = stringify(node, options);
          }
          q.push(append(q.pop(), range));
          node.nodes = [];
          return;
        }
        const enclose = utils.encloseBrace(node);
        let queue = node.queue;
        let block = node;
        while (block.type !== "brace" && block.type !== "root" && block.parent) {
          block = block.parent;
          queue = block.queue;
        }
        for (let i = 0; i < node.nodes.length; i++) {
          const child = node.nodes[i];
          if (child.type === "comma" && node.type === "brace") {
            if (i === 1) queue.push("");
            queue.push("");
            continue;
          }
          if (child.type === "close") {
            q.push(append(q.pop(), queue, enclose));
            continue;
          }
          if (child.value && child.type !== "open") {
            queue.push(append(queue.pop(), child.value));
            continue;
          }
          if (child.nodes) {
            walk(child, node);
          }
        }
        return queue;
      };
      return utils.flatten(walk(ast));
    };
    module2.exports = expand;
  }
});

// node_modules/braces/lib/constants.js
var require_constants = __commonJS({
  "node_modules/braces/lib/constants.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    module2.exports = {
      MAX_LENGTH: 1e4,
      // Digits
      CHAR_0: "0",
      /* 0 */
      CHAR_9: "9",
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: "A",
      /* A */
      CHAR_LOWERCASE_A: "a",
      /* a */
      CHAR_UPPERCASE_Z: "Z",
      /* Z */
      CHAR_LOWERCASE_Z: "z",
      /* z */
      CHAR_LEFT_PARENTHESES: "(",
      /* ( */
      CHAR_RIGHT_PARENTHESES: ")",
      /* ) */
      CHAR_ASTERISK: "*",
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: "&",
      /* & */
      CHAR_AT: "@",
      /* @ */
      CHAR_BACKSLASH: "\\",
      /* \ */
      CHAR_BACKTICK: "`",
      /* ` */
      CHAR_CARRIAGE_RETURN: "\r",
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: "^",
      /* ^ */
      CHAR_COLON: ":",
      /* : */
      CHAR_COMMA: ",",
      /* , */
      CHAR_DOLLAR: "$",
      /* . */
      CHAR_DOT: ".",
      /* . */
      CHAR_DOUBLE_QUOTE: '"',
      /* " */
      CHAR_EQUAL: "=",
      /* = */
      CHAR_EXCLAMATION_MARK: "!",
      /* ! */
      CHAR_FORM_FEED: "\f",
      /* \f */
      CHAR_FORWARD_SLASH: "/",
      /* / */
      CHAR_HASH: "#",
      /* # */
      CHAR_HYPHEN_MINUS: "-",
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: "<",
      /* < */
      CHAR_LEFT_CURLY_BRACE: "{",
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: "[",
      /* [ */
      CHAR_LINE_FEED: "\n",
      /* \n */
      CHAR_NO_BREAK_SPACE: "\xA0",
      /* \u00A0 */
      CHAR_PERCENT: "%",
      /* % */
      CHAR_PLUS: "+",
      /* + */
      CHAR_QUESTION_MARK: "?",
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: ">",
      /* > */
      CHAR_RIGHT_CURLY_BRACE: "}",
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: "]",
      /* ] */
      CHAR_SEMICOLON: ";",
      /* ; */
      CHAR_SINGLE_QUOTE: "'",
      /* ' */
      CHAR_SPACE: " ",
      /*   */
      CHAR_TAB: "	",
      /* \t */
      CHAR_UNDERSCORE: "_",
      /* _ */
      CHAR_VERTICAL_LINE: "|",
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: "\uFEFF"
      /* \uFEFF */
    };
  }
});

// node_modules/braces/lib/parse.js
var require_parse = __commonJS({
  "node_modules/braces/lib/parse.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var stringify = require_stringify();
    var {
      MAX_LENGTH,
      CHAR_BACKSLASH,
      /* \ */
      CHAR_BACKTICK,
      /* ` */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_RIGHT_SQUARE_BRACKET,
      /* ] */
      CHAR_DOUBLE_QUOTE,
      /* " */
      CHAR_SINGLE_QUOTE,
      /* ' */
      CHAR_NO_BREAK_SPACE,
      CHAR_ZERO_WIDTH_NOBREAK_SPACE
    } = require_constants();
    var parse = (input, options = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      const opts = options || {};
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      if (input.length > max) {
        throw new SyntaxError(`Input length (${input.length}), exceeds max characters (${max})`);
      }
      const ast = { type: "root", input, nodes: [] };
      const stack = [ast];
      let block = ast;
      let prev = ast;
      let brackets = 0;
      const length = input.length;
      let index = 0;
      let depth = 0;
      let value;
      const advance = () => input[index++];
      const push = (node) => {
        if (node.type === "text" && prev.type === "dot") {
          prev.type = "text";
        }
        if (prev && prev.type === "text" && node.type === "text") {
          prev.value += node.value;
          return;
        }
        block.nodes.push(node);
        node.parent = block;
        node.prev = prev;
        prev = node;
        return node;
      };
      push({ type: "bos" });
      while (index < length) {
        block = stack[stack.length - 1];
        value = advance();
        if (value === CHAR_ZERO_WIDTH_NOBREAK_SPACE || value === CHAR_NO_BREAK_SPACE) {
          continue;
        }
        if (value === CHAR_BACKSLASH) {
          push({ type: "text", value: (options.keepEscaping ? value : "") + advance() });
          continue;
        }
        if (value === CHAR_RIGHT_SQUARE_BRACKET) {
          push({ type: "text", value: "\\" + value });
          continue;
        }
        if (value === CHAR_LEFT_SQUARE_BRACKET) {
          brackets++;
          let next;
          while (index < length && (next = advance())) {
            value += next;
            if (next === CHAR_LEFT_SQUARE_BRACKET) {
              brackets++;
              continue;
            }
            if (next === CHAR_BACKSLASH) {
              value += advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              brackets--;
              if (brackets === 0) {
                break;
              }
            }
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_PARENTHESES) {
          block = push({ type: "paren", nodes: [] });
          stack.push(block);
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_RIGHT_PARENTHESES) {
          if (block.type !== "paren") {
            push({ type: "text", value });
            continue;
          }
          block = stack.pop();
          push({ type: "text", value });
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_DOUBLE_QUOTE || value === CHAR_SINGLE_QUOTE || value === CHAR_BACKTICK) {
          const open = value;
          let next;
          if (options.keepQuotes !== true) {
            value = "";
          }
          while (index < length && (next = advance())) {
            if (next === CHAR_BACKSLASH) {
              value += next + advance();
              continue;
            }
            if (next === open) {
              if (options.keepQuotes === true) value += next;
              break;
            }
            value += next;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_CURLY_BRACE) {
          depth++;
          const dollar = prev.value && prev.value.slice(-1) === "$" || block.dollar === true;
          const brace = {
            type: "brace",
            open: true,
            close: false,
            dollar,
            depth,
            commas: 0,
            ranges: 0,
            nodes: []
          };
          block = push(brace);
          stack.push(block);
          push({ type: "open", value });
          continue;
        }
        if (value === CHAR_RIGHT_CURLY_BRACE) {
          if (block.type !== "brace") {
            push({ type: "text", value });
            continue;
          }
          const type = "close";
          block = stack.pop();
          block.close = true;
          push({ type, value });
          depth--;
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_COMMA && depth > 0) {
          if (block.ranges > 0) {
            block.ranges = 0;
            const open = block.nodes.shift();
            block.nodes = [open, { type: "text", value: stringify(block) }];
          }
          push({ type: "comma", value });
          block.commas++;
          continue;
        }
        if (value === CHAR_DOT && depth > 0 && block.commas === 0) {
          const siblings = block.nodes;
          if (depth === 0 || siblings.length === 0) {
            push({ type: "text", value });
            continue;
          }
          if (prev.type === "dot") {
            block.range = [];
            prev.value += value;
            prev.type = "range";
            if (block.nodes.length !== 3 && block.nodes.length !== 5) {
              block.invalid = true;
              block.ranges = 0;
              prev.type = "text";
              continue;
            }
            block.ranges++;
            block.args = [];
            continue;
          }
          if (prev.type === "range") {
            siblings.pop();
            const before = siblings[siblings.length - 1];
            before.value += prev.value + value;
            prev = before;
            block.ranges--;
            continue;
          }
          push({ type: "dot", value });
          continue;
        }
        push({ type: "text", value });
      }
      do {
        block = stack.pop();
        if (block.type !== "root") {
          block.nodes.forEach((node) => {
            if (!node.nodes) {
              if (node.type === "open") node.isOpen = true;
              if (node.type === "close") node.isClose = true;
              if (!node.nodes) node.type = "text";
              node.invalid = true;
            }
          });
          const parent = stack[stack.length - 1];
          const index2 = parent.nodes.indexOf(block);
          parent.nodes.splice(index2, 1, ...block.nodes);
        }
      } while (stack.length > 0);
      push({ type: "eos" });
      return ast;
    };
    module2.exports = parse;
  }
});

// node_modules/braces/index.js
var require_braces = __commonJS({
  "node_modules/braces/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var stringify = require_stringify();
    var compile2 = require_compile();
    var expand = require_expand();
    var parse = require_parse();
    var braces = (input, options = {}) => {
      let output = [];
      if (Array.isArray(input)) {
        for (const pattern of input) {
          const result = braces.create(pattern, options);
          if (Array.isArray(result)) {
            output.push(...result);
          } else {
            output.push(result);
          }
        }
      } else {
        output = [].concat(braces.create(input, options));
      }
      if (options && options.expand === true && options.nodupes === true) {
        output = [...new Set(output)];
      }
      return output;
    };
    braces.parse = (input, options = {}) => parse(input, options);
    braces.stringify = (input, options = {}) => {
      if (typeof input === "string") {
        return stringify(braces.parse(input, options), options);
      }
      return stringify(input, options);
    };
    braces.compile = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      return compile2(input, options);
    };
    braces.expand = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      let result = expand(input, options);
      if (options.noempty === true) {
        result = result.filter(Boolean);
      }
      if (options.nodupes === true) {
        result = [...new Set(result)];
      }
      return result;
    };
    braces.create = (input, options = {}) => {
      if (input === "" || input.length < 3) {
        return [input];
      }
      return options.expand !== true ? braces.compile(input, options) : braces.expand(input, options);
    };
    module2.exports = braces;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants2 = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var path = require("path");
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      SEP: path.sep,
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    init_import_meta_url();
    var path = require("path");
    var win32 = process.platform === "win32";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants2();
    exports2.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports2.supportsLookbehinds = () => {
      const segs = process.version.slice(1).split(".").map(Number);
      if (segs.length === 3 && segs[0] >= 9 || segs[0] === 8 && segs[1] >= 10) {
        return true;
      }
      return false;
    };
    exports2.isWindows = (options) => {
      if (options && typeof options.windows === "boolean") {
        return options.windows;
      }
      return win32 === true || path.sep === "\\";
    };
    exports2.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports2.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports2.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var utils = require_utils2();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants2();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  code = advance();
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES) {
                  isGlob = token.isGlob = true;
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_LEFT_PARENTHESES) {
                backslashes = token.backslashes = true;
                code = advance();
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n = prevIndex ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value = input.slice(n, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (idx !== 0 || value !== "") {
            parts.push(value);
          }
          prevIndex = i;
        }
        if (prevIndex && prevIndex + 1 < input.length) {
          const value = input.slice(prevIndex + 1);
          parts.push(value);
          if (opts.tokens) {
            tokens[tokens.length - 1].value = value;
            depth(tokens[tokens.length - 1]);
            state.maxDepth += tokens[tokens.length - 1].depth;
          }
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse2 = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var constants3 = require_constants2();
    var utils = require_utils2();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants3;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote2 === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          continue;
        }
        if (quote2 === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var getStarExtglobSequenceOutput = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants3.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      for (const branch of branches) {
        const safeOutput = getStarExtglobSequenceOutput(branch);
        if (safeOutput) {
          return { risky: true, safeOutput };
        }
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const win32 = utils.isWindows(options);
      const PLATFORM_CHARS = constants3.globChars(win32);
      const EXTGLOB_CHARS = constants3.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.value += tok.value;
          prev.output = (prev.output || "") + tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (next === "<" && !utils.supportsLookbehinds()) {
              throw new Error("Node.js v10 or higher is required for regex lookbehinds");
            }
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && eos()) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const win32 = utils.isWindows(options);
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants3.globChars(win32);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var path = require("path");
    var scan = require_scan();
    var parse = require_parse2();
    var utils = require_utils2();
    var constants3 = require_constants2();
    var isObject2 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = utils.isWindows(options);
      const regex = isState ? picomatch.compileRe(glob, options) : picomatch.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch.matchBase = (input, glob, options, posix = utils.isWindows(options)) => {
      const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
      return regex.test(path.basename(input));
    };
    picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    picomatch.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch.scan = (input, options) => scan(input, options);
    picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch.constants = constants3;
    module2.exports = picomatch;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    module2.exports = require_picomatch();
  }
});

// node_modules/micromatch/index.js
var require_micromatch = __commonJS({
  "node_modules/micromatch/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var util = require("util");
    var braces = require_braces();
    var picomatch = require_picomatch2();
    var utils = require_utils2();
    var isEmptyString = (v) => v === "" || v === "./";
    var hasBraces = (v) => {
      const index = v.indexOf("{");
      return index > -1 && v.indexOf("}", index) > -1;
    };
    var micromatch = (list, patterns, options) => {
      patterns = [].concat(patterns);
      list = [].concat(list);
      let omit = /* @__PURE__ */ new Set();
      let keep = /* @__PURE__ */ new Set();
      let items = /* @__PURE__ */ new Set();
      let negatives = 0;
      let onResult = (state) => {
        items.add(state.output);
        if (options && options.onResult) {
          options.onResult(state);
        }
      };
      for (let i = 0; i < patterns.length; i++) {
        let isMatch = picomatch(String(patterns[i]), { ...options, onResult }, true);
        let negated = isMatch.state.negated || isMatch.state.negatedExtglob;
        if (negated) negatives++;
        for (let item of list) {
          let matched = isMatch(item, true);
          let match = negated ? !matched.isMatch : matched.isMatch;
          if (!match) continue;
          if (negated) {
            omit.add(matched.output);
          } else {
            omit.delete(matched.output);
            keep.add(matched.output);
          }
        }
      }
      let result = negatives === patterns.length ? [...items] : [...keep];
      let matches = result.filter((item) => !omit.has(item));
      if (options && matches.length === 0) {
        if (options.failglob === true) {
          throw new Error(`No matches found for "${patterns.join(", ")}"`);
        }
        if (options.nonull === true || options.nullglob === true) {
          return options.unescape ? patterns.map((p) => p.replace(/\\/g, "")) : patterns;
        }
      }
      return matches;
    };
    micromatch.match = micromatch;
    micromatch.matcher = (pattern, options) => picomatch(pattern, options);
    micromatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    micromatch.any = micromatch.isMatch;
    micromatch.not = (list, patterns, options = {}) => {
      patterns = [].concat(patterns).map(String);
      let result = /* @__PURE__ */ new Set();
      let items = [];
      let onResult = (state) => {
        if (options.onResult) options.onResult(state);
        items.push(state.output);
      };
      let matches = new Set(micromatch(list, patterns, { ...options, onResult }));
      for (let item of items) {
        if (!matches.has(item)) {
          result.add(item);
        }
      }
      return [...result];
    };
    micromatch.contains = (str, pattern, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      if (Array.isArray(pattern)) {
        return pattern.some((p) => micromatch.contains(str, p, options));
      }
      if (typeof pattern === "string") {
        if (isEmptyString(str) || isEmptyString(pattern)) {
          return false;
        }
        if (str.includes(pattern) || str.startsWith("./") && str.slice(2).includes(pattern)) {
          return true;
        }
      }
      return micromatch.isMatch(str, pattern, { ...options, contains: true });
    };
    micromatch.matchKeys = (obj, patterns, options) => {
      if (!utils.isObject(obj)) {
        throw new TypeError("Expected the first argument to be an object");
      }
      let keys = micromatch(Object.keys(obj), patterns, options);
      let res = {};
      for (let key of keys) res[key] = obj[key];
      return res;
    };
    micromatch.some = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (items.some((item) => isMatch(item))) {
          return true;
        }
      }
      return false;
    };
    micromatch.every = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (!items.every((item) => isMatch(item))) {
          return false;
        }
      }
      return true;
    };
    micromatch.all = (str, patterns, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      return [].concat(patterns).every((p) => picomatch(p, options)(str));
    };
    micromatch.capture = (glob, input, options) => {
      let posix = utils.isWindows(options);
      let regex = picomatch.makeRe(String(glob), { ...options, capture: true });
      let match = regex.exec(posix ? utils.toPosixSlashes(input) : input);
      if (match) {
        return match.slice(1).map((v) => v === void 0 ? "" : v);
      }
    };
    micromatch.makeRe = (...args) => picomatch.makeRe(...args);
    micromatch.scan = (...args) => picomatch.scan(...args);
    micromatch.parse = (patterns, options) => {
      let res = [];
      for (let pattern of [].concat(patterns || [])) {
        for (let str of braces(String(pattern), options)) {
          res.push(picomatch.parse(str, options));
        }
      }
      return res;
    };
    micromatch.braces = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      if (options && options.nobrace === true || !hasBraces(pattern)) {
        return [pattern];
      }
      return braces(pattern, options);
    };
    micromatch.braceExpand = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      return micromatch.braces(pattern, { ...options, expand: true });
    };
    micromatch.hasBraces = hasBraces;
    module2.exports = micromatch;
  }
});

// node_modules/fast-glob/out/utils/pattern.js
var require_pattern = __commonJS({
  "node_modules/fast-glob/out/utils/pattern.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.isAbsolute = exports2.partitionAbsoluteAndRelative = exports2.removeDuplicateSlashes = exports2.matchAny = exports2.convertPatternsToRe = exports2.makeRe = exports2.getPatternParts = exports2.expandBraceExpansion = exports2.expandPatternsWithBraceExpansion = exports2.isAffectDepthOfReadingPattern = exports2.endsWithSlashGlobStar = exports2.hasGlobStar = exports2.getBaseDirectory = exports2.isPatternRelatedToParentDirectory = exports2.getPatternsOutsideCurrentDirectory = exports2.getPatternsInsideCurrentDirectory = exports2.getPositivePatterns = exports2.getNegativePatterns = exports2.isPositivePattern = exports2.isNegativePattern = exports2.convertToNegativePattern = exports2.convertToPositivePattern = exports2.isDynamicPattern = exports2.isStaticPattern = void 0;
    var path = require("path");
    var globParent = require_glob_parent();
    var micromatch = require_micromatch();
    var GLOBSTAR = "**";
    var ESCAPE_SYMBOL = "\\";
    var COMMON_GLOB_SYMBOLS_RE = /[*?]|^!/;
    var REGEX_CHARACTER_CLASS_SYMBOLS_RE = /\[[^[]*]/;
    var REGEX_GROUP_SYMBOLS_RE = /(?:^|[^!*+?@])\([^(]*\|[^|]*\)/;
    var GLOB_EXTENSION_SYMBOLS_RE = /[!*+?@]\([^(]*\)/;
    var BRACE_EXPANSION_SEPARATORS_RE = /,|\.\./;
    var DOUBLE_SLASH_RE = /(?!^)\/{2,}/g;
    function isStaticPattern(pattern, options = {}) {
      return !isDynamicPattern(pattern, options);
    }
    exports2.isStaticPattern = isStaticPattern;
    function isDynamicPattern(pattern, options = {}) {
      if (pattern === "") {
        return false;
      }
      if (options.caseSensitiveMatch === false || pattern.includes(ESCAPE_SYMBOL)) {
        return true;
      }
      if (COMMON_GLOB_SYMBOLS_RE.test(pattern) || REGEX_CHARACTER_CLASS_SYMBOLS_RE.test(pattern) || REGEX_GROUP_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.extglob !== false && GLOB_EXTENSION_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.braceExpansion !== false && hasBraceExpansion(pattern)) {
        return true;
      }
      return false;
    }
    exports2.isDynamicPattern = isDynamicPattern;
    function hasBraceExpansion(pattern) {
      const openingBraceIndex = pattern.indexOf("{");
      if (openingBraceIndex === -1) {
        return false;
      }
      const closingBraceIndex = pattern.indexOf("}", openingBraceIndex + 1);
      if (closingBraceIndex === -1) {
        return false;
      }
      const braceContent = pattern.slice(openingBraceIndex, closingBraceIndex);
      return BRACE_EXPANSION_SEPARATORS_RE.test(braceContent);
    }
    function convertToPositivePattern(pattern) {
      return isNegativePattern(pattern) ? pattern.slice(1) : pattern;
    }
    exports2.convertToPositivePattern = convertToPositivePattern;
    function convertToNegativePattern(pattern) {
      return "!" + pattern;
    }
    exports2.convertToNegativePattern = convertToNegativePattern;
    function isNegativePattern(pattern) {
      return pattern.startsWith("!") && pattern[1] !== "(";
    }
    exports2.isNegativePattern = isNegativePattern;
    function isPositivePattern(pattern) {
      return !isNegativePattern(pattern);
    }
    exports2.isPositivePattern = isPositivePattern;
    function getNegativePatterns(patterns) {
      return patterns.filter(isNegativePattern);
    }
    exports2.getNegativePatterns = getNegativePatterns;
    function getPositivePatterns(patterns) {
      return patterns.filter(isPositivePattern);
    }
    exports2.getPositivePatterns = getPositivePatterns;
    function getPatternsInsideCurrentDirectory(patterns) {
      return patterns.filter((pattern) => !isPatternRelatedToParentDirectory(pattern));
    }
    exports2.getPatternsInsideCurrentDirectory = getPatternsInsideCurrentDirectory;
    function getPatternsOutsideCurrentDirectory(patterns) {
      return patterns.filter(isPatternRelatedToParentDirectory);
    }
    exports2.getPatternsOutsideCurrentDirectory = getPatternsOutsideCurrentDirectory;
    function isPatternRelatedToParentDirectory(pattern) {
      return pattern.startsWith("..") || pattern.startsWith("./..");
    }
    exports2.isPatternRelatedToParentDirectory = isPatternRelatedToParentDirectory;
    function getBaseDirectory(pattern) {
      return globParent(pattern, { flipBackslashes: false });
    }
    exports2.getBaseDirectory = getBaseDirectory;
    function hasGlobStar(pattern) {
      return pattern.includes(GLOBSTAR);
    }
    exports2.hasGlobStar = hasGlobStar;
    function endsWithSlashGlobStar(pattern) {
      return pattern.endsWith("/" + GLOBSTAR);
    }
    exports2.endsWithSlashGlobStar = endsWithSlashGlobStar;
    function isAffectDepthOfReadingPattern(pattern) {
      const basename = path.basename(pattern);
      return endsWithSlashGlobStar(pattern) || isStaticPattern(basename);
    }
    exports2.isAffectDepthOfReadingPattern = isAffectDepthOfReadingPattern;
    function expandPatternsWithBraceExpansion(patterns) {
      return patterns.reduce((collection, pattern) => {
        return collection.concat(expandBraceExpansion(pattern));
      }, []);
    }
    exports2.expandPatternsWithBraceExpansion = expandPatternsWithBraceExpansion;
    function expandBraceExpansion(pattern) {
      const patterns = micromatch.braces(pattern, { expand: true, nodupes: true, keepEscaping: true });
      patterns.sort((a, b) => a.length - b.length);
      return patterns.filter((pattern2) => pattern2 !== "");
    }
    exports2.expandBraceExpansion = expandBraceExpansion;
    function getPatternParts(pattern, options) {
      let { parts } = micromatch.scan(pattern, Object.assign(Object.assign({}, options), { parts: true }));
      if (parts.length === 0) {
        parts = [pattern];
      }
      if (parts[0].startsWith("/")) {
        parts[0] = parts[0].slice(1);
        parts.unshift("");
      }
      return parts;
    }
    exports2.getPatternParts = getPatternParts;
    function makeRe(pattern, options) {
      return micromatch.makeRe(pattern, options);
    }
    exports2.makeRe = makeRe;
    function convertPatternsToRe(patterns, options) {
      return patterns.map((pattern) => makeRe(pattern, options));
    }
    exports2.convertPatternsToRe = convertPatternsToRe;
    function matchAny(entry, patternsRe) {
      return patternsRe.some((patternRe) => patternRe.test(entry));
    }
    exports2.matchAny = matchAny;
    function removeDuplicateSlashes(pattern) {
      return pattern.replace(DOUBLE_SLASH_RE, "/");
    }
    exports2.removeDuplicateSlashes = removeDuplicateSlashes;
    function partitionAbsoluteAndRelative(patterns) {
      const absolute = [];
      const relative8 = [];
      for (const pattern of patterns) {
        if (isAbsolute3(pattern)) {
          absolute.push(pattern);
        } else {
          relative8.push(pattern);
        }
      }
      return [absolute, relative8];
    }
    exports2.partitionAbsoluteAndRelative = partitionAbsoluteAndRelative;
    function isAbsolute3(pattern) {
      return path.isAbsolute(pattern);
    }
    exports2.isAbsolute = isAbsolute3;
  }
});

// node_modules/merge2/index.js
var require_merge2 = __commonJS({
  "node_modules/merge2/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var Stream = require("stream");
    var PassThrough = Stream.PassThrough;
    var slice = Array.prototype.slice;
    module2.exports = merge2;
    function merge2() {
      const streamsQueue = [];
      const args = slice.call(arguments);
      let merging = false;
      let options = args[args.length - 1];
      if (options && !Array.isArray(options) && options.pipe == null) {
        args.pop();
      } else {
        options = {};
      }
      const doEnd = options.end !== false;
      const doPipeError = options.pipeError === true;
      if (options.objectMode == null) {
        options.objectMode = true;
      }
      if (options.highWaterMark == null) {
        options.highWaterMark = 64 * 1024;
      }
      const mergedStream = PassThrough(options);
      function addStream() {
        for (let i = 0, len = arguments.length; i < len; i++) {
          streamsQueue.push(pauseStreams(arguments[i], options));
        }
        mergeStream();
        return this;
      }
      function mergeStream() {
        if (merging) {
          return;
        }
        merging = true;
        let streams = streamsQueue.shift();
        if (!streams) {
          process.nextTick(endStream);
          return;
        }
        if (!Array.isArray(streams)) {
          streams = [streams];
        }
        let pipesCount = streams.length + 1;
        function next() {
          if (--pipesCount > 0) {
            return;
          }
          merging = false;
          mergeStream();
        }
        function pipe(stream) {
          function onend() {
            stream.removeListener("merge2UnpipeEnd", onend);
            stream.removeListener("end", onend);
            if (doPipeError) {
              stream.removeListener("error", onerror);
            }
            next();
          }
          function onerror(err) {
            mergedStream.emit("error", err);
          }
          if (stream._readableState.endEmitted) {
            return next();
          }
          stream.on("merge2UnpipeEnd", onend);
          stream.on("end", onend);
          if (doPipeError) {
            stream.on("error", onerror);
          }
          stream.pipe(mergedStream, { end: false });
          stream.resume();
        }
        for (let i = 0; i < streams.length; i++) {
          pipe(streams[i]);
        }
        next();
      }
      function endStream() {
        merging = false;
        mergedStream.emit("queueDrain");
        if (doEnd) {
          mergedStream.end();
        }
      }
      mergedStream.setMaxListeners(0);
      mergedStream.add = addStream;
      mergedStream.on("unpipe", function(stream) {
        stream.emit("merge2UnpipeEnd");
      });
      if (args.length) {
        addStream.apply(null, args);
      }
      return mergedStream;
    }
    function pauseStreams(streams, options) {
      if (!Array.isArray(streams)) {
        if (!streams._readableState && streams.pipe) {
          streams = streams.pipe(PassThrough(options));
        }
        if (!streams._readableState || !streams.pause || !streams.pipe) {
          throw new Error("Only readable stream can be merged.");
        }
        streams.pause();
      } else {
        for (let i = 0, len = streams.length; i < len; i++) {
          streams[i] = pauseStreams(streams[i], options);
        }
      }
      return streams;
    }
  }
});

// node_modules/fast-glob/out/utils/stream.js
var require_stream = __commonJS({
  "node_modules/fast-glob/out/utils/stream.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.merge = void 0;
    var merge2 = require_merge2();
    function merge(streams) {
      const mergedStream = merge2(streams);
      streams.forEach((stream) => {
        stream.once("error", (error) => mergedStream.emit("error", error));
      });
      mergedStream.once("close", () => propagateCloseEventToSources(streams));
      mergedStream.once("end", () => propagateCloseEventToSources(streams));
      return mergedStream;
    }
    exports2.merge = merge;
    function propagateCloseEventToSources(streams) {
      streams.forEach((stream) => stream.emit("close"));
    }
  }
});

// node_modules/fast-glob/out/utils/string.js
var require_string = __commonJS({
  "node_modules/fast-glob/out/utils/string.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.isEmpty = exports2.isString = void 0;
    function isString(input) {
      return typeof input === "string";
    }
    exports2.isString = isString;
    function isEmpty(input) {
      return input === "";
    }
    exports2.isEmpty = isEmpty;
  }
});

// node_modules/fast-glob/out/utils/index.js
var require_utils3 = __commonJS({
  "node_modules/fast-glob/out/utils/index.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.string = exports2.stream = exports2.pattern = exports2.path = exports2.fs = exports2.errno = exports2.array = void 0;
    var array = require_array();
    exports2.array = array;
    var errno = require_errno();
    exports2.errno = errno;
    var fs = require_fs();
    exports2.fs = fs;
    var path = require_path();
    exports2.path = path;
    var pattern = require_pattern();
    exports2.pattern = pattern;
    var stream = require_stream();
    exports2.stream = stream;
    var string2 = require_string();
    exports2.string = string2;
  }
});

// node_modules/fast-glob/out/managers/tasks.js
var require_tasks = __commonJS({
  "node_modules/fast-glob/out/managers/tasks.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.convertPatternGroupToTask = exports2.convertPatternGroupsToTasks = exports2.groupPatternsByBaseDirectory = exports2.getNegativePatternsAsPositive = exports2.getPositivePatterns = exports2.convertPatternsToTasks = exports2.generate = void 0;
    var utils = require_utils3();
    function generate(input, settings) {
      const patterns = processPatterns(input, settings);
      const ignore = processPatterns(settings.ignore, settings);
      const positivePatterns = getPositivePatterns(patterns);
      const negativePatterns = getNegativePatternsAsPositive(patterns, ignore);
      const staticPatterns = positivePatterns.filter((pattern) => utils.pattern.isStaticPattern(pattern, settings));
      const dynamicPatterns = positivePatterns.filter((pattern) => utils.pattern.isDynamicPattern(pattern, settings));
      const staticTasks = convertPatternsToTasks(
        staticPatterns,
        negativePatterns,
        /* dynamic */
        false
      );
      const dynamicTasks = convertPatternsToTasks(
        dynamicPatterns,
        negativePatterns,
        /* dynamic */
        true
      );
      return staticTasks.concat(dynamicTasks);
    }
    exports2.generate = generate;
    function processPatterns(input, settings) {
      let patterns = input;
      if (settings.braceExpansion) {
        patterns = utils.pattern.expandPatternsWithBraceExpansion(patterns);
      }
      if (settings.baseNameMatch) {
        patterns = patterns.map((pattern) => pattern.includes("/") ? pattern : `**/${pattern}`);
      }
      return patterns.map((pattern) => utils.pattern.removeDuplicateSlashes(pattern));
    }
    function convertPatternsToTasks(positive, negative, dynamic) {
      const tasks = [];
      const patternsOutsideCurrentDirectory = utils.pattern.getPatternsOutsideCurrentDirectory(positive);
      const patternsInsideCurrentDirectory = utils.pattern.getPatternsInsideCurrentDirectory(positive);
      const outsideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsOutsideCurrentDirectory);
      const insideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsInsideCurrentDirectory);
      tasks.push(...convertPatternGroupsToTasks(outsideCurrentDirectoryGroup, negative, dynamic));
      if ("." in insideCurrentDirectoryGroup) {
        tasks.push(convertPatternGroupToTask(".", patternsInsideCurrentDirectory, negative, dynamic));
      } else {
        tasks.push(...convertPatternGroupsToTasks(insideCurrentDirectoryGroup, negative, dynamic));
      }
      return tasks;
    }
    exports2.convertPatternsToTasks = convertPatternsToTasks;
    function getPositivePatterns(patterns) {
      return utils.pattern.getPositivePatterns(patterns);
    }
    exports2.getPositivePatterns = getPositivePatterns;
    function getNegativePatternsAsPositive(patterns, ignore) {
      const negative = utils.pattern.getNegativePatterns(patterns).concat(ignore);
      const positive = negative.map(utils.pattern.convertToPositivePattern);
      return positive;
    }
    exports2.getNegativePatternsAsPositive = getNegativePatternsAsPositive;
    function groupPatternsByBaseDirectory(patterns) {
      const group = {};
      return patterns.reduce((collection, pattern) => {
        const base = utils.pattern.getBaseDirectory(pattern);
        if (base in collection) {
          collection[base].push(pattern);
        } else {
          collection[base] = [pattern];
        }
        return collection;
      }, group);
    }
    exports2.groupPatternsByBaseDirectory = groupPatternsByBaseDirectory;
    function convertPatternGroupsToTasks(positive, negative, dynamic) {
      return Object.keys(positive).map((base) => {
        return convertPatternGroupToTask(base, positive[base], negative, dynamic);
      });
    }
    exports2.convertPatternGroupsToTasks = convertPatternGroupsToTasks;
    function convertPatternGroupToTask(base, positive, negative, dynamic) {
      return {
        dynamic,
        positive,
        negative,
        base,
        patterns: [].concat(positive, negative.map(utils.pattern.convertToNegativePattern))
      };
    }
    exports2.convertPatternGroupToTask = convertPatternGroupToTask;
  }
});

// node_modules/@nodelib/fs.stat/out/providers/async.js
var require_async = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/async.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.read = void 0;
    function read(path, settings, callback) {
      settings.fs.lstat(path, (lstatError, lstat) => {
        if (lstatError !== null) {
          callFailureCallback(callback, lstatError);
          return;
        }
        if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
          callSuccessCallback(callback, lstat);
          return;
        }
        settings.fs.stat(path, (statError, stat2) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              callFailureCallback(callback, statError);
              return;
            }
            callSuccessCallback(callback, lstat);
            return;
          }
          if (settings.markSymbolicLink) {
            stat2.isSymbolicLink = () => true;
          }
          callSuccessCallback(callback, stat2);
        });
      });
    }
    exports2.read = read;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.stat/out/providers/sync.js
var require_sync = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/sync.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.read = void 0;
    function read(path, settings) {
      const lstat = settings.fs.lstatSync(path);
      if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
        return lstat;
      }
      try {
        const stat2 = settings.fs.statSync(path);
        if (settings.markSymbolicLink) {
          stat2.isSymbolicLink = () => true;
        }
        return stat2;
      } catch (error) {
        if (!settings.throwErrorOnBrokenSymbolicLink) {
          return lstat;
        }
        throw error;
      }
    }
    exports2.read = read;
  }
});

// node_modules/@nodelib/fs.stat/out/adapters/fs.js
var require_fs2 = __commonJS({
  "node_modules/@nodelib/fs.stat/out/adapters/fs.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.createFileSystemAdapter = exports2.FILE_SYSTEM_ADAPTER = void 0;
    var fs = require("fs");
    exports2.FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      stat: fs.stat,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports2.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports2.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports2.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.stat/out/settings.js
var require_settings = __commonJS({
  "node_modules/@nodelib/fs.stat/out/settings.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var fs = require_fs2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLink = this._getValue(this._options.followSymbolicLink, true);
        this.fs = fs.createFileSystemAdapter(this._options.fs);
        this.markSymbolicLink = this._getValue(this._options.markSymbolicLink, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports2.default = Settings;
  }
});

// node_modules/@nodelib/fs.stat/out/index.js
var require_out = __commonJS({
  "node_modules/@nodelib/fs.stat/out/index.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.statSync = exports2.stat = exports2.Settings = void 0;
    var async = require_async();
    var sync = require_sync();
    var settings_1 = require_settings();
    exports2.Settings = settings_1.default;
    function stat2(path, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports2.stat = stat2;
    function statSync4(path, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports2.statSync = statSync4;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/queue-microtask/index.js
var require_queue_microtask = __commonJS({
  "node_modules/queue-microtask/index.js"(exports2, module2) {
    init_import_meta_url();
    var promise;
    module2.exports = typeof queueMicrotask === "function" ? queueMicrotask.bind(typeof window !== "undefined" ? window : global) : (cb) => (promise || (promise = Promise.resolve())).then(cb).catch((err) => setTimeout(() => {
      throw err;
    }, 0));
  }
});

// node_modules/run-parallel/index.js
var require_run_parallel = __commonJS({
  "node_modules/run-parallel/index.js"(exports2, module2) {
    init_import_meta_url();
    module2.exports = runParallel;
    var queueMicrotask2 = require_queue_microtask();
    function runParallel(tasks, cb) {
      let results, pending, keys;
      let isSync = true;
      if (Array.isArray(tasks)) {
        results = [];
        pending = tasks.length;
      } else {
        keys = Object.keys(tasks);
        results = {};
        pending = keys.length;
      }
      function done(err) {
        function end() {
          if (cb) cb(err, results);
          cb = null;
        }
        if (isSync) queueMicrotask2(end);
        else end();
      }
      function each(i, err, result) {
        results[i] = result;
        if (--pending === 0 || err) {
          done(err);
        }
      }
      if (!pending) {
        done(null);
      } else if (keys) {
        keys.forEach(function(key) {
          tasks[key](function(err, result) {
            each(key, err, result);
          });
        });
      } else {
        tasks.forEach(function(task, i) {
          task(function(err, result) {
            each(i, err, result);
          });
        });
      }
      isSync = false;
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/constants.js
var require_constants3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/constants.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.IS_SUPPORT_READDIR_WITH_FILE_TYPES = void 0;
    var NODE_PROCESS_VERSION_PARTS = process.versions.node.split(".");
    if (NODE_PROCESS_VERSION_PARTS[0] === void 0 || NODE_PROCESS_VERSION_PARTS[1] === void 0) {
      throw new Error(`Unexpected behavior. The 'process.versions.node' variable has invalid value: ${process.versions.node}`);
    }
    var MAJOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[0], 10);
    var MINOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[1], 10);
    var SUPPORTED_MAJOR_VERSION = 10;
    var SUPPORTED_MINOR_VERSION = 10;
    var IS_MATCHED_BY_MAJOR = MAJOR_VERSION > SUPPORTED_MAJOR_VERSION;
    var IS_MATCHED_BY_MAJOR_AND_MINOR = MAJOR_VERSION === SUPPORTED_MAJOR_VERSION && MINOR_VERSION >= SUPPORTED_MINOR_VERSION;
    exports2.IS_SUPPORT_READDIR_WITH_FILE_TYPES = IS_MATCHED_BY_MAJOR || IS_MATCHED_BY_MAJOR_AND_MINOR;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/fs.js
var require_fs3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/fs.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports2.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/index.js
var require_utils4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/index.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.fs = void 0;
    var fs = require_fs3();
    exports2.fs = fs;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/common.js
var require_common = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/common.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.joinPathSegments = void 0;
    function joinPathSegments(a, b, separator) {
      if (a.endsWith(separator)) {
        return a + b;
      }
      return a + separator + b;
    }
    exports2.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/async.js
var require_async2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/async.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.readdir = exports2.readdirWithFileTypes = exports2.read = void 0;
    var fsStat = require_out();
    var rpl = require_run_parallel();
    var constants_1 = require_constants3();
    var utils = require_utils4();
    var common = require_common();
    function read(directory, settings, callback) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        readdirWithFileTypes(directory, settings, callback);
        return;
      }
      readdir(directory, settings, callback);
    }
    exports2.read = read;
    function readdirWithFileTypes(directory, settings, callback) {
      settings.fs.readdir(directory, { withFileTypes: true }, (readdirError, dirents) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const entries = dirents.map((dirent) => ({
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        }));
        if (!settings.followSymbolicLinks) {
          callSuccessCallback(callback, entries);
          return;
        }
        const tasks = entries.map((entry) => makeRplTaskEntry(entry, settings));
        rpl(tasks, (rplError, rplEntries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, rplEntries);
        });
      });
    }
    exports2.readdirWithFileTypes = readdirWithFileTypes;
    function makeRplTaskEntry(entry, settings) {
      return (done) => {
        if (!entry.dirent.isSymbolicLink()) {
          done(null, entry);
          return;
        }
        settings.fs.stat(entry.path, (statError, stats) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              done(statError);
              return;
            }
            done(null, entry);
            return;
          }
          entry.dirent = utils.fs.createDirentFromStats(entry.name, stats);
          done(null, entry);
        });
      };
    }
    function readdir(directory, settings, callback) {
      settings.fs.readdir(directory, (readdirError, names) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const tasks = names.map((name) => {
          const path = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
          return (done) => {
            fsStat.stat(path, settings.fsStatSettings, (error, stats) => {
              if (error !== null) {
                done(error);
                return;
              }
              const entry = {
                name,
                path,
                dirent: utils.fs.createDirentFromStats(name, stats)
              };
              if (settings.stats) {
                entry.stats = stats;
              }
              done(null, entry);
            });
          };
        });
        rpl(tasks, (rplError, entries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, entries);
        });
      });
    }
    exports2.readdir = readdir;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/sync.js
var require_sync2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/sync.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.readdir = exports2.readdirWithFileTypes = exports2.read = void 0;
    var fsStat = require_out();
    var constants_1 = require_constants3();
    var utils = require_utils4();
    var common = require_common();
    function read(directory, settings) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        return readdirWithFileTypes(directory, settings);
      }
      return readdir(directory, settings);
    }
    exports2.read = read;
    function readdirWithFileTypes(directory, settings) {
      const dirents = settings.fs.readdirSync(directory, { withFileTypes: true });
      return dirents.map((dirent) => {
        const entry = {
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        };
        if (entry.dirent.isSymbolicLink() && settings.followSymbolicLinks) {
          try {
            const stats = settings.fs.statSync(entry.path);
            entry.dirent = utils.fs.createDirentFromStats(entry.name, stats);
          } catch (error) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              throw error;
            }
          }
        }
        return entry;
      });
    }
    exports2.readdirWithFileTypes = readdirWithFileTypes;
    function readdir(directory, settings) {
      const names = settings.fs.readdirSync(directory);
      return names.map((name) => {
        const entryPath = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
        const stats = fsStat.statSync(entryPath, settings.fsStatSettings);
        const entry = {
          name,
          path: entryPath,
          dirent: utils.fs.createDirentFromStats(name, stats)
        };
        if (settings.stats) {
          entry.stats = stats;
        }
        return entry;
      });
    }
    exports2.readdir = readdir;
  }
});

// node_modules/@nodelib/fs.scandir/out/adapters/fs.js
var require_fs4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/adapters/fs.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.createFileSystemAdapter = exports2.FILE_SYSTEM_ADAPTER = void 0;
    var fs = require("fs");
    exports2.FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      stat: fs.stat,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync,
      readdir: fs.readdir,
      readdirSync: fs.readdirSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports2.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports2.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports2.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.scandir/out/settings.js
var require_settings2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/settings.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var path = require("path");
    var fsStat = require_out();
    var fs = require_fs4();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, false);
        this.fs = fs.createFileSystemAdapter(this._options.fs);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path.sep);
        this.stats = this._getValue(this._options.stats, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
        this.fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this.followSymbolicLinks,
          fs: this.fs,
          throwErrorOnBrokenSymbolicLink: this.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports2.default = Settings;
  }
});

// node_modules/@nodelib/fs.scandir/out/index.js
var require_out2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/index.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Settings = exports2.scandirSync = exports2.scandir = void 0;
    var async = require_async2();
    var sync = require_sync2();
    var settings_1 = require_settings2();
    exports2.Settings = settings_1.default;
    function scandir(path, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports2.scandir = scandir;
    function scandirSync(path, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports2.scandirSync = scandirSync;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/reusify/reusify.js
var require_reusify = __commonJS({
  "node_modules/reusify/reusify.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    function reusify(Constructor) {
      var head = new Constructor();
      var tail = head;
      function get() {
        var current = head;
        if (current.next) {
          head = current.next;
        } else {
          head = new Constructor();
          tail = head;
        }
        current.next = null;
        return current;
      }
      function release(obj) {
        tail.next = obj;
        tail = obj;
      }
      return {
        get,
        release
      };
    }
    module2.exports = reusify;
  }
});

// node_modules/fastq/queue.js
var require_queue = __commonJS({
  "node_modules/fastq/queue.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var reusify = require_reusify();
    function fastqueue(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      if (!(_concurrency >= 1)) {
        throw new Error("fastqueue concurrency must be equal to or greater than 1");
      }
      var cache = reusify(Task);
      var queueHead = null;
      var queueTail = null;
      var _running = 0;
      var errorHandler = null;
      var self = {
        push,
        drain: noop,
        saturated: noop,
        pause,
        paused: false,
        get concurrency() {
          return _concurrency;
        },
        set concurrency(value) {
          if (!(value >= 1)) {
            throw new Error("fastqueue concurrency must be equal to or greater than 1");
          }
          _concurrency = value;
          if (self.paused) return;
          for (; queueHead && _running < _concurrency; ) {
            _running++;
            release();
          }
        },
        running,
        resume,
        idle,
        length,
        getQueue,
        unshift,
        empty: noop,
        kill,
        killAndDrain,
        error,
        abort
      };
      return self;
      function running() {
        return _running;
      }
      function pause() {
        self.paused = true;
      }
      function length() {
        var current = queueHead;
        var counter = 0;
        while (current) {
          current = current.next;
          counter++;
        }
        return counter;
      }
      function getQueue() {
        var current = queueHead;
        var tasks = [];
        while (current) {
          tasks.push(current.value);
          current = current.next;
        }
        return tasks;
      }
      function resume() {
        if (!self.paused) return;
        self.paused = false;
        if (queueHead === null) {
          _running++;
          release();
          return;
        }
        for (; queueHead && _running < _concurrency; ) {
          _running++;
          release();
        }
      }
      function idle() {
        return _running === 0 && self.length() === 0;
      }
      function push(value, done) {
        var current = cache.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueTail) {
            queueTail.next = current;
            queueTail = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function unshift(value, done) {
        var current = cache.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueHead) {
            current.next = queueHead;
            queueHead = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function release(holder) {
        if (holder) {
          cache.release(holder);
        }
        var next = queueHead;
        if (next && _running <= _concurrency) {
          if (!self.paused) {
            if (queueTail === queueHead) {
              queueTail = null;
            }
            queueHead = next.next;
            next.next = null;
            worker.call(context, next.value, next.worked);
            if (queueTail === null) {
              self.empty();
            }
          } else {
            _running--;
          }
        } else if (--_running === 0) {
          self.drain();
        }
      }
      function kill() {
        queueHead = null;
        queueTail = null;
        self.drain = noop;
      }
      function killAndDrain() {
        queueHead = null;
        queueTail = null;
        self.drain();
        self.drain = noop;
      }
      function abort() {
        var current = queueHead;
        queueHead = null;
        queueTail = null;
        while (current) {
          var next = current.next;
          var callback = current.callback;
          var errorHandler2 = current.errorHandler;
          var val = current.value;
          var context2 = current.context;
          current.value = null;
          current.callback = noop;
          current.errorHandler = null;
          current.next = null;
          if (errorHandler2) {
            errorHandler2(new Error("abort"), val);
          }
          callback.call(context2, new Error("abort"));
          cache.release(current);
          current = next;
        }
        self.drain = noop;
      }
      function error(handler) {
        errorHandler = handler;
      }
    }
    function noop() {
    }
    function Task() {
      this.value = null;
      this.callback = noop;
      this.next = null;
      this.release = noop;
      this.context = null;
      this.errorHandler = null;
      var self = this;
      this.worked = function worked(err, result) {
        var callback = self.callback;
        var errorHandler = self.errorHandler;
        var val = self.value;
        self.value = null;
        self.callback = noop;
        if (self.errorHandler) {
          errorHandler(err, val);
        }
        callback.call(self.context, err, result);
        self.release(self);
      };
    }
    function queueAsPromised(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      function asyncWrapper(arg, cb) {
        worker.call(this, arg).then(function(res) {
          cb(null, res);
        }, cb);
      }
      var queue = fastqueue(context, asyncWrapper, _concurrency);
      var pushCb = queue.push;
      var unshiftCb = queue.unshift;
      queue.push = push;
      queue.unshift = unshift;
      queue.drained = drained;
      return queue;
      function push(value) {
        var p = new Promise(function(resolve10, reject) {
          pushCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve10(result);
          });
        });
        p.catch(noop);
        return p;
      }
      function unshift(value) {
        var p = new Promise(function(resolve10, reject) {
          unshiftCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve10(result);
          });
        });
        p.catch(noop);
        return p;
      }
      function drained() {
        var p = new Promise(function(resolve10) {
          process.nextTick(function() {
            if (queue.idle()) {
              resolve10();
            } else {
              var previousDrain = queue.drain;
              queue.drain = function() {
                if (typeof previousDrain === "function") previousDrain();
                resolve10();
                queue.drain = previousDrain;
              };
            }
          });
        });
        return p;
      }
    }
    module2.exports = fastqueue;
    module2.exports.promise = queueAsPromised;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/common.js
var require_common2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/common.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.joinPathSegments = exports2.replacePathSegmentSeparator = exports2.isAppliedFilter = exports2.isFatalError = void 0;
    function isFatalError(settings, error) {
      if (settings.errorFilter === null) {
        return true;
      }
      return !settings.errorFilter(error);
    }
    exports2.isFatalError = isFatalError;
    function isAppliedFilter(filter, value) {
      return filter === null || filter(value);
    }
    exports2.isAppliedFilter = isAppliedFilter;
    function replacePathSegmentSeparator(filepath, separator) {
      return filepath.split(/[/\\]/).join(separator);
    }
    exports2.replacePathSegmentSeparator = replacePathSegmentSeparator;
    function joinPathSegments(a, b, separator) {
      if (a === "") {
        return b;
      }
      if (a.endsWith(separator)) {
        return a + b;
      }
      return a + separator + b;
    }
    exports2.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/reader.js
var require_reader = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/reader.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var common = require_common2();
    var Reader = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._root = common.replacePathSegmentSeparator(_root, _settings.pathSegmentSeparator);
      }
    };
    exports2.default = Reader;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/async.js
var require_async3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/async.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var events_1 = require("events");
    var fsScandir = require_out2();
    var fastq = require_queue();
    var common = require_common2();
    var reader_1 = require_reader();
    var AsyncReader = class extends reader_1.default {
      constructor(_root, _settings) {
        super(_root, _settings);
        this._settings = _settings;
        this._scandir = fsScandir.scandir;
        this._emitter = new events_1.EventEmitter();
        this._queue = fastq(this._worker.bind(this), this._settings.concurrency);
        this._isFatalError = false;
        this._isDestroyed = false;
        this._queue.drain = () => {
          if (!this._isFatalError) {
            this._emitter.emit("end");
          }
        };
      }
      read() {
        this._isFatalError = false;
        this._isDestroyed = false;
        setImmediate(() => {
          this._pushToQueue(this._root, this._settings.basePath);
        });
        return this._emitter;
      }
      get isDestroyed() {
        return this._isDestroyed;
      }
      destroy() {
        if (this._isDestroyed) {
          throw new Error("The reader is already destroyed");
        }
        this._isDestroyed = true;
        this._queue.killAndDrain();
      }
      onEntry(callback) {
        this._emitter.on("entry", callback);
      }
      onError(callback) {
        this._emitter.once("error", callback);
      }
      onEnd(callback) {
        this._emitter.once("end", callback);
      }
      _pushToQueue(directory, base) {
        const queueItem = { directory, base };
        this._queue.push(queueItem, (error) => {
          if (error !== null) {
            this._handleError(error);
          }
        });
      }
      _worker(item, done) {
        this._scandir(item.directory, this._settings.fsScandirSettings, (error, entries) => {
          if (error !== null) {
            done(error, void 0);
            return;
          }
          for (const entry of entries) {
            this._handleEntry(entry, item.base);
          }
          done(null, void 0);
        });
      }
      _handleError(error) {
        if (this._isDestroyed || !common.isFatalError(this._settings, error)) {
          return;
        }
        this._isFatalError = true;
        this._isDestroyed = true;
        this._emitter.emit("error", error);
      }
      _handleEntry(entry, base) {
        if (this._isDestroyed || this._isFatalError) {
          return;
        }
        const fullpath = entry.path;
        if (base !== void 0) {
          entry.path = common.joinPathSegments(base, entry.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry)) {
          this._emitEntry(entry);
        }
        if (entry.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry.path);
        }
      }
      _emitEntry(entry) {
        this._emitter.emit("entry", entry);
      }
    };
    exports2.default = AsyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/async.js
var require_async4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/async.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var async_1 = require_async3();
    var AsyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._storage = [];
      }
      read(callback) {
        this._reader.onError((error) => {
          callFailureCallback(callback, error);
        });
        this._reader.onEntry((entry) => {
          this._storage.push(entry);
        });
        this._reader.onEnd(() => {
          callSuccessCallback(callback, this._storage);
        });
        this._reader.read();
      }
    };
    exports2.default = AsyncProvider;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, entries) {
      callback(null, entries);
    }
  }
});

// node_modules/@nodelib/fs.walk/out/providers/stream.js
var require_stream2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/stream.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var stream_1 = require("stream");
    var async_1 = require_async3();
    var StreamProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._stream = new stream_1.Readable({
          objectMode: true,
          read: () => {
          },
          destroy: () => {
            if (!this._reader.isDestroyed) {
              this._reader.destroy();
            }
          }
        });
      }
      read() {
        this._reader.onError((error) => {
          this._stream.emit("error", error);
        });
        this._reader.onEntry((entry) => {
          this._stream.push(entry);
        });
        this._reader.onEnd(() => {
          this._stream.push(null);
        });
        this._reader.read();
        return this._stream;
      }
    };
    exports2.default = StreamProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/sync.js
var require_sync3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/sync.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var fsScandir = require_out2();
    var common = require_common2();
    var reader_1 = require_reader();
    var SyncReader = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._scandir = fsScandir.scandirSync;
        this._storage = [];
        this._queue = /* @__PURE__ */ new Set();
      }
      read() {
        this._pushToQueue(this._root, this._settings.basePath);
        this._handleQueue();
        return this._storage;
      }
      _pushToQueue(directory, base) {
        this._queue.add({ directory, base });
      }
      _handleQueue() {
        for (const item of this._queue.values()) {
          this._handleDirectory(item.directory, item.base);
        }
      }
      _handleDirectory(directory, base) {
        try {
          const entries = this._scandir(directory, this._settings.fsScandirSettings);
          for (const entry of entries) {
            this._handleEntry(entry, base);
          }
        } catch (error) {
          this._handleError(error);
        }
      }
      _handleError(error) {
        if (!common.isFatalError(this._settings, error)) {
          return;
        }
        throw error;
      }
      _handleEntry(entry, base) {
        const fullpath = entry.path;
        if (base !== void 0) {
          entry.path = common.joinPathSegments(base, entry.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry)) {
          this._pushToStorage(entry);
        }
        if (entry.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry.path);
        }
      }
      _pushToStorage(entry) {
        this._storage.push(entry);
      }
    };
    exports2.default = SyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/sync.js
var require_sync4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/sync.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var sync_1 = require_sync3();
    var SyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new sync_1.default(this._root, this._settings);
      }
      read() {
        return this._reader.read();
      }
    };
    exports2.default = SyncProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/settings.js
var require_settings3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/settings.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var path = require("path");
    var fsScandir = require_out2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.basePath = this._getValue(this._options.basePath, void 0);
        this.concurrency = this._getValue(this._options.concurrency, Number.POSITIVE_INFINITY);
        this.deepFilter = this._getValue(this._options.deepFilter, null);
        this.entryFilter = this._getValue(this._options.entryFilter, null);
        this.errorFilter = this._getValue(this._options.errorFilter, null);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path.sep);
        this.fsScandirSettings = new fsScandir.Settings({
          followSymbolicLinks: this._options.followSymbolicLinks,
          fs: this._options.fs,
          pathSegmentSeparator: this._options.pathSegmentSeparator,
          stats: this._options.stats,
          throwErrorOnBrokenSymbolicLink: this._options.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports2.default = Settings;
  }
});

// node_modules/@nodelib/fs.walk/out/index.js
var require_out3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/index.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.Settings = exports2.walkStream = exports2.walkSync = exports2.walk = void 0;
    var async_1 = require_async4();
    var stream_1 = require_stream2();
    var sync_1 = require_sync4();
    var settings_1 = require_settings3();
    exports2.Settings = settings_1.default;
    function walk(directory, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        new async_1.default(directory, getSettings()).read(optionsOrSettingsOrCallback);
        return;
      }
      new async_1.default(directory, getSettings(optionsOrSettingsOrCallback)).read(callback);
    }
    exports2.walk = walk;
    function walkSync(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new sync_1.default(directory, settings);
      return provider.read();
    }
    exports2.walkSync = walkSync;
    function walkStream(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new stream_1.default(directory, settings);
      return provider.read();
    }
    exports2.walkStream = walkStream;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/fast-glob/out/readers/reader.js
var require_reader2 = __commonJS({
  "node_modules/fast-glob/out/readers/reader.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var path = require("path");
    var fsStat = require_out();
    var utils = require_utils3();
    var Reader = class {
      constructor(_settings) {
        this._settings = _settings;
        this._fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          throwErrorOnBrokenSymbolicLink: this._settings.followSymbolicLinks
        });
      }
      _getFullEntryPath(filepath) {
        return path.resolve(this._settings.cwd, filepath);
      }
      _makeEntry(stats, pattern) {
        const entry = {
          name: pattern,
          path: pattern,
          dirent: utils.fs.createDirentFromStats(pattern, stats)
        };
        if (this._settings.stats) {
          entry.stats = stats;
        }
        return entry;
      }
      _isFatalError(error) {
        return !utils.errno.isEnoentCodeError(error) && !this._settings.suppressErrors;
      }
    };
    exports2.default = Reader;
  }
});

// node_modules/fast-glob/out/readers/stream.js
var require_stream3 = __commonJS({
  "node_modules/fast-glob/out/readers/stream.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var stream_1 = require("stream");
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderStream = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkStream = fsWalk.walkStream;
        this._stat = fsStat.stat;
      }
      dynamic(root, options) {
        return this._walkStream(root, options);
      }
      static(patterns, options) {
        const filepaths = patterns.map(this._getFullEntryPath, this);
        const stream = new stream_1.PassThrough({ objectMode: true });
        stream._write = (index, _enc, done) => {
          return this._getEntry(filepaths[index], patterns[index], options).then((entry) => {
            if (entry !== null && options.entryFilter(entry)) {
              stream.push(entry);
            }
            if (index === filepaths.length - 1) {
              stream.end();
            }
            done();
          }).catch(done);
        };
        for (let i = 0; i < filepaths.length; i++) {
          stream.write(i);
        }
        return stream;
      }
      _getEntry(filepath, pattern, options) {
        return this._getStat(filepath).then((stats) => this._makeEntry(stats, pattern)).catch((error) => {
          if (options.errorFilter(error)) {
            return null;
          }
          throw error;
        });
      }
      _getStat(filepath) {
        return new Promise((resolve10, reject) => {
          this._stat(filepath, this._fsStatSettings, (error, stats) => {
            return error === null ? resolve10(stats) : reject(error);
          });
        });
      }
    };
    exports2.default = ReaderStream;
  }
});

// node_modules/fast-glob/out/readers/async.js
var require_async5 = __commonJS({
  "node_modules/fast-glob/out/readers/async.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var stream_1 = require_stream3();
    var ReaderAsync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkAsync = fsWalk.walk;
        this._readerStream = new stream_1.default(this._settings);
      }
      dynamic(root, options) {
        return new Promise((resolve10, reject) => {
          this._walkAsync(root, options, (error, entries) => {
            if (error === null) {
              resolve10(entries);
            } else {
              reject(error);
            }
          });
        });
      }
      async static(patterns, options) {
        const entries = [];
        const stream = this._readerStream.static(patterns, options);
        return new Promise((resolve10, reject) => {
          stream.once("error", reject);
          stream.on("data", (entry) => entries.push(entry));
          stream.once("end", () => resolve10(entries));
        });
      }
    };
    exports2.default = ReaderAsync;
  }
});

// node_modules/fast-glob/out/providers/matchers/matcher.js
var require_matcher = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/matcher.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var utils = require_utils3();
    var Matcher = class {
      constructor(_patterns, _settings, _micromatchOptions) {
        this._patterns = _patterns;
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this._storage = [];
        this._fillStorage();
      }
      _fillStorage() {
        for (const pattern of this._patterns) {
          const segments = this._getPatternSegments(pattern);
          const sections = this._splitSegmentsIntoSections(segments);
          this._storage.push({
            complete: sections.length <= 1,
            pattern,
            segments,
            sections
          });
        }
      }
      _getPatternSegments(pattern) {
        const parts = utils.pattern.getPatternParts(pattern, this._micromatchOptions);
        return parts.map((part) => {
          const dynamic = utils.pattern.isDynamicPattern(part, this._settings);
          if (!dynamic) {
            return {
              dynamic: false,
              pattern: part
            };
          }
          return {
            dynamic: true,
            pattern: part,
            patternRe: utils.pattern.makeRe(part, this._micromatchOptions)
          };
        });
      }
      _splitSegmentsIntoSections(segments) {
        return utils.array.splitWhen(segments, (segment) => segment.dynamic && utils.pattern.hasGlobStar(segment.pattern));
      }
    };
    exports2.default = Matcher;
  }
});

// node_modules/fast-glob/out/providers/matchers/partial.js
var require_partial = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/partial.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var matcher_1 = require_matcher();
    var PartialMatcher = class extends matcher_1.default {
      match(filepath) {
        const parts = filepath.split("/");
        const levels = parts.length;
        const patterns = this._storage.filter((info) => !info.complete || info.segments.length > levels);
        for (const pattern of patterns) {
          const section = pattern.sections[0];
          if (!pattern.complete && levels > section.length) {
            return true;
          }
          const match = parts.every((part, index) => {
            const segment = pattern.segments[index];
            if (segment.dynamic && segment.patternRe.test(part)) {
              return true;
            }
            if (!segment.dynamic && segment.pattern === part) {
              return true;
            }
            return false;
          });
          if (match) {
            return true;
          }
        }
        return false;
      }
    };
    exports2.default = PartialMatcher;
  }
});

// node_modules/fast-glob/out/providers/filters/deep.js
var require_deep = __commonJS({
  "node_modules/fast-glob/out/providers/filters/deep.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var utils = require_utils3();
    var partial_1 = require_partial();
    var DeepFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
      }
      getFilter(basePath, positive, negative) {
        const matcher = this._getMatcher(positive);
        const negativeRe = this._getNegativePatternsRe(negative);
        return (entry) => this._filter(basePath, entry, matcher, negativeRe);
      }
      _getMatcher(patterns) {
        return new partial_1.default(patterns, this._settings, this._micromatchOptions);
      }
      _getNegativePatternsRe(patterns) {
        const affectDepthOfReadingPatterns = patterns.filter(utils.pattern.isAffectDepthOfReadingPattern);
        return utils.pattern.convertPatternsToRe(affectDepthOfReadingPatterns, this._micromatchOptions);
      }
      _filter(basePath, entry, matcher, negativeRe) {
        if (this._isSkippedByDeep(basePath, entry.path)) {
          return false;
        }
        if (this._isSkippedSymbolicLink(entry)) {
          return false;
        }
        const filepath = utils.path.removeLeadingDotSegment(entry.path);
        if (this._isSkippedByPositivePatterns(filepath, matcher)) {
          return false;
        }
        return this._isSkippedByNegativePatterns(filepath, negativeRe);
      }
      _isSkippedByDeep(basePath, entryPath) {
        if (this._settings.deep === Infinity) {
          return false;
        }
        return this._getEntryLevel(basePath, entryPath) >= this._settings.deep;
      }
      _getEntryLevel(basePath, entryPath) {
        const entryPathDepth = entryPath.split("/").length;
        if (basePath === "") {
          return entryPathDepth;
        }
        const basePathDepth = basePath.split("/").length;
        return entryPathDepth - basePathDepth;
      }
      _isSkippedSymbolicLink(entry) {
        return !this._settings.followSymbolicLinks && entry.dirent.isSymbolicLink();
      }
      _isSkippedByPositivePatterns(entryPath, matcher) {
        return !this._settings.baseNameMatch && !matcher.match(entryPath);
      }
      _isSkippedByNegativePatterns(entryPath, patternsRe) {
        return !utils.pattern.matchAny(entryPath, patternsRe);
      }
    };
    exports2.default = DeepFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/entry.js
var require_entry = __commonJS({
  "node_modules/fast-glob/out/providers/filters/entry.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var utils = require_utils3();
    var EntryFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this.index = /* @__PURE__ */ new Map();
      }
      getFilter(positive, negative) {
        const [absoluteNegative, relativeNegative] = utils.pattern.partitionAbsoluteAndRelative(negative);
        const patterns = {
          positive: {
            all: utils.pattern.convertPatternsToRe(positive, this._micromatchOptions)
          },
          negative: {
            absolute: utils.pattern.convertPatternsToRe(absoluteNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true })),
            relative: utils.pattern.convertPatternsToRe(relativeNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true }))
          }
        };
        return (entry) => this._filter(entry, patterns);
      }
      _filter(entry, patterns) {
        const filepath = utils.path.removeLeadingDotSegment(entry.path);
        if (this._settings.unique && this._isDuplicateEntry(filepath)) {
          return false;
        }
        if (this._onlyFileFilter(entry) || this._onlyDirectoryFilter(entry)) {
          return false;
        }
        const isMatched = this._isMatchToPatternsSet(filepath, patterns, entry.dirent.isDirectory());
        if (this._settings.unique && isMatched) {
          this._createIndexRecord(filepath);
        }
        return isMatched;
      }
      _isDuplicateEntry(filepath) {
        return this.index.has(filepath);
      }
      _createIndexRecord(filepath) {
        this.index.set(filepath, void 0);
      }
      _onlyFileFilter(entry) {
        return this._settings.onlyFiles && !entry.dirent.isFile();
      }
      _onlyDirectoryFilter(entry) {
        return this._settings.onlyDirectories && !entry.dirent.isDirectory();
      }
      _isMatchToPatternsSet(filepath, patterns, isDirectory) {
        const isMatched = this._isMatchToPatterns(filepath, patterns.positive.all, isDirectory);
        if (!isMatched) {
          return false;
        }
        const isMatchedByRelativeNegative = this._isMatchToPatterns(filepath, patterns.negative.relative, isDirectory);
        if (isMatchedByRelativeNegative) {
          return false;
        }
        const isMatchedByAbsoluteNegative = this._isMatchToAbsoluteNegative(filepath, patterns.negative.absolute, isDirectory);
        if (isMatchedByAbsoluteNegative) {
          return false;
        }
        return true;
      }
      _isMatchToAbsoluteNegative(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const fullpath = utils.path.makeAbsolute(this._settings.cwd, filepath);
        return this._isMatchToPatterns(fullpath, patternsRe, isDirectory);
      }
      _isMatchToPatterns(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const isMatched = utils.pattern.matchAny(filepath, patternsRe);
        if (!isMatched && isDirectory) {
          return utils.pattern.matchAny(filepath + "/", patternsRe);
        }
        return isMatched;
      }
    };
    exports2.default = EntryFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/error.js
var require_error = __commonJS({
  "node_modules/fast-glob/out/providers/filters/error.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var utils = require_utils3();
    var ErrorFilter = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getFilter() {
        return (error) => this._isNonFatalError(error);
      }
      _isNonFatalError(error) {
        return utils.errno.isEnoentCodeError(error) || this._settings.suppressErrors;
      }
    };
    exports2.default = ErrorFilter;
  }
});

// node_modules/fast-glob/out/providers/transformers/entry.js
var require_entry2 = __commonJS({
  "node_modules/fast-glob/out/providers/transformers/entry.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var utils = require_utils3();
    var EntryTransformer = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getTransformer() {
        return (entry) => this._transform(entry);
      }
      _transform(entry) {
        let filepath = entry.path;
        if (this._settings.absolute) {
          filepath = utils.path.makeAbsolute(this._settings.cwd, filepath);
          filepath = utils.path.unixify(filepath);
        }
        if (this._settings.markDirectories && entry.dirent.isDirectory()) {
          filepath += "/";
        }
        if (!this._settings.objectMode) {
          return filepath;
        }
        return Object.assign(Object.assign({}, entry), { path: filepath });
      }
    };
    exports2.default = EntryTransformer;
  }
});

// node_modules/fast-glob/out/providers/provider.js
var require_provider = __commonJS({
  "node_modules/fast-glob/out/providers/provider.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var path = require("path");
    var deep_1 = require_deep();
    var entry_1 = require_entry();
    var error_1 = require_error();
    var entry_2 = require_entry2();
    var Provider = class {
      constructor(_settings) {
        this._settings = _settings;
        this.errorFilter = new error_1.default(this._settings);
        this.entryFilter = new entry_1.default(this._settings, this._getMicromatchOptions());
        this.deepFilter = new deep_1.default(this._settings, this._getMicromatchOptions());
        this.entryTransformer = new entry_2.default(this._settings);
      }
      _getRootDirectory(task) {
        return path.resolve(this._settings.cwd, task.base);
      }
      _getReaderOptions(task) {
        const basePath = task.base === "." ? "" : task.base;
        return {
          basePath,
          pathSegmentSeparator: "/",
          concurrency: this._settings.concurrency,
          deepFilter: this.deepFilter.getFilter(basePath, task.positive, task.negative),
          entryFilter: this.entryFilter.getFilter(task.positive, task.negative),
          errorFilter: this.errorFilter.getFilter(),
          followSymbolicLinks: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          stats: this._settings.stats,
          throwErrorOnBrokenSymbolicLink: this._settings.throwErrorOnBrokenSymbolicLink,
          transform: this.entryTransformer.getTransformer()
        };
      }
      _getMicromatchOptions() {
        return {
          dot: this._settings.dot,
          matchBase: this._settings.baseNameMatch,
          nobrace: !this._settings.braceExpansion,
          nocase: !this._settings.caseSensitiveMatch,
          noext: !this._settings.extglob,
          noglobstar: !this._settings.globstar,
          posix: true,
          strictSlashes: false
        };
      }
    };
    exports2.default = Provider;
  }
});

// node_modules/fast-glob/out/providers/async.js
var require_async6 = __commonJS({
  "node_modules/fast-glob/out/providers/async.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var async_1 = require_async5();
    var provider_1 = require_provider();
    var ProviderAsync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new async_1.default(this._settings);
      }
      async read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries = await this.api(root, task, options);
        return entries.map((entry) => options.transform(entry));
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports2.default = ProviderAsync;
  }
});

// node_modules/fast-glob/out/providers/stream.js
var require_stream4 = __commonJS({
  "node_modules/fast-glob/out/providers/stream.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var stream_1 = require("stream");
    var stream_2 = require_stream3();
    var provider_1 = require_provider();
    var ProviderStream = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new stream_2.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const source = this.api(root, task, options);
        const destination = new stream_1.Readable({ objectMode: true, read: () => {
        } });
        source.once("error", (error) => destination.emit("error", error)).on("data", (entry) => destination.emit("data", options.transform(entry))).once("end", () => destination.emit("end"));
        destination.once("close", () => source.destroy());
        return destination;
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports2.default = ProviderStream;
  }
});

// node_modules/fast-glob/out/readers/sync.js
var require_sync5 = __commonJS({
  "node_modules/fast-glob/out/readers/sync.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderSync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkSync = fsWalk.walkSync;
        this._statSync = fsStat.statSync;
      }
      dynamic(root, options) {
        return this._walkSync(root, options);
      }
      static(patterns, options) {
        const entries = [];
        for (const pattern of patterns) {
          const filepath = this._getFullEntryPath(pattern);
          const entry = this._getEntry(filepath, pattern, options);
          if (entry === null || !options.entryFilter(entry)) {
            continue;
          }
          entries.push(entry);
        }
        return entries;
      }
      _getEntry(filepath, pattern, options) {
        try {
          const stats = this._getStat(filepath);
          return this._makeEntry(stats, pattern);
        } catch (error) {
          if (options.errorFilter(error)) {
            return null;
          }
          throw error;
        }
      }
      _getStat(filepath) {
        return this._statSync(filepath, this._fsStatSettings);
      }
    };
    exports2.default = ReaderSync;
  }
});

// node_modules/fast-glob/out/providers/sync.js
var require_sync6 = __commonJS({
  "node_modules/fast-glob/out/providers/sync.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    var sync_1 = require_sync5();
    var provider_1 = require_provider();
    var ProviderSync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new sync_1.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries = this.api(root, task, options);
        return entries.map(options.transform);
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports2.default = ProviderSync;
  }
});

// node_modules/fast-glob/out/settings.js
var require_settings4 = __commonJS({
  "node_modules/fast-glob/out/settings.js"(exports2) {
    "use strict";
    init_import_meta_url();
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.DEFAULT_FILE_SYSTEM_ADAPTER = void 0;
    var fs = require("fs");
    var os = require("os");
    var CPU_COUNT = Math.max(os.cpus().length, 1);
    exports2.DEFAULT_FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      lstatSync: fs.lstatSync,
      stat: fs.stat,
      statSync: fs.statSync,
      readdir: fs.readdir,
      readdirSync: fs.readdirSync
    };
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.absolute = this._getValue(this._options.absolute, false);
        this.baseNameMatch = this._getValue(this._options.baseNameMatch, false);
        this.braceExpansion = this._getValue(this._options.braceExpansion, true);
        this.caseSensitiveMatch = this._getValue(this._options.caseSensitiveMatch, true);
        this.concurrency = this._getValue(this._options.concurrency, CPU_COUNT);
        this.cwd = this._getValue(this._options.cwd, process.cwd());
        this.deep = this._getValue(this._options.deep, Infinity);
        this.dot = this._getValue(this._options.dot, false);
        this.extglob = this._getValue(this._options.extglob, true);
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, true);
        this.fs = this._getFileSystemMethods(this._options.fs);
        this.globstar = this._getValue(this._options.globstar, true);
        this.ignore = this._getValue(this._options.ignore, []);
        this.markDirectories = this._getValue(this._options.markDirectories, false);
        this.objectMode = this._getValue(this._options.objectMode, false);
        this.onlyDirectories = this._getValue(this._options.onlyDirectories, false);
        this.onlyFiles = this._getValue(this._options.onlyFiles, true);
        this.stats = this._getValue(this._options.stats, false);
        this.suppressErrors = this._getValue(this._options.suppressErrors, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, false);
        this.unique = this._getValue(this._options.unique, true);
        if (this.onlyDirectories) {
          this.onlyFiles = false;
        }
        if (this.stats) {
          this.objectMode = true;
        }
        this.ignore = [].concat(this.ignore);
      }
      _getValue(option, value) {
        return option === void 0 ? value : option;
      }
      _getFileSystemMethods(methods = {}) {
        return Object.assign(Object.assign({}, exports2.DEFAULT_FILE_SYSTEM_ADAPTER), methods);
      }
    };
    exports2.default = Settings;
  }
});

// node_modules/fast-glob/out/index.js
var require_out4 = __commonJS({
  "node_modules/fast-glob/out/index.js"(exports2, module2) {
    "use strict";
    init_import_meta_url();
    var taskManager = require_tasks();
    var async_1 = require_async6();
    var stream_1 = require_stream4();
    var sync_1 = require_sync6();
    var settings_1 = require_settings4();
    var utils = require_utils3();
    async function FastGlob(source, options) {
      assertPatternsInput(source);
      const works = getWorks(source, async_1.default, options);
      const result = await Promise.all(works);
      return utils.array.flatten(result);
    }
    (function(FastGlob2) {
      FastGlob2.glob = FastGlob2;
      FastGlob2.globSync = sync;
      FastGlob2.globStream = stream;
      FastGlob2.async = FastGlob2;
      function sync(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, sync_1.default, options);
        return utils.array.flatten(works);
      }
      FastGlob2.sync = sync;
      function stream(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, stream_1.default, options);
        return utils.stream.merge(works);
      }
      FastGlob2.stream = stream;
      function generateTasks(source, options) {
        assertPatternsInput(source);
        const patterns = [].concat(source);
        const settings = new settings_1.default(options);
        return taskManager.generate(patterns, settings);
      }
      FastGlob2.generateTasks = generateTasks;
      function isDynamicPattern(source, options) {
        assertPatternsInput(source);
        const settings = new settings_1.default(options);
        return utils.pattern.isDynamicPattern(source, settings);
      }
      FastGlob2.isDynamicPattern = isDynamicPattern;
      function escapePath(source) {
        assertPatternsInput(source);
        return utils.path.escape(source);
      }
      FastGlob2.escapePath = escapePath;
      function convertPathToPattern(source) {
        assertPatternsInput(source);
        return utils.path.convertPathToPattern(source);
      }
      FastGlob2.convertPathToPattern = convertPathToPattern;
      let posix;
      (function(posix2) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapePosixPath(source);
        }
        posix2.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertPosixPathToPattern(source);
        }
        posix2.convertPathToPattern = convertPathToPattern2;
      })(posix = FastGlob2.posix || (FastGlob2.posix = {}));
      let win32;
      (function(win322) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapeWindowsPath(source);
        }
        win322.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertWindowsPathToPattern(source);
        }
        win322.convertPathToPattern = convertPathToPattern2;
      })(win32 = FastGlob2.win32 || (FastGlob2.win32 = {}));
    })(FastGlob || (FastGlob = {}));
    function getWorks(source, _Provider, options) {
      const patterns = [].concat(source);
      const settings = new settings_1.default(options);
      const tasks = taskManager.generate(patterns, settings);
      const provider = new _Provider(settings);
      return tasks.map(provider.read, provider);
    }
    function assertPatternsInput(input) {
      const source = [].concat(input);
      const isValidSource = source.every((item) => utils.string.isString(item) && !utils.string.isEmpty(item));
      if (!isValidSource) {
        throw new TypeError("Patterns must be a string (non empty) or an array of strings");
      }
    }
    module2.exports = FastGlob;
  }
});

// src/git/ignore.ts
async function listIgnoredPaths(ctx) {
  let out;
  try {
    out = (await runGit(ctx, ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"])).toString("utf8");
  } catch {
    return [];
  }
  const paths = out.split("\0").filter(Boolean);
  return paths.includes("./") ? [] : paths;
}
async function listIgnoredOf(ctx, paths) {
  if (paths.length === 0) return /* @__PURE__ */ new Set();
  const { stdout } = await runGitForCode(ctx, ["check-ignore", "--no-index", "--", ...paths]).catch(() => ({
    stdout: Buffer.alloc(0)
  }));
  return new Set(stdout.toString("utf8").split("\n").filter(Boolean));
}
async function listTrackedOf(ctx, paths) {
  if (paths.length === 0) return /* @__PURE__ */ new Set();
  const out = await runGit(ctx, ["ls-files", "-z", "--", ...paths.map((p) => `:(literal)${p}`)]);
  return new Set(out.toString("utf8").split("\0").filter(Boolean));
}
var init_ignore = __esm({
  "src/git/ignore.ts"() {
    "use strict";
    init_import_meta_url();
    init_exec();
  }
});

// src/sources/files.ts
function displayPath2(cwd, root, abs) {
  const fromCwd = (0, import_node_path10.relative)(cwd, abs);
  return toPosix2(fromCwd.startsWith("..") ? (0, import_node_path10.relative)(root, abs) || abs : fromCwd);
}
async function readStdin(stream) {
  const parts = [];
  for await (const part of stream) parts.push(typeof part === "string" ? Buffer.from(part) : part);
  return Buffer.concat(parts);
}
async function walkDirectory(dir, env) {
  const ignored = await listIgnoredPaths({ cwd: dir, env });
  const ignoredDirs = ignored.filter((p) => p.endsWith("/")).map((p) => `${import_fast_glob.default.escapePath(p)}**`);
  const ignoredFiles = new Set(ignored.filter((p) => !p.endsWith("/")));
  const entries = await (0, import_fast_glob.default)("**", {
    cwd: dir,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ["**/.git/**", "**/.git", ...ignoredDirs]
  });
  return entries.filter((e) => !ignoredFiles.has(e)).sort();
}
function readAll(fd, size2) {
  if (size2 === 0) {
    const parts = [];
    for (let part = Buffer.allocUnsafe(64 * 1024), n = (0, import_node_fs11.readSync)(fd, part); n > 0; part = Buffer.allocUnsafe(64 * 1024), n = (0, import_node_fs11.readSync)(fd, part))
      parts.push(part.subarray(0, n));
    return Buffer.concat(parts);
  }
  const data = Buffer.allocUnsafe(size2);
  let filled = 0;
  for (let n = -1; filled < size2 && n !== 0; filled += n) n = (0, import_node_fs11.readSync)(fd, data, filled, size2 - filled, filled);
  return filled === size2 ? data : data.subarray(0, filled);
}
function readOne(abs, path, explicit, options, summary) {
  if (options.skipFile?.(abs)) return void 0;
  let fd;
  try {
    fd = (0, import_node_fs11.openSync)(abs, import_node_fs11.constants.O_RDONLY | import_node_fs11.constants.O_NOFOLLOW);
    const info = (0, import_node_fs11.fstatSync)(fd);
    if (!info.isFile()) return void 0;
    if (info.size > options.maxFileSize) {
      summary.skipped.tooLarge++;
      return void 0;
    }
    const data = readAll(fd, info.size);
    if (data.length > options.maxFileSize) {
      summary.skipped.tooLarge++;
      return void 0;
    }
    return { path, data, startLine: 1, binary: countScanned(summary, data) };
  } catch (err) {
    if (err.code === "ELOOP") {
      summary.skipped.symlinks++;
      return void 0;
    }
    if (explicit)
      throw new InputError(`cannot read ${path}: ${err.code ?? err.message}`);
    summary.skipped.unreadable++;
    return void 0;
  } finally {
    if (fd !== void 0) (0, import_node_fs11.closeSync)(fd);
  }
}
async function resolveTargets(paths, cwd) {
  return Promise.all(
    paths.map(async (arg) => {
      if (arg === "-") return { arg, abs: "-", isDir: false };
      const abs = (0, import_node_path10.resolve)(cwd, arg);
      try {
        return { arg, abs, isDir: (await (0, import_promises.stat)(abs)).isDirectory() };
      } catch {
        throw new InputError(`no such file or directory: ${arg}`);
      }
    })
  );
}
async function* readFileChunks(paths, options, summary) {
  const { cwd } = options;
  for (const target of await resolveTargets(paths, cwd)) {
    if (target.abs === "-") {
      const data = await readStdin(options.stdin);
      yield { path: "<stdin>", data, startLine: 1, binary: countScanned(summary, data) };
    } else if (target.isDir) {
      for (const file of await walkDirectory(target.abs, options.env)) {
        const abs = (0, import_node_path10.resolve)(target.abs, file);
        const chunk = readOne(abs, displayPath2(cwd, target.abs, abs), false, options, summary);
        if (chunk) yield chunk;
      }
    } else {
      const chunk = readOne(target.abs, displayPath2(cwd, target.abs, target.abs) || target.arg, true, options, summary);
      if (chunk) yield chunk;
    }
  }
}
var import_node_fs11, import_promises, import_node_path10, import_fast_glob, toPosix2;
var init_files = __esm({
  "src/sources/files.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs11 = require("node:fs");
    import_promises = require("node:fs/promises");
    import_node_path10 = require("node:path");
    import_fast_glob = __toESM(require_out4(), 1);
    init_errors();
    init_ignore();
    init_chunk();
    init_binary();
    toPosix2 = (p) => import_node_path10.sep === "/" ? p : p.split(import_node_path10.sep).join("/");
  }
});

// src/commands/scan.ts
var scan_exports = {};
__export(scan_exports, {
  command: () => command4
});
var command4;
var init_scan = __esm({
  "src/commands/scan.ts"() {
    "use strict";
    init_import_meta_url();
    init_pipeline();
    init_finding();
    init_files();
    init_setup();
    command4 = {
      name: "scan",
      summary: 'Scan files and directories (default: the current directory) for Tavily API keys. Inside a git work tree, files that git ignores are skipped; symlinks are never followed; "-" reads stdin.',
      usage: "tvly-guard scan [options] [paths...]",
      allowPositionals: true,
      options: [...SCAN_OPTIONS, maxFileSizeOption("files")],
      details: "Examples:\n  tvly-guard scan\n  tvly-guard scan src config/.env --format json --output report.json\n  cat notes.txt | tvly-guard scan -",
      async run(args, io) {
        const setup = await prepareScan(args, io, { paths: "cwd" });
        const maxFileSize = readMaxFileSize(args, setup);
        const summary = emptySummary();
        const paths = args.positionals.length > 0 ? args.positionals : ["."];
        const chunks = readFileChunks(
          paths,
          { cwd: io.cwd, env: io.env, maxFileSize, stdin: io.stdin, skipFile: setup.skipsFile },
          summary
        );
        return finishScan(setup, "scan", await collectFindings(chunks, setup, summary), summary);
      }
    };
  }
});

// src/git/patch.ts
async function readStagedPatch(ctx, pathspecs) {
  const renames = pathspecs ? ["--no-renames"] : ["-M"];
  let patch;
  try {
    patch = await runGit(ctx, [
      "diff",
      "--cached",
      ...PATCH_FLAGS,
      ...renames,
      "--diff-filter=d",
      "--",
      ...pathspecs ?? []
    ]);
  } catch (err) {
    await readRepositoryFacts(ctx).catch((outside) => {
      throw new GitError("not a git repository (or any parent up to the root): run tvly-guard staged inside one", {
        cause: outside
      });
    });
    throw err;
  }
  if (patch.length === 0 && (await readRepositoryFacts(ctx)).bare) {
    throw new GitError(
      "a bare repository has no index to scan: run tvly-guard staged in a work tree (tvly-guard diff scans commits)"
    );
  }
  return patch;
}
function readStagedPatchAgainst(ctx, commit) {
  return runGit(ctx, ["diff", "--cached", ...PATCH_FLAGS, "-M", "--diff-filter=d", commit, "--"]);
}
async function listStagedEntries(ctx) {
  const out = (await runGit(ctx, [
    "diff",
    "--cached",
    "--raw",
    "-z",
    "--no-renames",
    "--no-abbrev",
    "--no-relative",
    "--no-ext-diff",
    "--diff-filter=d",
    "--"
  ])).toString("utf8");
  const fields = out.split("\0");
  const entries = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [oldMode = "", newMode = "", oldOid = "", newOid = "", status = ""] = fields[i].slice(1).split(" ");
    entries.push({ oldMode, newMode, oldOid, newOid, status, path: fields[i + 1] });
  }
  return entries;
}
function readRangePatches(ctx, revs) {
  const format = `--format=${COMMIT_MARKER.replace("", "%x01").replace("\0", "%x00")}%H%x00%an <%ae>%x00%aI`;
  return streamGit(ctx, [
    "log",
    format,
    ...PATCH_FLAGS,
    "--cc",
    "-M",
    "-D",
    "--root",
    "--no-show-signature",
    ...revs,
    "--"
  ]);
}
var PATCH_FLAGS, COMMIT_MARKER;
var init_patch = __esm({
  "src/git/patch.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_exec();
    init_repository();
    PATCH_FLAGS = [
      "-p",
      "-U0",
      "--inter-hunk-context=0",
      "--no-color",
      "--no-ext-diff",
      "--no-textconv",
      "--no-relative",
      "--full-index",
      "--submodule=short",
      "--src-prefix=a/",
      "--dst-prefix=b/"
    ];
    COMMIT_MARKER = "tvly-guard-commit\0";
  }
});

// src/sources/patch-chunks.ts
function* chunksFromFile(file, summary, commit, binaries) {
  if (file.gitlink || file.deleted) return;
  if (file.binary) {
    if (binaries && file.newOid) binaries.push(commit ? { file, commit } : { file });
    else summary.skipped.binary++;
    return;
  }
  if (file.added.length === 0) return;
  summary.files++;
  for (const run2 of file.added) {
    summary.bytes += run2.data.length;
    yield { path: file.path, data: run2.data, startLine: run2.startLine, ...commit ? { commit } : {} };
  }
}
async function* readBinaryBlobs(ctx, binaries, summary, maxSize = DEFAULT_MAX_FILE_SIZE) {
  if (binaries.length === 0) return;
  const sizes = await readBlobSizes(ctx, [...new Set(binaries.map((b) => b.file.newOid))]);
  let batch = [];
  let bytes = 0;
  const flush = async function* () {
    const blobs = await readBlobs(ctx, [...new Set(batch.map((b) => b.file.newOid))]);
    for (const { file, commit } of batch) {
      const data = blobs.get(file.newOid);
      if (!data) {
        summary.skipped.unreadable++;
        continue;
      }
      yield { path: file.path, data, startLine: 1, binary: countScanned(summary, data), ...commit ? { commit } : {} };
    }
    batch = [];
    bytes = 0;
  };
  for (const binary of binaries) {
    const size2 = sizes.get(binary.file.newOid);
    if (size2 === void 0) summary.skipped.unreadable++;
    else if (size2 > maxSize) summary.skipped.tooLarge++;
    else {
      if (bytes + size2 > BATCH_BYTES && batch.length > 0) yield* flush();
      batch.push(binary);
      bytes += size2;
    }
  }
  if (batch.length > 0) yield* flush();
}
var BATCH_BYTES;
var init_patch_chunks = __esm({
  "src/sources/patch-chunks.ts"() {
    "use strict";
    init_import_meta_url();
    init_cat_file();
    init_chunk();
    BATCH_BYTES = 64 * 1024 * 1024;
  }
});

// src/sources/unified-diff.ts
function unquoteGitPath(text) {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes = [];
  const body = Buffer.from(text.slice(1, -1), "utf8");
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (b !== BACKSLASH2) {
      bytes.push(b);
      continue;
    }
    const next = String.fromCharCode(body[++i] ?? 0);
    if (next >= "0" && next <= "7") {
      bytes.push(parseInt(body.toString("latin1", i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function readQuoted(text, at) {
  let i = at + 1;
  for (; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') break;
  }
  return { value: unquoteGitPath(text.slice(at, i + 1)), end: i + 1 };
}
function parseGitHeaderPath(rest) {
  let b;
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    const second = rest.slice(first.end + 1);
    b = second.startsWith('"') ? readQuoted(second, 0).value : second;
  } else if (rest.endsWith('"')) {
    const at = rest.lastIndexOf(' "b/');
    b = at === -1 ? rest : readQuoted(rest, at + 1).value;
  } else {
    const half = (rest.length - 5) / 2;
    const p = rest.slice(2, 2 + half);
    if (Number.isInteger(half) && rest === `a/${p} b/${p}`) return p;
    const at = rest.indexOf(" b/");
    b = at === -1 ? rest : rest.slice(at + 1);
  }
  return b.startsWith("b/") ? b.slice(2) : b;
}
function pathField(text, prefix) {
  const field2 = text.endsWith("	") ? text.slice(0, -1) : text;
  const value = field2.startsWith('"') ? unquoteGitPath(field2) : field2;
  return prefix && value.startsWith(prefix) ? value.slice(prefix.length) : value;
}
async function* parseUnifiedDiff(pieces) {
  const parser = new DiffParser();
  const splitter = new LineSplitter();
  const onLine = (line) => parser.line(line);
  for await (const piece of pieces) {
    splitter.push(piece, onLine);
    if (parser.records.length > 0) yield* parser.take();
  }
  splitter.end(onLine);
  parser.end();
  yield* parser.take();
}
function newFile(path, combined) {
  return {
    path,
    newOid: void 0,
    newMode: void 0,
    deleted: false,
    binary: false,
    gitlink: false,
    combined,
    added: [],
    pathFrom: "header"
  };
}
function isCombinedLine(line, parents) {
  if (line.length < parents) return false;
  for (let i = 0; i < parents; i++) {
    const b = line[i];
    if (b !== PLUS && b !== MINUS && b !== SPACE) return false;
  }
  return true;
}
function parseHunkHeader(text) {
  let ats = 0;
  while (text[ats] === "@") ats++;
  if (ats === 2) {
    const m2 = HUNK_2WAY.exec(text);
    if (!m2) return void 0;
    return {
      parents: 1,
      oldLeft: m2[1] === void 0 ? 1 : Number(m2[1]),
      next: Number(m2[2]),
      newLeft: m2[3] === void 0 ? 1 : Number(m2[3]),
      runStart: 0,
      run: []
    };
  }
  if (ats < 3) return void 0;
  const close = text.indexOf(` ${"@".repeat(ats)}`, ats);
  const m = HUNK_COMBINED_NEW.exec(text.slice(0, close === -1 ? void 0 : close + ats + 1));
  if (!m) return void 0;
  return {
    parents: ats - 1,
    oldLeft: 0,
    newLeft: m[2] === void 0 ? 1 : Number(m[2]),
    next: Number(m[1]),
    runStart: 0,
    run: []
  };
}
function readFileHeader(file, text) {
  const setMode = (mode) => {
    file.newMode = mode;
    if (mode === GITLINK_MODE) file.gitlink = true;
  };
  if (text.startsWith("+++ ")) {
    const value = text.slice(4);
    if (value === "/dev/null") file.deleted = true;
    else {
      file.path = pathField(value, "b/");
      file.pathFrom = "field";
    }
    return true;
  }
  if (text.startsWith("--- ")) return true;
  if (text.startsWith("index ")) {
    const m = /^index [0-9a-f,]+\.\.([0-9a-f]+)(?: (\d+))?$/.exec(text);
    if (m) {
      file.newOid = m[1];
      if (m[2]) setMode(m[2]);
    }
    return true;
  }
  for (const key of ["new file mode ", "new mode ", "mode "]) {
    if (text.startsWith(key)) {
      setMode(text.slice(key.length).split("..").pop());
      return true;
    }
  }
  if (text.startsWith("deleted file mode ")) {
    file.deleted = true;
    if (text.endsWith(GITLINK_MODE)) file.gitlink = true;
    return true;
  }
  for (const key of ["rename to ", "copy to "]) {
    if (text.startsWith(key)) {
      if (file.pathFrom === "header") file.path = pathField(text.slice(key.length), "");
      return true;
    }
  }
  if (text.startsWith("Binary files ")) {
    file.binary = true;
    if (text.endsWith(" and /dev/null differ")) file.deleted = true;
    return true;
  }
  return /^(old mode|similarity index|dissimilarity index|rename from|copy from|GIT binary patch) ?/.test(text);
}
var NL, PLUS, MINUS, SPACE, BACKSLASH2, GITLINK_MODE, LineSplitter, C_ESCAPES, HUNK_2WAY, HUNK_COMBINED_NEW, startsWith, DiffParser;
var init_unified_diff = __esm({
  "src/sources/unified-diff.ts"() {
    "use strict";
    init_import_meta_url();
    NL = 10;
    PLUS = 43;
    MINUS = 45;
    SPACE = 32;
    BACKSLASH2 = 92;
    GITLINK_MODE = "160000";
    LineSplitter = class {
      pending = [];
      /** Call `onLine` for every line `piece` completes. */
      push(piece, onLine) {
        let start = 0;
        for (let nl = piece.indexOf(NL); nl !== -1; nl = piece.indexOf(NL, start)) {
          if (this.pending.length > 0) {
            this.pending.push(piece.subarray(start, nl));
            onLine(Buffer.concat(this.pending));
            this.pending = [];
          } else {
            onLine(piece.subarray(start, nl));
          }
          start = nl + 1;
        }
        if (start < piece.length) this.pending.push(piece.subarray(start));
      }
      /** The last line, when the stream does not end with "\n". */
      end(onLine) {
        if (this.pending.length > 0) onLine(Buffer.concat(this.pending));
        this.pending = [];
      }
    };
    C_ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
    HUNK_2WAY = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
    HUNK_COMBINED_NEW = / \+(\d+)(?:,(\d+))? @@/;
    startsWith = (line, text) => line.length >= text.length && line.toString("latin1", 0, text.length) === text;
    DiffParser = class {
      records = [];
      file;
      hunk;
      take() {
        const out = this.records;
        this.records = [];
        return out;
      }
      end() {
        this.endFile();
      }
      line(line) {
        const hunk = this.hunk;
        if (hunk) {
          if (hunk.parents === 1 && (hunk.oldLeft > 0 || hunk.newLeft > 0)) {
            const first = line[0];
            if (first === PLUS) {
              this.addLine(hunk, line.subarray(1));
              hunk.next++;
              hunk.newLeft--;
              return;
            }
            if (first === MINUS) {
              this.flushRun(hunk);
              hunk.oldLeft--;
              return;
            }
            if (first === SPACE || line.length === 0) {
              this.flushRun(hunk);
              hunk.next++;
              hunk.oldLeft--;
              hunk.newLeft--;
              return;
            }
          } else if (hunk.parents > 1 && isCombinedLine(line, hunk.parents)) {
            const prefix = line.subarray(0, hunk.parents);
            if (prefix.includes(MINUS)) {
              this.flushRun(hunk);
            } else {
              if (prefix.every((b) => b === PLUS)) this.addLine(hunk, line.subarray(hunk.parents));
              else this.flushRun(hunk);
              hunk.next++;
            }
            return;
          }
          if (line[0] === BACKSLASH2) return;
          this.endHunk();
        }
        if (startsWith(line, "diff --git ")) {
          this.endFile();
          this.file = newFile(parseGitHeaderPath(line.toString("utf8", 11)), false);
          return;
        }
        if (startsWith(line, "diff --cc ") || startsWith(line, "diff --combined ")) {
          this.endFile();
          this.file = newFile(pathField(line.toString("utf8", line.indexOf(SPACE, 5) + 1), ""), true);
          return;
        }
        if (this.file && line[0] === 64) {
          this.hunk = parseHunkHeader(line.toString("latin1"));
          if (this.hunk) return;
        }
        if (this.file && readFileHeader(this.file, line.toString("utf8"))) return;
        if (line[0] === BACKSLASH2) return;
        this.endFile();
        this.records.push({ kind: "line", line });
      }
      addLine(hunk, content) {
        if (hunk.run.length === 0) hunk.runStart = hunk.next;
        hunk.run.push(content);
      }
      /** Close the current run of added lines: one buffer, lines joined by "\n". */
      flushRun(hunk) {
        const run2 = hunk.run;
        if (run2.length === 0) return;
        let size2 = run2.length - 1;
        for (const part of run2) size2 += part.length;
        const data = Buffer.allocUnsafe(size2);
        let at = 0;
        for (const [i, part] of run2.entries()) {
          if (i > 0) data[at++] = NL;
          at += part.copy(data, at);
        }
        this.file.added.push({ startLine: hunk.runStart, data });
        hunk.run = [];
      }
      endHunk() {
        if (this.hunk) this.flushRun(this.hunk);
        this.hunk = void 0;
      }
      endFile() {
        this.endHunk();
        const done = this.file;
        this.file = void 0;
        if (!done) return;
        const { pathFrom: _, ...patch } = done;
        this.records.push({ kind: "file", file: patch });
      }
    };
  }
});

// src/sources/staged.ts
async function* readStagedChunks(ctx, summary) {
  let patch;
  try {
    patch = await readStagedPatch(ctx);
  } catch (err) {
    if (!isMissingObjectFailure(err)) throw err;
    yield* readStagedWithoutFetching(ctx, summary, err);
    return;
  }
  const mergeHeads = readMergeHeads(ctx.cwd, ctx.env);
  if (mergeHeads.length === 0) {
    yield* chunksFromPatch(ctx, patch, summary);
    return;
  }
  const others = await Promise.all(
    mergeHeads.map(async (head) => addedLineSets(await readStagedPatchAgainst(ctx, head)))
  );
  yield* chunksFromPatch(
    ctx,
    patch,
    summary,
    (path, line) => others.every((added) => added.get(path)?.has(line) === true)
  );
}
async function* chunksFromPatch(ctx, patch, summary, keepLine) {
  const unmerged = [];
  const binaries = keepLine ? void 0 : [];
  for await (const record of parseUnifiedDiff([patch])) {
    if (record.kind === "line") {
      const m = /^\* Unmerged path (.*)$/s.exec(record.line.toString("utf8"));
      if (m) unmerged.push(unquoteGitPath(m[1]));
      continue;
    }
    const file = record.file;
    if (keepLine) file.added = file.added.flatMap((run2) => filterRun(run2, (line) => keepLine(file.path, line)));
    yield* chunksFromFile(file, summary, void 0, binaries);
  }
  if (binaries) yield* readBinaryBlobs(ctx, binaries, summary);
  if (unmerged.length > 0)
    summary.warnings.push(
      `${plural2(unmerged.length, "path")} with an unresolved conflict not scanned (git add it once resolved): ${unmerged.join(", ")}`
    );
}
async function addedLineSets(patch) {
  const sets = /* @__PURE__ */ new Map();
  for await (const record of parseUnifiedDiff([patch])) {
    if (record.kind !== "file") continue;
    const set = sets.get(record.file.path) ?? /* @__PURE__ */ new Set();
    for (const run2 of record.file.added)
      for (let i = 0, n = countLines(run2.data); i < n; i++) set.add(run2.startLine + i);
    sets.set(record.file.path, set);
  }
  return sets;
}
function filterRun(run2, keep) {
  const out = [];
  let start = 0;
  let current;
  for (let line = run2.startLine; start <= run2.data.length; line++) {
    const nl = run2.data.indexOf(10, start);
    const end = nl === -1 ? run2.data.length : nl;
    if (keep(line)) {
      if (current) current.to = end;
      else current = { startLine: line, from: start, to: end };
    } else if (current) {
      out.push({ startLine: current.startLine, data: run2.data.subarray(current.from, current.to) });
      current = void 0;
    }
    start = end + 1;
  }
  if (current) out.push({ startLine: current.startLine, data: run2.data.subarray(current.from, current.to) });
  return out;
}
async function* readStagedWithoutFetching(ctx, summary, original) {
  const entries = (await listStagedEntries(ctx)).filter((e) => e.newMode !== "160000" && e.status !== "U");
  const missing = await listMissingHeadObjects(ctx);
  const whole = entries.filter((e) => missing.has(e.oldOid));
  if (whole.length === 0) throw original;
  const excluded = whole.map((e) => `:(top,exclude,literal)${e.path}`);
  yield* chunksFromPatch(ctx, await readStagedPatch(ctx, [":/", ...excluded]), summary);
  const blobs = await readBlobs(
    ctx,
    whole.map((e) => e.newOid)
  );
  for (const entry of whole) {
    const data = blobs.get(entry.newOid);
    yield { path: entry.path, data, startLine: 1, binary: countScanned(summary, data) };
  }
  summary.warnings.push(
    `partial clone: the committed version of ${plural2(whole.length, "staged file")} is not in this repository and tvly-guard never fetches, so ${whole.length === 1 ? "it was" : "they were"} scanned whole: ${whole.map((e) => e.path).join(", ")}`
  );
}
var countLines, plural2;
var init_staged = __esm({
  "src/sources/staged.ts"() {
    "use strict";
    init_import_meta_url();
    init_cat_file();
    init_exec();
    init_objects();
    init_patch();
    init_work_tree();
    init_chunk();
    init_patch_chunks();
    init_unified_diff();
    countLines = (data) => {
      let n = 1;
      for (let at = data.indexOf(10); at !== -1; at = data.indexOf(10, at + 1)) n++;
      return n;
    };
    plural2 = (n, one2) => `${n} ${one2}${n === 1 ? "" : "s"}`;
  }
});

// src/commands/staged.ts
var staged_exports = {};
__export(staged_exports, {
  command: () => command5
});
var command5;
var init_staged2 = __esm({
  "src/commands/staged.ts"() {
    "use strict";
    init_import_meta_url();
    init_pipeline();
    init_finding();
    init_staged();
    init_setup();
    command5 = {
      name: "staged",
      summary: "Scan what the next commit would add: the lines staged in the index against HEAD. It reads the index git will commit (GIT_INDEX_FILE, set by git for `commit -a` and `commit <paths>`), not the working tree, and reports only added lines, with the staged file's line numbers.",
      usage: "tvly-guard staged [options]",
      allowPositionals: false,
      options: [...SCAN_OPTIONS],
      details: [
        "Examples:",
        "  tvly-guard staged                      # in .git/hooks/pre-commit or .husky/pre-commit",
        "  tvly-guard staged --format json",
        "",
        "A pure rename adds no lines; a copy is scanned as a new file. Binary files are read whole (up to",
        "10MiB) and searched by byte offset; submodule bumps are never findings. In a partial clone nothing",
        "is fetched."
      ].join("\n"),
      async run(args, io) {
        const setup = await prepareScan(args, io);
        const summary = emptySummary();
        const chunks = readStagedChunks({ cwd: io.cwd, env: io.env }, summary);
        return finishScan(setup, "staged", await collectFindings(chunks, setup, summary), summary);
      }
    };
  }
});

// src/sources/range.ts
function passesFromRange(args) {
  if (args.length === 0)
    throw new UsageError(
      "diff: give a revision range (for example origin/main..HEAD, A...B or C^!) or --stdin-refs (see tvly-guard diff --help)"
    );
  for (const arg of args) {
    if (arg.startsWith("-") || arg.trim() === "")
      throw new UsageError(`diff: "${arg}" is not a revision range (see tvly-guard diff --help)`);
  }
  return [[...args]];
}
function parsePushLines(text) {
  const pushed = { updated: [], created: [] };
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [, localSha, , remoteSha, extra] = line.split(/\s+/);
    if (!localSha || !remoteSha || extra !== void 0 || !SHA.test(localSha) || !SHA.test(remoteSha)) {
      throw new InputError(
        `--stdin-refs: line ${i + 1} is not "<local ref> <local sha> <remote ref> <remote sha>", as git gives a pre-push hook`
      );
    }
    if (ZERO.test(localSha)) continue;
    if (ZERO.test(remoteSha)) pushed.created.push(localSha);
    else pushed.updated.push({ local: localSha, remote: remoteSha });
  }
  return pushed;
}
async function passesFromPush(ctx, pushed, remote) {
  const locals = pushed.updated.map((u) => u.local);
  const remoteShas = await filterKnownCommits(ctx, [...new Set(pushed.updated.map((u) => u.remote))]);
  if (remote === void 0) {
    const all = [...locals, ...pushed.created];
    return all.length > 0 ? [[...all, "--not", "--remotes", ...remoteShas]] : [];
  }
  const passes = [];
  if (locals.length > 0) passes.push([...locals, "--not", `--remotes=${remote}`, ...remoteShas]);
  if (pushed.created.length > 0) passes.push([...pushed.created, "--not", "--remotes", ...locals]);
  return passes;
}
function explainRevisionFailure(err, shape) {
  const stderr = gitStderr(err);
  const m = /(?:bad revision|ambiguous argument) '([^'\n]*)'|Invalid revision range (\S+)/.exec(stderr);
  if (m) {
    const what = m[1] ?? m[2];
    throw new GitError(
      shape.shallow ? `unknown revision ${what}: this is a shallow clone, so the base may not have been fetched; ${FETCH_ALL_HINT}` : `unknown revision ${what}: no such commit, branch or tag here (a range needs both ends, and HEAD~N needs N commits)`,
      { cause: err }
    );
  }
  if (/promisor remote|transport '[^']*' not allowed/.test(stderr)) {
    throw new GitError(
      "this partial clone does not hold the content of every commit in the range, and tvly-guard never fetches: run it in a full clone (or fetch the blobs first)",
      { cause: err }
    );
  }
  throw err;
}
async function checkShallowBoundary(ctx, passes, shape) {
  if (!shape.shallow) return;
  const boundary = new Set(shape.shallowBoundary);
  for (const revs of passes) {
    const commits = await listRangeCommits(ctx, revs).catch((err) => explainRevisionFailure(err, shape));
    const hit = commits.find((c) => boundary.has(c));
    if (hit) {
      throw new GitError(
        `the range reaches the shallow boundary of this clone at ${hit.slice(0, 12)}: the commits before it were never fetched, so part of the range cannot be read; ${FETCH_ALL_HINT}`
      );
    }
  }
}
function parseCommitLine(line) {
  const text = line.toString("utf8");
  if (!text.startsWith(COMMIT_MARKER)) return void 0;
  const [sha, author, date] = text.slice(COMMIT_MARKER.length).split("\0");
  return { sha, author, date };
}
async function* readRangeChunks(ctx, passes, summary) {
  const shape = await readRepositoryFacts(ctx);
  await checkShallowBoundary(ctx, passes, shape);
  const seen = /* @__PURE__ */ new Set();
  for (const revs of passes) {
    let commit;
    let skip = false;
    const binaries = [];
    try {
      for await (const record of parseUnifiedDiff(readRangePatches(ctx, revs))) {
        if (record.kind === "line") {
          const next = parseCommitLine(record.line);
          if (!next) continue;
          commit = next;
          skip = seen.has(next.sha);
          if (!skip) {
            seen.add(next.sha);
            summary.commits++;
          }
        } else if (commit && !skip) {
          yield* chunksFromFile(record.file, summary, commit, binaries);
        }
      }
      yield* readBinaryBlobs(ctx, binaries, summary);
    } catch (err) {
      if (err instanceof GitError) explainRevisionFailure(err, shape);
      throw err;
    }
  }
}
var ZERO, SHA;
var init_range = __esm({
  "src/sources/range.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_exec();
    init_patch();
    init_refs();
    init_repository();
    init_patch_chunks();
    init_unified_diff();
    ZERO = /^0+$/;
    SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
  }
});

// src/commands/diff.ts
var diff_exports = {};
__export(diff_exports, {
  command: () => command6
});
async function readAll2(stream) {
  const parts = [];
  for await (const part of stream) parts.push(typeof part === "string" ? Buffer.from(part) : part);
  return Buffer.concat(parts).toString("utf8");
}
var command6;
var init_diff = __esm({
  "src/commands/diff.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_pipeline();
    init_finding();
    init_range();
    init_args();
    init_setup();
    command6 = {
      name: "diff",
      summary: "Scan the lines added by each commit of a revision range (A..B, A...B, C^!), or, with --stdin-refs, the commits a pre-push hook is about to push. Merges are scanned for what the merge itself introduced (conflict resolutions). Findings name their commit, author and date.",
      usage: "tvly-guard diff [options] <range>... | tvly-guard diff --stdin-refs [--remote NAME]",
      allowPositionals: true,
      options: [
        ...SCAN_OPTIONS,
        {
          name: "stdin-refs",
          type: "boolean",
          description: "read git's pre-push lines from stdin and scan only the commits not on the remote yet"
        },
        {
          name: "remote",
          type: "string",
          value: "NAME",
          description: "with --stdin-refs: the remote pushed to (a pre-push hook's $1); default: any remote"
        }
      ],
      details: [
        "Examples:",
        "  tvly-guard diff origin/main..HEAD          # what a branch adds (CI on a pull request)",
        "  tvly-guard diff v1.2.0...feature           # symmetric difference",
        "  tvly-guard diff 4f2a9c1^!                  # one commit",
        '  tvly-guard diff --stdin-refs --remote "$1" # in .git/hooks/pre-push (git passes the remote name as $1)',
        "",
        "A key added and removed again inside the range is still reported: it is in the history you push.",
        "A range that reaches past a shallow clone's boundary, or whose base was never fetched, is exit 2:",
        "fetch the full history (actions/checkout `fetch-depth: 0`, or `git fetch --unshallow`)."
      ].join("\n"),
      async run(args, io) {
        const setup = await prepareScan(args, io);
        const stdinRefs = booleanOption(args, "stdin-refs");
        const remote = stringOption(args, "remote");
        if (stdinRefs && args.positionals.length > 0)
          throw new UsageError("diff: give either a range or --stdin-refs, not both");
        if (!stdinRefs && remote !== void 0) throw new UsageError("diff: --remote goes with --stdin-refs");
        if (stdinRefs && io.stdin.isTTY)
          throw new UsageError(
            "diff --stdin-refs reads git's pre-push lines from stdin; run it from a pre-push hook or pipe them in"
          );
        const ctx = { cwd: io.cwd, env: io.env };
        const passes = stdinRefs ? await passesFromPush(ctx, parsePushLines(await readAll2(io.stdin)), remote) : passesFromRange(args.positionals);
        const summary = emptySummary();
        const findings = await collectFindings(readRangeChunks(ctx, passes, summary), setup, summary);
        if (!stdinRefs && summary.commits === 0)
          summary.warnings.push(`the range ${args.positionals.join(" ")} holds no commits: nothing was scanned`);
        return finishScan(setup, "diff", findings, summary);
      }
    };
  }
});

// src/fix/diff.ts
function diffLines(a, b) {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = /* @__PURE__ */ new Map([[1, 0]]);
  const trace = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x2 = k === -d || k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1) ? v.get(k + 1) : v.get(k - 1) + 1;
      let y2 = x2 - k;
      while (x2 < n && y2 < m && a[x2] === b[y2]) {
        x2++;
        y2++;
      }
      v.set(k, x2);
      if (x2 >= n && y2 >= m) break outer;
    }
  }
  const ops = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1) ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x] });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: "+", line: b[--y] });
      else ops.push({ kind: "-", line: a[--x] });
    }
  }
  return ops.reverse();
}
function splitLines2(text) {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  else lines[lines.length - 1] += "\n\\ No newline at end of file";
  return lines;
}
function unifiedDiff(path, before, after, context = 3) {
  if (before === after) return "";
  const ops = diffLines(splitLines2(before ?? ""), splitLines2(after));
  const out = [`--- ${before === null ? "/dev/null" : `a/${path}`}`, `+++ b/${path}`];
  let i = 0;
  let aLine = 1;
  let bLine = 1;
  while (i < ops.length) {
    if (ops[i].kind === " ") {
      i++;
      aLine++;
      bLine++;
      continue;
    }
    const start = Math.max(0, i - context);
    const lead = i - start;
    let end = i;
    let quiet = 0;
    while (end < ops.length && quiet <= context * 2) {
      quiet = ops[end].kind === " " ? quiet + 1 : 0;
      end++;
    }
    if (quiet > context) end -= quiet - context;
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== "+").length;
    const bCount = hunk.filter((o) => o.kind !== "-").length;
    const aStart = aLine - lead;
    const bStart = bLine - lead;
    out.push(`@@ -${aCount === 0 ? aStart - 1 : aStart},${aCount} +${bCount === 0 ? bStart - 1 : bStart},${bCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line}`);
    for (const o of ops.slice(i, end)) {
      if (o.kind !== "+") aLine++;
      if (o.kind !== "-") bLine++;
    }
    i = end;
  }
  return `${out.join("\n")}
`;
}
var init_diff2 = __esm({
  "src/fix/diff.ts"() {
    "use strict";
    init_import_meta_url();
  }
});

// src/fix/site.ts
function locate(text, start, end, style) {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const nl = text.indexOf("\n", end);
  const lineEnd = nl === -1 ? text.length : nl;
  let quote2 = "";
  let open = -1;
  for (let i = lineStart; i < lineEnd; i++) {
    const ch = text[i];
    if (quote2) {
      if (ch === "\\" && style.escapes.includes(quote2)) {
        i++;
        continue;
      }
      if (ch === quote2) {
        if (open < start && i >= end) return { kind: "string", open, close: i, quote: quote2 };
        if (i >= start) return { kind: "unknown" };
        quote2 = "";
      }
      continue;
    }
    if (i === start) return { kind: "bare" };
    const marker = style.comments.find((m) => text.startsWith(m, i));
    if (marker && (!style.commentNeedsSpace || i === lineStart || /\s/.test(text[i - 1]))) return { kind: "comment" };
    if (style.quotes.includes(ch)) {
      quote2 = ch;
      open = i;
    }
  }
  return { kind: "unknown" };
}
function spliceLiteral(site, ctx, expr, join6) {
  const q = ctx.quote;
  const before = site.text.slice(ctx.open + 1, site.start);
  const after = site.text.slice(site.end, ctx.close);
  const parts = [before ? `${q}${before}${q}` : "", expr, after ? `${q}${after}${q}` : ""].filter(Boolean);
  return { start: ctx.open, end: ctx.close + 1, replacement: parts.join(join6) };
}
var baseName;
var init_site = __esm({
  "src/fix/site.ts"() {
    "use strict";
    init_import_meta_url();
    baseName = (path) => path.slice(path.lastIndexOf("/") + 1);
  }
});

// src/fix/dotenv.ts
function isEnvTemplate(path) {
  return /^\.env\.(?:example|sample|template|dist|defaults)$/i.test(baseName(path));
}
function isEnvFile(path) {
  const name = baseName(path);
  return !isEnvTemplate(path) && (/^\.env(?:\..+)?$/i.test(name) || /\.env$/i.test(name) || name === ".envrc");
}
function parseEnv(text) {
  const values = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const raw = m[2];
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    values.set(m[1], quoted ? quoted[2] : raw.replace(/\s+#.*$/, ""));
  }
  return values;
}
var envFile, EnvPlan;
var init_dotenv = __esm({
  "src/fix/dotenv.ts"() {
    "use strict";
    init_import_meta_url();
    init_site();
    envFile = {
      name: ".env",
      owns: (path) => isEnvFile(path),
      rewrite: () => ({ kind: "keep" })
    };
    EnvPlan = class {
      constructor(existing) {
        this.existing = existing;
      }
      existing;
      added = [];
      valueOf(name) {
        return this.existing.get(name) ?? this.added.find(([n]) => n === name)?.[1];
      }
      /** The name that already holds `value` (`wanted` first), else `wanted`, else a fresh `wanted_2`... */
      nameFor(value, wanted) {
        if (this.valueOf(wanted) === value) return wanted;
        for (const [n, v] of [...this.existing, ...this.added]) if (v === value) return n;
        let name = wanted;
        for (let i = 2; this.valueOf(name) !== void 0; i++) name = `${wanted}_${i}`;
        return name;
      }
      /** Record `name=value`; false when `name` already holds another value (the caller must not use it). */
      claim(name, value) {
        const current = this.valueOf(name);
        if (current === value) return true;
        if (current !== void 0) return false;
        this.added.push([name, value]);
        return true;
      }
      /** The text to append to the .env file (after its current content). */
      appendTo(current) {
        if (this.added.length === 0) return current ?? "";
        const eol = current?.includes("\r\n") ? "\r\n" : "\n";
        const head = current === null || current === "" ? "" : current.endsWith("\n") ? current : current + eol;
        return head + this.added.map(([n, v]) => `${n}=${v}${eol}`).join("");
      }
    };
  }
});

// src/fix/dockerfile.ts
var SETTING, dockerfile;
var init_dockerfile = __esm({
  "src/fix/dockerfile.ts"() {
    "use strict";
    init_import_meta_url();
    init_site();
    SETTING = /^([ \t]*)(ENV|ARG)([ \t]+)([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]*=[ \t]*|[ \t]+)(["']?)([^\s"']+)\5[ \t]*$/i;
    dockerfile = {
      name: "Dockerfile",
      owns: (path) => /^(?:Dockerfile|Containerfile)(?:\..+)?$/i.test(baseName(path)) || /\.dockerfile$/i.test(path),
      rewrite(site) {
        const lineStart = site.text.lastIndexOf("\n", site.start - 1) + 1;
        const nl = site.text.indexOf("\n", site.end);
        const lineEnd = nl === -1 ? site.text.length : site.text[nl - 1] === "\r" ? nl - 1 : nl;
        const m = SETTING.exec(site.text.slice(lineStart, lineEnd));
        if (!m || m[6] !== site.text.slice(site.start, site.end)) {
          return {
            kind: "manual",
            reason: "pass the key at build time as a secret (RUN --mount=type=secret) or at run time (docker run --env-file .env), never in the Dockerfile"
          };
        }
        const [, indent, instruction, , name] = m;
        const replacement = instruction.toUpperCase() === "ARG" ? `${indent}${instruction} ${name}` : `${indent}# ${name} comes from the environment at run time: docker run --env-file .env \u2026`;
        return {
          kind: "edit",
          edits: [{ start: lineStart, end: lineEnd, replacement }],
          envVar: name,
          shows: instruction.toUpperCase() === "ARG" ? `${instruction} ${name}` : `run-time ${name}`
        };
      }
    };
  }
});

// src/fix/docs.ts
var docs;
var init_docs = __esm({
  "src/fix/docs.ts"() {
    "use strict";
    init_import_meta_url();
    init_dotenv();
    docs = {
      name: "docs",
      owns: (path) => /\.(?:md|mdx|markdown|rst|adoc|txt)$/i.test(path) || isEnvTemplate(path),
      rewrite: (site) => ({
        kind: "edit",
        edits: [{ start: site.start, end: site.end, replacement: site.placeholder }],
        envVar: site.envVar,
        shows: site.placeholder
      })
    };
  }
});

// src/fix/js.ts
var STYLE, EXTENSIONS, TYPESCRIPT, FALLBACK, js;
var init_js = __esm({
  "src/fix/js.ts"() {
    "use strict";
    init_import_meta_url();
    init_site();
    STYLE = { quotes: "\"'`", escapes: "\"'`", comments: ["//", "/*"] };
    EXTENSIONS = /\.(?:[cm]?js|jsx|[cm]?ts|tsx)$/i;
    TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/i;
    FALLBACK = /process\.env(?:\.([A-Za-z_$][\w$]*)|\[\s*(["'`])([^"'`]+)\2\s*\])\s*(?:\|\||\?\?)\s*$/;
    js = {
      name: "JavaScript/TypeScript",
      owns: (path) => EXTENSIONS.test(path),
      rewrite(site) {
        const bang = TYPESCRIPT.test(site.path) ? "!" : "";
        const ctx = locate(site.text, site.start, site.end, STYLE);
        if (ctx.kind !== "string")
          return {
            kind: "manual",
            reason: ctx.kind === "comment" ? "the key is in a comment: delete it from the comment" : "the key is not in a one-line string literal"
          };
        const whole = ctx.open + 1 === site.start && site.end === ctx.close;
        if (whole) {
          const lead = site.text.slice(site.text.lastIndexOf("\n", ctx.open - 1) + 1, ctx.open);
          const fallback = FALLBACK.exec(lead);
          if (fallback) {
            const name = fallback[1] ?? fallback[3];
            const operatorAt = ctx.open - lead.length + fallback.index + fallback[0].search(/\s*(?:\|\||\?\?)\s*$/);
            return {
              kind: "edit",
              edits: [{ start: operatorAt, end: ctx.close + 1, replacement: bang }],
              envVar: name,
              shows: `process.env.${name}${bang}`
            };
          }
        }
        const expr = `process.env.${site.envVar}${bang}`;
        if (ctx.quote === "`")
          return {
            kind: "edit",
            edits: [{ start: site.start, end: site.end, replacement: `\${${expr}}` }],
            envVar: site.envVar,
            shows: expr
          };
        return { kind: "edit", edits: [spliceLiteral(site, ctx, expr, " + ")], envVar: site.envVar, shows: expr };
      }
    };
  }
});

// src/fix/python.ts
function importOffset(text) {
  let at = 0;
  const lineEnd = (from) => {
    const nl = text.indexOf("\n", from);
    return nl === -1 ? text.length : nl + 1;
  };
  while (at < text.length && /^(?:#.*|\s*)$/.test(text.slice(at, lineEnd(at)).trimEnd())) at = lineEnd(at);
  const doc = /^[rRuU]?("""|''')/.exec(text.slice(at));
  if (doc) {
    const close = text.indexOf(doc[1], at + doc[0].length);
    if (close !== -1) at = lineEnd(close + 3);
  }
  while (at < text.length && /^(?:from\s+__future__\s+import\b.*|\s*)$/.test(text.slice(at, lineEnd(at)).trimEnd())) {
    if (!text.slice(at, lineEnd(at)).trim()) break;
    at = lineEnd(at);
  }
  return at;
}
var STYLE2, DEFAULT_ARG, python;
var init_python = __esm({
  "src/fix/python.ts"() {
    "use strict";
    init_import_meta_url();
    init_site();
    STYLE2 = { quotes: `"'`, escapes: `"'`, comments: ["#"] };
    DEFAULT_ARG = /os\.(?:getenv|environ\.get)\(\s*(["'])(\w+)\1\s*,\s*$/;
    python = {
      name: "Python",
      owns: (path, text) => /\.pyw?$/i.test(path) || /^#!.*\bpython/.test(text),
      rewrite(site) {
        const ctx = locate(site.text, site.start, site.end, STYLE2);
        if (ctx.kind !== "string")
          return {
            kind: "manual",
            reason: ctx.kind === "comment" ? "the key is in a comment: delete it from the comment" : "the key is not in a one-line string literal"
          };
        const q = ctx.quote;
        if (site.text[ctx.open - 1] === q || site.text[ctx.close + 1] === q)
          return { kind: "manual", reason: "the key is in a triple-quoted string" };
        const prefix = /[A-Za-z]*$/.exec(site.text.slice(Math.max(0, ctx.open - 3), ctx.open))[0].toLowerCase();
        if (prefix.includes("b")) return { kind: "manual", reason: "the key is in a bytes literal" };
        if (prefix.includes("f")) {
          const other = q === '"' ? "'" : '"';
          const expr2 = `os.environ[${other}${site.envVar}${other}]`;
          return {
            kind: "edit",
            edits: [{ start: site.start, end: site.end, replacement: `{${expr2}}` }],
            envVar: site.envVar,
            shows: expr2
          };
        }
        if (prefix) return { kind: "manual", reason: `the key is in a ${prefix}-prefixed string literal` };
        if (ctx.open + 1 === site.start && site.end === ctx.close) {
          const lead = site.text.slice(site.text.lastIndexOf("\n", ctx.open - 1) + 1, ctx.open);
          const def = DEFAULT_ARG.exec(lead);
          if (def) {
            const commaAt = ctx.open - lead.length + lead.lastIndexOf(",");
            return {
              kind: "edit",
              edits: [{ start: commaAt, end: ctx.close + 1, replacement: "" }],
              envVar: def[2],
              shows: `${def[0].slice(0, def[0].indexOf(","))})`
            };
          }
        }
        const expr = `os.environ["${site.envVar}"]`;
        return { kind: "edit", edits: [spliceLiteral(site, ctx, expr, " + ")], envVar: site.envVar, shows: expr };
      },
      finish(text) {
        if (!/\bos\.(?:environ|getenv)\b/.test(text) || /^(?:import\s+(?:[\w.]+\s*,\s*)*os\b|from\s+os\s+import\s+(?:environ|getenv))/m.test(text))
          return [];
        const eol = text.includes("\r\n") ? "\r\n" : "\n";
        return [{ start: importOffset(text), end: importOffset(text), replacement: `import os${eol}` }];
      }
    };
  }
});

// src/fix/shell.ts
var STYLE3, shell;
var init_shell = __esm({
  "src/fix/shell.ts"() {
    "use strict";
    init_import_meta_url();
    init_site();
    STYLE3 = { quotes: `"'`, escapes: '"', comments: ["#"], commentNeedsSpace: true };
    shell = {
      name: "shell",
      owns: (path, text) => /\.(?:sh|bash|zsh|ksh)$/i.test(path) || /^#!.*\b(?:sh|bash|zsh|ksh|dash)\b/.test(text) || /^\.?(?:bashrc|zshrc|profile)$/.test(baseName(path)),
      rewrite(site) {
        const ctx = locate(site.text, site.start, site.end, STYLE3);
        const lookup = `\${${site.envVar}}`;
        const edit = (replacement, start = site.start, end = site.end) => ({
          kind: "edit",
          edits: [{ start, end, replacement }],
          envVar: site.envVar,
          shows: lookup
        });
        switch (ctx.kind) {
          case "string":
            if (ctx.quote === '"') return edit(lookup);
            if (ctx.open + 1 === site.start && site.end === ctx.close) return edit(`"${lookup}"`, ctx.open, ctx.close + 1);
            if (site.end === ctx.close) return edit(`'"${lookup}"`, site.start, ctx.close + 1);
            if (ctx.open + 1 === site.start) return edit(`"${lookup}"'`, ctx.open, site.end);
            return edit(`'"${lookup}"'`);
          case "bare":
            return edit(`"${lookup}"`);
          case "comment":
            return { kind: "manual", reason: "the key is in a comment: delete it from the comment" };
          default:
            return { kind: "manual", reason: "the key is in a multi-line string" };
        }
      }
    };
  }
});

// src/fix/string-literal.ts
function stringLanguage(spec) {
  const style = { quotes: spec.quotes, escapes: spec.quotes.replace("`", ""), comments: spec.comments };
  return {
    name: spec.name,
    owns: (path) => spec.extensions.test(path),
    rewrite(site) {
      const ctx = locate(site.text, site.start, site.end, style);
      if (ctx.kind !== "string")
        return {
          kind: "manual",
          reason: ctx.kind === "comment" ? "the key is in a comment: delete it from the comment" : "the key is not in a one-line string literal"
        };
      const expr = spec.lookup(site.envVar);
      return { kind: "edit", edits: [spliceLiteral(site, ctx, expr, spec.join)], envVar: site.envVar, shows: expr };
    },
    ...spec.finish ? { finish: spec.finish } : {}
  };
}
function addGoImport(text) {
  if (!text.includes("os.Getenv(") || /^\s*(?:import\s+)?(?:\w+\s+)?"os"\s*$/m.test(text)) return [];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const block = /^import\s*\(\s*?\r?\n/m.exec(text);
  if (block)
    return [{ start: block.index + block[0].length, end: block.index + block[0].length, replacement: `	"os"${eol}` }];
  const pkg = /^package\s+\w+[^\n]*\n/m.exec(text);
  const at = pkg ? pkg.index + pkg[0].length : 0;
  return [{ start: at, end: at, replacement: `${eol}import "os"${eol}` }];
}
var ruby, jvm, csharp, php, go;
var init_string_literal = __esm({
  "src/fix/string-literal.ts"() {
    "use strict";
    init_import_meta_url();
    init_site();
    ruby = stringLanguage({
      name: "Ruby",
      extensions: /\.rb$/i,
      quotes: `"'`,
      comments: ["#"],
      lookup: (v) => `ENV.fetch("${v}")`,
      join: " + "
    });
    jvm = stringLanguage({
      name: "Java/Kotlin",
      extensions: /\.(?:java|kt|kts)$/i,
      quotes: '"',
      comments: ["//", "/*"],
      lookup: (v) => `System.getenv("${v}")`,
      join: " + "
    });
    csharp = stringLanguage({
      name: "C#",
      extensions: /\.cs$/i,
      quotes: '"',
      comments: ["//", "/*"],
      lookup: (v) => `Environment.GetEnvironmentVariable("${v}")`,
      join: " + "
    });
    php = stringLanguage({
      name: "PHP",
      extensions: /\.php$/i,
      quotes: `"'`,
      comments: ["//", "#", "/*"],
      lookup: (v) => `getenv('${v}')`,
      join: " . "
    });
    go = stringLanguage({
      name: "Go",
      extensions: /\.go$/i,
      quotes: '"`',
      comments: ["//", "/*"],
      lookup: (v) => `os.Getenv("${v}")`,
      join: " + ",
      finish: addGoImport
    });
  }
});

// src/fix/yaml.ts
function workflowNote(path, envVar) {
  return WORKFLOW.test(path) ? `add the repository secret ${envVar} (Settings > Secrets and variables > Actions, or: gh secret set ${envVar} < file-holding-the-new-key)` : void 0;
}
var STYLE4, WORKFLOW, yaml;
var init_yaml = __esm({
  "src/fix/yaml.ts"() {
    "use strict";
    init_import_meta_url();
    init_site();
    STYLE4 = { quotes: `"'`, escapes: '"', comments: ["#"], commentNeedsSpace: true };
    WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/i;
    yaml = {
      name: "YAML",
      owns: (path) => /\.ya?ml$/i.test(path),
      rewrite(site) {
        const ctx = locate(site.text, site.start, site.end, STYLE4);
        if (ctx.kind === "comment")
          return { kind: "manual", reason: "the key is in a comment: delete it from the comment" };
        if (ctx.kind === "unknown") return { kind: "manual", reason: "the key is in a multi-line scalar" };
        const workflow = WORKFLOW.test(site.path);
        const lookup = workflow ? `\${{ secrets.${site.envVar} }}` : `\${${site.envVar}}`;
        const edits = [{ start: site.start, end: site.end, replacement: ctx.kind === "bare" ? `"${lookup}"` : lookup }];
        return { kind: "edit", edits, envVar: site.envVar, shows: lookup };
      }
    };
  }
});

// src/fix/languages.ts
function languageFor(path, text) {
  return LANGUAGES.find((l) => l.owns(path, text));
}
function manualInstruction(path, envVar) {
  if (/\.ipynb$/i.test(path))
    return `notebook: in the cell, replace the key with os.environ["${envVar}"] (the value is in .env), then clear the cell outputs`;
  if (/\.json5?$/i.test(path))
    return `JSON cannot read environment variables: remove the key here and have the program that reads this file take it from ${envVar} (the value is in .env)`;
  if (/\.toml$/i.test(path))
    return `TOML cannot read environment variables: remove the key here and have the program read ${envVar} (the value is in .env)`;
  return `no safe rewrite for this file type: replace the key with a lookup of ${envVar} (the value is in .env)`;
}
var LANGUAGES;
var init_languages = __esm({
  "src/fix/languages.ts"() {
    "use strict";
    init_import_meta_url();
    init_dockerfile();
    init_docs();
    init_dotenv();
    init_js();
    init_python();
    init_shell();
    init_string_literal();
    init_yaml();
    LANGUAGES = [
      envFile,
      js,
      python,
      ruby,
      go,
      jvm,
      csharp,
      php,
      dockerfile,
      yaml,
      shell,
      docs
    ];
  }
});

// src/fix/plan.ts
function readOrNull(abs) {
  try {
    return (0, import_node_fs12.readFileSync)(abs, "utf8");
  } catch {
    return null;
  }
}
function applyEdits(text, edits) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}
async function* readTargets(options, summary) {
  const targets = options.paths.map((arg) => {
    const abs = (0, import_node_path11.resolve)(options.cwd, arg);
    try {
      return { abs, dir: (0, import_node_fs12.statSync)(abs).isDirectory() ? abs : (0, import_node_path11.dirname)(abs) };
    } catch {
      throw new InputError(`no such file or directory: ${arg}`);
    }
  });
  for (const { abs, dir } of targets) {
    for await (const chunk of readFileChunks(
      [abs],
      { cwd: dir, env: options.env, maxFileSize: options.maxFileSize, stdin: options.stdin },
      summary
    )) {
      yield { chunk, abs: (0, import_node_path11.resolve)(dir, chunk.path) };
    }
  }
}
async function planFix(options) {
  const { root, rules } = options;
  const remediation = rules[0]?.remediation;
  const defaultVar = remediation?.envVar ?? "API_KEY";
  const placeholder = remediation?.placeholder ?? "<key>";
  const envAbs = (0, import_node_path11.resolve)(root, ENV_FILE);
  const envBefore = readOrNull(envAbs);
  const env = new EnvPlan(parseEnv(envBefore ?? ""));
  const plan = { root, changes: [], outcomes: [], todo: [], envVars: [], files: 0 };
  const keptEnvFiles = /* @__PURE__ */ new Set();
  const summary = emptySummary();
  for await (const { chunk, abs } of readTargets(options, summary)) {
    const matches = detectSecrets(chunk, rules);
    if (matches.length === 0) continue;
    const path = toPosix3((0, import_node_path11.relative)(root, abs));
    const text = chunk.data.toString("utf8");
    const lineOf = (offset) => chunk.data.subarray(0, offset).toString("latin1").split("\n").length;
    const outcome = (m, status, detail) => plan.outcomes.push({ path, line: lineOf(m.offset), secret: redact(m.secret, m.prefix), status, detail });
    if (path.startsWith("..") || path === "") {
      for (const m of matches) outcome(m, "manual", "outside the repository: not changed");
      continue;
    }
    const language = languageFor(path, text);
    const decodable = Buffer.from(text, "utf8").equals(chunk.data);
    const edits = [];
    for (const m of matches) {
      const wanted = env.nameFor(m.secret, defaultVar);
      if (language?.name === ".env") {
        keptEnvFiles.add(path);
        outcome(m, "kept", "env file: the key stays here, and the file is kept out of git");
        continue;
      }
      if (!language || !decodable) {
        env.claim(wanted, m.secret);
        outcome(m, "manual", decodable ? manualInstruction(path, wanted) : "not valid UTF-8: edit it by hand");
        continue;
      }
      const start = chunk.data.subarray(0, m.offset).toString("utf8").length;
      if (text.slice(start, start + m.secret.length) !== m.secret) {
        env.claim(wanted, m.secret);
        outcome(m, "manual", `the key is encoded here: remove it by hand (the value is in .env as ${wanted})`);
        continue;
      }
      const result = language.rewrite({ path, text, start, end: start + m.secret.length, envVar: wanted, placeholder });
      if (result.kind === "edit" && overlaps(edits, result.edits)) {
        outcome(m, "manual", "shares a string with another key: run fix again after this one");
      } else if (result.kind === "edit") {
        let saved = result.envVar;
        if (!env.claim(result.envVar, m.secret)) {
          env.claim(wanted, m.secret);
          saved = wanted;
        }
        edits.push(...result.edits);
        if (!plan.envVars.includes(result.envVar)) plan.envVars.push(result.envVar);
        outcome(
          m,
          "fixed",
          saved === result.envVar ? `now ${result.shows}` : `now ${result.shows}; .env already sets ${result.envVar}, so this old value is kept in .env as ${saved}`
        );
        const note = workflowNote(path, result.envVar);
        if (note && !plan.todo.includes(note)) plan.todo.push(note);
      } else if (result.kind === "manual") {
        env.claim(wanted, m.secret);
        outcome(m, "manual", `${result.reason} (the value is in .env as ${wanted})`);
      }
    }
    if (edits.length) {
      const edited = applyEdits(text, edits);
      const after = applyEdits(edited, language?.finish?.(edited) ?? []);
      plan.changes.push({ path, abs, before: text, after });
    }
    plan.files++;
  }
  if (env.added.length)
    plan.changes.push({ path: ENV_FILE, abs: envAbs, before: envBefore, after: env.appendTo(envBefore) });
  await planGitignore(plan, options.env, envBefore !== null || env.added.length > 0, keptEnvFiles);
  return plan;
}
async function planGitignore(plan, gitEnv2, hasRootEnv, keptEnvFiles) {
  const envFiles = [.../* @__PURE__ */ new Set([...hasRootEnv ? [ENV_FILE] : [], ...keptEnvFiles])];
  if (envFiles.length === 0) return;
  const git = { cwd: plan.root, env: gitEnv2 };
  const ignored = await listIgnoredOf(git, envFiles);
  const tracked = await listTrackedOf(git, envFiles);
  const missing = envFiles.filter((p) => !ignored.has(p));
  if (missing.length) {
    const abs = (0, import_node_path11.resolve)(plan.root, ".gitignore");
    const before = readOrNull(abs);
    const eol = before?.includes("\r\n") ? "\r\n" : "\n";
    const head = before === null || before === "" ? "" : before.endsWith("\n") ? before : before + eol;
    const lines = missing.map((p) => p === ENV_FILE ? ENV_FILE : `/${p}`);
    plan.changes.push({ path: ".gitignore", abs, before, after: head + lines.map((l) => `${l}${eol}`).join("") });
  }
  for (const p of tracked) {
    plan.todo.push(
      `${p} is tracked by git, so ignoring it is not enough: run \`git rm --cached -- ${p}\` (the file stays on your disk) and commit; collaborators' copies are removed when they pull, so tell them first`
    );
  }
}
var import_node_fs12, import_node_path11, ENV_FILE, toPosix3, overlaps;
var init_plan = __esm({
  "src/fix/plan.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs12 = require("node:fs");
    import_node_path11 = require("node:path");
    init_detect();
    init_redact();
    init_errors();
    init_ignore();
    init_finding();
    init_files();
    init_dotenv();
    init_languages();
    init_yaml();
    ENV_FILE = ".env";
    toPosix3 = (p) => import_node_path11.sep === "/" ? p : p.split(import_node_path11.sep).join("/");
    overlaps = (a, b) => a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
  }
});

// src/commands/fix.ts
var fix_exports = {};
__export(fix_exports, {
  command: () => command7
});
function colorDiff(diff, c) {
  return diff.replace(
    /^([-+@].*)$/gm,
    (line) => line.startsWith("@@") ? c.cyan(line) : line.startsWith("---") || line.startsWith("+++") ? c.bold(line) : line.startsWith("-") ? c.red(line) : c.green(line)
  );
}
function checkTargets(root, changes) {
  const realRoot = (0, import_node_fs13.realpathSync)(root);
  for (const change of changes) {
    let isLink = false;
    try {
      isLink = (0, import_node_fs13.lstatSync)(change.abs).isSymbolicLink();
    } catch {
    }
    const realDir = (0, import_node_fs13.realpathSync)((0, import_node_path12.dirname)(change.abs));
    const inside = !(0, import_node_path12.relative)(realRoot, realDir).startsWith("..");
    if (isLink || !inside)
      throw new InputError(
        `fix: refusing to write ${change.path}: ${isLink ? "it is a symbolic link" : "it resolves outside the repository"}`
      );
  }
}
function writeChanges(root, changes) {
  checkTargets(root, changes);
  for (const change of changes) {
    try {
      (0, import_node_fs13.writeFileSync)((0, import_node_path12.resolve)(change.abs), change.after);
    } catch (err) {
      throw new InputError(
        `fix: cannot write ${change.path}: ${err.code ?? err.message}`
      );
    }
  }
}
function renderOutcome(plan, dryRun, c) {
  if (plan.outcomes.length === 0) return "tvly-guard fix: no keys found in the working tree.\n";
  const label = { fixed: c.green(dryRun ? "would fix" : "fixed"), kept: c.cyan("kept"), manual: c.yellow("by hand") };
  const out = [
    `tvly-guard fix: ${plan.outcomes.length} ${plan.outcomes.length === 1 ? "place" : "places"} in ${plan.files} ${plan.files === 1 ? "file" : "files"}${dryRun ? " (dry run: nothing written)" : ""}`
  ];
  for (const o of plan.outcomes)
    out.push(`  ${label[o.status].padEnd(dryRun ? 9 : 7)}  ${o.path}:${o.line}  ${o.secret}  ${o.detail}`);
  if (plan.changes.length)
    out.push(
      "",
      `${dryRun ? "Files that would change" : "Files changed"}: ${plan.changes.map((ch) => ch.before === null ? `${ch.path} (new)` : ch.path).join(", ")}`
    );
  const next = [];
  if (plan.envVars.length)
    next.push(
      `the code now reads ${plan.envVars.join(", ")} from the environment: load .env when you run it (node --env-file=.env, python-dotenv, docker run --env-file .env, or export it in your shell)`
    );
  next.push(...plan.todo);
  if (!dryRun && plan.changes.length)
    next.push(
      `re-stage the changed files (git add ${plan.changes.filter((ch) => ch.path !== ".env").map((ch) => ch.path).join(" ")}) and run tvly-guard staged`
    );
  next.push(NOT_A_REVOCATION);
  out.push("", "Next:", ...next.map((n) => `  - ${n}`));
  return `${out.join("\n")}
`;
}
var import_node_fs13, import_node_path12, import_picocolors2, NOT_A_REVOCATION, command7;
var init_fix = __esm({
  "src/commands/fix.ts"() {
    "use strict";
    init_import_meta_url();
    import_node_fs13 = require("node:fs");
    import_node_path12 = require("node:path");
    import_picocolors2 = __toESM(require_picocolors(), 1);
    init_redact();
    init_rule();
    init_errors();
    init_diff2();
    init_plan();
    init_work_tree();
    init_chunk();
    init_args();
    NOT_A_REVOCATION = "fix moves keys, it does not revoke them: a key that was ever committed, pushed or shared must still be revoked and replaced (tvly-guard history shows where it went)";
    command7 = {
      name: "fix",
      summary: "Move Tavily API keys out of working-tree files (default: the whole work tree): each literal becomes an environment lookup for its language, the value goes to .env at the repository root, and .env is git-ignored. Files that cannot be rewritten safely (JSON, notebooks, unknown types) are listed with what to do.",
      usage: "tvly-guard fix [options] [paths...]",
      allowPositionals: true,
      exitCodes: "Exit codes: 0 nothing left to do, 1 keys remain for you to handle by hand (with --dry-run: there are changes to make), 2 usage or runtime error.",
      options: [
        {
          name: "dry-run",
          type: "boolean",
          short: "n",
          description: "show the changes as a unified diff (keys redacted) and write nothing"
        },
        { name: "no-color", type: "boolean", description: "no colours (NO_COLOR and FORCE_COLOR are honoured too)" }
      ],
      details: [
        'Rewrites: JS/TS process.env.NAME \xB7 Python os.environ["NAME"] (adds import os) \xB7 Ruby, Java/Kotlin, C#, PHP, Go lookups \xB7 shell "${NAME}" \xB7',
        "YAML ${NAME} (GitHub workflows: ${{ secrets.NAME }}) \xB7 Dockerfile ENV/ARG lines \xB7 docs get the placeholder \xB7",
        ".env files stay as they are and are git-ignored.",
        "fix never deletes a key (it ends up in .env) and never writes outside the repository.",
        `${NOT_A_REVOCATION}.`,
        "",
        "Examples:\n  tvly-guard fix --dry-run\n  tvly-guard fix src app.py && git add -A && tvly-guard staged"
      ].join("\n"),
      async run(args, io) {
        if (args.positionals.includes("-"))
          throw new UsageError("fix: stdin (-) cannot be fixed; name files or directories");
        const root = findWorkTreeRoot(io.cwd, io.env);
        if (!root)
          throw new GitError("fix works inside a git work tree (it keeps .env out of git); run it from your repository");
        const rules = builtinRules();
        const dryRun = booleanOption(args, "dry-run");
        const color = !booleanOption(args, "no-color") && !io.env.NO_COLOR && (io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== "0" : io.stdoutIsTTY);
        const c = import_picocolors2.default.createColors(color);
        const paths = args.positionals.length ? args.positionals : [root];
        const plan = await planFix({
          cwd: io.cwd,
          env: io.env,
          root,
          paths,
          rules,
          stdin: io.stdin,
          maxFileSize: DEFAULT_MAX_FILE_SIZE
        });
        const scrub2 = (text) => scrubSecrets(
          text,
          rules.map((r) => r.regex)
        );
        if (dryRun) {
          for (const change of plan.changes)
            io.stdout(scrub2(colorDiff(unifiedDiff(change.path, change.before, change.after), c)));
        } else {
          writeChanges(root, plan.changes);
        }
        io.stdout(scrub2(renderOutcome(plan, dryRun, c)));
        const manual = plan.outcomes.some((o) => o.status === "manual") || plan.todo.length > 0;
        return manual || dryRun && plan.changes.length > 0 ? ExitCode.findings : ExitCode.clean;
      }
    };
  }
});

// src/sources/blob-set.ts
var BlobSet;
var init_blob_set = __esm({
  "src/sources/blob-set.ts"() {
    "use strict";
    init_import_meta_url();
    BlobSet = class {
      words;
      capacity;
      count = 0;
      width = 0;
      constructor(initialCapacity = 1 << 14) {
        this.capacity = initialCapacity;
        this.words = new Uint32Array(0);
      }
      get size() {
        return this.count;
      }
      /** Add `hex`; false when it was already there. */
      add(hex) {
        if (this.width === 0) this.init(hex.length / 8);
        const key = this.parse(hex);
        if (this.find(key) !== -1) return false;
        if ((this.count + 1) * 2 > this.capacity) this.grow();
        this.insert(key);
        this.count++;
        return true;
      }
      has(hex) {
        return this.width !== 0 && hex.length === this.width * 8 && this.find(this.parse(hex)) !== -1;
      }
      init(width) {
        if (!Number.isInteger(width) || width < 1) throw new Error(`not an object id: length ${width * 8}`);
        this.width = width;
        this.words = new Uint32Array(this.capacity * width);
      }
      scratch = [];
      parse(hex) {
        const key = this.scratch;
        for (let w = 0; w < this.width; w++) key[w] = Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16) >>> 0;
        key[0] = key[0] | 0 ? key[0] : 1;
        return key;
      }
      find(key) {
        const { words, width, capacity } = this;
        for (let slot = key[0] & capacity - 1; ; slot = slot + 1 & capacity - 1) {
          const at = slot * width;
          if (words[at] === 0) return -1;
          let same = true;
          for (let w = 0; w < width && same; w++) same = words[at + w] === key[w];
          if (same) return slot;
        }
      }
      insert(key) {
        const { words, width, capacity } = this;
        let slot = key[0] & capacity - 1;
        while (words[slot * width] !== 0) slot = slot + 1 & capacity - 1;
        for (let w = 0; w < width; w++) words[slot * width + w] = key[w];
      }
      grow() {
        const old = this.words;
        const width = this.width;
        this.capacity *= 2;
        this.words = new Uint32Array(this.capacity * width);
        const key = [];
        for (let at = 0; at < old.length; at += width) {
          if (old[at] === 0) continue;
          for (let w = 0; w < width; w++) key[w] = old[at + w];
          this.insert(key);
        }
      }
    };
  }
});

// src/sources/history.ts
async function scanHistory(options, summary) {
  const { revs, rules, progress } = options;
  const ctx = { cwd: options.cwd, env: options.env };
  const facts = await readRepositoryFacts(ctx);
  if (facts.shallow) summary.warnings.push(shallowWarning(facts.shallowBoundary));
  const missing = facts.partial ? await listMissingBlobs(ctx, revs) : /* @__PURE__ */ new Set();
  const totalCommits = options.countCommits ? await countCommits(ctx, revs) : 0;
  const seen = new BlobSet();
  const inFlight = /* @__PURE__ */ new Map();
  const hits = /* @__PURE__ */ new Map();
  let missingSeen = 0;
  const missingListed = [];
  const started = Date.now();
  const onObject = (o) => {
    const appearances = inFlight.get(o.name) ?? [];
    inFlight.delete(o.name);
    if (o.kind !== "blob") {
      if (o.kind === "too-large") summary.skipped.tooLarge++;
      else summary.skipped.unreadable++;
      return;
    }
    const binary = countScanned(summary, o.data);
    const found = detectSecrets({ path: appearances[0]?.path ?? "", data: o.data, startLine: 1, binary }, rules);
    if (found.length > 0) hits.set(o.name, { matches: firstOfEachKey(found), appearances });
    progress.update(() => progressLine(summary, totalCommits, started));
  };
  const readerCount = Math.max(1, options.readers ?? 2);
  const readers = Array.from(
    { length: readerCount },
    () => new CatFileReader(ctx, { maxSize: options.maxFileSize, onObject })
  );
  let commitSeq = 0;
  let current;
  const waiting = /* @__PURE__ */ new Set();
  const log = streamHistoryLog(ctx, revs, {
    onCommit(commit) {
      current = { ...commit, seq: commitSeq++ };
      summary.commits++;
    },
    onChange(change) {
      if (change.mode === GITLINK) return;
      const appearance = { path: change.path, commit: current };
      const sha = change.blob;
      const hit = hits.get(sha);
      if (hit) return void hit.appearances.push(appearance);
      const pending = inFlight.get(sha);
      if (pending) return void pending.push(appearance);
      if (!seen.add(sha)) return;
      if (missing.has(sha)) {
        if (missingSeen++ < MAX_LISTED_MISSING) missingListed.push(`${sha} (${change.path})`);
        return;
      }
      inFlight.set(sha, [appearance]);
      const reader = readers[readerCount === 1 ? 0 : hashPath(change.path) % readerCount];
      if (!reader.request(sha) && !waiting.has(reader)) {
        waiting.add(reader);
        log.pause();
        reader.onDrain(() => {
          waiting.delete(reader);
          if (waiting.size === 0) log.resume();
        });
      }
    }
  });
  try {
    await log.done;
  } finally {
    for (const reader of readers) reader.end();
  }
  await Promise.all(readers.map((r) => r.done));
  progress.done();
  if (missingSeen > 0) summary.warnings.push(missingWarning(missingSeen, missingListed));
  const introduced = attribute(hits);
  await markInHead(introduced, {
    ctx,
    head: facts.head,
    seen,
    hits,
    missing,
    maxFileSize: options.maxFileSize,
    rules
  });
  return introduced;
}
function attribute(hits) {
  const best = /* @__PURE__ */ new Map();
  for (const hit of hits.values()) {
    for (const match of hit.matches) {
      for (const appearance of hit.appearances) {
        const id = `${match.secret}\0${appearance.path}`;
        const known = best.get(id);
        if (!known || appearance.commit.seq > known.appearance.commit.seq) best.set(id, { match, appearance });
      }
    }
  }
  return [...best.values()].map(({ match, appearance: { path, commit } }) => ({
    match,
    chunk: {
      path,
      data: Buffer.alloc(0),
      startLine: 1,
      commit: { sha: commit.sha, author: commit.author, date: commit.date }
    },
    inHead: null
  }));
}
async function markInHead(found, ctx) {
  if (found.length === 0 || ctx.head === null) return;
  const paths = [...new Set(found.map((f) => f.chunk.path))];
  const atHead = await listBlobsAt(ctx.ctx, ctx.head, paths);
  const unread = [...new Set(atHead.values())].filter((sha) => !ctx.seen.has(sha) && !ctx.missing.has(sha));
  const extra = await readBlobs(ctx.ctx, unread, ctx.maxFileSize);
  const keysIn = /* @__PURE__ */ new Map();
  for (const sha of new Set(atHead.values())) {
    const hit = ctx.hits.get(sha);
    if (hit) keysIn.set(sha, new Set(hit.matches.map((m) => m.secret)));
    else if (ctx.missing.has(sha)) keysIn.set(sha, null);
    else if (extra.has(sha)) {
      const data = extra.get(sha);
      keysIn.set(
        sha,
        data ? new Set(detectSecrets({ path: "", data, startLine: 1 }, ctx.rules).map((m) => m.secret)) : null
      );
    } else keysIn.set(sha, /* @__PURE__ */ new Set());
  }
  for (const f of found) {
    const sha = atHead.get(f.chunk.path);
    if (sha === void 0) f.inHead = false;
    else {
      const keys = keysIn.get(sha);
      f.inHead = keys === null || keys === void 0 ? null : keys.has(f.match.secret);
    }
  }
}
function firstOfEachKey(matches) {
  const byKey = /* @__PURE__ */ new Map();
  for (const m of matches) if (!byKey.has(m.secret)) byKey.set(m.secret, m);
  return [...byKey.values()];
}
function hashPath(path) {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return h >>> 0;
}
function shallowWarning(boundary) {
  const shown = boundary.slice(0, 3).map((s) => s.slice(0, 12)).join(", ");
  const more = boundary.length > 3 ? ` and ${boundary.length - 3} more` : "";
  return `SHALLOW CLONE: the history behind ${boundary.length} boundary commit(s) (${shown}${more}) is not in this repository and was NOT scanned; keys found in a boundary commit may have been introduced earlier. Fetch the full history (git fetch --unshallow, or fetch-depth: 0 in CI) for a complete audit.`;
}
function missingWarning(count, listed) {
  const more = count > listed.length ? `, and ${count - listed.length} more` : "";
  return `PARTIAL CLONE: ${count} blob(s) are not in this repository and were NOT scanned (nothing was fetched): ${listed.join(", ")}${more}. Clone without --filter (or run git fetch --refetch without a filter) for a complete audit.`;
}
function progressLine(summary, totalCommits, started) {
  const seconds2 = Math.max((Date.now() - started) / 1e3, 1e-3);
  const rate = summary.bytes / seconds2;
  const commits = totalCommits > 0 ? `${summary.commits}/${totalCommits}` : `${summary.commits}`;
  const fraction = totalCommits > 0 ? summary.commits / totalCommits : 0;
  const eta = fraction > 0.01 && fraction < 1 ? `, ETA ${Math.ceil(seconds2 * (1 / fraction - 1))}s` : "";
  return `tvly-guard history: ${commits} commits, ${summary.files} blobs, ${formatBytes(summary.bytes)}, ${formatBytes(rate)}/s${eta}`;
}
var GITLINK, MAX_LISTED_MISSING;
var init_history = __esm({
  "src/sources/history.ts"() {
    "use strict";
    init_import_meta_url();
    init_detect();
    init_cat_file();
    init_log();
    init_objects();
    init_repository();
    init_summary();
    init_blob_set();
    init_chunk();
    GITLINK = "160000";
    MAX_LISTED_MISSING = 5;
  }
});

// src/commands/history.ts
var history_exports = {};
__export(history_exports, {
  command: () => command8
});
var command8;
var init_history2 = __esm({
  "src/commands/history.ts"() {
    "use strict";
    init_import_meta_url();
    init_errors();
    init_finding();
    init_history();
    init_args();
    init_setup();
    command8 = {
      name: "history",
      summary: "Scan every commit reachable from any ref (branches, tags, stashes; default --all) for Tavily API keys. Each distinct (key, file) is reported once, with the commit that introduced it and whether HEAD still holds it. Works in bare and mirror clones; never fetches.",
      usage: "tvly-guard history [options] [revision-range...]",
      allowPositionals: true,
      options: [
        ...SCAN_OPTIONS,
        {
          name: "branch",
          type: "string",
          short: "b",
          value: "REF",
          description: "only commits reachable from REF (instead of every ref)"
        },
        maxFileSizeOption("blobs")
      ],
      details: [
        "Examples:",
        "  tvly-guard history                       # all refs",
        "  tvly-guard history --branch main         # main and its ancestors",
        "  tvly-guard history v1.0..HEAD            # a range, as git log takes it",
        "  git clone --mirror URL repo.git && cd repo.git && tvly-guard history --format json",
        "",
        "A shallow clone is scanned with a warning (older history is not there); a partial (blobless) clone",
        "is never fetched from: blobs it lacks are listed in a warning and not scanned."
      ].join("\n"),
      async run(args, io) {
        const setup = await prepareScan(args, io);
        const maxFileSize = readMaxFileSize(args, setup);
        const branch = stringOption(args, "branch");
        for (const rev of args.positionals)
          if (rev.startsWith("-"))
            throw new UsageError(`history: "${rev}" is not a revision (see tvly-guard history --help)`);
        if (branch !== void 0 && args.positionals.length > 0)
          throw new UsageError("history: give --branch or a revision range, not both");
        if (branch?.startsWith("-")) throw new UsageError(`history: --branch "${branch}" is not a revision`);
        const revs = branch !== void 0 ? [branch] : args.positionals.length > 0 ? args.positionals : ["--all"];
        const summary = emptySummary();
        const hits = await scanHistory(
          {
            cwd: io.cwd,
            env: io.env,
            revs,
            maxFileSize,
            rules: setup.rules,
            progress: setup.progress,
            countCommits: io.stderrIsTTY
          },
          summary
        );
        const findings = hits.map(
          ({ match, chunk, inHead }) => Object.assign(toFinding(match, chunk, { showSecret: setup.showSecret }), { inHead })
        );
        return finishScan(setup, "history", findings.sort(compareFindings), summary);
      }
    };
  }
});

// src/action/main.ts
init_import_meta_url();

// src/io.ts
init_import_meta_url();
var import_node_tty = require("node:tty");
function processIo() {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: (0, import_node_tty.isatty)(1),
    stderrIsTTY: (0, import_node_tty.isatty)(2)
  };
}

// src/action/run-action.ts
init_import_meta_url();
var import_node_fs14 = require("node:fs");
init_errors();
init_repository();
init_github();

// src/run.ts
init_import_meta_url();
init_args();

// src/commands/index.ts
init_import_meta_url();
var COMMANDS = {
  install: {
    summary: "install the pre-commit and commit-msg (and --pre-push) git hooks, via husky when the repository uses it",
    load: async () => (await Promise.resolve().then(() => (init_install(), install_exports))).command
  },
  uninstall: {
    summary: "remove the hooks that install added, and nothing else",
    load: async () => (await Promise.resolve().then(() => (init_uninstall(), uninstall_exports))).command
  },
  message: {
    summary: "scan a commit message file (for commit-msg hooks)",
    load: async () => (await Promise.resolve().then(() => (init_message2(), message_exports))).command
  },
  scan: {
    summary: "scan files and directories in the working tree",
    load: async () => (await Promise.resolve().then(() => (init_scan(), scan_exports))).command
  },
  staged: {
    summary: "scan what the next commit would add (for pre-commit hooks)",
    load: async () => (await Promise.resolve().then(() => (init_staged2(), staged_exports))).command
  },
  diff: {
    summary: "scan the lines each commit of a range adds (CI, pre-push hooks)",
    load: async () => (await Promise.resolve().then(() => (init_diff(), diff_exports))).command
  },
  fix: {
    summary: "move keys out of working-tree files into a git-ignored .env",
    load: async () => (await Promise.resolve().then(() => (init_fix(), fix_exports))).command
  },
  history: {
    summary: "scan every commit reachable from any ref (full-history audit)",
    load: async () => (await Promise.resolve().then(() => (init_history2(), history_exports))).command
  }
};

// src/run.ts
init_redact();
init_rule();
init_errors();
init_version();
var ISSUES_URL = "https://github.com/tvly-guard/tvly-guard/issues";
function globalHelp() {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    "Usage: tvly-guard <command> [options]",
    "",
    "Stop Tavily API keys from leaking through git, and find the ones that already have.",
    "",
    "Commands:",
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n].summary}`),
    "",
    "Run `tvly-guard <command> --help` for a command's options.",
    "  -h, --help     show this help",
    "  -v, --version  print the version",
    "",
    EXIT_CODES_HELP,
    ""
  ].join("\n");
}
async function run(argv, io) {
  try {
    const [name, ...rest] = argv;
    if (name === void 0 || name === "-h" || name === "--help" || name === "help") {
      io.stdout(globalHelp());
      return ExitCode.clean;
    }
    if (name === "-v" || name === "--version") {
      io.stdout(`${VERSION}
`);
      return ExitCode.clean;
    }
    const entry = COMMANDS[name];
    if (!entry)
      throw new UsageError(
        `unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")}; see tvly-guard --help)`
      );
    const command9 = await entry.load();
    const args = parseCommandArgs(command9, [...rest]);
    if (args.values.help === true) {
      io.stdout(renderCommandHelp(command9));
      return ExitCode.clean;
    }
    return await command9.run(args, io);
  } catch (err) {
    if (err instanceof GuardError) {
      io.stderr(`tvly-guard: ${scrub(err.message)}
`);
    } else {
      const reason = err instanceof Error ? err.message : String(err);
      io.stderr(
        `tvly-guard: internal error: ${scrub(reason)} (tvly-guard ${VERSION}; please report it at ${ISSUES_URL})
`
      );
    }
    return ExitCode.error;
  }
}
function scrub(text) {
  let patterns;
  try {
    patterns = builtinRules().map((r) => r.regex);
  } catch {
    patterns = [];
  }
  return scrubSecrets(text.replace(/\s*\n\s*/g, " ").trim(), patterns);
}

// src/action/plan.ts
init_import_meta_url();
init_errors();
var isZeroSha = (sha) => typeof sha === "string" && /^0+$/.test(sha);
var MODES = ["diff", "history", "scan"];
function field(payload, path) {
  let at = payload;
  for (const part of path.split("."))
    at = at && typeof at === "object" ? at[part] : void 0;
  return typeof at === "string" && at !== "" ? at : void 0;
}
function need2(value, what, event) {
  if (!value)
    throw new UsageError(`the ${event} event has no ${what}; set the range input (for example origin/main..HEAD)`);
  return value;
}
function planActionScan(inputs, event) {
  const mode = inputs.mode || "diff";
  if (!MODES.includes(mode)) throw new UsageError(`unknown mode "${mode}" (expected one of: ${MODES.join(", ")})`);
  if (mode === "scan") return { command: ["scan", "."], describe: "the checked-out files", needsHistory: false };
  if (mode === "history")
    return { command: ["history"], describe: "every commit on every ref in the checkout", needsHistory: true };
  if (inputs.range)
    return {
      command: ["diff", inputs.range],
      describe: `the commits in ${inputs.range} (range input)`,
      needsHistory: true
    };
  const p = event.payload;
  switch (event.name) {
    case "pull_request":
    case "pull_request_target": {
      const base = need2(field(p, "pull_request.base.sha"), "pull_request.base.sha", event.name);
      const head = need2(field(p, "pull_request.head.sha"), "pull_request.head.sha", event.name);
      return {
        command: ["diff", `${base}..${head}`],
        describe: `the pull request's commits, ${base.slice(0, 12)}..${head.slice(0, 12)}`,
        needsHistory: true
      };
    }
    case "merge_group": {
      const base = need2(field(p, "merge_group.base_sha"), "merge_group.base_sha", event.name);
      const head = need2(field(p, "merge_group.head_sha"), "merge_group.head_sha", event.name);
      return {
        command: ["diff", `${base}..${head}`],
        describe: `the merge group's commits, ${base.slice(0, 12)}..${head.slice(0, 12)}`,
        needsHistory: true
      };
    }
    case "push": {
      const after = field(p, "after");
      const ref = field(p, "ref") ?? "";
      if (p.deleted === true || isZeroSha(after))
        return { command: null, describe: `nothing: the push deleted ${ref || "a ref"}`, needsHistory: false };
      const head = need2(after, "after", event.name);
      const before = field(p, "before");
      if (before && !isZeroSha(before))
        return {
          command: ["diff", `${before}..${head}`],
          describe: `the pushed commits, ${before.slice(0, 12)}..${head.slice(0, 12)}`,
          needsHistory: true
        };
      const main = field(p, "repository.default_branch");
      if (!main || ref === `refs/heads/${main}`)
        return {
          command: ["diff", head],
          describe: `every commit of ${ref || head.slice(0, 12)}: its first push`,
          needsHistory: true
        };
      return {
        command: ["diff", `origin/${main}..${head}`],
        describe: `the commits of new ${ref} that ${main} does not have, origin/${main}..${head.slice(0, 12)}`,
        needsHistory: true
      };
    }
    default:
      throw new UsageError(
        `mode diff needs a pull_request, push or merge_group event, not ${event.name || "an unknown event"}: set the range input, or use mode history (full audit) or scan (the files)`
      );
  }
}
function reportRuns(command9, inputs) {
  const runs = [];
  if (inputs.sarif) runs.push([...command9, ...inputs.args, "--format", "sarif", "--output", inputs.sarif]);
  if (!inputs.sarif || inputs.format !== "sarif")
    runs.push([...command9, ...inputs.args, "--format", inputs.format || "github"]);
  return runs;
}

// src/action/run-action.ts
var SHALLOW = "this checkout is shallow (actions/checkout fetches a single commit unless told otherwise), so the commits to scan are not here: set `fetch-depth: 0` on the actions/checkout step";
function readInputs(env) {
  return {
    mode: (env.TVLY_GUARD_MODE ?? "").trim(),
    range: (env.TVLY_GUARD_RANGE ?? "").trim(),
    format: (env.TVLY_GUARD_FORMAT ?? "").trim(),
    sarif: (env.TVLY_GUARD_SARIF ?? "").trim(),
    args: (env.TVLY_GUARD_ARGS ?? "").split(/\s+/).filter(Boolean)
  };
}
function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return { name, payload: {} };
  try {
    return { name, payload: JSON.parse((0, import_node_fs14.readFileSync)(path, "utf8")) };
  } catch (err) {
    throw new InputError(
      `cannot read the event payload ${path}: ${err.code ?? err.message}`
    );
  }
}
function readCheckout(io) {
  return readRepositoryFacts({ cwd: io.cwd, env: io.env }).catch((err) => {
    throw new GitError(`${io.cwd} is not inside a git repository: check out the repository first (actions/checkout)`, {
      cause: err
    });
  });
}
async function runAction(io) {
  try {
    const inputs = readInputs(io.env);
    const plan = planActionScan(inputs, readEvent(io.env));
    io.stderr(`tvly-guard action: scanning ${plan.describe}
`);
    if (!plan.command) return ExitCode.clean;
    if (plan.needsHistory && (await readCheckout(io)).shallow) throw new GitError(SHALLOW);
    let code = ExitCode.clean;
    for (const argv of reportRuns(plan.command, inputs)) {
      code = await run(argv, io);
      if (code === ExitCode.error) {
        io.stdout(
          `::error title=tvly-guard::${escapeData(`tvly-guard ${argv.join(" ")} failed (exit 2): see the reason in the log`)}
`
        );
        return code;
      }
    }
    return code;
  } catch (err) {
    if (!(err instanceof GuardError)) throw err;
    io.stderr(`tvly-guard action: ${err.message}
`);
    io.stdout(`::error title=tvly-guard::${escapeData(err.message)}
`);
    return ExitCode.error;
  }
}

// src/action/main.ts
void runAction(processIo()).then((code) => {
  process.exitCode = code;
});
/*! Bundled license information:

is-extglob/index.js:
  (*!
   * is-extglob <https://github.com/jonschlinkert/is-extglob>
   *
   * Copyright (c) 2014-2016, Jon Schlinkert.
   * Licensed under the MIT License.
   *)

is-glob/index.js:
  (*!
   * is-glob <https://github.com/jonschlinkert/is-glob>
   *
   * Copyright (c) 2014-2017, Jon Schlinkert.
   * Released under the MIT License.
   *)

is-number/index.js:
  (*!
   * is-number <https://github.com/jonschlinkert/is-number>
   *
   * Copyright (c) 2014-present, Jon Schlinkert.
   * Released under the MIT License.
   *)

to-regex-range/index.js:
  (*!
   * to-regex-range <https://github.com/micromatch/to-regex-range>
   *
   * Copyright (c) 2015-present, Jon Schlinkert.
   * Released under the MIT License.
   *)

fill-range/index.js:
  (*!
   * fill-range <https://github.com/jonschlinkert/fill-range>
   *
   * Copyright (c) 2014-present, Jon Schlinkert.
   * Licensed under the MIT License.
   *)

queue-microtask/index.js:
  (*! queue-microtask. MIT License. Feross Aboukhadijeh <https://feross.org/opensource> *)

run-parallel/index.js:
  (*! run-parallel. MIT License. Feross Aboukhadijeh <https://feross.org/opensource> *)
*/
