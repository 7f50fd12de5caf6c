import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The development server forwards the API to a running `doanket serve`, so that the app
// talks to the real back end with its cookie on the same origin, as it will in production.
const backend = `http://127.0.0.1:${process.env.DOANKET_PORT ?? '8090'}`

export default defineConfig({
  base: '/',
  // '@/…' is src/…: a feature imports shared pieces and other features by one stable path.
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  plugins: [
    vue(),
    // Element Plus components and their styles are imported where a template uses them,
    // which keeps the bundle to the components the app really has.
    Components({
      // Our own components are found in the shared folder and in each feature's components/.
      globs: ['src/shared/components/**/*.vue', 'src/features/*/components/**/*.vue'],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
  ],
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  build: {
    // ECharts alone is ~400 kB minified; it gets its own chunk, loaded with the dashboard.
    chunkSizeWarningLimit: 700,
  },
})
