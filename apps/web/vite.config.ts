import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { shippedWardShapeFiles } from '../../scripts/geo/ward-shapes.js';

/**
 * Writes `.br` and `.gz` beside every text asset of the build, compressed once at their best level; the server
 * sends the one the browser accepts (@fastify/static `preCompressed`), never compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return {
    name: 'mot-cua-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * The commune shapes, one static GeoJSON file per province (`geo/wards/79.json`), cut from the shipped TopoJSON at
 * build time (scripts/geo/ward-shapes.ts): a province's dashboard map downloads only its own province.
 */
function wardShapes(): Plugin {
  let files: Map<string, string> | undefined;
  const load = () => {
    files ??= shippedWardShapeFiles();
    return files;
  };
  return {
    name: 'mot-cua-ward-shapes',
    generateBundle() {
      for (const [fileName, source] of load()) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const body = req.url ? load().get(req.url.replace(/^\//, '').split('?')[0]!) : undefined;
        if (!body) return next();
        res.setHeader('content-type', 'application/json');
        res.end(body);
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), wardShapes(), precompress()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
