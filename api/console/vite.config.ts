import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// During development the console talks to LOYALTY_API_URL (the real api, or `npm run mock`).
const api = process.env.LOYALTY_API_URL ?? 'http://127.0.0.1:5091'

export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    // Served by the api as static files under /console/ (the folder is build output, not source).
    outDir: fileURLToPath(new URL('../OrleansLoyalty.Api/wwwroot/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': api,
      '/admin': api,
      '/hubs': { target: api, ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
  },
})
