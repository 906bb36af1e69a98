/**
 * The parts every form is made of: labelled fields with their hint and error (tied to the input
 * with aria-describedby and aria-invalid), an alert for what went wrong, a status line for what
 * went right, and a submit button that is disabled while the request runs.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { Explained } from '../errors';
import type { FormState } from '../hooks/use-form';

/** A message that may be the server's English words: marked so, and introduced as such in Polish. */
export function ExplainedText({ explained }: { explained: Explained }) {
  const { m, language } = useI18n();
  if (!explained.lang || language === 'en') return <>{explained.text}</>;
  return (
    <>
      {m.common.serverSaid} <span lang="en">{explained.text}</span>
    </>
  );
}

/** The form's alert: shown after a failed request, and focused when no field is to blame. */
export function FormError({ form }: { form: FormState }) {
  const { m } = useI18n();
  if (!form.error) return null;
  const general = form.generalErrors();
  return (
    <div class="form-error" role="alert" tabIndex={-1}>
      {form.hasFieldErrors && <p>{m.form.checkFields}</p>}
      {general.map((explained, index) => (
        <p key={index}>
          <ExplainedText explained={explained} />
        </p>
      ))}
    </div>
  );
}

/**
 * A live region that is always in the page (empty until there is news), so that screen readers
 * announce the message when it appears.
 */
export function FormStatus({
  message,
  children,
  focus,
}: {
  message?: string;
  children?: ComponentChildren;
  focus?: boolean;
}) {
  const shown = Boolean(message || children);
  const box = useRef<HTMLDivElement>(null);
  // Where the form that was just sent has gone from the page, focus would be lost: it comes here.
  useEffect(() => {
    if (shown && focus) box.current?.focus();
  }, [shown, focus]);
  return (
    <div class="form-status" role="status">
      {shown && (
        <div class="form-status__message" ref={box} tabIndex={focus ? -1 : undefined}>
          {message && <p>{message}</p>}
          {children}
        </div>
      )}
    </div>
  );
}

export function SubmitButton({
  form,
  children,
  class: className,
}: {
  form: FormState;
  children: ComponentChildren;
  class?: string;
}) {
  const { m } = useI18n();
  return (
    <button type="submit" class={className ?? 'button-primary'} disabled={form.sending}>
      {form.sending ? m.form.sending : children}
    </button>
  );
}

interface FieldShellProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: Explained;
  optional?: boolean;
  class?: string;
  children: (described: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren;
}

/** The hint and the error of a field or a group, with the ids that aria-describedby names. */
function FieldMessages({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: Explained }) {
  const { m } = useI18n();
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          <span class="visually-hidden">{m.form.errorPrefix} </span>
          <ExplainedText explained={error} />
        </p>
      )}
    </>
  );
}

/** What aria-describedby names for FieldMessages: the error first, then the hint. */
function describedBy(id: string, hint?: ComponentChildren, error?: Explained): string | undefined {
  return [error ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(' ') || undefined;
}

/** Label, hint and error around one input; the render prop gets the attributes that tie them together. */
export function FieldShell({ id, label, hint, error, optional, class: className, children }: FieldShellProps) {
  const { m } = useI18n();
  return (
    <div class={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label for={id}>
        {label}
        {optional && <span class="field__optional"> ({m.form.optional})</span>}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children({ id, 'aria-describedby': describedBy(id, hint, error), 'aria-invalid': error ? 'true' : undefined })}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  /** The API's name for the field, whose errors this field shows. */
  field: string;
  form: FormState;
  label: ComponentChildren;
  hint?: ComponentChildren;
  optional?: boolean;
  value: string;
  onValue: (value: string) => void;
  type: 'text' | 'email' | 'password' | 'url' | 'tel' | 'date' | 'time' | 'datetime-local' | 'number';
  autocomplete?: string;
  spellcheck?: boolean;
  maxLength?: number;
  /** For dates, times and numbers. */
  min?: number | string;
  max?: number | string;
  step?: number;
  class?: string;
  /** The language of the text typed in it, where it is not the page's (spell-checking, screen readers). */
  lang?: string;
}

/** One labelled input (text of any kind, a date, a time or a number) with its hint and error. */
export function TextField({
  id,
  field,
  form,
  label,
  hint,
  optional,
  value,
  onValue,
  class: className,
  type,
  autocomplete,
  spellcheck,
  maxLength,
  min,
  max,
  step,
  lang,
}: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={form.fieldError(field)} optional={optional} class={className}>
      {(described) => (
        <input
          {...described}
          // Preact's typings tell inputs apart by a literal type; all of these are text-like inputs.
          // The lint rule misjudges this one: without it tsc rejects the union ('password' is its own branch).
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
          type={type as 'text'}
          name={field}
          autocomplete={autocomplete}
          spellcheck={spellcheck}
          maxLength={maxLength}
          min={min}
          max={max}
          step={step}
          lang={lang}
          inputMode={type === 'number' ? 'numeric' : undefined}
          value={value}
          required={!optional}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </FieldShell>
  );
}

/** One end of a period: its own id, the API's field, label and value. */
interface PeriodEnd {
  id: string;
  field: string;
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
}

/** A period's first and last day (or moment): two date fields, the start first, each with its own errors. */
export function PeriodFields({
  form,
  type = 'date',
  start,
  end,
}: {
  form: FormState;
  type?: 'date' | 'datetime-local';
  start: PeriodEnd;
  end: PeriodEnd;
}) {
  return (
    <>
      <TextField {...start} form={form} type={type} />
      <TextField {...end} form={form} type={type} />
    </>
  );
}

/**
 * A number field's text for the request: a whole number as a number, anything else as typed, so
 * that the server refuses it with a message naming the field (and the form shows it there).
 */
export const wholeNumberOrText = (text: string): number =>
  /^\d+$/.test(text) ? Number(text) : (text as unknown as number);

interface TextAreaFieldProps {
  id: string;
  field: string;
  form: FormState;
  label: ComponentChildren;
  hint?: ComponentChildren;
  optional?: boolean;
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  maxLength?: number;
  class?: string;
  /** The language of the text typed in it, where it is not the page's. */
  lang?: string;
}

export function TextAreaField({
  id,
  field,
  form,
  label,
  hint,
  optional,
  value,
  onValue,
  rows = 6,
  maxLength,
  class: className,
  lang,
}: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={form.fieldError(field)} optional={optional} class={className}>
      {(described) => (
        <textarea
          {...described}
          name={field}
          rows={rows}
          maxLength={maxLength}
          lang={lang}
          required={!optional}
          value={value}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </FieldShell>
  );
}

interface SelectFieldProps {
  id: string;
  field: string;
  form: FormState;
  label: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string; lang?: string }[];
  /** A first, empty choice ("choose..."), when nothing is chosen yet. */
  placeholder?: string;
  class?: string;
}

export function SelectField({
  id,
  field,
  form,
  label,
  hint,
  value,
  onValue,
  options,
  placeholder,
  class: className,
}: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={form.fieldError(field)} class={className}>
      {(described) => (
        <select
          {...described}
          name={field}
          required
          value={value}
          onChange={(event) => onValue(event.currentTarget.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface CheckboxGroupProps {
  id: string;
  field: string;
  form: FormState;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onValues: (values: string[]) => void;
  children?: ComponentChildren;
}

/** Several choices in a fieldset, its legend naming the group; an error marks each box. */
export function CheckboxGroup({
  id,
  field,
  form,
  legend,
  hint,
  options,
  values,
  onValues,
  children,
}: CheckboxGroupProps) {
  return (
    <ChoiceFieldset id={id} field={field} form={form} legend={legend} hint={hint}>
      <CheckboxList
        id={id}
        field={field}
        invalid={!!form.fieldError(field)}
        options={options}
        values={values}
        onValues={onValues}
      />
      {children}
    </ChoiceFieldset>
  );
}

interface ChoiceFieldsetProps {
  id: string;
  /** The API's name for the list, whose errors the fieldset shows (once, above the choices). */
  field: string;
  form: FormState;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  children: ComponentChildren;
}

/** The fieldset of a list of choices: its legend, hint and error, described to assistive technology. */
export function ChoiceFieldset({ id, field, form, legend, hint, children }: ChoiceFieldsetProps) {
  const error = form.fieldError(field);
  return (
    <fieldset
      class={`checkbox-group${error ? ' field--invalid' : ''}`}
      id={id}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}

interface CheckboxListProps {
  id: string;
  field: string;
  invalid: boolean;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onValues: (values: string[]) => void;
  class?: string;
}

/** The checkboxes of a list of choices (all of the list's values, whichever part they are shown in). */
export function CheckboxList({ id, field, invalid, options, values, onValues, class: extraClass }: CheckboxListProps) {
  const chosen = new Set(values);
  return (
    <ul class={`checkbox-group__options${extraClass ? ` ${extraClass}` : ''}`}>
      {options.map((option) => (
        <li key={option.value}>
          <input
            type="checkbox"
            id={`${id}-${option.value}`}
            name={field}
            value={option.value}
            checked={chosen.has(option.value)}
            aria-invalid={invalid ? 'true' : undefined}
            onChange={(event) =>
              onValues(
                event.currentTarget.checked
                  ? [...values, option.value]
                  : values.filter((value) => value !== option.value),
              )
            }
          />
          <label for={`${id}-${option.value}`}>{option.label}</label>
        </li>
      ))}
    </ul>
  );
}
