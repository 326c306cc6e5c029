import { FILE_TYPE_NAMES, FILE_TYPES, type AttachmentPolicy, type FileKind, type FileType } from '../../contract/attachments';
import { ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES, IMAGE_MAX_PIXELS_CEILING, IMAGE_MIN_MAX_PIXELS } from '../../contract/limits';
import {
  RoutingSettingsSchema,
  SecuritySettingsSchema,
  UpdateSettingsRequestSchema,
  type RoutingSettings,
  type SecuritySettings,
  type Settings,
  type UpdateSettingsRequest,
} from '../../contract/settings';
import { settingsStrings } from '../../lib/settings-strings';
import { zodIssueMessages } from '../../lib/field-issue-strings';

/** The two policies of the form, in the order they are shown. */
export const POLICY_KEYS = ['agentUploads', 'customerUploads'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** The routing settings, in the order they are shown. */
export const ROUTING_FIELDS = [
  'offerTimeoutSeconds',
  'maxMissedOffers',
  'lostAgentGraceSeconds',
  'waitingLimitSeconds',
  'replyTimeLimitSeconds',
  'pushKeepChatsMinutes',
] as const;
export type RoutingField = (typeof ROUTING_FIELDS)[number];

/** The session timeouts, in the order they are shown. */
export const SECURITY_FIELDS = ['sessionIdleMinutes', 'sessionMaxDays'] as const;
export type SecurityField = (typeof SECURITY_FIELDS)[number];
export type SecurityDraft = Record<SecurityField, string>;

/** A policy as the admin edits it: the size as typed, in MB; the image limit as typed, in megapixels. */
export interface PolicyDraft {
  allowedTypes: FileType[];
  maxFileSizeMb: string;
  maxImageMegapixels: string;
}
/** The routing settings as typed. */
export type RoutingDraft = Record<RoutingField, string>;
export type SettingsDraft = Record<PolicyKey, PolicyDraft> & { routing: RoutingDraft; security: SecurityDraft };

/** The part of the settings the form edits. */
export type EditableSettings = Pick<Settings, PolicyKey | 'routing' | 'security'>;

/** Problems to show: per field of each policy and of the routing settings, and the rest for the whole form. */
export interface SettingsErrors {
  policies: Partial<Record<PolicyKey, Partial<Record<keyof AttachmentPolicy, string>>>>;
  routing: Partial<Record<RoutingField, string>>;
  security: Partial<Record<SecurityField, string>>;
  form: string[];
}

/** The contract's bounds of a session timeout. */
export function securityBounds(field: SecurityField): { min: number; max: number } {
  const schema = SecuritySettingsSchema.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/** The contract's bounds of a routing setting, for the field's hint and its spin buttons. */
export function routingBounds(field: RoutingField): { min: number; max: number } {
  const schema = RoutingSettingsSchema.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

/**
 * The number the admin typed; null when it is not a plain number. Fractions and out-of-range
 * values come back as numbers so the contract's own messages ("Whole seconds only") explain them.
 */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** A limit as its field shows it, in `unit`s: "10", "2.5", "0.98" (at most two decimals). */
const inUnits = (value: number, unit: number): string => String(Math.round((value / unit) * 100) / 100);

/** A limit the admin typed in `unit`s, as a whole count; null when it is not a number. Accepts a decimal comma. */
function fromUnits(text: string, unit: number): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d*\.?\d+$|^\d+\.$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * unit);
}

// The contract counts MB as 1024 × 1024 bytes (its "50 MB" ceiling, `formatFileSize`): so do we.
const MB = 1024 * 1024;
export const MAX_FILE_SIZE_CEILING_MB = ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES / MB;
export const bytesToMb = (bytes: number) => inUnits(bytes, MB);
export const mbToBytes = (text: string) => fromUnits(text, MB);

// Megapixels are millions of pixels, as cameras count them.
const MP = 1_000_000;
export const MIN_MAX_IMAGE_MP = IMAGE_MIN_MAX_PIXELS / MP;
export const MAX_IMAGE_MP_CEILING = IMAGE_MAX_PIXELS_CEILING / MP;
export const pixelsToMegapixels = (pixels: number) => inUnits(pixels, MP);
export const megapixelsToPixels = (text: string) => fromUnits(text, MP);

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
  maxImageMegapixels: pixelsToMegapixels(policy.maxImagePixels),
});

const routingDraft = (routing: RoutingSettings): RoutingDraft => ({
  offerTimeoutSeconds: String(routing.offerTimeoutSeconds),
  maxMissedOffers: String(routing.maxMissedOffers),
  lostAgentGraceSeconds: String(routing.lostAgentGraceSeconds),
  waitingLimitSeconds: String(routing.waitingLimitSeconds),
  replyTimeLimitSeconds: String(routing.replyTimeLimitSeconds),
  pushKeepChatsMinutes: String(routing.pushKeepChatsMinutes),
});

export const draftFromSettings = (settings: EditableSettings): SettingsDraft => ({
  agentUploads: policyDraft(settings.agentUploads),
  customerUploads: policyDraft(settings.customerUploads),
  routing: routingDraft(settings.routing),
  security: {
    sessionIdleMinutes: String(settings.security.sessionIdleMinutes),
    sessionMaxDays: String(settings.security.sessionMaxDays),
  },
});

/**
 * The size to send: the saved bytes while the field still shows them, so a limit that is not a
 * round number of MB (set through the API) survives a save of the other fields.
 */
function draftBytes(draft: PolicyDraft, saved: AttachmentPolicy): number | null {
  return draft.maxFileSizeMb === bytesToMb(saved.maxFileSizeBytes) ? saved.maxFileSizeBytes : mbToBytes(draft.maxFileSizeMb);
}

/** The pixel limit to send: the saved one while the field still shows it, as with the size. */
function draftPixels(draft: PolicyDraft, saved: AttachmentPolicy): number | null {
  return draft.maxImageMegapixels === pixelsToMegapixels(saved.maxImagePixels) ? saved.maxImagePixels : megapixelsToPixels(draft.maxImageMegapixels);
}

function policyChanged(draft: PolicyDraft, saved: AttachmentPolicy): boolean {
  const types = ordered(saved.allowedTypes);
  const sameTypes = types.length === draft.allowedTypes.length && types.every((t, i) => draft.allowedTypes[i] === t);
  return !sameTypes || draftBytes(draft, saved) !== saved.maxFileSizeBytes || draftPixels(draft, saved) !== saved.maxImagePixels;
}

const routingChanged = (draft: RoutingDraft, saved: RoutingSettings) =>
  ROUTING_FIELDS.some((field) => parseNumber(draft[field]) !== saved[field]);

/** Whether the form differs from what is saved ("10" and "10.0" are the same). */
export const settingsChanged = (draft: SettingsDraft, saved: EditableSettings) =>
  POLICY_KEYS.some((key) => policyChanged(draft[key], saved[key])) ||
  routingChanged(draft.routing, saved.routing) ||
  SECURITY_FIELDS.some((field) => parseNumber(draft.security[field]) !== saved.security[field]);

const isRoutingField = (field: string | undefined): field is RoutingField => (ROUTING_FIELDS as readonly string[]).includes(field ?? '');
const isSecurityField = (field: string | undefined): field is SecurityField => (SECURITY_FIELDS as readonly string[]).includes(field ?? '');

/** Sorts `path → message` problems (the server's `fields`, or the contract schema's issues) to where they are shown. */
export function sortFieldErrors(fields: Record<string, string>): SettingsErrors {
  const errors: SettingsErrors = { policies: {}, routing: {}, security: {}, form: [] };
  for (const [path, message] of Object.entries(fields)) {
    const [policy = '', field] = path.split('.');
    if ((POLICY_KEYS as readonly string[]).includes(policy) && (field === 'allowedTypes' || field === 'maxFileSizeBytes' || field === 'maxImagePixels')) {
      const forPolicy = (errors.policies[policy as PolicyKey] ??= {});
      forPolicy[field] ??= message;
    } else if (policy === 'routing' && isRoutingField(field)) {
      errors.routing[field] ??= message;
    } else if (policy === 'security' && isSecurityField(field)) {
      errors.security[field] ??= message;
    } else {
      errors.form.push(message);
    }
  }
  return errors;
}

/**
 * The request for the form, checked with the contract's schema before anything is sent. It always
 * carries the routing settings: the server keeps its stored ones only for clients that leave them out.
 */
export function toUpdateRequest(
  draft: SettingsDraft,
  saved: EditableSettings,
): { ok: true; request: UpdateSettingsRequest } | { ok: false; errors: SettingsErrors } {
  const fields: Record<string, string> = {};
  const policy = (key: PolicyKey) => {
    const bytes = draftBytes(draft[key], saved[key]);
    if (bytes === null) fields[`${key}.maxFileSizeBytes`] = settingsStrings.sizeInvalid;
    const pixels = draftPixels(draft[key], saved[key]);
    if (pixels === null) fields[`${key}.maxImagePixels`] = settingsStrings.imagePixelsInvalid;
    return { allowedTypes: draft[key].allowedTypes, maxFileSizeBytes: bytes ?? 0, maxImagePixels: pixels ?? 0 };
  };
  const routing = Object.fromEntries(
    ROUTING_FIELDS.map((field) => {
      const value = parseNumber(draft.routing[field]);
      if (value === null) fields[`routing.${field}`] = settingsStrings.routing.invalid[field];
      return [field, value ?? 0];
    }),
  ) as RoutingSettings;
  const security = Object.fromEntries(
    SECURITY_FIELDS.map((field) => {
      const value = parseNumber(draft.security[field]);
      if (value === null) fields[`security.${field}`] = settingsStrings.security.invalid;
      return [field, value ?? 0];
    }),
  ) as SecuritySettings;
  const body = { agentUploads: policy('agentUploads'), customerUploads: policy('customerUploads'), routing, security };
  const parsed = UpdateSettingsRequestSchema.safeParse(body);
  if (!parsed.success) {
    for (const [path, message] of zodIssueMessages(parsed.error)) fields[path] ??= message;
  }
  if (Object.keys(fields).length || !parsed.success) return { ok: false, errors: sortFieldErrors(fields) };
  return { ok: true, request: parsed.data };
}
