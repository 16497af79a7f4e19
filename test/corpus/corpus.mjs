// The labelled precision/recall corpus, in three categories (plain, encoded,
// binary), for every key format the rule files describe. Text cases are
// folders under cases/<category>/: `ng.<name>` must be reported, `ok.<name>`
// must not; `{{key}}` slots (optionally `{{key|base64}}` and other filters)
// are filled at run time with a fresh fake key of each format, so one folder
// is one case per format. Encodings that need code (UTF-16, base64 of a whole
// file, binaries) are built below. A key-length placeholder is committed as a
// `{{N:chars}}` run (expandSample), so the repository holds no key-shaped literal.
import { readdirSync, readFileSync } from "node:fs";
import { expandSample, fakeKeys, keyFormats } from "../helpers/fake-key.mjs";

/**
 * @typedef {"plain" | "encoded" | "binary"} Category
 * @typedef {{ key: string, ruleId: string }} Expected
 * @typedef {{ category: Category, format: string, name: string, path: string, data: Buffer, keys: Expected[] }} Case
 * `keys` are the keys a scanner must report in the file, each by its rule; [] marks a negative case.
 * `format` is a KeyFormat name, or "-" for a case that holds no key at all.
 */

const CASES_DIR = new URL("cases/", import.meta.url);
const b64 = (s) => Buffer.from(s).toString("base64");
const pctAll = (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
const utf16 = (s, be = false) => {
  const body = Buffer.from(s, "utf16le");
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), be ? body.swap16() : body]);
};

/** The filters a `{{key|filter}}` slot may name. */
const FILTERS = {
  base64: b64,
  "percent-dash": (k) => k.replace(/-/g, "%2D"),
  "percent-all": pctAll,
  "json-u": (k) => `\\u0074${k.slice(1)}`,
  "js-hex-dash": (k) => k.replace(/-/g, "\\x2d"),
};
const SLOT = /\{\{key(?:\|([a-z0-9-]+))?\}\}/g;

/** Placeholders and fakes from docs, tutorials and tests, for every format: a scanner must stay quiet on each. */
export function placeholders() {
  const x = (n, c = "x") => c.repeat(n);
  const classic = [
    x(32),
    x(32, "X"),
    x(32, "0"),
    x(32, "a"),
    "YOUR_API_KEY",
    "your-api-key-here",
    "...",
    "<your-key>",
    "${TAVILY_API_KEY}",
    "test",
    "XXXX",
    `YourApiKeyGoesHere${x(14, "0")}`,
    `yourTavilyApiKeyHere${x(12, "X")}`,
    "EXAMPLE" + "abcdefghijklmnopqrstuvwxy",
    "abcdefghijklmnopqrstuvwxyz012345",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
    "AbCdEfGhIjKlMnOpQrStUvWxYz012345",
    "0123456789abcdef0123456789abcdef",
    "1234567890" + "1234567890" + "1234567890" + "12",
    "abcd1234".repeat(4),
    `${"aB3".repeat(10)}aB`,
    "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
    `dummy${"Key".repeat(9)}`,
    `SampleKey${x(23, "0")}`,
    `placeholder${x(21, "0")}`,
    "REDACTED".repeat(4),
    "fakefakefakefakefakefakefakefake",
    `insertYourKeyHere${x(15, "x")}`,
    `replaceMe${x(23, "X")}`,
    "changeme".repeat(4),
    `notreal${x(25, "0")}`,
    `${"testkey".repeat(4)}test`,
    "qwertyuiopasdfghjklzxcvbnm123456",
    "0000111122223333444455556666777" + "7",
    "AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHH",
    `apikey${x(26, "0")}`,
    `Xy${x(30, "x")}`,
    "0cc175b9c0f1b6a831c399e269772661", // an MD5 digest used as a cache key
    "D41D8CD98F00B204E9800998ECF8427E",
    b64("this is not a real key!!"), // base64 of a sentence
  ];
  const segmented = [
    `${x(5)}-${x(42)}`,
    `${x(6, "X")}-${x(42, "X")}`,
    `12345-abcdefghijklmnopqrstuvwxyz${"ABCDEFGHIJKLMNOP"}`,
    `${x(5, "0")}-${x(42, "0")}`,
    `abcde-${x(42, "a")}`,
    `AbC12-${x(42, "Z")}`,
    "YOUR-API-KEY-HERE",
    `a1B2c-${"a1B2c".repeat(8)}a1`,
    `12345-YourTavilyApiKeyGoesHere${x(18, "0")}`,
    `1a2b3-${"0cc175b9c0f1b6a831c399e269772661"}0cc175b9c0`,
    `xxxxx-xxxx-xxxx-xxxx-${x(12)}`,
    `${"aB3dE-".repeat(6)}aB3dE`,
  ];
  return [
    ...["tvly-", "tvly-dev-", "tvly-prod-"].flatMap((p) => classic.map((b) => p + b)),
    ...["tvly-dev-", "tvly-prod-", "tvly-"].flatMap((p) => segmented.map((b) => p + b)),
    "tvly-guard",
    "tvly-python",
    "tvly-search-results",
    "tvly-search-results-container-wrapper",
    "tvly-searchResultsContainerWrapper",
    "tvly-550e8400-e29b-41d4-a716-446655440000",
  ];
}

/** The case folders under cases/<category>/: name, whether they hold keys, and their files. */
function caseFolders() {
  return readdirSync(CASES_DIR).flatMap((category) =>
    readdirSync(new URL(`${category}/`, CASES_DIR)).map((folder) => {
      const dir = new URL(`${category}/${folder}/`, CASES_DIR);
      const files = readdirSync(dir).map((f) => ({
        name: f,
        text: expandSample(readFileSync(new URL(f, dir), "latin1")),
      }));
      return { category, folder, positive: folder.startsWith("ng."), files };
    }),
  );
}

/** Every case of the corpus, deterministic for a seed. */
export function buildCorpus(seed = 6) {
  const keys = fakeKeys(seed);
  const formats = keyFormats();
  /** @type {Case[]} */
  const cases = [];
  const keyOf = (format) => keys.shaped(format.shape);

  // Folders: each holding a slot becomes one case per format.
  for (const { category, folder, positive, files } of caseFolders()) {
    const slotted = files.some((f) => f.text.match(SLOT));
    for (const format of slotted ? formats : [undefined]) {
      for (const file of files) {
        /** @type {Expected[]} */
        const expected = [];
        const text = file.text.replace(SLOT, (_, filter) => {
          const key = keyOf(format);
          expected.push({ key, ruleId: format.ruleId });
          return filter ? FILTERS[filter](key) : key;
        });
        const tag = format ? format.name.replace(/[:]/g, "_") : "";
        cases.push({
          category,
          format: format?.name ?? "-",
          name: folder,
          path: `${category}/${folder}${tag ? `/${tag}` : ""}/${file.name}`,
          data: Buffer.from(text, "latin1"),
          keys: positive ? expected : [],
        });
      }
    }
  }

  // Built cases: one per format each. In binary data a key ends where its format says (32 or 42
  // characters, whatever follows is the next field), so a longer token of no known format is reported
  // there as the known key it starts with: binaries are scored on the known formats only.
  const add = (category, name, ext, make, positive = true) => {
    for (const format of category === "binary" ? formats.filter((f) => !f.fallback) : formats) {
      const k = keyOf(format);
      const content = make(k, formats.indexOf(format));
      cases.push({
        category,
        format: format.name,
        name,
        path: `${category}/${name}/${format.name.replace(/[:]/g, "_")}.${ext}`,
        data: Buffer.isBuffer(content) ? content : Buffer.from(content),
        keys: positive ? [{ key: k, ruleId: format.ruleId }] : [],
      });
    }
  };
  // Many random keys: the placeholder filter must not eat real ones.
  for (const format of formats) {
    const many = Array.from({ length: 100 }, () => keyOf(format));
    cases.push({
      category: "plain",
      format: format.name,
      name: "ng.random-keys",
      path: `plain/ng.random-keys/${format.name.replace(/[:]/g, "_")}.txt`,
      data: Buffer.from(many.map((k, i) => `key${i}=${k}\n`).join("")),
      keys: many.map((key) => ({ key, ruleId: format.ruleId })),
    });
  }

  // encoded: base64 of whole files, UTF-16 text
  add(
    "encoded",
    "ng.k8s-secret-newline",
    "yaml",
    (k) => `apiVersion: v1\nkind: Secret\ndata:\n  key: ${b64(`${k}\n`)}\n`,
  );
  add(
    "encoded",
    "ng.base64-env",
    "yaml",
    (k, i) => `data:\n  .env: ${b64(`${"#".repeat(i % 3)}TAVILY_API_KEY=${k}\nDEBUG=0\n`)}\n`,
  );
  add(
    "encoded",
    "ng.base64url-jwt",
    "txt",
    (k) =>
      `token=eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ sub: "svc", tavily: k })).toString("base64url")}.\n`,
  );
  add("encoded", "ng.notebook-output", "ipynb", (k) =>
    JSON.stringify({
      cells: [
        {
          cell_type: "code",
          source: "print(cfg)",
          outputs: [{ output_type: "stream", name: "stdout", text: `key:\n${k}\n` }],
        },
      ],
    }),
  );
  add("encoded", "ng.utf16le-reg", "reg", (k) =>
    utf16(`Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\Search]\r\n"ApiKey"="${k}"\r\n`),
  );
  add("encoded", "ng.utf16le-ps1", "ps1", (k) => utf16(`$env:TAVILY_API_KEY = "${k}"\r\nInvoke-Search\r\n`));
  add("encoded", "ng.utf16be", "txt", (k) => utf16(`key=${k}\n`, true));
  // `base64` wraps at 76 columns: the key may straddle a line break (a miss if the wrap splits the hint itself)
  add(
    "encoded",
    "ng.base64-wrapped",
    "b64",
    (k, i) =>
      `${(b64(`${"#".repeat(20 + (i % 3) * 7)} settings\nTAVILY_API_KEY=${k}\n`).match(/.{1,76}/g) ?? []).join("\n")}\n`,
  );
  // A known limit, kept in the corpus so the figures stay honest:
  add(
    "encoded",
    "ng.limit-double-percent",
    "log",
    (k) => `next=${encodeURIComponent(encodeURIComponent(`?tavilyApiKey=${k}`)).replace(/-/g, "%252D")}\n`,
  );

  // binary: keys verbatim (or UTF-16, or base64) inside binary files
  const bytes = (n, i) => Buffer.from(Array.from({ length: n }, (_, j) => (j * 31 + i * 7) % 256));
  add("binary", "ng.sqlite", "db", (k, i) =>
    Buffer.concat([Buffer.from("SQLite format 3\0"), bytes(4000, i), Buffer.from(`\x0b${k}`), bytes(2000, i)]),
  );
  // SQLite stores a row's text columns back to back: letters glued on both sides of the key.
  add("binary", "ng.sqlite-packed-record", "db", (k, i) =>
    Buffer.concat([
      Buffer.from("SQLite format 3\0"),
      bytes(400, i),
      Buffer.from(`\x17\x0b\x1dtavilyprod${k}searchops`),
      bytes(200, i),
    ]),
  );
  add("binary", "ng.png-text", "png", (k, i) =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      bytes(500, i),
      Buffer.from(`tEXtComment\0${k}`),
      bytes(500, i),
    ]),
  );
  add("binary", "ng.tar", "tar", (k) =>
    Buffer.concat([
      Buffer.from("config/.env"),
      Buffer.alloc(501),
      Buffer.from(`TAVILY_API_KEY=${k}\n`),
      Buffer.alloc(400),
    ]),
  );
  add("binary", "ng.pyc", "pyc", (k, i) =>
    Buffer.concat([
      Buffer.from([0x6f, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0]),
      bytes(300, i),
      Buffer.from([0xda, 42]),
      Buffer.from(k),
      bytes(300, i),
    ]),
  );
  add("binary", "ng.base64", "bin", (k, i) =>
    Buffer.concat([bytes(400, i), Buffer.from(`cfg:${b64(k)}`), Buffer.alloc(20)]),
  );
  add("binary", "ng.pe-utf16", "exe", (k, i) =>
    Buffer.concat([Buffer.from("MZ"), bytes(1022, i), Buffer.from(`ApiKey=${k}`, "utf16le"), Buffer.alloc(64)]),
  );

  // negatives: placeholders in every category, and keyless noise
  const ph = placeholders();
  const negative = (category, name, data) =>
    cases.push({ category, format: "-", name, path: `${category}/${name}`, data, keys: [] });
  negative("plain", "ok.placeholders.md", Buffer.from(ph.map((p) => `TAVILY_API_KEY=${p}\n`).join("")));
  negative(
    "encoded",
    "ok.placeholders.yaml",
    Buffer.from(
      ph
        .map(
          (p, i) =>
            `k${i}: ${b64(p)}\np${i}: ${encodeURIComponent(encodeURIComponent(p))}\nj${i}: "\\u0074${p.slice(1)}"\n`,
        )
        .join(""),
    ),
  );
  negative("encoded", "ok.placeholders-utf16.reg", utf16(ph.map((p) => `"ApiKey"="${p}"\r\n`).join("")));
  for (let i = 0; i < 3; i++) {
    negative("encoded", `ok.random-base64-${i}.txt`, Buffer.from(bytes(60_000, i).toString("base64")));
    negative(
      "binary",
      `ok.placeholders-${i}.bin`,
      Buffer.concat([bytes(100, i), Buffer.from(ph.join("\0")), bytes(100, i)]),
    );
    negative("binary", `ok.noise-${i}.bin`, bytes(50_000, i));
  }
  return cases;
}
