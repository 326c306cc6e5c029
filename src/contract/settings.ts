import { z } from 'zod';
import { AttachmentPolicySchema } from './attachments';
import { PersonRefSchema } from './conversations';

/** Workspace-wide settings: the admin's "System Configurator". */
export const SettingsSchema = z.object({
  /** What agents may upload into their conversations. */
  agentUploads: AttachmentPolicySchema,
  /** What customers may upload in the web chat; independent of the agents' policy. */
  customerUploads: AttachmentPolicySchema,
  /** Null until an admin first saves the settings (the defaults apply). */
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: PersonRefSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** PUT replaces both policies. */
export const UpdateSettingsRequestSchema = z.object({
  agentUploads: AttachmentPolicySchema,
  customerUploads: AttachmentPolicySchema,
});
export type UpdateSettingsRequest = z.infer<typeof UpdateSettingsRequestSchema>;

export const SettingsResponseSchema = z.object({ settings: SettingsSchema });
export type SettingsResponse = z.infer<typeof SettingsResponseSchema>;
