import { defineConfig } from 'vitest/config';

// Preact's JSX through esbuild's automatic runtime: no Babel preset needed.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    // The Maven build copies this folder into the web WAR (served at /).
    outDir: 'target/dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One small bundle for the first load; screens that pull in big libraries are split by dynamic import.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // PBKDF2 at 600 000 iterations is slow on purpose; on a loaded 2-core machine a test may take seconds.
    testTimeout: 60_000,
  },
});
