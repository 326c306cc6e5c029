import { Stack, Typography } from '@mui/material';
import type { Conversation } from '../../../../contract/conversations';
import { UnverifiedChip } from '../../../../components/customer-identity-chip';
import { strings } from '../../../../lib/strings';
import { FieldList } from './field-list';

export function CustomerDetailsSection({ conversation }: { conversation: Conversation }) {
  const { customer } = conversation;
  const s = strings.drawer;
  const identity = customer.verified ? (
    <>
      {strings.identity.verified}
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
        {strings.identity.verifiedHint(customer.externalId ?? '')}
      </Typography>
    </>
  ) : (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <UnverifiedChip customer={customer} />
      <Typography component="span" variant="body2" color="text.secondary" aria-hidden>
        {strings.identity.unverifiedHint}
      </Typography>
    </Stack>
  );
  return (
    <FieldList
      fields={[
        [s.name, customer.name],
        [strings.identity.field, identity],
        [s.email, customer.email],
        [s.phone, customer.phone],
        [s.customerId, customer.id],
      ]}
    />
  );
}
