// A worker thread of a history scan: one blob lane (its own cat-file reader
// and detection); takes batches of blob ids, answers with its totals and the
// blobs that hold keys. See blob-scan.ts for the other side.
import { parentPort, workerData } from "node:worker_threads";
import type { Rule } from "../engine/rule.js";
import { BlobLane, type FromWorker, type PortableMatch, type ToWorker, type WorkerData } from "./blob-scan.js";

const PROGRESS_EVERY = 1024;
const data = workerData as WorkerData;
const port = parentPort!;
// Structured cloning turns Buffers into plain Uint8Arrays; the engine searches with Buffers.
const rules: Rule[] = data.rules.map((r) => ({
  ...r,
  keywordBytes: r.keywordBytes.map((k) => Buffer.from(k.buffer, k.byteOffset, k.byteLength)),
}));
const ruleIndex = new Map(rules.map((r, i) => [r, i]));
let read = 0;
const lane = new BlobLane(data.ctx, data.maxSize, rules, () => {
  if (++read % PROGRESS_EVERY === 0) post({ progress: { files: lane.totals.files, bytes: lane.totals.bytes } });
});

function post(message: FromWorker): void {
  port.postMessage(message);
}

port.on("message", (m: ToWorker) => {
  if ("oids" in m) for (const oid of m.oids.split("\n")) lane.reader.request(oid);
  else lane.reader.end();
});

lane.reader.done.then(
  () => {
    const hits: [string, PortableMatch[]][] = [...lane.hits].map(([oid, matches]) => [
      oid,
      matches.map((m) => ({ ...m, rule: ruleIndex.get(m.rule)! })),
    ]);
    post({ done: { totals: lane.totals, hits } });
  },
  (err: Error) => post({ error: err.message }),
);
