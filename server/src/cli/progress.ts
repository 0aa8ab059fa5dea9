/**
 * `checking 12/40 path…` on stderr, rewritten in place with `\r`, while many files are
 * checked in a terminal. Never in CI logs, pipes or files: only when stderr is a TTY, the
 * terminal is not `dumb` and no CI variable is set.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): void;
}

export interface Progress {
  update(done: number, file: string): void;
  /** Clears the line (before anything else is printed). */
  end(): void;
}

/** Progress is shown for more than this many files. */
export const PROGRESS_MIN_FILES = 5;
const CI_VARIABLES = [
  'CI',
  'CONTINUOUS_INTEGRATION',
  'GITHUB_ACTIONS',
  'GITLAB_CI',
  'TF_BUILD',
  'BUILDKITE',
  'JENKINS_URL',
  'TEAMCITY_VERSION',
];

export function inCi(env: NodeJS.ProcessEnv): boolean {
  return CI_VARIABLES.some((name) => {
    const v = env[name];
    return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
  });
}

const NONE: Progress = { update() {}, end() {} };

export function createProgress(
  total: number,
  stream: ProgressStream,
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): Progress {
  if (!stream.isTTY || total <= PROGRESS_MIN_FILES || env.TERM === 'dumb' || inCi(env)) return NONE;
  let shown = false;
  let last = -Infinity;
  return {
    update(done, file) {
      const t = now();
      // At most ~20 updates a second, but always the first and the last.
      if (done !== 1 && done !== total && t - last < 50) return;
      last = t;
      const width = Math.max(20, (stream.columns || 80) - 1); // 0 when the terminal does not say
      let line = `checking ${done}/${total} ${file}`;
      if (line.length > width) line = `${line.slice(0, width - 1)}…`;
      stream.write(`\r${line}\x1b[K`);
      shown = true;
    },
    end() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
