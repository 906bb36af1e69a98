/** The dormancy screen's texts, in the interface language. */
import { useI18n } from '../../../shared/i18n/i18n';
import { dormancyEn } from './en';
import { dormancyPl, type DormancyMessages } from './pl';

export function useDormancyMessages(): DormancyMessages {
  return useI18n().language === 'pl' ? dormancyPl : dormancyEn;
}
