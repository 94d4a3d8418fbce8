// Entry point: reads the configuration from the environment and starts the server.
import { loadConfig } from './platform/config.ts';
import { createServer } from './app.ts';

const server = await createServer(loadConfig()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
console.log(`XR Assist is running at ${server.url}`);

// SIGTERM (an orchestrator, a load balancer's drain) and SIGINT stop gracefully; the process is gone within the timeout anyway.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    setTimeout(() => process.exit(1), server.ctx.config.shutdownTimeoutMs + 1000).unref();
    void server.shutdown().then(
      (unfinished) => process.exit(unfinished === 0 ? 0 : 1),
      () => process.exit(1),
    );
  });
}
