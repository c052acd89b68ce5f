// `npm run infra:synth`: synthesizes every stage into infra/cdk.out without the CDK CLI, credentials or network,
// then prints each stack's resource count. Context can still be given as `-- key=value` arguments; prod needs
// somewhere to send alarms: `npm run infra:synth -- alarmEmail=ops@example.com` (or alarmTopicArn=…).
import path from 'node:path';
import { addStorefrontStacks, createApp } from '../lib/app';
import { REPO_ROOT } from '../lib/image';

const extraContext = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((argument) => argument.includes('='))
    .map((argument) => {
      const index = argument.indexOf('=');
      return [argument.slice(0, index), argument.slice(index + 1)];
    }),
);

const started = performance.now();
const outdir = path.join(REPO_ROOT, 'infra', 'cdk.out');
const app = createApp({ outdir, context: { stage: 'all', ...extraContext } });
let stacks: ReturnType<typeof addStorefrontStacks>;
try {
  stacks = addStorefrontStacks(app);
} catch (error) {
  // A refused configuration (connection budget, missing alarm subscription, malformed flag): the message says why.
  console.error(`Synth refused: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const assembly = app.synth();

const rows = stacks.map((stack) => {
  const template = assembly.getStackByName(stack.stackName).template as { Resources?: Record<string, { Type: string }> };
  const resources = Object.values(template.Resources ?? {});
  return {
    stack: stack.stackName,
    resources: resources.length,
    budget: `${stack.budget.demand}/${stack.budget.proxyMaxConnections} connections`,
  };
});

console.log(`Synthesized ${rows.length} stacks into ${path.relative(process.cwd(), outdir) || outdir}`);
for (const row of rows) {
  console.log(`  ${row.stack.padEnd(20)} ${String(row.resources).padStart(4)} resources   budget ${row.budget}`);
}
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
