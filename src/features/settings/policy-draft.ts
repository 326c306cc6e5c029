import { FILE_TYPE_NAMES, FILE_TYPES, type AttachmentPolicy, type FileKind, type FileType } from '../../contract/attachments';
import { ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES } from '../../contract/limits';
import { UpdateSettingsRequestSchema, type Settings, type UpdateSettingsRequest } from '../../contract/settings';
import { strings } from '../../lib/strings';

/** The two policies of the form, in the order they are shown. */
export const POLICY_KEYS = ['agentUploads', 'customerUploads'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** A policy as the admin edits it: the size as typed, in MB. */
export interface PolicyDraft {
  allowedTypes: FileType[];
  maxFileSizeMb: string;
}
export type SettingsDraft = Record<PolicyKey, PolicyDraft>;

/** Problems to show: per field of each policy, and the rest for the whole form. */
export interface SettingsErrors {
  policies: Partial<Record<PolicyKey, Partial<Record<keyof AttachmentPolicy, string>>>>;
  form: string[];
}

// The contract counts MB as 1024 × 1024 bytes (its "50 MB" ceiling, `formatFileSize`): so do we.
const MB = 1024 * 1024;
export const MAX_FILE_SIZE_CEILING_MB = ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES / MB;

/** Bytes as the size field shows them: "10", "2.5", "0.98" (at most two decimals). */
export function bytesToMb(bytes: number): string {
  return String(Math.round((bytes / MB) * 100) / 100);
}

/** The size the admin typed, in bytes; null when it is not a number. Accepts a decimal comma. */
export function mbToBytes(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * MB);
}

/** The supported file types by kind (images, videos, documents), in the contract's order. */
export function fileTypesByKind(): { kind: FileKind; types: FileType[] }[] {
  const byKind = new Map<FileKind, FileType[]>();
  for (const type of FILE_TYPE_NAMES) {
    const kind = FILE_TYPES[type].kind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), type]);
  }
  return [...byKind].map(([kind, types]) => ({ kind, types }));
}

/** Types in the contract's order, so the same selection always looks (and compares) the same. */
const ordered = (types: readonly FileType[]) => FILE_TYPE_NAMES.filter((t) => types.includes(t));

export function toggleType(draft: PolicyDraft, type: FileType, allowed: boolean): PolicyDraft {
  const others = draft.allowedTypes.filter((t) => t !== type);
  return { ...draft, allowedTypes: ordered(allowed ? [...others, type] : others) };
}

const policyDraft = (policy: AttachmentPolicy): PolicyDraft => ({
  allowedTypes: ordered(policy.allowedTypes),
  maxFileSizeMb: bytesToMb(policy.maxFileSizeBytes),
});

export const draftFromSettings = (settings: Pick<Settings, PolicyKey>): SettingsDraft => ({
  agentUploads: policyDraft(settings.agentUploads),
  customerUploads: policyDraft(settings.customerUploads),
});

/**
 * The size to send: the saved bytes while the field still shows them, so a limit that is not a
 * round number of MB (set through the API) survives a save of the other fields.
 */
function draftBytes(draft: PolicyDraft, saved: AttachmentPolicy): number | null {
  return draft.maxFileSizeMb === bytesToMb(saved.maxFileSizeBytes) ? saved.maxFileSizeBytes : mbToBytes(draft.maxFileSizeMb);
}

function policyChanged(draft: PolicyDraft, saved: AttachmentPolicy): boolean {
  const types = ordered(saved.allowedTypes);
  const sameTypes = types.length === draft.allowedTypes.length && types.every((t, i) => draft.allowedTypes[i] === t);
  return !sameTypes || draftBytes(draft, saved) !== saved.maxFileSizeBytes;
}

/** Whether the form differs from what is saved ("10" and "10.0" MB are the same). */
export const settingsChanged = (draft: SettingsDraft, saved: Pick<Settings, PolicyKey>) =>
  POLICY_KEYS.some((key) => policyChanged(draft[key], saved[key]));

/** Sorts `path → message` problems (the server's `fields`, or the contract schema's issues) to where they are shown. */
export function sortFieldErrors(fields: Record<string, string>): SettingsErrors {
  const errors: SettingsErrors = { policies: {}, form: [] };
  for (const [path, message] of Object.entries(fields)) {
    const [policy = '', field] = path.split('.');
    if ((POLICY_KEYS as readonly string[]).includes(policy) && (field === 'allowedTypes' || field === 'maxFileSizeBytes')) {
      const forPolicy = (errors.policies[policy as PolicyKey] ??= {});
      forPolicy[field] ??= message;
    } else {
      errors.form.push(message);
    }
  }
  return errors;
}

/** The request for the form, checked with the contract's schema before anything is sent. */
export function toUpdateRequest(
  draft: SettingsDraft,
  saved: Pick<Settings, PolicyKey>,
): { ok: true; request: UpdateSettingsRequest } | { ok: false; errors: SettingsErrors } {
  const fields: Record<string, string> = {};
  const policy = (key: PolicyKey) => {
    const bytes = draftBytes(draft[key], saved[key]);
    if (bytes === null) fields[`${key}.maxFileSizeBytes`] = strings.settings.sizeInvalid;
    return { allowedTypes: draft[key].allowedTypes, maxFileSizeBytes: bytes ?? 0 };
  };
  const body = { agentUploads: policy('agentUploads'), customerUploads: policy('customerUploads') };
  const parsed = UpdateSettingsRequestSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message;
  }
  if (Object.keys(fields).length || !parsed.success) return { ok: false, errors: sortFieldErrors(fields) };
  return { ok: true, request: parsed.data };
}
