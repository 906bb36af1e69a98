/**
 * What went wrong, for a person, in their language. The server's messages are English and meant
 * for people too: the ones the client recognises are translated; any other is shown as the server
 * wrote it, marked lang="en" so a screen reader reads it in English.
 */
import type { ApiError } from './api/client';
import type { Messages } from './i18n/pl';

export interface Explained {
  text: string;
  /** Set when the text is the server's own (English) words. */
  lang?: 'en';
}

type Rule = [RegExp, (m: Messages, match: RegExpExecArray) => string];

/** Messages of single fields (the `fields` of a 400), matched on the server's wording. */
const FIELD_RULES: Rule[] = [
  [/must be at least 12 characters/, (m) => m.errors.passwordTooShort],
  [/^(password|newPassword) must be at most/, (m) => m.errors.passwordTooLong],
  [/too common or too easy to guess/, (m) => m.errors.passwordCommon],
  [/^currentPassword is not right/, (m) => m.errors.currentPasswordWrong],
  [/^newEmail is already your address/, (m) => m.errors.sameEmail],
  [/^(email|newEmail|contactEmail) must be an e-mail address/, (m) => m.errors.invalidEmail],
  [/^(email|password) is required/, (m) => m.errors.required],
  [/^displayName must be 1 to 100/, (m) => m.errors.displayNameLength],
  [/^name must be 2 to 200/, (m) => m.errors.organizationNameLength],
  [/^type must be an organisation type/, (m) => m.errors.typeRequired],
  [
    /^(city and country go together|cityKey, or city and country, is required|city is required)/,
    (m) => m.errors.cityRequired,
  ],
  [/^city must be 1 to 120/, (m) => m.errors.cityRequired],
  [/^country must be a two-letter/, (m) => m.errors.countryInvalid],
  [/^website must be a web address/, (m) => m.errors.websiteInvalid],
  [/^contactPhone must be a phone number/, (m) => m.errors.phoneInvalid],
  [/^each of languages must be/, (m) => m.errors.languagesInvalid],
  [/^description must be at most/, (m) => m.errors.descriptionTooLong],
  [/^reason must be 3 to 2,000/, (m) => m.errors.reasonLength],
];

/** Messages of whole requests (401, 403, 404, 409 and the 400s that name no field). */
const GENERAL_RULES: Rule[] = [
  [/^The e-mail address or the password is not right/, (m) => m.errors.wrongCredentials],
  [/^Confirm your e-mail address first/, (m) => m.errors.notVerified],
  [/^(This link is invalid, already used or expired|token is not a valid link token)/, (m) => m.errors.badLink],
  [/^Another account already uses this address/, (m) => m.errors.emailTaken],
  [/^You are the only owner of (.+): make another member an owner first/, (m, match) => m.errors.onlyOwner(match[1])],
  [/^An organisation must keep at least one owner/, (m) => m.errors.keepOwner],
  [/^This invitation was sent to another e-mail address/, (m) => m.errors.invitationOtherAddress],
  [/^This invitation is invalid, already used, revoked or expired/, (m) => m.errors.invitationInvalid],
  [/^You are already a member of this organisation/, (m) => m.errors.alreadyMember],
  [/^Only owners can invite owners/, (m) => m.errors.ownersInviteOwners],
  [/^Only an owner of this organisation/, (m) => m.errors.ownerOnly],
  [/^Only an owner or editor of this organisation/, (m) => m.errors.editorOnly],
  [/^Only city staff/, (m) => m.errors.staffOnly],
  [/^Only a rejected organisation can ask for verification again/, (m) => m.errors.onlyRejectedCanAsk],
  [
    /^The organisation is already (pending|verified|rejected)/,
    (m, match) => m.errors.alreadyDecided(m.organizationStatus[match[1] as 'pending' | 'verified' | 'rejected']),
  ],
  [/^There is no organisation with this id/, (m) => m.errors.organizationNotFound],
  [/^This person is not a member of the organisation/, (m) => m.errors.notAMember],
  [/^There is no open invitation with this id/, (m) => m.errors.invitationGone],
  [/^You have no active session with this id/, (m) => m.errors.sessionGone],
  [/^userId must be another member/, (m) => m.errors.transferToSelf],
  [
    /^(Your session has ended|This session has been signed out|Log in to do this|You are not signed in)/,
    (m) => m.errors.sessionEnded,
  ],
];

function explain(message: string, rules: Rule[], m: Messages): Explained {
  for (const [pattern, translate] of rules) {
    const match = pattern.exec(message);
    if (match) return { text: translate(m, match) };
  }
  return { text: message, lang: 'en' };
}

export function explainFieldMessage(message: string, m: Messages): Explained {
  return explain(message, FIELD_RULES, m);
}

/** The whole error in a sentence: connection, rate limit, a known refusal, or the server's words. */
export function explainError(error: ApiError, m: Messages): Explained {
  if (error.status === 0) return { text: m.common.unreachable };
  if (error.status === 429) {
    const minutes = error.retryAfterSeconds
      ? Math.ceil(error.retryAfterSeconds / 60)
      : Number(/in (\d+) minute/.exec(error.message)?.[1] ?? 1);
    return { text: m.errors.tooManyAttempts(minutes) };
  }
  if (error.status >= 500) return { text: m.errors.serverFault(error.requestId) };
  const general = explain(error.message, GENERAL_RULES, m);
  if (!general.lang) return general;
  // A 400 of one field outside any form (or not recognised above): its field message may still be known.
  const fieldMessages = Object.values(error.fields ?? {}).flat();
  if (fieldMessages.length === 1) return explainFieldMessage(fieldMessages[0], m);
  return general;
}
