#!/usr/bin/env node
// The server entry of `npm start`: runs the built server until SIGINT or SIGTERM, then shuts down
// gracefully (requests in flight are answered) and exits 0; exit 1 if that takes longer than
// SHUTDOWN_TIMEOUT_MS or fails. A second signal does not interrupt the shutdown under way.
// `--demo` (what `npm start` passes) turns demo mode on, as DEMO=1 does.
const { startServer } = await import('../dist/http/start-server.js');
const server = await startServer(process.argv.includes('--demo') ? { ...process.env, DEMO: '1' } : process.env);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    const deadline = setTimeout(() => {
      server.app.log.error(`shutdown took longer than ${server.shutdownTimeoutMs} ms`);
      process.exit(1);
    }, server.shutdownTimeoutMs);
    deadline.unref();
    server.stop().then(
      () => process.exit(0),
      (e) => {
        server.app.log.error(e, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
