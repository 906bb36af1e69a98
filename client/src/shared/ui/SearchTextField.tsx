/** The text box of a search form, with its hint; `controls` names the list it updates. */
export function SearchTextField({
  id,
  label,
  hint,
  value,
  onValue,
  controls,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  controls?: string;
}) {
  return (
    <div class="field field--wide">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="search"
        name="q"
        autocomplete="off"
        spellcheck={false}
        aria-describedby={`${id}-hint`}
        aria-controls={controls}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
    </div>
  );
}
