import type { FormState } from '../../../shared/hooks/use-form';
import { CheckboxList, ChoiceFieldset } from '../../../shared/ui/Form';

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
  onValues: (values: string[]) => void;
}

/**
 * One list of keys offered in parts (the thematic and the geographic goals): a fieldset for the
 * list, with its error, and a fieldset of checkboxes for each part.
 */
export function GroupedChoices({ id, field, form, legend, hint, groups, values, onValues }: GroupedChoicesProps) {
  const invalid = !!form.fieldError(field);
  return (
    <ChoiceFieldset id={id} field={field} form={form} legend={legend} hint={hint}>
      {groups.map((group) => (
        <fieldset key={group.key} class="choice-subgroup">
          <legend>{group.legend}</legend>
          <CheckboxList
            id={id}
            field={field}
            invalid={invalid}
            options={group.options}
            values={values}
            onValues={onValues}
            class="choice-subgroup__options"
          />
        </fieldset>
      ))}
    </ChoiceFieldset>
  );
}
