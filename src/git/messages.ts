// Commit and annotated-tag messages: the text a commit or tag carries besides
// its tree, where keys get pasted too ("temporarily using tvly-...").
import { type GitContext, runGit, streamGit } from "./exec.js";

/** A commit or tag message and who wrote it. */
export interface GitMessage {
  /** The commit, or the tag object. */
  oid: string;
  /** "Name <email>" of the author (commit) or tagger (tag); "" when a tag has none. */
  author: string;
  /** ISO 8601 author or tagger date; "" when unknown. */
  date: string;
  /** The raw message, as git stores it (a tag's signature included). */
  message: Buffer;
}

/**
 * The message of every commit `args` selects (revisions, already checked or
 * passed through revisionArgs, then "--"), newest first. With -z each commit
 * ends in a NUL, and the fields are NUL-separated: a message holds no NUL.
 * https://git-scm.com/docs/git-log#_pretty_formats
 *
 *   <sha>\0<ISO date>\0<name> <<email>>\0<raw body>\0
 */
export async function* readCommitMessages(ctx: GitContext, args: readonly string[]): AsyncGenerator<GitMessage> {
  const fields: Buffer[] = [];
  let carry = Buffer.alloc(0);
  const stream = streamGit(ctx, [
    "log",
    "-z",
    "--no-show-signature",
    "--no-color",
    "--format=%H%x00%aI%x00%an <%ae>%x00%B",
    ...args,
  ]);
  for await (const piece of stream) {
    let data = carry.length ? Buffer.concat([carry, piece]) : piece;
    for (let nul = data.indexOf(0); nul !== -1; nul = data.indexOf(0)) {
      fields.push(Buffer.from(data.subarray(0, nul)));
      data = data.subarray(nul + 1);
      if (fields.length === 4) {
        const [oid, date, author, message] = fields.splice(0, 4) as [Buffer, Buffer, Buffer, Buffer];
        yield { oid: oid.toString("latin1"), date: date.toString("utf8"), author: author.toString("utf8"), message };
      }
    }
    carry = Buffer.from(data);
  }
}

/** An annotated tag object, read whole. */
export interface TagObject extends GitMessage {
  /** What it points at, and that object's type (another tag for a tag of a tag). */
  object: string;
  type: string;
  /** The tag's own name (its `tag` header), which may differ from the ref it sits under. */
  name: string;
}

/**
 * Read tag objects by id through one `cat-file --batch` (answers in request
 * order; a name that is not a tag object is left out).
 * https://git-scm.com/docs/git-cat-file#_batch_output
 *
 *   <oid> tag <size>\nobject <oid>\ntype commit\ntag v1.0\ntagger A <a@x> 1700000000 +0000\n\n<message>\n
 */
export async function readTagObjects(ctx: GitContext, oids: readonly string[]): Promise<TagObject[]> {
  if (oids.length === 0) return [];
  const out = await runGit(ctx, ["cat-file", "--batch"], `${oids.join("\n")}\n`);
  const tags: TagObject[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const [oid = "", type = "", size = ""] = out.toString("latin1", at, eol).split(" ");
    at = eol + 1;
    if (type === "missing" || size === "") continue;
    const body = out.subarray(at, at + Number(size));
    at += Number(size) + 1;
    if (type === "tag") tags.push(parseTagObject(oid, body));
  }
  return tags;
}

/** A tag object's raw bytes (as cat-file or for-each-ref's %(raw) give them), parsed. */
export function parseTagObject(oid: string, body: Buffer): TagObject {
  const split = body.indexOf("\n\n");
  const head = body.toString("utf8", 0, split === -1 ? body.length : split).split("\n");
  const header = (name: string) => head.find((l) => l.startsWith(`${name} `))?.slice(name.length + 1) ?? "";
  // "A U Thor <a@x> 1700000000 +0000": the identity, then epoch seconds and zone.
  const m = /^(.*) (\d+) ([+-]\d{4})$/.exec(header("tagger"));
  return {
    oid,
    object: header("object"),
    type: header("type"),
    name: header("tag"),
    author: m ? m[1]! : header("tagger"),
    date: m ? new Date(Number(m[2]) * 1000).toISOString() : "",
    message: split === -1 ? Buffer.alloc(0) : Buffer.from(body.subarray(split + 2)),
  };
}
