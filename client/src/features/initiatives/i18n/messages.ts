/**
 * The initiatives pages' texts, in the interface language, and the names of the keys initiatives
 * are made of (goals and cities come from the server's reference lists, in Polish and English).
 */
import type { Vocabulary } from '../api';
import { useI18n, type I18n } from '../../../shared/i18n/i18n';
import { initiativesEn } from './en';
import { initiativesPl, type InitiativeMessages } from './pl';

const CATALOGS = { pl: initiativesPl, en: initiativesEn };

export interface InitiativesI18n extends I18n {
  /** This feature's texts (the shared ones stay in `m`). */
  t: InitiativeMessages;
}

export function useInitiativesI18n(): InitiativesI18n {
  const i18n = useI18n();
  return { ...i18n, t: CATALOGS[i18n.language] };
}

export interface VocabularyNames {
  goalName: (key: string) => string;
  /** A registry city (Kraków or a partner city) by key; an unknown key as it is. */
  cityName: (key: string) => string;
}

/** Names for the keys of a vocabulary, in the interface language. */
export function vocabularyNames(vocabulary: Vocabulary | undefined, i18n: I18n): VocabularyNames {
  const goals = new Map((vocabulary?.goals ?? []).map((goal) => [goal.key, goal]));
  const cities = new Map((vocabulary?.cities ?? []).map((city) => [city.key, city]));
  return {
    goalName: (key) => {
      const goal = goals.get(key);
      return goal ? (i18n.language === 'pl' ? goal.namePl : goal.nameEn) : key.replace(/_/g, ' ');
    },
    cityName: (key) => {
      const city = cities.get(key);
      return city ? i18n.placeName(city) : key;
    },
  };
}
