import { useInitiativesI18n } from '../../i18n/initiatives';
import type { FormState } from '../../lib/use-form';
import { ExplainedText } from '../Form';

export interface Choice {
  value: string;
  label: string;
}

interface GroupedChoicesProps {
  id: string;
  /** The API's name for the list, whose errors the group shows (once, above its parts). */
  field: string;
  form: FormState;
  legend: string;
  hint?: string;
  groups: readonly { key: string; legend: string; options: readonly Choice[] }[];
  values: readonly string[];
  onValues(values: string[]): void;
}

/**
 * One list of keys offered in parts (the thematic and the geographic goals): a fieldset for the
 * list, with its error, and a fieldset of checkboxes for each part.
 */
export function GroupedChoices({ id, field, form, legend, hint, groups, values, onValues }: GroupedChoicesProps) {
  const { m } = useInitiativesI18n();
  const error = form.fieldError(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const chosen = new Set(values);
  return (
    <fieldset class={`checkbox-group${error ? ' field--invalid' : ''}`} id={id} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          <span class="visually-hidden">{m.form.errorPrefix} </span>
          <ExplainedText explained={error} />
        </p>
      )}
      {groups.map((group) => (
        <fieldset key={group.key} class="choice-subgroup">
          <legend>{group.legend}</legend>
          <ul class="checkbox-group__options choice-subgroup__options">
            {group.options.map((option) => (
              <li key={option.value}>
                <input
                  type="checkbox"
                  id={`${id}-${option.value}`}
                  name={field}
                  value={option.value}
                  checked={chosen.has(option.value)}
                  aria-invalid={error ? 'true' : undefined}
                  onChange={(event) => onValues(event.currentTarget.checked ? [...values, option.value] : values.filter((value) => value !== option.value))}
                />
                <label for={`${id}-${option.value}`}>{option.label}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}
