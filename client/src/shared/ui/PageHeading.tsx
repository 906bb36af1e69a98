import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { navigatedWithinApp } from '../router';

/**
 * A page's <h1>. After an in-app navigation focus moves to it, so a screen reader announces the
 * new page and Tab continues from its top, as after a full page load.
 */
/** `lang`: the heading's language where it is not the page's (a title a person wrote). */
export function PageHeading({ children, lang }: { children: ComponentChildren; lang?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigatedWithinApp()) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1} lang={lang}>
      {children}
    </h1>
  );
}
