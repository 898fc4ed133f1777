/**
 * `npm run build:server`: bundles the server (and the shared package's TypeScript) into
 * server/dist/main.js, and the push worker into server/dist/pushWorker.js, for production, so it runs on plain `node` without a TypeScript
 * loader in memory. Dependencies stay external (installed by npm ci); the demo corpus is
 * read from server/src at run time.
 */
import path from 'node:path'
import { build } from 'esbuild'

const ROOT = path.resolve(import.meta.dirname, '..')

await build({
  entryPoints: [path.join(ROOT, 'server/src/main.ts'), path.join(ROOT, 'server/src/pushWorker.ts')],
  outdir: path.join(ROOT, 'server/dist'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'info',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [
    {
      name: 'external-dependencies',
      setup(b) {
        // Every package import stays external except our own shared package (TypeScript source).
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@zw/') ? undefined : { path: args.path, external: true }))
      },
    },
  ],
})
