// One lint setup for the workspace: typescript-eslint's recommended rules, formatting left to prettier,
// and the architecture of CONTRIBUTING.md ("where code lives") enforced: folder boundaries and no import loops.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Every service package, present or planned: a service never imports another one. */
const SERVICES = ['order', 'logistics', 'refund', 'timeline', 'dispute', 'review'];
const ADAPTERS = ['@aftersales/sqlite', '@aftersales/kafka', '@aftersales/kurrent', '@aftersales/mongo', 'better-sqlite3', 'kafkajs', 'mongodb', '@eventstore/db-client', '@kurrent/kurrentdb-client', '@aftersales/telemetry', '@opentelemetry/api', '@opentelemetry/sdk-node'];
const COMPOSITION_ROOT = ['@aftersales/platform', '@aftersales/runtime'];
const NODE_BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** The package an import names: `@scope/name` or `name`, without a subpath. */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** What a file is, from where it lives (a path relative to the repo root, with forward slashes). */
function placeOf(file) {
  const service = /^services\/([^/]+)\//.exec(file)?.[1];
  return {
    infra: file.startsWith('infra/'),
    service,
    pure: Boolean(service) && /\/(domain|policies)\//.test(file),
  };
}

/** Why importing `specifier` from `file` crosses a boundary, or undefined when it does not. */
function crossing(file, specifier) {
  const place = placeOf(file);
  if (!place.infra && !place.service) return undefined;
  if (specifier.startsWith('.')) return crossingByPath(place, path.posix.join(path.posix.dirname(file), specifier));
  const pkg = packageOf(specifier);
  const ourPackage = /^@aftersales\/(.+)$/.exec(pkg)?.[1];

  if (place.infra) {
    if (SERVICES.includes(ourPackage)) return `infra/ never imports a service ('${pkg}'): infra → kernel, contracts only`;
    if (COMPOSITION_ROOT.includes(pkg)) return `infra/ never imports the composition root ('${pkg}'); only apps/platform composes`;
    return undefined;
  }
  if (place.pure) {
    if (specifier.startsWith('node:') || NODE_BUILTINS.has(pkg)) {
      return `domain/ and policies/ are pure: no node built-in ('${specifier}'); time, ids and I/O arrive in the command`;
    }
    if (pkg.startsWith('@nestjs/') || pkg === '@aftersales/nest') return `domain/ and policies/ are pure: no framework ('${pkg}')`;
  }
  if (ADAPTERS.includes(pkg)) return `a service never imports an adapter ('${pkg}'); the composition root picks adapters`;
  if (COMPOSITION_ROOT.includes(pkg)) return `a service never imports the composition root ('${pkg}')`;
  if (SERVICES.includes(ourPackage) && ourPackage !== place.service) {
    return `service '${place.service}' never imports another service ('${pkg}'); react to its events instead`;
  }
  return undefined;
}

function crossingByPath(place, target) {
  if (place.infra && /^(services|apps)(\/|$)/.test(target)) return `infra/ never imports services/ or apps/ ('${target}')`;
  const targetService = /^services\/([^/]+)(\/|$)/.exec(target)?.[1];
  if (place.service && targetService && targetService !== place.service) {
    return `service '${place.service}' never reaches into service '${targetService}' ('${target}')`;
  }
  if (place.service && !targetService) return `a service never reaches outside services/${place.service} by path ('${target}'); import the package`;
  if (place.pure && /\/(application|http|projections|adapters)(\/|$)/.test(target)) {
    return `domain/ and policies/ look only inward: not into application/, http/, projections/ or adapters/ ('${target}')`;
  }
  return undefined;
}

/** A local rule: every import, export-from, dynamic import and require is checked against the table above. */
const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps each folder to what CONTRIBUTING.md says it may import' },
    messages: { crossed: 'Boundary crossed: {{why}} (see CONTRIBUTING.md).' },
    schema: [],
  },
  create(context) {
    const file = path.relative(ROOT, context.physicalFilename).split(path.sep).join('/');
    const check = (source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const why = crossing(file, source.value);
      if (why) context.report({ node: source, messageId: 'crossed', data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSExternalModuleReference: (node) => check(node.expression),
      'CallExpression[callee.name="require"]': (node) => check(node.arguments[0]),
    };
  },
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'contracts/schemas/**', 'data/**', '.tools/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The console (apps/console): React's rules of hooks; a missing effect dependency is a warning.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Tests read JSON answers whose shape the assertions check.
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.ts'],
    plugins: { aftersales: { rules: { boundaries } }, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/external-module-folders': ['node_modules'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      // tsconfig.json maps each @aftersales package to its src, so a loop through a package's index is seen too.
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(ROOT, 'tsconfig.json') })],
    },
    rules: {
      'aftersales/boundaries': 'error',
      // Runtime loops, in the editor; `pnpm lint:loops` (dependency-cruiser) also counts type-only imports.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
