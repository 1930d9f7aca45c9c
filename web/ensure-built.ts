/**
 * `npm start` and `npm run demo` run this first: it builds the pages only
 * when web/dist is missing or older than their sources, so a restart does
 * not rebuild (or need vite) for nothing. A build goes to a folder of its
 * own and replaces web/dist in one rename, so other processes serving the
 * same checkout never find the pages half gone.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('.', import.meta.url));
const dist = join(web, 'dist');
const sources = [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts')];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

const builtAt = newestMtime(join(dist, 'index.html'));
if (builtAt > 0 && builtAt >= Math.max(...sources.map(newestMtime))) {
  process.stdout.write('pages are up to date (web/dist)\n');
} else {
  const { build } = await import('vite');
  const next = join(web, `dist-next-${process.pid}`);
  await build({
    configFile: join(web, 'vite.config.ts'),
    build: { outDir: next },
    logLevel: 'warn',
  });
  const old = join(web, `dist-old-${process.pid}`);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(next, dist);
  rmSync(old, { recursive: true, force: true });
  process.stdout.write('pages built (web/dist)\n');
}
