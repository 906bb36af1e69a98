/**
 * A city's documents as an ordered list in date order (as the API gives them), each with what a
 * reader needs to act on: is it in force, and when must notice be given before it renews.
 */
import type { ComponentChildren } from 'preact';
import type { CityDocument } from '../../../shared/api/client';
import { useI18n, type I18n } from '../../../shared/i18n/i18n';
import { OriginalLanguage } from '../../../shared/ui/OriginalLanguage';

export function DocumentTimeline({
  documents,
  edit,
}: {
  documents: readonly CityDocument[];
  /** For registry editors: the edit link of each document. */
  edit?: (document: CityDocument) => ComponentChildren;
}) {
  const { m } = useI18n();
  if (documents.length === 0) return <p>{m.city.noDocuments}</p>;
  return (
    <ol class="timeline">
      {documents.map((document, index) => (
        <DocumentEntry document={document} key={index} edit={edit} />
      ))}
    </ol>
  );
}

function DocumentEntry({
  document,
  edit,
}: {
  document: CityDocument;
  edit?: (document: CityDocument) => ComponentChildren;
}) {
  const i18n = useI18n();
  const { m, formatDate } = i18n;
  return (
    <li class={`timeline__item${document.inForce ? '' : ' is-expired'}`} data-kind={document.kind}>
      <p class="timeline__date">
        {document.signedOn ? (
          <>
            <span class="visually-hidden">{m.city.signed}: </span>
            <time dateTime={machineDate(document.signedOn, document.signedOnPrecision)}>
              {formatDate(document.signedOn, document.signedOnPrecision)}
            </time>
          </>
        ) : (
          m.city.signedUnknown
        )}
      </p>
      <h3 class="timeline__kind">
        {m.documentKind[document.kind]}
        <span class={`badge ${document.inForce ? 'badge--in-force' : 'badge--expired'}`}>
          {document.inForce ? m.city.inForce : m.city.expired}
        </span>
      </h3>
      {/* Titles are the documents' own, in Polish. */}
      <p class="timeline__title">
        {document.title ? (
          <>
            <q lang="pl">{document.title}</q> <OriginalLanguage lang="pl" />
          </>
        ) : (
          <span class="muted">({m.city.untitled})</span>
        )}
      </p>
      <dl class="facts-list">
        <div>
          <dt>{m.term.label}</dt>
          <dd>{describeTerm(document, i18n)}</dd>
        </div>
        {(document.validFrom || document.validUntil) && (
          <div>
            <dt>{m.city.valid}</dt>
            <dd>{describeValidity(document, i18n)}</dd>
          </div>
        )}
      </dl>
      {(document.nextExpiryOn || document.noticeDeadlineOn) && (
        <dl class="deadlines">
          {document.nextExpiryOn && (
            <div class="deadline" data-deadline="next-expiry">
              <dt>{m.city.nextExpiry}</dt>
              <dd>
                <time dateTime={document.nextExpiryOn}>{formatDate(document.nextExpiryOn)}</time>
              </dd>
            </div>
          )}
          {document.noticeDeadlineOn && (
            <div class="deadline deadline--notice" data-deadline="notice">
              <dt>{m.city.noticeDeadline}</dt>
              <dd>
                <time dateTime={document.noticeDeadlineOn}>{formatDate(document.noticeDeadlineOn)}</time>
                <span class="deadline__hint"> ({m.city.noticeDeadlineHint})</span>
              </dd>
            </div>
          )}
        </dl>
      )}
      {edit?.(document)}
    </li>
  );
}

/** The part of a date the source gives, as a <time> element's machine-readable value. */
function machineDate(isoDate: string, precision: CityDocument['signedOnPrecision']): string {
  return precision === 'year' ? isoDate.slice(0, 4) : precision === 'month' ? isoDate.slice(0, 7) : isoDate;
}

function describeTerm(document: CityDocument, { m }: I18n): string {
  switch (document.term) {
    case 'open_ended':
      return m.term.open_ended;
    case 'fixed':
      return m.term.fixed(document.termYears);
    case 'fixed_auto_renew':
      return m.term.fixed_auto_renew(document.termYears, document.renewalYears, document.noticeMonths);
    case null:
      return m.term.notStated;
  }
}

function describeValidity({ validFrom, validUntil }: CityDocument, { m, formatDate }: I18n): string {
  if (validFrom && validUntil) return m.city.validRange(formatDate(validFrom), formatDate(validUntil));
  if (validFrom) return m.city.validFrom(formatDate(validFrom));
  return m.city.validUntil(formatDate(validUntil ?? ''));
}
