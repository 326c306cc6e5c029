import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { linguiCatalogs } from './src/build/lingui-catalogs.js';

export default defineConfig({
  plugins: [react(), linguiCatalogs()],
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // Server tests run in Node; component tests opt into jsdom with a file comment.
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['src/test-setup.ts'],
    // PGlite instances are memory-heavy; two workers fit two cores.
    maxWorkers: 2,
  },
});
