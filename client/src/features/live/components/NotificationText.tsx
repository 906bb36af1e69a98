/**
 * A notification's title or body in the reader's language of the moment: worded from what happened
 * (its event and parameters, with the words the server's e-mails use), so switching language
 * re-words old notifications too; the quoted title or text is marked with its own language. A
 * notification from before events were stored has only its stored texts, shown as they are.
 */
import {
  wordNotification,
  type NotificationParams,
  type NotificationWording,
} from '../../../../../src/notifications/notification-texts';
import type { NotificationEvent } from '../../../../../src/notifications/notification-texts';
import { useI18n } from '../../../shared/i18n/i18n';
import { Quoted } from '../../../shared/ui/Quoted';

interface Worded {
  event: NotificationEvent | null;
  params: NotificationParams | null;
  title: { pl: string; en: string };
  body: { pl: string; en: string };
}

export function wordingOf(notification: Worded, language: 'pl' | 'en'): NotificationWording {
  if (notification.event && notification.params)
    return wordNotification(notification.event, notification.params, language);
  return { title: notification.title[language], body: notification.body[language], titleQuote: null, bodyQuote: null };
}

export function NotificationText({ notification, part }: { notification: Worded; part: 'title' | 'body' }) {
  const { language, langOf } = useI18n();
  const wording = wordingOf(notification, language);
  const quote = part === 'title' ? wording.titleQuote : wording.bodyQuote;
  return <Quoted text={wording[part]} quote={quote?.text ?? ''} lang={langOf(quote?.lang)} />;
}
