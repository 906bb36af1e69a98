import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX, PASSWORD_MIN } from './auth.constants';

/** The 49,000 most common passwords of the zxcvbn-ts list, lower-cased (bundled: no network). */
const COMMON = new Set(dictionary.passwords.map((password: string) => password.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'common';

/**
 * NIST 800-63B / ASVS: length 12 to 128, not a common or breached password, and no composition
 * rules. Length counts Unicode code points, so a passphrase in Polish counts as it reads.
 */
export function passwordProblem(password: string, context: string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  if (
    COMMON.has(lower) ||
    context.some((word) => word.length >= 4 && lower.includes(word.toLowerCase()) && lower.length - word.length < 4)
  )
    return 'common';
  // A repeated short pattern ("abcabcabcabc", "aaaaaaaaaaaa") is as weak as a common password.
  if (/^(.{1,3})\1+$/.test(password)) return 'common';
  return null;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `password must be at least ${PASSWORD_MIN} characters long (a few words make a good password)`,
  too_long: `password must be at most ${PASSWORD_MAX} characters long`,
  common: 'password is too common or too easy to guess: choose another one, for example a few unrelated words',
};
