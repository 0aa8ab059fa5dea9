/**
 * Node's last resort: an exception or a rejected promise that no handler caught is logged (to
 * the client's log) and the server keeps serving. Without a listener, Node ends the process on
 * either, and the editor loses every diagnostic for one missed `catch`.
 */
export function guardProcess(log: (message: string) => void, target: Pick<NodeJS.Process, 'on'> = process): void {
  const report = (what: string, error: unknown): void => {
    const message = `osai: ${what} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    try {
      log(message);
    } catch {
      // The connection itself may be what failed: stderr is the one place left to say it.
      try {
        process.stderr.write(`${message}\n`);
      } catch {
        /* nowhere left to write */
      }
    }
  };
  target.on('uncaughtException', (error: Error) => report('uncaught', error));
  target.on('unhandledRejection', (reason: unknown) => report('unhandled rejection', reason));
}
