import { useEffect } from 'react';
import { totalUnread } from '../read-markers';
import { strings } from '../../../lib/strings';
import { conversationListStrings } from '../../../lib/staff-page-strings';
import { useUnread } from '../api/get-unread';

/** The browser tab shows how many customer messages wait unread: "(3) Communication Panel". */
export function useUnreadTitle(): void {
  const total = totalUnread(useUnread().data);
  useEffect(() => {
    document.title = conversationListStrings.title(strings.appName, total);
  }, [total]);
  useEffect(() => () => void (document.title = strings.appName), []);
}
