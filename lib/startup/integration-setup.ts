// Integration tests run the services without booting a server: register what boot registers (lib/boot.ts).
import { registerAllOutboxHandlers } from './outbox';

registerAllOutboxHandlers();
