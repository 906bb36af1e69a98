import { loadVocabulary, type Vocabulary } from '../api';
import { vocabularyNames, useInitiativesI18n, type VocabularyNames } from '../i18n/messages';
import { useApi, type ApiState } from '../../../shared/hooks/use-api';

/** The reference lists (loaded once per visit) and the names of their keys in the interface language. */
export function useVocabulary(): ApiState<Vocabulary> & VocabularyNames {
  const i18n = useInitiativesI18n();
  const state = useApi(() => loadVocabulary(), []);
  return { ...state, ...vocabularyNames(state.data, i18n) };
}
