// Node built-ins that only some runs need, required on first use. A static
// import would load them at start-up (the bundle turns it into a require at the
// top), and a clean `staged` run in a hook never hashes a key or compiles a
// user's regex: node:crypto alone is dozens of internal modules.
import { createRequire } from "node:module";

const require = createRequire(import.meta.filename);

export const nodeCrypto = (): typeof import("node:crypto") => require("node:crypto");
/** ~0.25 ms to load after child_process; a clean pre-commit run asks it nothing. */
export const nodeOs = (): typeof import("node:os") => require("node:os");
export const nodeV8 = (): typeof import("node:v8") => require("node:v8");
/** A history smaller than the worker threshold (most) starts no worker: node:worker_threads is ~8M instructions to load. */
export const nodeWorkerThreads = (): typeof import("node:worker_threads") => require("node:worker_threads");
