/**
 * The server's refusals in the workspace, in the reader's language (the server's words are English);
 * anything else is explained as everywhere else (shared/errors.ts).
 */
import type { ApiError } from '../../shared/api/client';
import { explainError, explainFieldMessage, type Explained } from '../../shared/errors';
import { useForm, type FormState } from '../../shared/hooks/use-form';
import { useI18n } from '../../shared/i18n/i18n';
import type { Messages } from '../../shared/i18n/pl';
import { FILE_TYPES } from '../../../../src/workspace/workspace.constants';
import { useWorkspaceMessages, type WorkspaceMessages } from './i18n/messages';

/** The accepted types as a person reads them: PDF, PNG, JPG, … (the server's allow-list). */
export const ACCEPTED_TYPES = FILE_TYPES.flatMap((type) => type.extensions.map((e) => e.toUpperCase())).join(', ');

/** A size in bytes as a person reads it, in the interface's locale (77 bytes, 850 kB, 10 MB). */
export function formatSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string, unitDisplay: 'short' | 'long') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return format(bytes / 1024 / 1024, 'megabyte', 'short');
  if (bytes >= 1024) return format(bytes / 1024, 'kilobyte', 'short');
  // "77 byte" is what the short English form says: the long one reads right in both languages.
  return format(bytes, 'byte', 'long');
}

type Rule = [RegExp, (t: WorkspaceMessages, match: RegExpExecArray, locale: string) => string];

const RULES: Rule[] = [
  [/^This file type is not accepted/, (t) => t.errors.fileType(ACCEPTED_TYPES)],
  [
    /^The file is larger than ([\d.]+) MB/,
    (t, match, locale) => t.errors.tooLarge(formatSize(Number(match[1]) * 1024 * 1024, locale)),
  ],
  [/^The file is empty/, (t) => t.errors.emptyFile],
  [/^The workspace already holds (\d+) files/, (t, match) => t.errors.tooManyFiles(Number(match[1]))],
  [/^There is no file with this id/, (t) => t.errors.fileGone],
  [/^There is no task with this id/, (t) => t.errors.taskGone],
  [/^There is no diary entry with this id/, (t) => t.errors.entryGone],
  [/^There is no partnership with this id, or you are not a member/, (t) => t.errors.notMember],
  [/^ownerId is not a member/, (t) => t.errors.ownerNotMember],
  [/^organizationId must be a participating organisation you are an owner or editor of/, (t) => t.errors.notEditor],
  [/^The lead organisation cannot be removed/, (t) => t.errors.leadStays],
  [/^Only the lead organisation’s owners and editors/, (t) => t.errors.removeNotAllowed],
  [/^(This organisation has already left|This organisation does not take part)/, (t) => t.errors.alreadyLeft],
];

/** Field messages (the `fields` of a 400). */
const FIELD_RULES: Rule[] = [
  [/^name must be 1 to 200/, (t) => t.errors.fileName],
  [/^the extension must be one of/, (t) => t.errors.fileType(ACCEPTED_TYPES)],
  [/^(ownerId must be|choose a member)/, (t) => t.errors.ownerNotMember],
  [/^dueDate must be a date/, (t) => t.errors.dueDate],
  [/^title must be/, (t) => t.errors.titleLength],
  [/^body must be/, (t) => t.errors.bodyLength],
  [/^choose a participating organisation you are an owner or editor of/, (t) => t.errors.notEditor],
];

function match(message: string, rules: Rule[], t: WorkspaceMessages, locale: string): Explained | undefined {
  for (const [pattern, text] of rules) {
    const found = pattern.exec(message);
    if (found) return { text: text(t, found, locale) };
  }
  return undefined;
}

export function explainWorkspaceError(error: ApiError, t: WorkspaceMessages, m: Messages, locale: string): Explained {
  if (error.status > 0 && error.status < 500) {
    const known = match(error.message, RULES, t, locale);
    if (known) return known;
    const fields = Object.values(error.fields ?? {}).flat();
    if (fields.length === 1) return match(fields[0], FIELD_RULES, t, locale) ?? explainFieldMessage(fields[0], m);
  }
  return explainError(error, m);
}

/** explainWorkspaceError in the reader's language, for components that show a refusal themselves (ConfirmAction). */
export function useExplainWorkspaceError(): (error: ApiError) => Explained {
  const { m, locale } = useI18n();
  const t = useWorkspaceMessages();
  return (error) => explainWorkspaceError(error, t, m, locale);
}

/** useForm with the workspace's messages translated: the fields it shows, and the alert for the rest. */
export function useWorkspaceForm<T>(
  action: () => Promise<T>,
  options: { fields?: readonly string[]; onSuccess?: (result: T) => void } = {},
): FormState {
  const { m, locale } = useI18n();
  const t = useWorkspaceMessages();
  const form = useForm(action, options);
  const shown = new Set(options.fields ?? []);
  return {
    ...form,
    fieldError(field) {
      const message = shown.has(field) ? form.error?.fields?.[field]?.[0] : undefined;
      return message ? (match(message, FIELD_RULES, t, locale) ?? form.fieldError(field)) : undefined;
    },
    generalErrors() {
      if (!form.error) return [];
      if (form.hasFieldErrors) return form.generalErrors();
      return [explainWorkspaceError(form.error, t, m, locale)];
    },
  };
}
