import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { LOCALES, type Locale } from '../../users/users.constants';

/**
 * The reader's language (the interface's: Polish or English), which decides the names of places
 * and the version of a text a response carries. The web client sends its interface language as
 * Accept-Language on every request; without one, a signed-in reader's account language, else
 * Polish, the city's language.
 */
export function readerLanguage(acceptLanguage: string | undefined, user?: Pick<AuthUser, 'locale'>): Locale {
  const asked = preferredLanguage(acceptLanguage);
  if (asked) return asked;
  return user?.locale ?? 'pl';
}

/** The first of our languages in an Accept-Language header, by its weights ("en-GB,pl;q=0.8" is en). */
export function preferredLanguage(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { language: tag.trim().slice(0, 2).toLowerCase(), weight: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.weight > 0 && (LOCALES as readonly string[]).includes(entry.language))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return (ranked[0]?.language as Locale | undefined) ?? null;
}

/** The reader's language of this request (see readerLanguage). */
export const ReaderLanguage = createParamDecorator((_data: unknown, context: ExecutionContext): Locale => {
  const request = context
    .switchToHttp()
    .getRequest<{ headers: Record<string, string | string[] | undefined>; user?: AuthUser }>();
  const header = request.headers['accept-language'];
  return readerLanguage(Array.isArray(header) ? header[0] : header, request.user);
});
