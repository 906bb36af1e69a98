/** Shared pieces of the forum's DTOs. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A key of the reference data (an area, a goal, a city). */
export const KEY = /^[a-z0-9_]{1,64}$/;
