import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { NotificationPreferences, Preferences, UpdatePreferencesRequest } from '../../../contract/preferences';
import { callApi } from '../../../lib/api-client';
import { preferencesQueryOptions } from './get-preferences';

export const updatePreferences = (body: UpdatePreferencesRequest) => callApi(staffRoutes.updatePreferences, { body }).then((r) => r.preferences);

const mutationKey = ['preferences', 'update'] as const;

const withChange = (p: Preferences, change: UpdatePreferencesRequest): Preferences => ({
  conversationSort: change.conversationSort ?? p.conversationSort,
  notifications: { ...p.notifications, ...change.notifications },
  sidePanel: { ...p.sidePanel, ...change.sidePanel },
  language: change.language === undefined ? p.language : change.language,
  colorScheme: change.colorScheme ?? p.colorScheme,
  keyboardShortcuts: change.keyboardShortcuts ?? p.keyboardShortcuts,
});

/**
 * Saves a change optimistically: the switch moves at once, and moves back with an error if the
 * server refuses. Only the fields this change touched are rolled back, and only if nothing
 * changed them since, so quick successive toggles do not undo each other.
 */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  const { queryKey } = preferencesQueryOptions();
  return useMutation({
    mutationKey,
    mutationFn: updatePreferences,
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData(queryKey);
      if (before) queryClient.setQueryData(queryKey, withChange(before, change));
      return { before };
    },
    onError: (_err, change, context) => {
      const before = context?.before;
      if (!before) return;
      queryClient.setQueryData(queryKey, (now) => {
        if (!now) return now;
        const notifications = { ...now.notifications };
        for (const key of Object.keys(change.notifications ?? {}) as (keyof NotificationPreferences)[]) {
          if (notifications[key] === change.notifications?.[key]) notifications[key] = before.notifications[key];
        }
        const conversationSort =
          change.conversationSort !== undefined && now.conversationSort === change.conversationSort ? before.conversationSort : now.conversationSort;
        const sidePanel = { ...now.sidePanel };
        if (change.sidePanel?.open !== undefined && sidePanel.open === change.sidePanel.open) sidePanel.open = before.sidePanel.open;
        if (change.sidePanel?.section !== undefined && sidePanel.section === change.sidePanel.section) sidePanel.section = before.sidePanel.section;
        const language = change.language !== undefined && now.language === change.language ? before.language : now.language;
        const colorScheme = change.colorScheme !== undefined && now.colorScheme === change.colorScheme ? before.colorScheme : now.colorScheme;
        const keyboardShortcuts =
          change.keyboardShortcuts !== undefined && now.keyboardShortcuts === change.keyboardShortcuts ? before.keyboardShortcuts : now.keyboardShortcuts;
        return { conversationSort, notifications, sidePanel, language, colorScheme, keyboardShortcuts };
      });
    },
    onSuccess: (saved) => {
      // With another change still on its way, this answer predates it: wait for the last one.
      if (queryClient.isMutating({ mutationKey }) <= 1) queryClient.setQueryData(queryKey, saved);
    },
  });
}
