import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
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

/** The generated body model files (public/models) that must be precached for offline use. */
const MODEL_DIR = fileURLToPath(new URL('./public/models', import.meta.url));
const MODEL_FILE = /^models\/[^/]+\.(?:glb|json)$/;

/**
 * Offline use (a classroom without internet): a Workbox service worker, built only by
 * `vite build`, precaches the app shell, the icons and the body model files, so after one visit
 * the app loads and draws the body with no network. `registerType: 'prompt'`: a new version waits
 * until the user chooses to reload (src/ui/UpdateNotice.tsx), never mid-lesson. No service worker
 * in `npm run dev` (devOptions disabled).
 */
function offline() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // src/ui/UpdateNotice.tsx registers it (virtual:pwa-register/react)
    devOptions: { enabled: false },
    includeAssets: ['icons/apple-touch-icon.png', 'icons/icon.svg'],
    manifest: {
      name: 'Needlewise — 3D anatomy for dry needling',
      short_name: 'Needlewise',
      description:
        'Interactive 3D anatomy trainer for dry needling: trigger points, referral zones, needle depth and danger zones.',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#15181d',
      background_color: '#15181d',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        {
          src: '/icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      // the app shell, and the body model (body.glb, the habitus builds, body.json)
      globPatterns: ['**/*.{js,css,html}', 'models/*.{glb,json}'],
      // body.glb is ~2.6 MB and the three.js chunk over 1 MB: Workbox's 2 MiB default would
      // silently leave them out
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      navigateFallback: 'index.html',
      // the first install takes over the open page at once (same build, nothing changes); a later
      // version still waits for "Reload now" (no skipWaiting)
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      manifestTransforms: [
        // fail the build rather than ship a service worker that cannot draw the body offline
        (entries) => {
          const have = new Set(entries.map((e) => e.url));
          const models = (existsSync(MODEL_DIR) ? readdirSync(MODEL_DIR) : [])
            .map((f) => `models/${f}`)
            .filter((u) => MODEL_FILE.test(u));
          const missing = ['index.html', ...models].filter((u) => !have.has(u));
          if (models.length === 0 || missing.length > 0)
            throw new Error(
              `offline: the service worker would not precache ${missing.join(', ') || 'any model file (run `npm run model`)'}` +
                ' (too large for maximumFileSizeToCacheInBytes, or not in dist/?)',
            );
          return { manifest: entries };
        },
      ],
    },
  });
}

/**
 * The site's security policy. Scripts and workers only from the site itself, WebAssembly allowed
 * (the meshoptimizer decoder of the body model), no inline script; inline style attributes are
 * allowed (React's `style`), images also from data: and blob: URLs (the icon, PNG exports). The
 * built page carries it as a meta tag (the dev server's hot reload needs inline script, so not
 * there); wherever the project serves the site (`vite preview`) it is also a header, with the
 * headers a meta tag cannot set.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

function securityPolicy(): Plugin {
  return {
    name: 'needlewise:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The body model is generated into public/models by `npm run model` (the predev/prebuild hooks).
export default defineConfig({
  plugins: [react(), validateClinicalData(), offline(), securityPolicy()],
  preview: { headers: SECURITY_HEADERS },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
