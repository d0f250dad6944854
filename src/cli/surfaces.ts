/**
 * Other surfaces the CLI starts but may not import (surfaces never import each other): the
 * composition root (src/main.ts) hands them in.
 */
export interface ServeRequest {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly watch?: boolean | undefined;
  readonly databaseUrl?: string | undefined;
  /** Print the address as JSON on stdout (logs to stderr). */
  readonly json?: boolean | undefined;
}

export interface Surfaces {
  /** Runs the HTTP server until SIGINT or SIGTERM; returns the exit code. */
  serve(request: ServeRequest): Promise<number>;
}
