/** The delegations register's texts, in the interface language. */
import { useI18n } from '../../../shared/i18n/i18n';
import { delegationsEn } from './en';
import { delegationsPl, type DelegationsMessages } from './pl';

export function useDelegationsMessages(): DelegationsMessages {
  return useI18n().language === 'pl' ? delegationsPl : delegationsEn;
}
