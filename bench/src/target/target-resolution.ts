/**
 * Makes `@aftersales/*` and `better-sqlite3` resolve to the built packages of BENCH_TARGET instead of this checkout,
 * so a scenario written against our internal APIs measures another checkout's code. Import it (for its effect) before
 * anything that loads those packages; it must itself import none of them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { benchTarget } from './target-root';

const WORKSPACE_FOLDERS = ['contracts', 'infra/*', 'services/*', 'apps/*'];

function workspacePackages(root: string): Map<string, string> {
  const packages = new Map<string, string>();
  for (const folder of WORKSPACE_FOLDERS) {
    const dirs = folder.endsWith('/*')
      ? readdirSync(join(root, folder.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(root, folder.slice(0, -2), entry.name))
      : [join(root, folder)];
    for (const dir of dirs) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) packages.set((JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name, dir);
    }
  }
  return packages;
}

type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;

function installTargetResolution(root: string): void {
  const packages = workspacePackages(root);
  const sqliteDir = packages.get('@aftersales/sqlite');
  const betterSqlite = sqliteDir ? require.resolve('better-sqlite3', { paths: [sqliteDir] }) : undefined;
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, isMain, options) {
    if (request === 'better-sqlite3' && betterSqlite) return betterSqlite;
    if (request.startsWith('@aftersales/')) {
      const [scope, name, ...rest] = request.split('/');
      const dir = packages.get(`${scope}/${name}`);
      if (dir) return original.call(this, rest.length > 0 ? join(dir, ...rest) : dir, parent, isMain, options);
    }
    return original.call(this, request, parent, isMain, options);
  };
}

installTargetResolution(benchTarget());
