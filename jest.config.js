/** Unit and integration tests (no browser). The e2e suite has its own config: jest.e2e.config.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    '^.+\\.mjs$': '<rootDir>/test/support/esmToCommonJs.cjs',
  },
  // preact 11 is ESM only: the sidebar render tests load it through the transform above.
  transformIgnorePatterns: ['/node_modules/(?!preact/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  // Integration tests run the real bundle against a seeded demo school; 5 s is too tight on 2 cores.
  testTimeout: 30000,
};
