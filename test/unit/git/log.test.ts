import { describe, expect, it } from "vitest";
import { RawLogParser } from "../../../src/git/log.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const Z = "0".repeat(40);
const C1 = "1".repeat(40);
const C2 = "2".repeat(40);
// Two commits as `git log --raw -z --format=%x01%H%x00%aI%x00%an` writes them: a change, a deletion,
// a gitlink, a non-ASCII path; the second commit without a newline before its (only) change.
const LOG = Buffer.from(
  `\x01${C1}\x002024-01-02T03:04:05+00:00\0Ana Müller\0\n` +
    `:100644 100644 ${A} ${B} M\0src/a.js\0` +
    `:100644 000000 ${A} ${Z} D\0gone.txt\0` +
    `:000000 160000 ${Z} ${A} A\0vendor/lib\0` +
    `\x01${C2}\x002023-12-31T00:00:00+00:00\0Bo\0` +
    `:000000 100644 ${Z} ${A} A\0docs/naïve é.md\0`,
  "utf8",
);

function parse(pieces: Buffer[]): string[] {
  const seen: string[] = [];
  const parser = new RawLogParser({
    onCommit: (bytes, start, end) => seen.push(`commit ${bytes.toString("utf8", start, end).split("\0").join(" | ")}`),
    onChange: (bytes, oid, length, path, pathEnd, gitlink) =>
      seen.push(
        `${bytes.toString("latin1", oid, oid + length)} ${bytes.toString("utf8", path, pathEnd)}${gitlink ? " gitlink" : ""}`,
      ),
  });
  for (const piece of pieces) parser.push(piece);
  parser.end();
  return seen;
}

describe("RawLogParser", () => {
  it("reports commits and the blobs they set, never deletions, gitlinks flagged, paths as bytes", () => {
    expect(parse([LOG])).toEqual([
      `commit ${C1} | 2024-01-02T03:04:05+00:00 | Ana Müller`,
      `${B} src/a.js`,
      `${A} vendor/lib gitlink`,
      `commit ${C2} | 2023-12-31T00:00:00+00:00 | Bo`,
      `${A} docs/naïve é.md`,
    ]);
  });

  it("gives the same records however git's output is cut into reads", () => {
    const whole = parse([LOG]);
    for (let cut = 1; cut < LOG.length; cut++) expect(parse([LOG.subarray(0, cut), LOG.subarray(cut)])).toEqual(whole);
    expect(parse([...LOG].map((b) => Buffer.from([b])))).toEqual(whole);
  });

  it("with messages, reads each header's email and raw body (empty ones too), however the output is cut", () => {
    const withMessages = Buffer.from(
      `\x01${C1}\x002024-01-02T03:04:05+00:00\0Ana Müller\0ana@x.org\0fix: one\n\nbody :100644 line\n\0\n` +
        `:100644 100644 ${A} ${B} M\0src/a.js\0` +
        `\x01${C2}\x002023-12-31T00:00:00+00:00\0Bo\0bo@x.org\0\0` +
        `:000000 100644 ${Z} ${A} A\0docs/b.md\0`,
      "utf8",
    );
    const read = (pieces: Buffer[]) => {
      const seen: string[] = [];
      const parser = new RawLogParser(
        {
          onCommit: (bytes, start, end) =>
            seen.push(`commit ${bytes.toString("utf8", start, end).split("\0").join(" | ")}`),
          onChange: (bytes, oid, length, path, pathEnd) =>
            seen.push(`${bytes.toString("latin1", oid, oid + length)} ${bytes.toString("utf8", path, pathEnd)}`),
          onMessage: (bytes, email, emailEnd, body, bodyEnd) =>
            seen.push(
              `message <${bytes.toString("utf8", email, emailEnd)}> ${JSON.stringify(bytes.toString("utf8", body, bodyEnd))}`,
            ),
        },
        { messages: true },
      );
      for (const piece of pieces) parser.push(piece);
      parser.end();
      return seen;
    };
    const whole = read([withMessages]);
    expect(whole).toEqual([
      `commit ${C1} | 2024-01-02T03:04:05+00:00 | Ana Müller`,
      `message <ana@x.org> "fix: one\\n\\nbody :100644 line\\n"`,
      `${B} src/a.js`,
      `commit ${C2} | 2023-12-31T00:00:00+00:00 | Bo`,
      `message <bo@x.org> ""`,
      `${A} docs/b.md`,
    ]);
    for (let cut = 1; cut < withMessages.length; cut++)
      expect(read([withMessages.subarray(0, cut), withMessages.subarray(cut)])).toEqual(whole);
  });

  it("fails when git's output stops in the middle of a record", () => {
    expect(() => parse([LOG.subarray(0, LOG.length - 3)])).toThrow(/middle of a commit/);
  });
});
