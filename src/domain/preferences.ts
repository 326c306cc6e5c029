import {
  ColorSchemePreferenceSchema,
  ConversationSortSchema,
  LanguageSchema,
  DEFAULT_PREFERENCES,
  SidePanelSectionSchema,
  type NotificationPreferences,
  type Preferences,
  type UpdatePreferencesRequest,
} from '../contract/preferences';

// The rules the server and the mocks apply to stored preferences: kept out of the contract, which
// every page loads (the login's first load among them) for its schemas alone.

const definedOnly = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * What a user chose, with an update's choices over it: the server stores this (and the mocks keep
 * it), never the defaults, so a default changed later reaches everyone who never chose.
 */
export function withChoices(stored: UpdatePreferencesRequest | undefined, update: UpdatePreferencesRequest): UpdatePreferencesRequest {
  const sort = update.conversationSort ?? stored?.conversationSort;
  const sidePanel = { ...definedOnly(stored?.sidePanel), ...definedOnly(update.sidePanel) };
  // null (follow the browser) is no choice to keep.
  const language = update.language === undefined ? stored?.language : update.language;
  const colorScheme = update.colorScheme ?? stored?.colorScheme;
  const shortcuts = update.keyboardShortcuts ?? stored?.keyboardShortcuts;
  return {
    ...(sort ? { conversationSort: sort } : {}),
    notifications: { ...definedOnly(stored?.notifications), ...definedOnly(update.notifications) },
    ...(Object.keys(sidePanel).length > 0 ? { sidePanel } : {}),
    ...(language ? { language } : {}),
    ...(colorScheme ? { colorScheme } : {}),
    ...(shortcuts !== undefined ? { keyboardShortcuts: shortcuts } : {}),
  };
}

/**
 * A user's preferences: their stored choices over the defaults. Whatever is stored that this
 * version does not understand (an old row, a value since removed) falls back to its default.
 */
export function preferencesFrom(stored: unknown): Preferences {
  const raw = (stored ?? {}) as {
    conversationSort?: unknown;
    notifications?: Record<string, unknown>;
    sidePanel?: Record<string, unknown>;
    language?: unknown;
    colorScheme?: unknown;
    keyboardShortcuts?: unknown;
  };
  const colorScheme = ColorSchemePreferenceSchema.safeParse(raw.colorScheme);
  const sort = ConversationSortSchema.safeParse(raw.conversationSort);
  const notifications = { ...DEFAULT_PREFERENCES.notifications };
  for (const key of Object.keys(notifications) as (keyof NotificationPreferences)[]) {
    const value = raw.notifications?.[key];
    if (typeof value === 'boolean') notifications[key] = value;
  }
  const open = raw.sidePanel?.open;
  const section = SidePanelSectionSchema.safeParse(raw.sidePanel?.section);
  const language = LanguageSchema.safeParse(raw.language);
  return {
    conversationSort: sort.success ? sort.data : DEFAULT_PREFERENCES.conversationSort,
    notifications,
    sidePanel: {
      open: typeof open === 'boolean' ? open : DEFAULT_PREFERENCES.sidePanel.open,
      section: section.success ? section.data : DEFAULT_PREFERENCES.sidePanel.section,
    },
    language: language.success ? language.data : DEFAULT_PREFERENCES.language,
    colorScheme: colorScheme.success ? colorScheme.data : DEFAULT_PREFERENCES.colorScheme,
    keyboardShortcuts: typeof raw.keyboardShortcuts === 'boolean' ? raw.keyboardShortcuts : DEFAULT_PREFERENCES.keyboardShortcuts,
  };
}
