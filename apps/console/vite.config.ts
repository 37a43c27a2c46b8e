import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console is served by the platform (and the gateway) at /console from apps/console/dist. `pnpm dev` inside
 * apps/console runs Vite's dev server and sends the API calls to a platform on AFTERSALES_URL (default :3000).
 */
const api = process.env.AFTERSALES_URL ?? 'http://127.0.0.1:3000';
const API_PREFIXES = ['/orders', '/refunds', '/disputes', '/reviews', '/follow-ups', '/compensations', '/ledger', '/payouts', '/work-queue', '/shops', '/openapi.json', '/admin', '/buyers', '/shipments', '/health'];

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: { proxy: Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, api])) },
});
