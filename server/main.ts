// Entry point: reads the configuration from the environment and starts the server.
import { loadConfig } from './platform/config.ts';
import { createServer } from './app.ts';

const server = await createServer(loadConfig()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
console.log(`XR Assist is running at ${server.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
