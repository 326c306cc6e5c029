/**
 * `npm run bench`: each benchmark prints its figures next to a baseline measured in the same
 * run on the same machine, so the numbers compare like with like. Nothing here asserts on time.
 */
import { benchAttachmentUpload } from './attachment-upload';
import { benchConversationList } from './conversation-list';
import { benchLighthouse } from './lighthouse';
import { benchMessageSend } from './message-send';

const benches = [benchMessageSend, benchAttachmentUpload, benchConversationList, benchLighthouse];

for (const bench of benches) {
  const result = await bench();
  console.log(`\n## ${result.name}`);
  console.table(result.rows);
  console.log(result.summary);
}
