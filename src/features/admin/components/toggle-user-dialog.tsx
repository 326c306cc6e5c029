import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { AdminUser } from '../../../contract/admin';
import { adminStrings } from '../../../lib/admin-strings';
import { useUpdateUser } from '../api/update-user';

/**
 * Confirms disabling a user (logged out everywhere at once, their conversations back to their
 * queues) or enabling them again.
 */
export function ToggleUserDialog({ user, onClose, onDone }: { user: AdminUser; onClose(): void; onDone(user: AdminUser): void }) {
  const s = adminStrings.users;
  const update = useUpdateUser();
  const disabling = !user.disabled;

  const confirm = () =>
    update.mutate(
      {
        id: user.id,
        body: { displayName: user.displayName, role: user.role, capacity: user.capacity, queueIds: user.queueIds, disabled: disabling },
      },
      { onSuccess: onDone },
    );

  return (
    <ConfirmDialog
      open
      narrow
      destructive={disabling}
      title={disabling ? s.disableTitle(user.displayName) : s.enableTitle(user.displayName)}
      body={disabling ? s.disableBody(user.displayName) : s.enableBody(user.displayName)}
      confirmLabel={disabling ? s.disable : s.enable}
      pending={update.isPending}
      error={update.error}
      onCancel={onClose}
      onConfirm={confirm}
    />
  );
}
