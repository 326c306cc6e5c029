import type { Language } from '../../contract/languages';

/*
 * The words of push notifications, in the recipient's language (their `language` preference).
 * A catalog of the server's own rather than the panel's JSON catalogs: those are ICU messages
 * that need Lingui to be read, which is a build-time tool here and not among the packages the
 * server runs with (src/build/build-server.mjs). The sentences follow the panel's own desktop
 * notifications (src/locales/<locale>/strings.json `notifications.*`, note-strings.json
 * `note.desktopTitle`), so a notice reads the same whether the panel or the push service shows it.
 * push-texts.test.ts checks every language has every sentence.
 */

export interface PushTexts {
  /** A message without text, by how many files it carried. */
  attachments(files: number): string;
  /** A message with neither text nor files (should not happen; a safe word all the same). */
  newMessageBody: string;
  newMessage(customer: string): string;
  newMessages(count: number, customer: string): string;
  offer(customer: string): string;
  keptTitle(waiting: number): string;
  keptBody(held: number, minutes: number): string;
  mention(author: string): string;
}

/** Plural categories of a language (English, German and Finnish have one and other). */
const one = (language: string, n: number) => new Intl.PluralRules(language).select(n) === 'one';

const en: PushTexts = {
  attachments: (files) => (one('en', files) ? 'Sent an attachment' : `Sent ${files} attachments`),
  newMessageBody: 'New message',
  newMessage: (customer) => `New message from ${customer}`,
  newMessages: (count, customer) => `${count} new messages from ${customer}`,
  offer: (customer) => `Conversation offered to you: ${customer}`,
  keptTitle: (waiting) => (one('en', waiting) ? 'A customer is waiting for you' : `${waiting} customers are waiting for you`),
  keptBody: (held, minutes) =>
    `${one('en', held) ? 'Your conversation stays' : `Your ${held} conversations stay`} yours for up to ${minutes} ${one('en', minutes) ? 'minute' : 'minutes'} while this device can be reached. Open the panel to answer.`,
  mention: (author) => `${author} mentioned you in a note`,
};

const de: PushTexts = {
  attachments: (files) => (one('de', files) ? 'Hat einen Anhang gesendet' : `Hat ${files} Anhänge gesendet`),
  newMessageBody: 'Neue Nachricht',
  newMessage: (customer) => `Neue Nachricht von ${customer}`,
  newMessages: (count, customer) => `${count} neue Nachrichten von ${customer}`,
  offer: (customer) => `Ihnen angebotenes Gespräch: ${customer}`,
  keptTitle: (waiting) => (one('de', waiting) ? 'Ein Kunde wartet auf Sie' : `${waiting} Kunden warten auf Sie`),
  keptBody: (held, minutes) =>
    `${one('de', held) ? 'Ihr Gespräch bleibt' : `Ihre ${held} Gespräche bleiben`} bis zu ${minutes} ${one('de', minutes) ? 'Minute' : 'Minuten'} bei Ihnen, solange dieses Gerät erreichbar ist. Öffnen Sie das Panel, um zu antworten.`,
  mention: (author) => `${author} hat Sie in einer Notiz erwähnt`,
};

const fi: PushTexts = {
  attachments: (files) => (one('fi', files) ? 'Lähetti liitteen' : `Lähetti ${files} liitettä`),
  newMessageBody: 'Uusi viesti',
  newMessage: (customer) => `Uusi viesti: ${customer}`,
  newMessages: (count, customer) => `${count} uutta viestiä: ${customer}`,
  offer: (customer) => `Sinulle tarjottu keskustelu: ${customer}`,
  keptTitle: (waiting) => (one('fi', waiting) ? 'Asiakas odottaa sinua' : `${waiting} asiakasta odottaa sinua`),
  keptBody: (held, minutes) =>
    `${one('fi', held) ? 'Keskustelusi pysyy' : `${held} keskusteluasi pysyvät`} sinun enintään ${minutes} minuutin ajan, kun tämä laite on tavoitettavissa. Avaa paneeli vastataksesi.`,
  mention: (author) => `${author} mainitsi sinut muistiinpanossa`,
};

/**
 * Each language's push words; a language without its own (Arabic, whose catalogs are partial)
 * reads English, as the panel does where a catalog has no message.
 */
export const PUSH_TEXTS: Record<Language, PushTexts | undefined> = { en, de, fi, ar: undefined };

/** The words for a recipient whose stored language is `language` (null: not chosen, English). */
export const pushTexts = (language: string | null | undefined): PushTexts => PUSH_TEXTS[language as Language] ?? en;
