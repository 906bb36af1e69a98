/** Keys as a list of tags, each by its name; `empty` says so when there are none. */
export function TagList({
  values,
  name,
  empty,
}: {
  values: readonly string[];
  name: (key: string) => string;
  empty: string;
}) {
  if (!values.length) return <>{empty}</>;
  return (
    <ul class="tags">
      {values.map((value) => (
        <li key={value}>{name(value)}</li>
      ))}
    </ul>
  );
}
