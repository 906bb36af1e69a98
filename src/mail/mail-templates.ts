import type { Locale } from '../users/users.constants';

/**
 * Every e-mail the platform sends, in Polish and English. Links carry tokens in the fragment (#),
 * which browsers never send to a server. The Polish is inclusive, as Polish public bodies write:
 * impersonal or neutral forms, never a masculine-only one ("zakładałeś") nor a split one
 * ("zakładałeś(-aś)"); mail-templates.spec.ts checks every template in both languages, and
 * src/common/i18n/inclusive-polish.spec.ts this file's and the web client's Polish texts.
 */
export interface MailTemplates {
  verify_email: { name: string; link: string };
  account_exists: { name: string; resetLink: string };
  password_reset: { name: string; link: string };
  password_changed: { name: string };
  email_change_confirm: { name: string; link: string };
  email_change_notice: { name: string; newEmail: string };
  account_deleted: { name: string };
  organization_invitation: { organization: string; inviter: string; role: string; link: string };
  organization_verified: { name: string; organization: string; link: string };
  organization_rejected: { name: string; organization: string; reason: string; link: string };
  initiative_published: { name: string; title: string; link: string };
  initiative_changes_requested: { name: string; title: string; comment: string; link: string };
  initiative_rejected: { name: string; title: string; comment: string; link: string };
  initiative_archive_warning: { name: string; title: string; link: string };
  notification: { name: string; title: string; body: string; link: string };
  deadline_reminder: { name: string; city: string; document: string; deadline: string; decision: string; link: string };
  digest: { name: string; items: { title: string; body: string; link: string }[]; preferencesLink: string };
}

export type MailTemplate = keyof MailTemplates;

type Render<P> = (p: P) => { subject: string; text: string };

const sign = { pl: '\n\n— Forum Współpracy Krakowa', en: '\n\n— Kraków Cooperation Forum' };

/** 1 powiadomienie, 2 powiadomienia, 5 powiadomień (fractions do not occur). */
const polishPlural = new Intl.PluralRules('pl');
const POLISH_NOTIFICATIONS: Partial<Record<Intl.LDMLPluralRule, string>> = {
  one: 'powiadomienie',
  few: 'powiadomienia',
  many: 'powiadomień',
};

const templates: { [T in MailTemplate]: Record<Locale, Render<MailTemplates[T]>> } = {
  verify_email: {
    pl: (p) => ({
      subject: 'Potwierdź adres e-mail',
      text: `Dzień dobry ${p.name},\n\naby potwierdzić adres e-mail i aktywować konto, otwórz link (ważny 24 godziny):\n${p.link}\n\nJeśli ta wiadomość trafiła do Ciebie przez pomyłkę, zignoruj ją: bez potwierdzenia konto nie zostanie aktywowane.`,
    }),
    en: (p) => ({
      subject: 'Confirm your e-mail address',
      text: `Hello ${p.name},\n\nto confirm your e-mail address and activate your account, open this link (valid for 24 hours):\n${p.link}\n\nIf you did not sign up, ignore this message.`,
    }),
  },
  account_exists: {
    pl: (p) => ({
      subject: 'Próba założenia konta na Twój adres',
      text: `Dzień dobry ${p.name},\n\nktoś próbował założyć konto na ten adres e-mail, ale konto już istnieje. Jeśli nie pamiętasz hasła, ustaw nowe:\n${p.resetLink}\n\nJeśli to nie Ty, zignoruj tę wiadomość.`,
    }),
    en: (p) => ({
      subject: 'Someone tried to sign up with your address',
      text: `Hello ${p.name},\n\nsomeone tried to sign up with this e-mail address, but you already have an account. If you forgot your password, set a new one:\n${p.resetLink}\n\nIf this was not you, ignore this message.`,
    }),
  },
  password_reset: {
    pl: (p) => ({
      subject: 'Ustaw nowe hasło',
      text: `Dzień dobry ${p.name},\n\naby ustawić nowe hasło, otwórz link (ważny przez 1 godzinę, jednorazowy):\n${p.link}\n\nJeśli prośba o zmianę hasła nie pochodzi od Ciebie, zignoruj tę wiadomość: hasło się nie zmieni.`,
    }),
    en: (p) => ({
      subject: 'Set a new password',
      text: `Hello ${p.name},\n\nto set a new password, open this link (valid for 1 hour, single use):\n${p.link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.`,
    }),
  },
  password_changed: {
    pl: (p) => ({
      subject: 'Hasło zostało zmienione',
      text: `Dzień dobry ${p.name},\n\nhasło do Twojego konta zostało właśnie zmienione, a pozostałe sesje wylogowane. Jeśli to nie Ty, natychmiast ustaw nowe hasło funkcją „Nie pamiętam hasła” i skontaktuj się z nami.`,
    }),
    en: (p) => ({
      subject: 'Your password was changed',
      text: `Hello ${p.name},\n\nthe password of your account has just been changed and your other sessions were signed out. If this was not you, set a new password at once with "Forgot password" and contact us.`,
    }),
  },
  email_change_confirm: {
    pl: (p) => ({
      subject: 'Potwierdź nowy adres e-mail',
      text: `Dzień dobry ${p.name},\n\naby używać tego adresu e-mail w Forum Współpracy, otwórz link (ważny 24 godziny):\n${p.link}`,
    }),
    en: (p) => ({
      subject: 'Confirm your new e-mail address',
      text: `Hello ${p.name},\n\nto use this e-mail address on the Cooperation Forum, open this link (valid for 24 hours):\n${p.link}`,
    }),
  },
  email_change_notice: {
    pl: (p) => ({
      subject: 'Zmiana adresu e-mail konta',
      text: `Dzień dobry ${p.name},\n\npoproszono o zmianę adresu e-mail Twojego konta na ${p.newEmail}. Jeśli to nie Ty, zmień hasło i skontaktuj się z nami.`,
    }),
    en: (p) => ({
      subject: 'Change of your account e-mail address',
      text: `Hello ${p.name},\n\na change of your account's e-mail address to ${p.newEmail} was requested. If this was not you, change your password and contact us.`,
    }),
  },
  account_deleted: {
    pl: (p) => ({
      subject: 'Konto zostało usunięte',
      text: `Dzień dobry ${p.name},\n\nTwoje konto zostało usunięte, a dane osobowe wymazane. Publiczne wpisy pozostają podpisane jako „usunięty użytkownik”.`,
    }),
    en: (p) => ({
      subject: 'Your account was deleted',
      text: `Hello ${p.name},\n\nyour account has been deleted and your personal data erased. Public contributions remain, signed "deleted user".`,
    }),
  },
  organization_invitation: {
    pl: (p) => ({
      subject: `Zaproszenie do organizacji ${p.organization}`,
      text: `Dzień dobry,\n\n${p.inviter} zaprasza Cię do organizacji „${p.organization}” w Forum Współpracy (rola: ${p.role}). Aby przyjąć zaproszenie (ważne 7 dni), otwórz link i zaloguj się lub załóż konto na ten adres:\n${p.link}`,
    }),
    en: (p) => ({
      subject: `Invitation to join ${p.organization}`,
      text: `Hello,\n\n${p.inviter} invites you to join "${p.organization}" on the Cooperation Forum (role: ${p.role}). To accept (valid for 7 days), open this link and sign in or sign up with this address:\n${p.link}`,
    }),
  },
  organization_verified: {
    pl: (p) => ({
      subject: `Organizacja ${p.organization} została zweryfikowana`,
      text: `Dzień dobry ${p.name},\n\nUrząd Miasta zweryfikował organizację „${p.organization}”. Możecie teraz publikować inicjatywy:\n${p.link}`,
    }),
    en: (p) => ({
      subject: `${p.organization} has been verified`,
      text: `Hello ${p.name},\n\nthe City has verified "${p.organization}". You can now publish initiatives:\n${p.link}`,
    }),
  },
  organization_rejected: {
    pl: (p) => ({
      subject: `Organizacja ${p.organization} nie została zweryfikowana`,
      text: `Dzień dobry ${p.name},\n\nUrząd Miasta nie zweryfikował organizacji „${p.organization}”. Powód:\n${p.reason}\n\nMożesz poprawić dane organizacji i poprosić o ponowną weryfikację:\n${p.link}`,
    }),
    en: (p) => ({
      subject: `${p.organization} was not verified`,
      text: `Hello ${p.name},\n\nthe City did not verify "${p.organization}". Reason:\n${p.reason}\n\nYou can correct the organisation's details and ask for verification again:\n${p.link}`,
    }),
  },
  initiative_published: {
    pl: (p) => ({
      subject: `Inicjatywa „${p.title}” została opublikowana`,
      text: `Dzień dobry ${p.name},\n\nUrząd Miasta opublikował inicjatywę „${p.title}”. Jest już widoczna dla wszystkich:\n${p.link}`,
    }),
    en: (p) => ({
      subject: `"${p.title}" has been published`,
      text: `Hello ${p.name},\n\nthe City has published "${p.title}". Everyone can see it now:\n${p.link}`,
    }),
  },
  initiative_changes_requested: {
    pl: (p) => ({
      subject: `Prośba o zmiany w inicjatywie „${p.title}”`,
      text: `Dzień dobry ${p.name},\n\nUrząd Miasta prosi o zmiany w inicjatywie „${p.title}”:\n${p.comment}\n\nPo poprawkach wyślij ją ponownie:\n${p.link}`,
    }),
    en: (p) => ({
      subject: `Changes requested in "${p.title}"`,
      text: `Hello ${p.name},\n\nthe City asks for changes in "${p.title}":\n${p.comment}\n\nAfter editing, submit it again:\n${p.link}`,
    }),
  },
  initiative_rejected: {
    pl: (p) => ({
      subject: `Inicjatywa „${p.title}” została odrzucona`,
      text: `Dzień dobry ${p.name},\n\nUrząd Miasta odrzucił inicjatywę „${p.title}”. Powód:\n${p.comment}\n\n${p.link}`,
    }),
    en: (p) => ({
      subject: `"${p.title}" was rejected`,
      text: `Hello ${p.name},\n\nthe City rejected "${p.title}". Reason:\n${p.comment}\n\n${p.link}`,
    }),
  },
  initiative_archive_warning: {
    pl: (p) => ({
      subject: `Inicjatywa „${p.title}” zostanie zarchiwizowana za tydzień`,
      text: `Dzień dobry ${p.name},\n\ninicjatywa „${p.title}” zakończyła się lub nie była zmieniana od roku, więc za tydzień trafi do archiwum. Jeśli trwa, zaktualizuj ją:\n${p.link}`,
    }),
    en: (p) => ({
      subject: `"${p.title}" will be archived in a week`,
      text: `Hello ${p.name},\n\n"${p.title}" has ended or has not been updated for a year, so it will be archived in a week. If it is still going on, update it:\n${p.link}`,
    }),
  },
  notification: {
    pl: (p) => ({
      subject: p.title,
      text: `Dzień dobry ${p.name},\n\n${p.body}\n${p.link}\n\nPowiadomienia e-mail wyłączysz w ustawieniach konta.`,
    }),
    en: (p) => ({
      subject: p.title,
      text: `Hello ${p.name},\n\n${p.body}\n${p.link}\n\nYou can turn e-mail notifications off in your account settings.`,
    }),
  },
  deadline_reminder: {
    pl: (p) => ({
      subject: `Termin wypowiedzenia: ${p.city}, ${p.deadline}`,
      text: `Dzień dobry ${p.name},\n\n${p.deadline} mija ostatni dzień na wypowiedzenie dokumentu: ${p.document} (${p.city}).\n${p.decision}\n\nWszystkie terminy umów:\n${p.link}`,
    }),
    en: (p) => ({
      subject: `Notice deadline: ${p.city}, ${p.deadline}`,
      text: `Hello ${p.name},\n\n${p.deadline} is the last day to give notice on this document: ${p.document} (${p.city}).\n${p.decision}\n\nAll agreement deadlines:\n${p.link}`,
    }),
  },
  digest: {
    pl: (p) => ({
      subject: `Podsumowanie dnia: ${p.items.length} ${POLISH_NOTIFICATIONS[polishPlural.select(p.items.length)] ?? 'powiadomienia'}`,
      text: `Dzień dobry ${p.name},\n\n${p.items.map((i) => `• ${i.title}\n  ${i.body}\n  ${i.link}`).join('\n\n')}\n\nUstawienia powiadomień: ${p.preferencesLink}`,
    }),
    en: (p) => ({
      subject: `Your daily digest: ${p.items.length} notification${p.items.length === 1 ? '' : 's'}`,
      text: `Hello ${p.name},\n\n${p.items.map((i) => `• ${i.title}\n  ${i.body}\n  ${i.link}`).join('\n\n')}\n\nNotification settings: ${p.preferencesLink}`,
    }),
  },
};

export function renderMail<T extends MailTemplate>(
  template: T,
  locale: Locale,
  params: MailTemplates[T],
): { subject: string; text: string } {
  const rendered = templates[template][locale](params);
  return { subject: rendered.subject, text: rendered.text + sign[locale] };
}
