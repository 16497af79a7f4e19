import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    env: { NO_COLOR: "1" },
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn git and the CLI; two workers fit a 2-core machine.
    maxWorkers: 2,
  },
});
