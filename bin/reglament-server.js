#!/usr/bin/env node
// The server entry of `npm start`: runs the built server until SIGINT or SIGTERM.
const { startServer } = await import('../dist/http/start-server.js');
const server = await startServer();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
