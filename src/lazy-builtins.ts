// Node built-ins that only some runs need, required on first use. A static
// import would load them at start-up (the bundle turns it into a require at the
// top), and a clean `staged` run in a hook never hashes a key or compiles a
// user's regex: node:crypto alone is dozens of internal modules.
//
// The bundles are CommonJS, where `require` is the module's own; the ES modules
// the tests import have process.getBuiltinModule (Node 20.16+) instead. Neither
// loads node:module, whose createRequire costs a start-up ~0.5M instructions.
const load = <T>(id: string): T => (typeof require === "function" ? require(id) : process.getBuiltinModule(id)) as T;

export const nodeCrypto = () => load<typeof import("node:crypto")>("node:crypto");
/** ~0.25 ms to load after child_process; a clean pre-commit run asks it nothing. */
export const nodeOs = () => load<typeof import("node:os")>("node:os");
export const nodeV8 = () => load<typeof import("node:v8")>("node:v8");
/** A history smaller than the worker threshold (most) starts no worker: node:worker_threads is ~8M instructions to load. */
export const nodeWorkerThreads = () => load<typeof import("node:worker_threads")>("node:worker_threads");
