import type { Conversation } from '../../contract/conversations';
import type { CustomerConversation } from '../../contract/webchat';

/** What a customer may know of their conversation: no addresses, ids of staff or internal state. */
export function toCustomerConversation(c: Conversation): CustomerConversation {
  return {
    id: c.id,
    queueName: c.queue.name,
    state: c.state,
    customerName: c.customer.name,
    agentName: c.agent?.displayName ?? null,
    arrivedAt: c.arrivedAt,
    endedAt: c.endedAt,
  };
}
