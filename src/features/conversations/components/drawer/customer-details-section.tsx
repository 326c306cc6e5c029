import { Stack, Typography } from '@mui/material';
import type { Conversation } from '../../../../contract/conversations';
import { UnverifiedChip } from '../../../../components/customer-identity-chip';
import { drawerStrings, identityStrings } from '../../../../lib/staff-page-strings';
import { FieldList } from './field-list';

export function CustomerDetailsSection({ conversation }: { conversation: Conversation }) {
  const { customer } = conversation;
  const s = drawerStrings;
  const identity = customer.verified ? (
    <>
      {identityStrings.verified}
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
        {identityStrings.verifiedHint(customer.externalId ?? '')}
      </Typography>
    </>
  ) : (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <UnverifiedChip customer={customer} />
      <Typography component="span" variant="body2" color="text.secondary" aria-hidden>
        {identityStrings.unverifiedHint}
      </Typography>
    </Stack>
  );
  return (
    <FieldList
      fields={[
        [s.name, customer.name],
        [identityStrings.field, identity],
        [s.email, customer.email],
        [s.phone, customer.phone],
        [s.customerId, customer.id],
      ]}
    />
  );
}
