/**
 * Jest transform for the ESM-only packages the sidebar render tests load (preact 11 ships only
 * .mjs): Jest 30 on Node 20 runs tests as CommonJS, so esbuild rewrites them to CommonJS.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, file) {
    const { code, map } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      target: 'node20',
      sourcefile: file,
      sourcemap: 'external',
    });
    return { code, map };
  },
};
