/**
 * Import loops, type-only imports included (eslint's import-x/no-cycle skips those). The folder boundaries themselves
 * are eslint's rule `aftersales/boundaries` (eslint.config.mjs); CONTRIBUTING.md explains both.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-import-loop',
      severity: 'error',
      comment: 'An import loop (type-only imports count): move the shared piece to where both sides may import it.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
