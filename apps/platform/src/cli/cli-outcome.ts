/** What a CLI prints and exits with, computed without process globals so it can be tested. */
export interface CliOutcome {
  exitCode: number;
  output: string;
}

/** Runs a CLI as the process's main module: the output on stdout (stderr for exit code 1), then its exit code. */
export function runAsMain(run: (argv: string[]) => Promise<CliOutcome>): void {
  run(process.argv.slice(2)).then(
    ({ exitCode, output }) => {
      (exitCode === 1 ? process.stderr : process.stdout).write(`${output}\n`);
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
