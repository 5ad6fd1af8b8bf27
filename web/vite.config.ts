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
    // npm run dev: the service from bin/run answers the API calls
    proxy: { '/graphql': 'http://localhost:8080', '/dev': 'http://localhost:8080', '/exports': 'http://localhost:8080' },
  },
});
