import { defineConfig } from 'vite';

// Served by the service under /karte/ (from the jar's META-INF/resources/karte/).
export default defineConfig({
  base: '/karte/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // npm run dev (and vite preview): the service from bin/run answers the API calls
    proxy: Object.fromEntries(['/graphql', '/dev', '/exports'].map((p) => [p, process.env.KIMGRAPH_API ?? 'http://localhost:8080'])),
  },
});
