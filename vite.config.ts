import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { loadCatalogFromDisk } from './src/domain/catalog/node.ts';
import { loadTechniqueCatalog } from './src/domain/technique/load.ts';

/**
 * Validates the clinical data when the dev server or a build starts, and again whenever a data
 * file changes: a malformed catalog stops with a message naming the file, the path and what was
 * expected, instead of reaching users as a blank screen.
 */
function validateClinicalData(): Plugin {
  const check = () => {
    loadCatalogFromDisk();
    loadTechniqueCatalog();
  };
  return {
    name: 'needlewise:validate-clinical-data',
    buildStart() {
      check();
    },
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (!/[\\/]data[\\/].*\.json$/.test(file)) return;
        try {
          check();
        } catch (err) {
          server.config.logger.error(
            `clinical data: ${err instanceof Error ? err.message : String(err)}`,
          );
          server.ws.send({ type: 'error', err: { message: String(err), stack: '' } });
        }
      });
    },
  };
}

// The body model is generated into public/models by `npm run model` (the predev/prebuild hooks).
export default defineConfig({
  plugins: [react(), validateClinicalData()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
