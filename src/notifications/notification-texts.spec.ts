import { NOTIFICATION_EVENTS, wordNotification, type NotificationParams } from './notification-texts';

const params: NotificationParams = {
  subject: { pl: { text: 'Wspólne chóry szkolne', lang: 'pl' }, en: { text: 'Schulchöre gemeinsam', lang: 'de' } },
  organization: 'Pachelbel-Gymnasium',
  partner: 'Szkoła Muzyczna nr 2',
  place: { pl: 'Norymberga, Niemcy', en: 'Nuremberg, Germany' },
  author: 'Ala',
  text: { text: 'Próba w sobotę.', lang: 'pl' },
  searches: ['chóry'],
};

describe('the wording of notifications', () => {
  it.each(NOTIFICATION_EVENTS.map((event) => [event]))(
    '%s is worded in Polish and in English, quoting the subject in each reader’s version',
    (event) => {
      const pl = wordNotification(event, params, 'pl');
      const en = wordNotification(event, params, 'en');
      expect(pl.title).not.toEqual(en.title);
      for (const [wording, subject] of [
        [pl, params.subject!.pl],
        [en, params.subject!.en],
      ] as const) {
        expect(wording.title.trim()).not.toBe('');
        // The part to mark is in the words (or there is none: an organisation's verification).
        if (wording.title.includes(subject.text)) expect(wording.titleQuote).toEqual(subject);
        else expect(event).toMatch(/^(organization_|meeting_request)/);
        if (wording.bodyQuote) expect(wording.body).toContain(wording.bodyQuote.text);
      }
    },
  );

  it('names the place in the reader’s language and marks a person’s text with its language', () => {
    const en = wordNotification('interest', params, 'en');
    expect(en).toEqual({
      title: 'Interest in: Schulchöre gemeinsam',
      body: 'Pachelbel-Gymnasium (Nuremberg, Germany): Próba w sobotę.',
      titleQuote: { text: 'Schulchöre gemeinsam', lang: 'de' },
      bodyQuote: { text: 'Próba w sobotę.', lang: 'pl' },
    });
    expect(wordNotification('interest', params, 'pl').body).toBe(
      'Pachelbel-Gymnasium (Norymberga, Niemcy): Próba w sobotę.',
    );
  });

  it('says why a quoted message is gone, quoting nothing', () => {
    const hidden = wordNotification('channel_message', { ...params, text: null, redacted: 'hidden' }, 'pl');
    expect(hidden.body).toBe('Wiadomość została ukryta przez moderatora.');
    expect(hidden.bodyQuote).toBeNull();
    expect(wordNotification('channel_message', { ...params, partnership: true }, 'en').title).toBe(
      'New message in the partnership: Schulchöre gemeinsam',
    );
  });
});
