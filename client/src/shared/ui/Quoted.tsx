/**
 * An interface text that quotes what a person wrote ("Partnership: <title>", a notification's
 * "Interest in: <title>"): the quoted part is marked with its own language, so a screen reader
 * reads a Polish title with Polish rules on an English page. `lang` comes from the i18n's
 * `langOf()`: undefined when the quote is in the page's language, and then nothing is marked.
 */
export function Quoted({ text, quote, lang }: { text: string; quote: string; lang: string | undefined }) {
  const at = lang && quote ? text.indexOf(quote) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span lang={lang}>{quote}</span>
      {text.slice(at + quote.length)}
    </>
  );
}
