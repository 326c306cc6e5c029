import { localize, S } from './i18n';
import en from '../locales/en/keyboard-strings.json';
import type { ShortcutCommand } from './shortcuts';

/** The keyboard shortcuts' and skip links' words (staff panel). */
export const keyboardStrings = /* @__PURE__ */ localize('keyboard', en, {
  preference: S,
  preferenceHint: S,
  helpTitle: S,
  helpIntro: S,
  keyColumn: S,
  actionColumn: S,
  close: S,
  skipToList: S,
  skipToChat: S,
  /** A screen reader's summary when more arrived at once than are read by name. */
  andMore: (count: number) => ({ count }),
  /** What each shortcut does, as listed in the ? overlay and added to tooltips. */
  commands: {
    next: S,
    previous: S,
    pickTop: S,
    composer: S,
    notes: S,
    transfer: S,
    end: S,
    picklist: S,
    mine: S,
    history: S,
    search: S,
    help: S,
  } satisfies Record<ShortcutCommand, typeof S>,
  /** A tooltip's shortcut, after its name: "End chat (E)". */
  withKey: (label: string, key: string) => ({ label, key }),
});
