import createCache from '@emotion/cache';
import rtlPlugin from 'stylis-plugin-rtl';

/**
 * Emotion's style cache for right-to-left languages: stylis-plugin-rtl mirrors every rule (margins,
 * paddings, left/right) as MUI's styles are inserted. Loaded with an RTL language only.
 */
export const rtlCache = createCache({ key: 'rtl', stylisPlugins: [rtlPlugin] });
