/** The registry editors' texts, in the interface language. */
import { useI18n } from '../../../shared/i18n/i18n';
import { registryEditEn } from './en';
import { registryEditPl, type RegistryEditMessages } from './pl';

export type { RegistryEditMessages };

export function useRegistryEditMessages(): RegistryEditMessages {
  return useI18n().language === 'pl' ? registryEditPl : registryEditEn;
}
