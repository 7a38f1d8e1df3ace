/**
 * Bundles src/main.ts into dist/Code.js for Apps Script. gas-webpack-plugin turns every `global.x = …`
 * assignment in src/main.ts into a real top-level `function x() {}`, which Apps Script needs for menu items,
 * triggers and google.script.run.
 */
const path = require('path');
const { BannerPlugin } = require('webpack');
const GasPlugin = require('gas-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');

module.exports = {
  mode: 'production',
  context: __dirname,
  entry: './src/main.ts',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'Code.js', clean: false },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    // UTF-8: the Russian text reads as such in the Apps Script editor (not a \uXXXX escape per letter).
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { loader: 'ts', target: 'es2019', charset: 'utf8' } }],
  },
  // Readable code in the Apps Script editor and stack traces: Terser only drops what nothing uses
  // (webpack marks unused exports, Terser removes them), keeps every name and prints one statement a line.
  optimization: {
    minimize: true,
    minimizer: [
      new TerserPlugin({
        extractComments: false,
        terserOptions: {
          compress: { defaults: false, unused: true, dead_code: true },
          mangle: false,
          format: { beautify: true, indent_level: 2, comments: /@license|@preserve|^!|Copyright/ },
        },
      }),
    ],
  },
  devtool: false,
  performance: { hints: false },
  plugins: [
    new GasPlugin(),
    // petrovich.min.js carries no notice of its own; its MIT licence asks for the copyright line in copies.
    new BannerPlugin({
      banner: [
        'Built from src/ by webpack (npm run build): edit the TypeScript, not this file.',
        'petrovich-js 0.2.1 (declension of Russian names), MIT License, Copyright (c) 2013 Petrovich',
      ].join('\n'),
    }),
  ],
};
