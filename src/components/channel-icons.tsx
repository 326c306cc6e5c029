import ChatIcon from '@mui/icons-material/Chat';
import FacebookIcon from '@mui/icons-material/Facebook';
import PhoneIphoneIcon from '@mui/icons-material/PhoneIphone';
import SmsIcon from '@mui/icons-material/Sms';
import WhatsAppIcon from '@mui/icons-material/WhatsApp';
import { Box, type SvgIconProps } from '@mui/material';
import type { ComponentType } from 'react';
import type { Channel } from '../contract/conversations';
import { channelLabel } from '../lib/channel-strings';

const ICONS: Record<Channel, ComponentType<SvgIconProps>> = {
  webchat: ChatIcon,
  sms: SmsIcon,
  mms: SmsIcon,
  whatsapp: WhatsAppIcon,
  messenger: FacebookIcon,
  viber: PhoneIphoneIcon,
};

/** Brand-like colours, dark enough for text contrast on white. */
const COLORS: Record<Channel, string> = {
  webchat: '#455a64',
  sms: '#5d4037',
  mms: '#5d4037',
  whatsapp: '#1b7a43',
  messenger: '#1565c0',
  viber: '#6a1b9a',
};

/** The same, light enough on the dark scheme's paper. */
const DARK_COLORS: Record<Channel, string> = {
  webchat: '#b0bec5',
  sms: '#d7ccc8',
  mms: '#d7ccc8',
  whatsapp: '#81c784',
  messenger: '#90caf9',
  viber: '#ce93d8',
};

/** The channel badge, its icon decorative beside the name (or named itself when alone); see channel-badge.tsx. */
export default function ChannelBadgeWithIcon({ channel, compact = false }: { channel: Channel; compact?: boolean }) {
  const Icon = ICONS[channel];
  const label = channelLabel(channel);
  const iconOnly = compact && channel === 'webchat';
  return (
    <Box
      component="span"
      data-channel={channel}
      {...(iconOnly && { role: 'img', 'aria-label': label, title: label })}
      sx={(theme) => ({
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        color: COLORS[channel],
        flexShrink: 0,
        fontSize: 12,
        fontWeight: 600,
        lineHeight: '20px',
        ...theme.applyStyles('dark', { color: DARK_COLORS[channel] }),
      })}
    >
      <Icon sx={{ fontSize: 16 }} aria-hidden />
      {!iconOnly && label}
    </Box>
  );
}
