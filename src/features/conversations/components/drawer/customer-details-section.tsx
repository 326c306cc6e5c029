import type { Conversation } from '../../../../contract/conversations';
import { strings } from '../../../../lib/strings';
import { FieldList } from './field-list';

export function CustomerDetailsSection({ conversation }: { conversation: Conversation }) {
  const { customer } = conversation;
  const s = strings.drawer;
  return (
    <FieldList
      fields={[
        [s.name, customer.name],
        [s.email, customer.email],
        [s.phone, customer.phone],
        [s.customerId, customer.id],
      ]}
    />
  );
}
