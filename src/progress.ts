// A single self-overwriting status line on stderr, for long scans. Only on a
// TTY, at most ten updates a second, cut to the terminal's width (a longer line
// wraps, and `\r` then rewrites only its last row, leaving stale rows behind),
// and erased when the scan ends.

export interface Progress {
  update(text: () => string): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

/** `text` in at most `columns - 1` code points (the last column would wrap on some terminals), ending in "…" when cut. */
export function fitToWidth(text: string, columns: number | undefined): string {
  if (!columns || columns < 2) return text;
  const chars = [...text];
  return chars.length < columns ? text : `${chars.slice(0, columns - 2).join("")}…`;
}

export function createProgress(
  write: (s: string) => void,
  enabled: boolean,
  columns: () => number | undefined = () => undefined,
  intervalMs = 100,
): Progress {
  if (!enabled) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < intervalMs) return;
      last = now;
      shown = true;
      write(`\r\x1b[2K${fitToWidth(text(), columns())}`);
    },
    done() {
      if (shown) write("\r\x1b[2K");
      shown = false;
    },
  };
}
