import { describe, expect, it } from 'vitest';
import { FILE_TYPE_NAMES } from '../../contract/attachments';
import {
  ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES,
  LOST_AGENT_GRACE_MIN_SECONDS,
  OFFER_TIMEOUT_MAX_SECONDS,
  OFFER_TIMEOUT_MIN_SECONDS,
} from '../../contract/limits';
import type { RoutingSettings } from '../../contract/settings';
import { settingsStrings } from '../../lib/settings-strings';
import {
  bytesToMb,
  draftFromSettings,
  fileTypesByKind,
  mbToBytes,
  parseNumber,
  ROUTING_FIELDS,
  routingBounds,
  settingsChanged,
  sortFieldErrors,
  toggleType,
  toUpdateRequest,
  type EditableSettings,
  type RoutingDraft,
  type SettingsDraft,
} from './policy-draft';

const MB = 1024 * 1024;
const savedRouting: RoutingSettings = { offerTimeoutSeconds: 45, maxMissedOffers: 3, lostAgentGraceSeconds: 60, waitingLimitSeconds: 60, replyTimeLimitSeconds: 300, pushKeepChatsMinutes: 15 };
const savedSettings: EditableSettings = {
  agentUploads: { allowedTypes: ['png', 'gif'], maxFileSizeBytes: 10 * MB, maxImagePixels: 40_000_000 },
  // Set through the API: not a round number of MB.
  customerUploads: { allowedTypes: [], maxFileSizeBytes: 1234567, maxImagePixels: 12_345_678 },
  routing: savedRouting,
  security: { sessionIdleMinutes: 480, sessionMaxDays: 7 },
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
    expect(settingsStrings.fileType('PNG', ['png'])).toBe('PNG (.png)');
    expect(settingsStrings.fileType('HEIC', ['heic', 'heif'])).toBe('HEIC (.heic, .heif)');
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
        agentUploads: { allowedTypes: ['gif', 'png', 'pdf'], maxFileSizeBytes: 10 * MB, maxImagePixels: 40_000_000 },
        customerUploads: { allowedTypes: [], maxFileSizeBytes: 1234567, maxImagePixels: 12_345_678 },
        // Always sent, even untouched: the server would otherwise keep whatever it has stored.
        routing: savedRouting,
        security: { sessionIdleMinutes: 480, sessionMaxDays: 7 },
      },
    });
  });

  it('checks the request with the contract before sending', () => {
    const draft = draftFromSettings(savedSettings);
    const result = toUpdateRequest(
      {
        agentUploads: { ...draft.agentUploads, maxFileSizeMb: '51' },
        customerUploads: { ...draft.customerUploads, maxFileSizeMb: 'lots' },
        routing: draft.routing,
        security: draft.security,
      },
      savedSettings,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        policies: {
          agentUploads: { maxFileSizeBytes: 'The size limit can be at most 50 MB' },
          customerUploads: { maxFileSizeBytes: settingsStrings.sizeInvalid },
        },
        routing: {},
        security: {},
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
      routing: {},
      security: {},
      form: ['Unknown field'],
    });
  });

  it('put routing problems next to their field', () => {
    expect(
      sortFieldErrors({
        'routing.offerTimeoutSeconds': 'At least 5 seconds',
        'routing.replyTimeLimitSeconds': 'At most 24 hours',
        'routing.maxMissedOffers': 'A whole number',
        'routing.lostAgentGraceSeconds': 'Whole seconds only',
        'routing.somethingNew': 'Unknown setting',
        routing: 'Required',
      }),
    ).toEqual({
      policies: {},
      routing: {
        offerTimeoutSeconds: 'At least 5 seconds',
        replyTimeLimitSeconds: 'At most 24 hours',
        maxMissedOffers: 'A whole number',
        lostAgentGraceSeconds: 'Whole seconds only',
      },
      security: {},
      form: ['Unknown setting', 'Required'],
    });
  });
});

describe('routing settings', () => {
  const draft = draftFromSettings(savedSettings);
  const withRouting = (routing: Partial<RoutingDraft>): SettingsDraft => ({ ...draft, routing: { ...draft.routing, ...routing } });
  const routingErrors = (routing: Partial<RoutingDraft>) => {
    const result = toUpdateRequest(withRouting(routing), savedSettings);
    return result.ok ? null : result.errors;
  };

  it('reads plain numbers, with a decimal point or comma, and refuses the rest', () => {
    expect(parseNumber('30')).toBe(30);
    expect(parseNumber(' 120 ')).toBe(120);
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('-1')).toBe(-1);
    for (const text of ['', ' ', 'thirty', '1e3', '30 s', '1.2.3', '-']) expect(parseNumber(text), text).toBeNull();
  });

  it("takes each field's bounds from the contract", () => {
    expect(routingBounds('offerTimeoutSeconds')).toEqual({ min: OFFER_TIMEOUT_MIN_SECONDS, max: OFFER_TIMEOUT_MAX_SECONDS });
    expect(routingBounds('maxMissedOffers')).toEqual({ min: 1, max: 20 });
    expect(routingBounds('lostAgentGraceSeconds')).toEqual({ min: LOST_AGENT_GRACE_MIN_SECONDS, max: 3600 });
    expect(routingBounds('replyTimeLimitSeconds')).toEqual({ min: 10, max: 86_400 });
    expect(routingBounds('pushKeepChatsMinutes')).toEqual({ min: 0, max: 1440 });
  });

  it('are shown as typed text, and count as changed only when the number differs', () => {
    expect(draft.routing).toEqual({ offerTimeoutSeconds: '45', maxMissedOffers: '3', lostAgentGraceSeconds: '60', waitingLimitSeconds: '60', replyTimeLimitSeconds: '300', pushKeepChatsMinutes: '15' });
    expect(settingsChanged(withRouting({ offerTimeoutSeconds: '45.0', replyTimeLimitSeconds: ' 300 ' }), savedSettings)).toBe(false);
    for (const field of ROUTING_FIELDS) {
      expect(settingsChanged(withRouting({ [field]: '7' }), savedSettings), field).toBe(true);
      expect(settingsChanged(withRouting({ [field]: '' }), savedSettings), field).toBe(true);
    }
  });

  it('send valid values as whole numbers, the bounds included', () => {
    const result = toUpdateRequest(
      withRouting({ offerTimeoutSeconds: '5', maxMissedOffers: '20', lostAgentGraceSeconds: '3600', waitingLimitSeconds: '10', replyTimeLimitSeconds: '600.0', pushKeepChatsMinutes: '0' }),
      savedSettings,
    );
    expect(result).toEqual({
      ok: true,
      request: {
        agentUploads: { allowedTypes: ['gif', 'png'], maxFileSizeBytes: 10 * MB, maxImagePixels: 40_000_000 },
        customerUploads: { allowedTypes: [], maxFileSizeBytes: 1234567, maxImagePixels: 12_345_678 },
        routing: { offerTimeoutSeconds: 5, maxMissedOffers: 20, lostAgentGraceSeconds: 3600, waitingLimitSeconds: 10, replyTimeLimitSeconds: 600, pushKeepChatsMinutes: 0 },
        security: { sessionIdleMinutes: 480, sessionMaxDays: 7 },
      },
    });
  });

  it('refuse values out of range with the contract message, on their field', () => {
    expect(routingErrors({ offerTimeoutSeconds: '2', maxMissedOffers: '0', lostAgentGraceSeconds: '3601', replyTimeLimitSeconds: '86401' })).toEqual({
      policies: {},
      routing: {
        offerTimeoutSeconds: 'At least 5 seconds',
        maxMissedOffers: 'At least 1',
        lostAgentGraceSeconds: 'At most 3600 seconds',
        replyTimeLimitSeconds: 'At most 24 hours',
      },
      security: {},
      form: [],
    });
    expect(routingErrors({ offerTimeoutSeconds: '601' })?.routing).toEqual({ offerTimeoutSeconds: 'At most 600 seconds' });
    expect(routingErrors({ replyTimeLimitSeconds: '-5' })?.routing).toEqual({ replyTimeLimitSeconds: 'At least 10 seconds' });
    expect(routingErrors({ pushKeepChatsMinutes: '1441' })?.routing).toEqual({ pushKeepChatsMinutes: 'At most 1440 minutes (24 hours)' });
  });

  it('refuse fractions and what is not a number', () => {
    expect(routingErrors({ offerTimeoutSeconds: '30.5', maxMissedOffers: '1.5' })?.routing).toEqual({
      offerTimeoutSeconds: 'Whole seconds only',
      maxMissedOffers: 'A whole number',
    });
    expect(routingErrors({ lostAgentGraceSeconds: '', replyTimeLimitSeconds: 'two minutes' })?.routing).toEqual({
      lostAgentGraceSeconds: settingsStrings.routing.invalid.lostAgentGraceSeconds,
      replyTimeLimitSeconds: settingsStrings.routing.invalid.replyTimeLimitSeconds,
    });
  });

  it('explain each field with its bounds', () => {
    expect(settingsStrings.routing.hints.offerTimeoutSeconds(5, 600)).toMatch(/before it goes to the next agent\. 5 to 600 seconds\.$/);
    expect(settingsStrings.routing.hints.replyTimeLimitSeconds(10, 86_400)).toMatch(/amber near it and red past it\. 10 to 86400 seconds \(24 hours\)\.$/);
  });
});

describe('the image pixel limit', () => {
  it('is edited in megapixels, keeps an odd saved value, and is checked by the contract', () => {
    const draft = draftFromSettings(savedSettings);
    expect(draft.agentUploads.maxImageMegapixels).toBe('40');
    expect(draft.customerUploads.maxImageMegapixels).toBe('12.35');
    expect(settingsChanged(draft, savedSettings)).toBe(false);
    const changed = { ...draft, agentUploads: { ...draft.agentUploads, maxImageMegapixels: '12,5' } };
    expect(settingsChanged(changed, savedSettings)).toBe(true);
    const ok = toUpdateRequest(changed, savedSettings);
    expect(ok.ok && ok.request.agentUploads.maxImagePixels).toBe(12_500_000);
    expect(ok.ok && ok.request.customerUploads.maxImagePixels).toBe(12_345_678);
    const bad = toUpdateRequest({ ...draft, agentUploads: { ...draft.agentUploads, maxImageMegapixels: '0.5' }, customerUploads: { ...draft.customerUploads, maxImageMegapixels: 'big' } }, savedSettings);
    expect(!bad.ok && bad.errors.policies.agentUploads?.maxImagePixels).toBe('At least 1 megapixels');
    expect(!bad.ok && bad.errors.policies.customerUploads?.maxImagePixels).toBe(settingsStrings.imagePixelsInvalid);
  });
});
