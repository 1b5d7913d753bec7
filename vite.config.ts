import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The body model is generated into public/models by `npm run model` (the predev/prebuild hooks).
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1' },
});
