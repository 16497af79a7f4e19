// A single self-overwriting status line on stderr, for long scans. Only on a
// TTY, at most ten updates a second, erased when the scan ends.

export interface Progress {
  update(text: () => string): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

export function createProgress(write: (s: string) => void, enabled: boolean, intervalMs = 100): Progress {
  if (!enabled) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      shown = true;
      write(`\r\x1b[2K${text()}`);
    },
    done() {
      if (shown) write("\r\x1b[2K");
    },
  };
}
