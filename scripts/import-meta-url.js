// Injected into the CommonJS bundle by scripts/bundle.mjs: import.meta.url there is the bundle file's URL.
export const importMetaUrl = require("node:url").pathToFileURL(__filename).href;
