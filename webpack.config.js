/**
 * Bundles src/main.ts into dist/Code.js for Apps Script. gas-webpack-plugin turns every `global.x = …`
 * assignment in src/main.ts into a real top-level `function x() {}`, which Apps Script needs for menu items,
 * triggers and google.script.run.
 */
const path = require('path');
const GasPlugin = require('gas-webpack-plugin');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './src/main.ts',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'Code.js', clean: false },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { loader: 'ts', target: 'es2019' } }],
  },
  // Readable code in the Apps Script editor and stack traces; the bundle is small anyway.
  optimization: { minimize: false },
  devtool: false,
  performance: { hints: false },
  plugins: [new GasPlugin()],
};
