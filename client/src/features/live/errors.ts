/**
 * The server's refusals in the real-time and partnership features, in the reader's language; any
 * other error is explained as everywhere else (lib/errors.ts).
 */
import type { ApiError } from '../../shared/api/client';
import type { LiveMessages } from './i18n/messages';
import type { Messages } from '../../shared/i18n/pl';
import { explainError, type Explained } from '../../shared/errors';

const RULES: [RegExp, (t: LiveMessages) => string][] = [
  [/^Only members of a verified organisation can post/, (t) => t.errors.cannotPost],
  [/^Only members of this channel can post/, (t) => t.errors.membersOnly],
  [/^Too many messages/, (t) => t.errors.tooMany],
  [/^A message can be edited or deleted only within/, (t) => t.errors.editWindowOver],
  [/^body must be 1 to/, (t) => t.errors.bodyLength],
  [/^Your organisation already has an open expression of interest/, (t) => t.errors.alreadyInterested],
  [/^organizationId must be an organisation you are an owner or editor of/, (t) => t.errors.notEditor],
  [/^organizationId is the initiative’s own organisation/, (t) => t.errors.ownInitiative],
  [/^Only verified organisations can express interest/, (t) => t.errors.notVerified],
  [/^Interest can be expressed only in a published initiative/, (t) => t.errors.initiativeClosed],
  [/^This expression of interest has already been answered or withdrawn/, (t) => t.errors.alreadyAnswered],
  [/^outcomeNote is required/, (t) => t.errors.outcomeRequired],
  [/^Only an owner of a participating organisation/, (t) => t.errors.consentOwners],
  [/already has an open invitation to this initiative/, (t) => t.errors.alreadyInvited],
  [/is already a partner in this initiative’s partnership/, (t) => t.errors.alreadyPartner],
  [/is not verified by the City yet, so it cannot be invited/, (t) => t.errors.inviteeNotVerified],
  [/^Only an owner or editor of the initiative’s organisation can invite/, (t) => t.errors.notInviter],
  [/^Organisations can be invited only to a published initiative/, (t) => t.errors.inviteClosed],
];

/** Field messages of these forms (the `fields` of a 400). */
const FIELD_RULES: [RegExp, (t: LiveMessages) => string][] = [
  [/^message /, (t) => t.errors.messageRequired],
  [/^you are not an owner or editor/, (t) => t.errors.notEditor],
  [/^organizationId must be/, (t) => t.errors.chooseOrganization],
  [/^reply must be/, (t) => t.errors.replyLength],
  [/^choose another organisation/, (t) => t.errors.ownInitiative],
  [/^say what came of it|^outcomeNote/, (t) => t.errors.outcomeRequired],
  [/^name /, (t) => t.errors.nameRequired],
  [/^lang must be a two-letter/, (t) => t.errors.langInvalid],
  [/^country must be a two-letter/, (t) => t.errors.countryInvalid],
  [/^body must be/, (t) => t.errors.bodyLength],
  [/^reason must be/, (t) => t.errors.hideReasonLength],
];

export function explainLiveError(error: ApiError, t: LiveMessages, m: Messages): Explained {
  if (error.status === 0) return { text: t.errors.notConnected };
  for (const [pattern, text] of RULES) if (pattern.test(error.message)) return { text: text(t) };
  const fields = Object.values(error.fields ?? {}).flat();
  if (fields.length === 1) {
    const known = explainLiveField(fields[0], t);
    if (known) return known;
  }
  return explainError(error, m);
}

export function explainLiveField(message: string, t: LiveMessages): Explained | undefined {
  for (const [pattern, text] of FIELD_RULES) if (pattern.test(message)) return { text: text(t) };
  return undefined;
}
