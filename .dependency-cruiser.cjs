/**
 * The layers of README «Архитектура», checked by `npm run lint` (so `npm test` fails on a violation).
 * Each row may import only the rows below it (and its own folder); rows of one line are siblings
 * that may not import each other. The compiler checks the rest per layer: src/domain/tsconfig.json
 * has no Apps Script, DOM or Node types, src/tsconfig.json no DOM or Node, sidebar/tsconfig.json DOM only.
 */
const SRC_LAYERS = [
  ['main.ts'],
  ['ui'],
  ['triggers'],
  // Features, each above the ones it builds on.
  ['withdrawal', 'district'],
  ['docs', 'summary'],
  ['questionnaires'],
  // The mentee's own choice of mentor (issue 20.2): sends links like «year» does, filed by «triggers».
  ['choice'],
  ['year', 'rollover'],
  ['programs'],
  ['forms'],
  ['schedule'],
  ['sheets'],
  ['state'],
  ['contract'],
  ['domain'],
];

const folder = (name) => `^src/${name.replace('.', '[.]')}${name.endsWith('.ts') ? '$' : '/'}`;
const below = (i) => SRC_LAYERS.slice(i + 1).flat();

const layerRules = SRC_LAYERS.flatMap((row, i) =>
  row.map((name) => ({
    name: `layer-${name}`,
    comment: `src/${name} may import only ${below(i).join(', ')} (README «Архитектура»)`,
    severity: 'error',
    from: { path: folder(name) },
    to: { path: '^src/', pathNot: [folder(name), ...below(i).map(folder)] },
  })),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'Modules that import each other in a circle',
      severity: 'error',
      from: { path: '^(src|sidebar|workspace)/' },
      to: { circular: true },
    },
    {
      name: 'addon-only-its-own',
      comment: 'The Apps Script bundle: no sidebar, emulator, Node or test code in src/',
      severity: 'error',
      from: { path: '^src/' },
      to: { pathNot: ['^src/', 'node_modules/(petrovich|valibot)/'] },
    },
    {
      name: 'sidebar-contract-and-domain-only',
      comment:
        'The sidebar reaches the server only through google.script.run: it may import the contract and pure domain code',
      severity: 'error',
      from: { path: '^sidebar/' },
      to: { path: '^(src|emulator|test|scripts)/', pathNot: ['^src/(contract|domain)/'] },
    },
    {
      name: 'emulator-knows-no-addon',
      comment: "The emulator is Google's services: it knows nothing of this add-on, its sidebar or the workspace app",
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^(src|sidebar|workspace|test)/' },
    },
    {
      name: 'workspace-app-uses-pure-addon-code',
      comment:
        'The local workspace app configures the emulator; of the add-on it may use only the contract, the domain and the name of the global that shifts the sidebar clock',
      severity: 'error',
      from: { path: '^workspace/' },
      to: { path: '^(src|sidebar|test)/', pathNot: ['^src/(contract|domain)/', '^sidebar/clock[.]ts$'] },
    },
    {
      name: 'web-page-runs-in-the-browser',
      comment: 'workspace/web/ is bundled for the browser: no Node modules, no server code but its protocol types',
      severity: 'error',
      from: { path: '^workspace/web/' },
      to: {
        pathNot: ['^workspace/web/', '^workspace/server/(protocol|mail|drive)[.]ts$', '^emulator/', 'node_modules/'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
