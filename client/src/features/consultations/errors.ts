/**
 * The server's messages about consultations, in the reader's language (matched on the server's
 * wording, as in shared/errors.ts); anything else goes on as the shared rules explain it.
 */
import type { Explained } from '../../shared/errors';
import type { FormState } from '../../shared/hooks/use-form';
import type { ConsultationsMessages } from './i18n/pl';

type Rule = [RegExp, (t: ConsultationsMessages) => string];

const RULES: Rule[] = [
  [/^body must be 1 to 2,000/, (t) => t.errors.bodyLength],
  [/^This consultation closed at .*: its period no longer changes/, (t) => t.errors.periodClosed],
  [/^This consultation closed at/, (t) => t.errors.closed],
  [/its sections no longer change/, (t) => t.errors.sectionsFixed],
  [/its start no longer changes/, (t) => t.errors.startFixed],
  [/its end can only be moved later/, (t) => t.errors.endLater],
  [/^closesAt of a public consultation must be in the future/, (t) => t.errors.endInFuture],
  [/^This consultation opens at/, (t) => t.errors.notOpen],
  [/^You already support this comment/, (t) => t.errors.alreadySupported],
  [/^You cannot support your own comment/, (t) => t.errors.ownComment],
  [/^Too many comments/, (t) => t.errors.tooMany],
  [/^closesAt .* must be after opensAt/, (t) => t.errors.periodOrder],
  [/^(title|description|heading|body|response|finalReport)\w* must be \d+ to/, (t) => t.errors.textLength],
  [/needs its sections/, (t) => t.errors.needsSections],
  [/^The final report follows the consultation/, (t) => t.errors.finalReportAfter],
  [/^commentIds must name at least one/, (t) => t.errors.chooseComments],
];

function translated(explained: Explained, original: string | undefined, t: ConsultationsMessages): Explained {
  if (!explained.lang) return explained;
  const message = original ?? explained.text;
  for (const [pattern, translate] of RULES) if (pattern.test(message)) return { text: translate(t) };
  return explained;
}

/** The form, with the consultations' messages translated for its fields and its alert. */
export function withConsultationErrors(form: FormState, t: ConsultationsMessages): FormState {
  return {
    ...form,
    fieldError(field) {
      const explained = form.fieldError(field);
      return explained && translated(explained, form.error?.fields?.[field]?.[0], t);
    },
    generalErrors() {
      return form.generalErrors().map((explained) => translated(explained, undefined, t));
    },
  };
}
