/**
 * `npm run bench`: each benchmark prints its figures next to a baseline measured in the same
 * run on the same machine, so the numbers compare like with like. Nothing here asserts on time.
 * `npm run bench -- realtime-load message-send` runs only the named ones.
 */
import { benchAttachmentUpload } from './attachment-upload';
import { benchBundleSize } from './bundle-size';
import { benchConversationList } from './conversation-list';
import { benchLighthouse } from './lighthouse';
import { benchLongThread } from './long-thread';
import { benchMessageSend } from './message-send';
import { benchReadLoad } from './read-load';
import { benchRealtimeLoad } from './realtime-load';

type Bench = () => Promise<{ name: string; rows: unknown[]; summary: string }>;

const benches: Record<string, Bench> = {
  'message-send': benchMessageSend,
  'attachment-upload': benchAttachmentUpload,
  'conversation-list': benchConversationList,
  'realtime-load': benchRealtimeLoad,
  'read-load': benchReadLoad,
  'long-thread': benchLongThread,
  'bundle-size': benchBundleSize,
  lighthouse: benchLighthouse,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}. Choose from: ${Object.keys(benches).join(', ')}.`);
  process.exit(1);
}

for (const [key, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(key)) continue;
  const result = await bench();
  console.log(`\n## ${result.name}`);
  console.table(result.rows);
  console.log(result.summary);
}
