// CDK CLI entry point (infra/cdk.json): `cd infra && npx cdk deploy -c stage=prod -c certificateArn=… -c domainName=…`.
import { addStorefrontStacks, createApp } from '../lib/app';

const app = createApp();
addStorefrontStacks(app);
app.synth();
