import { countryName } from '../common/vocabulary-labels';
import type { Locale } from '../users/users.constants';

/**
 * THE way the server names a place for a reader (pages, API responses, e-mails, notifications,
 * matching reasons): a registry city has an English (international) name and a Polish one
 * ("Nuremberg" / "Norymberga", "Kyiv" / "Kijów"); a place outside the registry has only the name
 * its organisation typed. Countries come from the runtime's ICU data. The web client's twin is
 * `placeName` of client/src/shared/i18n/i18n.tsx.
 */
export interface PlaceNames {
  /** The English name (or the only one known). */
  name: string;
  /** The Polish name; null where none is known. */
  namePl: string | null;
}

/** "Norymberga" for a Polish reader, "Nuremberg" for an English one. */
export function placeName(place: PlaceNames, language: Locale): string {
  return language === 'pl' ? (place.namePl ?? place.name) : place.name;
}

/** Both languages at once, for texts stored in both (notifications). */
export function placeNamesByLanguage(place: PlaceNames): Record<Locale, string> {
  return { pl: placeName(place, 'pl'), en: placeName(place, 'en') };
}

/** "Norymberga, Niemcy" / "Nuremberg, Germany". */
export function placeWithCountry(place: PlaceNames, country: string, language: Locale): string {
  return `${placeName(place, language)}, ${countryName(country, language)}`;
}
