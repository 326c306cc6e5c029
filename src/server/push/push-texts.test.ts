import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../contract/languages';
import { keptPayload, messagePayload, messagePreview, offerPayload } from './push-payloads';
import { PUSH_TEXTS, pushTexts, type PushTexts } from './push-texts';

/** Every sentence of a language's push words, for a few counts (one and many). */
function sentences(words: PushTexts): string[] {
  return [1, 2, 5].flatMap((n) => [
    words.attachments(n),
    words.newMessageBody,
    words.newMessage('Kim'),
    words.newMessages(n, 'Kim'),
    words.offer('Kim'),
    words.keptTitle(n),
    words.keptBody(n, n),
    words.mention('Ann'),
  ]);
}

describe('push words per language', () => {
  it('has every sentence in German and Finnish, each its own (not English left over); Arabic reads English', () => {
    const english = sentences(pushTexts('en'));
    for (const language of ['de', 'fi'] as const) {
      const own = sentences(PUSH_TEXTS[language]!);
      expect(own.every((sentence) => sentence.trim() !== ''), language).toBe(true);
      expect(
        own.filter((sentence, i) => sentence === english[i]),
        language,
      ).toEqual([]);
    }
    expect(LANGUAGES.filter((l) => PUSH_TEXTS[l] === undefined)).toEqual(['ar']);
    expect(pushTexts('ar')).toBe(pushTexts('en'));
    expect(pushTexts(null)).toBe(pushTexts('en'));
    expect(pushTexts('xx')).toBe(pushTexts('en'));
  });

  it('builds a German-speaking user’s payloads in German, with German plurals', () => {
    const de = pushTexts('de');
    expect(messagePayload({ conversationId: 'c1', customerName: 'Kim', preview: messagePreview(null, 3, de), count: 2 }, de)).toMatchObject({
      title: '2 neue Nachrichten von Kim',
      body: 'Hat 3 Anhänge gesendet',
    });
    expect(offerPayload({ conversationId: 'c1', customerName: 'Kim', queueName: 'Support', preview: null }, de).title).toBe('Ihnen angebotenes Gespräch: Kim');
    expect(keptPayload({ waiting: 1, held: 1, keepMinutes: 1 }, de)).toMatchObject({
      title: 'Ein Kunde wartet auf Sie',
      body: 'Ihr Gespräch bleibt bis zu 1 Minute bei Ihnen, solange dieses Gerät erreichbar ist. Öffnen Sie das Panel, um zu antworten.',
    });
    expect(keptPayload({ waiting: 2, held: 3, keepMinutes: 15 }, pushTexts('fi')).title).toBe('2 asiakasta odottaa sinua');
  });
});
