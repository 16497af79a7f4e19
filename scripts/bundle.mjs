#!/usr/bin/env node
import { createHash } from "node:crypto";
// The one bundler config (esbuild). Each entry in src/ becomes one CommonJS file
// with its dependencies inside, so the package runs on Node >= 20 with nothing
// installed and no build step:
//   node scripts/bundle.mjs           write bin/ (committed: git installs and the action run it)
//   node scripts/bundle.mjs --dev     write dist/ (ignored: tests, the repository's own hook)
//   node scripts/bundle.mjs --check   exit 1 when bin/ differs from a fresh build (CI)
// Why CommonJS in one file: Node 20 starts a CommonJS file without its ESM loader,
// and esbuild turns each import() of our code into a function that runs the
// module on first use, so `staged` evaluates only what it needs (see
// test/e2e/bundle.test.ts), while the Node built-ins a lazy module needs are
// required only then.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** Bundle name -> entry module. */
export const ENTRIES = { "tvly-guard-main": "src/cli.ts", action: "src/action/main.ts" };

/**
 * The bin entry (bin/tvly-guard.cjs): a small file that runs tvly-guard-main.cjs
 * with a V8 code cache (src/code-cache.ts), built after it so that it carries
 * the main bundle's content hash, which names the cache files.
 */
export const START = { name: "tvly-guard", entry: "src/start.ts", runs: "tvly-guard-main" };

/**
 * Worker threads start from a file of their own, named as the sources name it
 * (`blob-scan-worker.cjs` beside import.meta.filename): CommonJS next to the
 * bundles, like them, so a worker starts without Node's ESM loader (measured: two
 * workers ready in ~180 ms instead of ~400 ms on a busy 2-core machine).
 */
export const WORKERS = { "blob-scan-worker": "src/sources/blob-scan-worker.ts" };

/**
 * Packages only some commands use, each bundled into a file of its own next to
 * the bundles (vendor-<name>.cjs) and required from there on first use: V8
 * parses every byte of a bundle on each run, and a pre-commit `staged` run
 * reads no allowlist globs (ignore). Their code shares no state with ours, so
 * a separate file changes nothing else.
 */
export const VENDORED = ["ignore"];
const vendorFile = (name) => `vendor-${name}.cjs`;

/** In the bundles, `import ... from "<vendored package>"` becomes a require of its file beside them. */
const vendorPlugin = {
  name: "vendored-packages",
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${VENDORED.join("|")})$`) }, (args) => ({
      path: `./${vendorFile(args.path)}`,
      external: true,
    }));
  },
};

/** The notices file next to the bundles: the licenses of the packages bundled into them. */
const NOTICES = "THIRD-PARTY-NOTICES.txt";

/** Options both builds share. */
const COMMON = {
  absWorkingDir: ROOT, // paths in the output's comments are relative to it: the same bytes on every machine
  bundle: true,
  platform: "node",
  target: "node20",
  write: false,
  logLevel: "warning",
  metafile: true,
};

/** CommonJS output, for the bundles and the worker files alike. */
const CJS = {
  outExtension: { ".js": ".cjs" },
  format: "cjs",
  // import() of a Node built-in would start Node's ESM loader (several ms): require it instead.
  supported: { "dynamic-import": false },
  // The sources name their own file as import.meta.filename (Node 20.11+ in ESM, and vitest): in a
  // CommonJS bundle that is __filename, on every Node 20, with no URL made and parsed back on start-up.
  define: { "import.meta.filename": "__filename", "import.meta.dirname": "__dirname" },
};

/** One more entry built as the bundles are (CommonJS, minified, for Node 20) into `outfile`: the bench's floors. */
export async function bundleOne(entry, outfile) {
  const [file] = (await build({ ...COMMON, ...CJS, entryPoints: [entry], outdir: dirname(outfile), minify: true }))
    .outputFiles;
  writeFileSync(outfile, file.contents);
}

/**
 * The main bundle as one function expression in Node's CommonJS wrapper: the bin entry compiles the
 * file's text as it is (src/start.ts), where wrapping it at run time copied its 180 KB every start.
 * The wrapper shares the first line, so line numbers stay the bundle's own.
 */
const wrapMain = (contents) =>
  Buffer.concat([
    Buffer.from("(function (exports, require, module, __filename, __dirname) {"),
    contents,
    Buffer.from("\n})\n"),
  ]);

/** Build every entry into memory: [{ path (absolute, in `outdir`), contents }], the notices file last. */
export async function bundle(outdir, { traceModules = false } = {}) {
  const result = await build({
    ...COMMON,
    ...CJS,
    entryPoints: ENTRIES,
    outdir,
    // Smaller is faster to start: V8 pre-parses every byte of the file on each run.
    minify: !traceModules,
    plugins: traceModules ? [vendorPlugin, tracePlugin] : [vendorPlugin],
    ...(traceModules ? { footer: { js: TRACE_REPORT } } : {}),
  });
  const vendored = await build({
    ...COMMON,
    entryPoints: Object.fromEntries(
      VENDORED.map((name) => [vendorFile(name).replace(/\.cjs$/, ""), createRequire(import.meta.url).resolve(name)]),
    ),
    outdir,
    outExtension: { ".js": ".cjs" },
    format: "cjs",
    minify: !traceModules,
    ...(traceModules ? { plugins: [tracePlugin] } : {}),
  });
  const workers = await build({
    ...COMMON,
    ...CJS,
    entryPoints: WORKERS,
    outdir,
    minify: true,
    plugins: [vendorPlugin],
  });
  const mainPath = join(outdir, `${START.runs}.cjs`);
  const main = wrapMain(result.outputFiles.find((f) => f.path === mainPath).contents);
  const start = await build({
    ...COMMON,
    ...CJS,
    entryPoints: { [START.name]: START.entry },
    outdir,
    minify: !traceModules,
    define: {
      ...CJS.define,
      TVLY_GUARD_MAIN_HASH: JSON.stringify(createHash("sha256").update(main).digest("hex").slice(0, 16)),
    },
    plugins: traceModules ? [tracePlugin] : [],
    ...(traceModules ? { footer: { js: TRACE_REPORT } } : {}),
  });
  const outputs = [result, start, vendored, workers];
  const files = outputs
    .flatMap((r) => r.outputFiles)
    .map((f) => ({ path: f.path, contents: f.path === mainPath ? main : f.contents }));
  const inputs = outputs.flatMap((r) => Object.keys(r.metafile.inputs));
  files.push({ path: join(outdir, NOTICES), contents: Buffer.from(thirdPartyNotices(inputs)) });
  return files;
}

/** Each bundled package's name, version, license and license text, sorted: the bundles ship their code. */
function thirdPartyNotices(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  const sections = [...dirs].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8"));
    const file = readdirSync(join(ROOT, dir)).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file
      ? readFileSync(join(ROOT, dir, file), "utf8")
          .replace(/\r\n/g, "\n")
          .trim()
      : "(no license file)";
    return `${pkg.name} ${pkg.version} (${pkg.license})\n\n${text}\n`;
  });
  return ["The bundles in this folder hold code from these packages, under these licenses.\n", ...sections].join(
    `\n${"-".repeat(72)}\n\n`,
  );
}

/**
 * For the bundle test only: each module records its path in globalThis.__tvlyModules
 * when it is evaluated, and at exit the list (with Node's own list of the built-in
 * modules it loaded) goes to the file named by TVLY_GUARD_TRACE_FILE, so a test
 * can see what a run really loaded.
 */
const TRACE_REPORT = `process.on("exit", () => require("node:fs").writeFileSync(process.env.TVLY_GUARD_TRACE_FILE,
  JSON.stringify({ modules: globalThis.__tvlyModules, builtins: process.moduleLoadList })));`;
const tracePlugin = {
  name: "trace-modules",
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      const id = relative(ROOT, args.path);
      const text = readFileSync(args.path, "utf8");
      const loader = /\.[cm]?ts$/.test(args.path) ? "ts" : "js";
      const record = `(globalThis.__tvlyModules ??= []).push(${JSON.stringify(id)});\n`;
      // after a hashbang, which must stay first
      const body = text.startsWith("#!") ? text.replace(/^#!.*\n/, (m) => m + record) : record + text;
      return { contents: body, loader };
    });
  },
};

/** Write the bundles into `outdir`, executable (npm links them as bins), and the notices. */
export async function writeBundle(outdir, options) {
  mkdirSync(outdir, { recursive: true });
  for (const file of await bundle(outdir, options)) {
    writeFileSync(file.path, file.contents);
    const entry = [START.name, "action"].some((name) => file.path.endsWith(`/${name}.cjs`));
    chmodSync(file.path, entry ? 0o755 : 0o644);
  }
}

/** The files of bin/ that a fresh build would change or no longer write (empty when bin/ is up to date). */
export async function staleFiles(outdir = join(ROOT, "bin")) {
  const stale = [];
  const built = await bundle(outdir);
  // A file the build no longer writes (a renamed worker) would ship in the package unused.
  const names = new Set(built.map((f) => relative(outdir, f.path)));
  for (const name of readdirSync(outdir))
    if (!names.has(name)) stale.push(`${relative(ROOT, join(outdir, name))} (left over)`);
  for (const file of built) {
    let current;
    try {
      current = readFileSync(file.path);
    } catch {
      current = undefined;
    }
    if (!current?.equals(file.contents)) stale.push(relative(ROOT, file.path));
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2];
  if (arg === "--check") {
    const stale = await staleFiles();
    if (stale.length > 0) {
      process.stderr.write(
        `bundle: ${stale.join(", ")} ${stale.length === 1 ? "is" : "are"} stale: run \`npm run bundle\` and commit bin/\n`,
      );
      process.exit(1);
    }
  } else if (arg === "--dev") await writeBundle(join(ROOT, "dist"));
  else if (arg === undefined) await writeBundle(join(ROOT, "bin"));
  else {
    process.stderr.write(`bundle: unknown argument ${arg} (use --dev or --check, or nothing)\n`);
    process.exit(2);
  }
}
