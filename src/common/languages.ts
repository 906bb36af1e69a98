import ISO6391 from 'iso-639-1';

/** Every ISO 639-1 language code (pl, en, de, uk...). */
export const LANGUAGE_CODES: readonly string[] = ISO6391.getAllCodes();
