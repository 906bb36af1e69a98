/** The texts of the real-time and partnership features in the interface language (kept apart from the shared catalogs). */
import { useI18n } from '../../../shared/i18n/i18n';
import { liveEn } from './en';
import { livePl, type LiveMessages } from './pl';

export type { LiveMessages };

export function useLiveMessages(): LiveMessages {
  const { language } = useI18n();
  return language === 'pl' ? livePl : liveEn;
}
