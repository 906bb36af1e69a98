/** The city office's pages' texts, in the interface language. */
import { officeEn } from './en';
import { officePl, type OfficeMessages } from './pl';
import { useI18n } from '../../../shared/i18n/i18n';

export type { OfficeMessages };

export function useOfficeMessages(): OfficeMessages {
  return useI18n().language === 'pl' ? officePl : officeEn;
}
