import { describe, expect, it } from 'vitest';
import { FILE_TYPE_NAMES } from '../../contract/attachments';
import { ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES } from '../../contract/limits';
import type { Settings } from '../../contract/settings';
import { strings } from '../../lib/strings';
import {
  bytesToMb,
  draftFromSettings,
  fileTypesByKind,
  mbToBytes,
  settingsChanged,
  sortFieldErrors,
  toggleType,
  toUpdateRequest,
} from './policy-draft';

const MB = 1024 * 1024;
const savedSettings: Pick<Settings, 'agentUploads' | 'customerUploads'> = {
  agentUploads: { allowedTypes: ['png', 'gif'], maxFileSizeBytes: 10 * MB },
  // Set through the API: not a round number of MB.
  customerUploads: { allowedTypes: [], maxFileSizeBytes: 1234567 },
};

describe('MB and bytes', () => {
  it('shows bytes as MB with at most two decimals', () => {
    expect(bytesToMb(10 * MB)).toBe('10');
    expect(bytesToMb(2.5 * MB)).toBe('2.5');
    expect(bytesToMb(1234567)).toBe('1.18');
    expect(bytesToMb(ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES)).toBe('50');
  });

  it('reads what the admin typed, with a decimal point or comma', () => {
    expect(mbToBytes('10')).toBe(10 * MB);
    expect(mbToBytes(' 2.5 ')).toBe(2.5 * MB);
    expect(mbToBytes('2,5')).toBe(2.5 * MB);
    expect(mbToBytes('.5')).toBe(0.5 * MB);
    expect(mbToBytes('0')).toBe(0);
  });

  it('refuses what is not a plain number', () => {
    for (const text of ['', ' ', 'ten', '-1', '1e3', '1.2.3', '5 MB']) expect(mbToBytes(text), text).toBeNull();
  });
});

describe('file type groups', () => {
  it('lists every supported type once, by kind, in the contract order', () => {
    const groups = fileTypesByKind();
    expect(groups.map((g) => g.kind)).toEqual(['image', 'video', 'document']);
    expect(groups.flatMap((g) => g.types)).toEqual([...FILE_TYPE_NAMES]);
    expect(groups[0]?.types).toContain('png');
    expect(groups[2]?.types).toEqual(['pdf', 'txt', 'docx', 'xlsx']);
  });

  it('labels a type with its extensions', () => {
    expect(strings.settings.fileType('PNG', ['png'])).toBe('PNG (.png)');
    expect(strings.settings.fileType('HEIC', ['heic', 'heif'])).toBe('HEIC (.heic, .heif)');
  });
});

describe('the draft', () => {
  it('keeps types in the contract order whatever the click order', () => {
    const draft = draftFromSettings(savedSettings).agentUploads;
    expect(draft.allowedTypes).toEqual(['gif', 'png']);
    const more = toggleType(toggleType(draft, 'pdf', true), 'jpeg', true);
    expect(more.allowedTypes).toEqual(['gif', 'jpeg', 'png', 'pdf']);
    expect(toggleType(more, 'png', false).allowedTypes).toEqual(['gif', 'jpeg', 'pdf']);
    expect(toggleType(draft, 'png', true).allowedTypes).toEqual(['gif', 'png']);
  });

  it('is unchanged until something really differs', () => {
    const draft = draftFromSettings(savedSettings);
    expect(settingsChanged(draft, savedSettings)).toBe(false);
    expect(settingsChanged({ ...draft, agentUploads: { ...draft.agentUploads, maxFileSizeMb: '10.0' } }, savedSettings)).toBe(false);
    expect(settingsChanged({ ...draft, agentUploads: { ...draft.agentUploads, maxFileSizeMb: '11' } }, savedSettings)).toBe(true);
    expect(settingsChanged({ ...draft, agentUploads: toggleType(draft.agentUploads, 'png', false) }, savedSettings)).toBe(true);
    const offAndOn = toggleType(toggleType(draft.agentUploads, 'png', false), 'png', true);
    expect(settingsChanged({ ...draft, agentUploads: offAndOn }, savedSettings)).toBe(false);
  });

  it('sends a size that is not a round number of MB unchanged while its field is untouched', () => {
    const draft = draftFromSettings(savedSettings);
    const result = toUpdateRequest({ ...draft, agentUploads: toggleType(draft.agentUploads, 'pdf', true) }, savedSettings);
    expect(result).toEqual({
      ok: true,
      request: {
        agentUploads: { allowedTypes: ['gif', 'png', 'pdf'], maxFileSizeBytes: 10 * MB },
        customerUploads: { allowedTypes: [], maxFileSizeBytes: 1234567 },
      },
    });
  });

  it('checks the request with the contract before sending', () => {
    const draft = draftFromSettings(savedSettings);
    const result = toUpdateRequest(
      { agentUploads: { ...draft.agentUploads, maxFileSizeMb: '51' }, customerUploads: { ...draft.customerUploads, maxFileSizeMb: 'lots' } },
      savedSettings,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        policies: {
          agentUploads: { maxFileSizeBytes: 'The size limit can be at most 50 MB' },
          customerUploads: { maxFileSizeBytes: strings.settings.sizeInvalid },
        },
        form: [],
      },
    });
    const zero = toUpdateRequest({ ...draft, agentUploads: { ...draft.agentUploads, maxFileSizeMb: '0' } }, savedSettings);
    expect(zero.ok).toBe(false);
    expect(!zero.ok && zero.errors.policies.agentUploads?.maxFileSizeBytes).toMatch(/at least/);
  });
});

describe('server field errors', () => {
  it('go next to the field they name, the rest to the form', () => {
    expect(
      sortFieldErrors({
        'agentUploads.allowedTypes.1': 'Invalid option',
        'agentUploads.allowedTypes': 'List each file type once',
        'customerUploads.maxFileSizeBytes': 'Too large',
        updatedAt: 'Unknown field',
      }),
    ).toEqual({
      policies: { agentUploads: { allowedTypes: 'Invalid option' }, customerUploads: { maxFileSizeBytes: 'Too large' } },
      form: ['Unknown field'],
    });
  });
});
