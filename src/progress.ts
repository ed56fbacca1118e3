// The progress line of a long scan: "farleft: 41,500 / 100,000 files (12,300 files/s)",
// redrawn in place on stderr. Only on a terminal: never in CI, never when stderr is a file or
// a pipe, never with --quiet, so logs and piped output stay clean.

export interface ProgressTarget {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  readonly stream: ProgressTarget;
  /** The environment (CI=true, or any value but "false"/"0", turns progress off). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly quiet: boolean;
  /** Milliseconds between redraws (default 100). */
  readonly interval?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

export interface Progress {
  /** Whether anything is drawn at all. */
  readonly enabled: boolean;
  update(done: number, total: number): void;
  /** Clears the line (call before printing anything else to stderr, and at the end). */
  end(): void;
}

export function wantsProgress(options: Pick<ProgressOptions, 'stream' | 'env' | 'quiet'>): boolean {
  const ci = options.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
  return options.stream.isTTY === true && !inCi && !options.quiet;
}

export function createProgress(options: ProgressOptions): Progress {
  const enabled = wantsProgress(options);
  const now = options.now ?? Date.now;
  const interval = options.interval ?? 100;
  const started = now();
  let last = -Infinity;
  let drawn = false;
  // Made on first use: setting up a number format costs ~20 ms of start-up, wasted off a terminal.
  let format: Intl.NumberFormat | undefined;
  const number = { format: (n: number): string => (format ??= new Intl.NumberFormat('en')).format(n) };
  return {
    enabled,
    update(done, total) {
      if (!enabled) return;
      const t = now();
      if (t - last < interval && done < total) return;
      last = t;
      const seconds = (t - started) / 1000;
      const rate = seconds > 0 ? ` (${number.format(Math.round(done / seconds))} files/s)` : '';
      options.stream.write(`\r\u001b[2Kfarleft: ${number.format(done)} / ${number.format(total)} files${rate}`);
      drawn = true;
    },
    end() {
      if (drawn) options.stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
