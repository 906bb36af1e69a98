/**
 * The server's messages about initiatives, reports and moderation, in the reader's language. As in
 * errors.ts, they are matched on the server's wording; a message not recognised here goes on to
 * the shared rules, and else is shown as the server wrote it (marked as English).
 */
import type { InitiativeMessages } from './i18n/pl';
import type { Explained } from '../../shared/errors';
import type { FormState } from '../../shared/hooks/use-form';

type Rule = [RegExp, (t: InitiativeMessages) => string];

const RULES: Rule[] = [
  [/^(the )?title (of a translation )?must be 3 to 140/, (t) => t.errors.titleLength],
  [/^(the )?summary (of a translation )?must be 10 to 500/, (t) => t.errors.summaryLength],
  [/^translations\.(pl|en) is in the original's language/, (t) => t.errors.translationSameLanguage],
  [/^body must be at most/, (t) => t.errors.bodyLength],
  [/^kind must be one of/, (t) => t.errors.kindRequired],
  [/^(areas (has unknown|may have at most|must not repeat)|each of areas)/, (t) => t.errors.areasInvalid],
  [/^(goals (has unknown|must not repeat)|each of goals)/, (t) => t.errors.goalsInvalid],
  [/^(targetCities (has unknown|must not repeat)|each of targetCities)/, (t) => t.errors.citiesInvalid],
  [/^(targetCountries must not repeat|each of targetCountries)/, (t) => t.errors.countriesInvalid],
  [/^(soughtOrgTypes (has unknown|must not repeat)|each of soughtOrgTypes)/, (t) => t.errors.typesInvalid],
  [/^(each of languages|languages must not repeat)/, (t) => t.errors.languagesInvalid],
  [/^(startsOn|endsOn) must be a date/, (t) => t.errors.dateInvalid],
  [/^endsOn must not be before startsOn/, (t) => t.errors.endsBeforeStart],
  [/^fundingProgramme must be at most/, (t) => t.errors.fundingLength],
  [
    /(coOrganizerIds must be verified|^must be verified organisations|^each of coOrganizerIds)/,
    (t) => t.errors.coOrganizersInvalid,
  ],
  [/^(organizationId must be|you are not an owner or editor)/, (t) => t.errors.organizationInvalid],
  [/^Only verified organisations can/, (t) => t.errors.notVerified],
  [/^Only owners and editors of the organisation/, (t) => t.errors.editorsOnly],
  [/^Only city staff can do this/, (t) => t.errors.staffOnly],
  [/^(comment is required|comment must be 3 to 2,000)/, (t) => t.errors.commentRequired],
  [/^An initiative that is .+ cannot be edited/, (t) => t.errors.notEditable],
  [/^Cannot .+ an initiative that is/, (t) => t.errors.wrongStatus],
  [/^There is no initiative with this id/, (t) => t.errors.notFound],
  [/^(reason is required|reason must be 3 to 2,000)/, (t) => t.errors.reasonRequired],
  [/^comment must be at most 1,000/, (t) => t.errors.reportCommentLength],
  [/^reason must be one of/, (t) => t.errors.reasonChoice],
];

/** The reader's words for a server message about initiatives, when it is one this module knows. */
export function translateInitiativeMessage(message: string, t: InitiativeMessages): string | undefined {
  for (const [pattern, translate] of RULES) if (pattern.test(message)) return translate(t);
  return undefined;
}

function translated(explained: Explained, original: string | undefined, t: InitiativeMessages): Explained {
  // Only what the shared rules left in the server's English is translated here.
  if (!explained.lang) return explained;
  const text = translateInitiativeMessage(original ?? explained.text, t);
  return text ? { text } : explained;
}

/**
 * The form, with the initiatives' messages translated: its fields and its alert read them from
 * here, so the shared form components (Form.tsx) show them without knowing about initiatives.
 */
export function withInitiativeErrors(form: FormState, t: InitiativeMessages): FormState {
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
