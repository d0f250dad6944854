/**
 * Other surfaces the CLI starts but may not import (surfaces never import each other): the
 * composition root (src/main.ts) hands them in.
 */
export interface ServeRequest {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly watch?: boolean | undefined;
  readonly databaseUrl?: string | undefined;
}

export interface Surfaces {
  /** Runs the HTTP server until SIGINT or SIGTERM; returns the exit code. */
  serve(request: ServeRequest): Promise<number>;
}
