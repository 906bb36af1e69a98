import { renderMail, type MailTemplate, type MailTemplates } from './mail-templates';

/** Parameters for every template: a template added without one here fails the type check. */
const SAMPLES: { [T in MailTemplate]: MailTemplates[T] } = {
  verify_email: { name: 'Ala', link: 'https://forum.example/verify#token=abc' },
  account_exists: { name: 'Ala', resetLink: 'https://forum.example/reset' },
  password_reset: { name: 'Ala', link: 'https://forum.example/reset#token=abc' },
  password_changed: { name: 'Ala' },
  email_change_confirm: { name: 'Ala', link: 'https://forum.example/email#token=abc' },
  email_change_notice: { name: 'Ala', newEmail: 'ala@example.org' },
  account_deleted: { name: 'Ala' },
  organization_invitation: {
    organization: 'Fundacja Most',
    inviter: 'Jan',
    role: 'editor',
    link: 'https://forum.example/invitations#token=abc',
  },
  organization_verified: { name: 'Ala', organization: 'Fundacja Most', link: 'https://forum.example/o/1' },
  organization_rejected: {
    name: 'Ala',
    organization: 'Fundacja Most',
    reason: 'brak danych',
    link: 'https://forum.example/o/1',
  },
  initiative_published: { name: 'Ala', title: 'Wymiana szkół', link: 'https://forum.example/i/1' },
  initiative_changes_requested: {
    name: 'Ala',
    title: 'Wymiana szkół',
    comment: 'Dodaj daty.',
    link: 'https://forum.example/i/1',
  },
  initiative_rejected: { name: 'Ala', title: 'Wymiana szkół', comment: 'Duplikat.', link: 'https://forum.example/i/1' },
  initiative_archive_warning: { name: 'Ala', title: 'Wymiana szkół', link: 'https://forum.example/i/1' },
  notification: { name: 'Ala', title: 'Nowa wiadomość', body: 'Treść', link: 'https://forum.example/n' },
  deadline_reminder: {
    name: 'Ala',
    city: 'Rochester',
    // The service writes these in the recipient's language; the same samples serve both here.
    document: 'Partnership agreement',
    deadline: '18 January 2028',
    decision: 'Give notice?',
    link: 'https://forum.example/deadlines',
  },
  digest: {
    name: 'Ala',
    items: [{ title: 'Nowa wiadomość', body: 'Treść', link: 'https://forum.example/n' }],
    preferencesLink: 'https://forum.example/account',
  },
};

/**
 * Forms that address one gender: second-person past tense ("zakładałeś", "prosiłaś"), conditional
 * ("chciałbyś") and the past participles addressed to the reader ("jesteś zalogowany"), split
 * ones too ("zakładałeś(-aś)"): the mails use impersonal or neutral forms.
 */
const GENDERED = [
  /\p{L}+(?:łeś|łaś|łbyś|łabyś)(?!\p{L})/u,
  /\bjesteś\s+\p{L}+(?:ny|ty|ły|na|ta|ła)(?!\p{L})/iu,
  /\b(?:Pan|Pani)\b/u,
];

describe('e-mail templates', () => {
  const templates = Object.keys(SAMPLES) as MailTemplate[];

  it.each(templates)('%s reads in inclusive Polish, with no masculine-only form', (template) => {
    const { subject, text } = renderMail(template, 'pl', SAMPLES[template] as never);
    for (const pattern of GENDERED) {
      expect(subject).not.toMatch(pattern);
      expect(text).not.toMatch(pattern);
    }
  });

  it.each(templates)('%s is written in both languages, with every parameter filled in', (template) => {
    const pl = renderMail(template, 'pl', SAMPLES[template] as never);
    const en = renderMail(template, 'en', SAMPLES[template] as never);
    for (const mail of [pl, en]) {
      expect(mail.subject.trim()).not.toBe('');
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/undefined|null|\[object Object\]|\$\{/);
      const links = Object.values(SAMPLES[template]).filter(
        (v): v is string => typeof v === 'string' && v.startsWith('http'),
      );
      for (const link of links) expect(mail.text).toContain(link);
    }
    expect(pl.text).not.toBe(en.text);
    expect(pl.text).toMatch(/Dzień dobry|Forum Współpracy/);
    expect(en.text).toMatch(/Hello|Cooperation Forum/);
    // The English text has no Polish word of its own: its only Polish letters are in names and the samples.
    const englishWithoutNames = en.text
      .replace(/Kraków/g, '')
      .replace(/Wymiana szkół|Nowa wiadomość|Treść|brak danych/g, '');
    expect(englishWithoutNames).not.toMatch(/[ąćęłńśźż]/i);
  });

  it('counts notifications in the digest with the Polish plural forms', () => {
    const subject = (count: number) =>
      renderMail('digest', 'pl', {
        ...SAMPLES.digest,
        items: Array.from({ length: count }, () => SAMPLES.digest.items[0]),
      }).subject;
    expect(subject(1)).toBe('Podsumowanie dnia: 1 powiadomienie');
    expect(subject(3)).toBe('Podsumowanie dnia: 3 powiadomienia');
    expect(subject(5)).toBe('Podsumowanie dnia: 5 powiadomień');
    expect(subject(22)).toBe('Podsumowanie dnia: 22 powiadomienia');
    expect(renderMail('digest', 'en', SAMPLES.digest).subject).toBe('Your daily digest: 1 notification');
  });

  it('would catch the masculine-only forms it is meant to', () => {
    const caught = (text: string) => GENDERED.some((pattern) => pattern.test(text));
    expect(caught('Jeśli to nie Ty zakładałeś konto')).toBe(true);
    expect(caught('Jeśli to nie Ty prosiłeś o zmianę hasła')).toBe(true);
    expect(caught('Jesteś zalogowany jako Ala')).toBe(true);
    expect(caught('Nie zapisałeś(-aś) się jeszcze')).toBe(true);
    expect(caught('Jesteś zalogowany(-a) jako Ala')).toBe(true);
    expect(caught('hasło zostało zmienione')).toBe(false);
  });
});
