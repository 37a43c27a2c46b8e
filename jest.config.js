/** One jest setup for the whole workspace: sources are transpiled by SWC, workspace packages resolve to their src. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/contracts', '<rootDir>/infra', '<rootDir>/services', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // jose (JWT verification) ships ES modules only, which jest on Node 20 cannot require: SWC makes them CommonJS too.
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+/node_modules/.*/jose/dist/.+\\.js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }] },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/jose@[^/]+/node_modules/)?jose/)'],
  moduleNameMapper: {
    '^@aftersales/contracts$': '<rootDir>/contracts/src',
    '^@aftersales/kernel$': '<rootDir>/infra/kernel/src',
    '^@aftersales/kernel/testing$': '<rootDir>/infra/kernel/src/testing',
    '^@aftersales/sqlite$': '<rootDir>/infra/sqlite/src',
    '^@aftersales/kafka$': '<rootDir>/infra/kafka/src',
    '^@aftersales/kafka/testing$': '<rootDir>/infra/kafka/src/testing',
    '^@aftersales/nest$': '<rootDir>/infra/nest/src',
    '^@aftersales/order$': '<rootDir>/services/order/src',
    '^@aftersales/logistics$': '<rootDir>/services/logistics/src',
    '^@aftersales/refund$': '<rootDir>/services/refund/src',
    '^@aftersales/timeline$': '<rootDir>/services/timeline/src',
    '^@aftersales/dispute$': '<rootDir>/services/dispute/src',
    '^@aftersales/review$': '<rootDir>/services/review/src',
    '^@aftersales/platform$': '<rootDir>/apps/platform/src',
  },
  testTimeout: 30000,
};
