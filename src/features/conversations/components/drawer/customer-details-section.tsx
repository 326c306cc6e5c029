import { Stack, Typography } from '@mui/material';
import type { Conversation } from '../../../../contract/conversations';
import { UnverifiedChip } from '../../../../components/customer-identity-chip';
import { identityStrings } from '../../../../lib/identity-strings';
import { drawerContentStrings } from '../../../../lib/drawer-strings';
import { FieldList } from './field-list';
import { channelLabel, channelStrings } from '../../../../lib/channel-strings';

export function CustomerDetailsSection({ conversation }: { conversation: Conversation }) {
  const { customer } = conversation;
  const s = drawerContentStrings;
  const identity = conversation.channel !== 'webchat' ? (
    // A messaging channel vouches for the number or id the customer wrote from (not for the name).
    <>
      {channelStrings.identity(channelLabel(conversation.channel), conversation.source)}
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
        {channelStrings.identityHint}
      </Typography>
    </>
  ) : customer.verified ? (
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
