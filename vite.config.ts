// Builds the client (root: client/) into dist/client; in development proxies the API and sockets to the server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = process.env.XR_ASSIST_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    assetsDir: 'static',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': server,
      '/assets': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
