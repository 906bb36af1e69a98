/** The consultations' texts, in the interface language. */
import { useI18n } from '../../../shared/i18n/i18n';
import { consultationsEn } from './en';
import { consultationsPl, type ConsultationsMessages } from './pl';

export function useConsultationsMessages(): ConsultationsMessages {
  return useI18n().language === 'pl' ? consultationsPl : consultationsEn;
}
