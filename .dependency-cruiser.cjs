// The module map's rules (README "Architecture"), checked in `npm test` by `npm run lint:deps`.
// Layer rules look at the code that ships; tests may reach across layers to drive a whole flow (a Store API test
// imports the route it calls), but never in a cycle.
const TEST = '\\.test\\.tsx?$';
const INFRASTRUCTURE = '^lib/(errors\\.ts|csv|pagination\\.ts|http|net|server|observability|rate-limit|cache|redis|jobs|outbox|log\\.ts|env\\.ts)';
const DOMAIN = '^lib/(admin|api|api-keys|auth|cart|catalog|checkout|customers|email|health|money|orders|payments|storage|store|inventory|discounts|markets|returns|gift-cards|promotions|search|webhooks)/';

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'No import cycles anywhere, tests included.', from: {}, to: { circular: true } },
    {
      name: 'db-imports-only-env',
      severity: 'error',
      comment: 'The schema, client and migrations depend on nothing of lib/ but its env module (the seed and test fixtures are tools above lib).',
      from: { path: '^db/', pathNot: `${TEST}|^db/seed/|^db/testing/` },
      to: { path: '^lib/', pathNot: '^lib/env\\.ts$' },
    },
    {
      name: 'lib-imports-no-ui',
      severity: 'error',
      comment: 'lib/ is below app/ and components/.',
      from: { path: '^lib/', pathNot: TEST },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'domains-import-no-admin-shell',
      severity: 'error',
      comment: 'A rule lives in its domain, whoever calls it: the panel (lib/admin) calls the domains, never the reverse.',
      from: { path: DOMAIN, pathNot: `${TEST}|^lib/admin/` },
      to: { path: '^lib/admin/' },
    },
    {
      name: 'infrastructure-imports-no-domain',
      severity: 'error',
      comment: 'Infrastructure is a leaf: domains register into it (outbox handlers, jobs) at boot (lib/startup), and the auth domain builds the action and route wrappers over its session (lib/auth/guards.ts). lib/server, the layer in front of Next, is infrastructure too.',
      from: { path: INFRASTRUCTURE, pathNot: TEST },
      to: { path: DOMAIN },
    },
    {
      name: 'no-next-private',
      severity: 'error',
      comment: "Nothing private of Next: its documented API only (next, next/server, next/navigation, …), never next/dist/*, which changes without notice between releases.",
      from: {},
      // `import … from 'next'` resolves to the package's main file, which lives in dist/: that one is public.
      to: { path: '(^|/)next/dist/', pathNot: '^node_modules/next/dist/server/next\\.js$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules is not followed, but its modules stay in the graph: the no-next-private rule looks at them.
    exclude: { path: '^\\.next' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
