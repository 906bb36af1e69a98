/**
 * /consultations/:id: a consultation for anyone: its description and period, its sections with the
 * comments people wrote (each marked with its language), their supports, the City's responses under
 * the comments they answer, and the final report. Signed in, while it is open: a comment form per
 * section, "Support" on others' comments and "Report" on any.
 */
import { useState } from 'preact/hooks';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { currentPath, loginHref, useSession } from '../../shared/session';
import { FormError, FormStatus, SubmitButton, TextAreaField } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { isRegistryEditor } from '../registry/roles';
import {
  getConsultation,
  postComment,
  supportComment,
  withdrawSupport,
  type Consultation,
  type ConsultationComment,
  type ConsultationResponse,
  type ConsultationSection,
} from './api';
import { Paragraphs, Period, ReportCommentButton, usePick } from './components';
import { withConsultationErrors } from './errors';
import { useConsultationsMessages } from './i18n/messages';

export function ConsultationPage({ id }: { id: string }) {
  const t = useConsultationsMessages();
  const consultation = useApi((signal) => getConsultation(id, signal), [id]);
  if (consultation.error)
    return (
      <>
        <PageHeading>{consultation.error.status === 404 ? t.page.notFound : t.list.title}</PageHeading>
        {consultation.error.status !== 404 && <LoadError error={consultation.error} onRetry={consultation.reload} />}
      </>
    );
  if (!consultation.data) return <Loading />;
  return <ConsultationView consultation={consultation.data} reload={consultation.reload} />;
}

function ConsultationView({ consultation, reload }: { consultation: Consultation; reload: () => void }) {
  const t = useConsultationsMessages();
  const { formatDateTime } = useI18n();
  const { user } = useSession();
  const pick = usePick();
  const title = pick(consultation.titlePl, consultation.titleEn);
  useDocumentTitle(title);
  const open = consultation.phase === 'open';
  // A response is shown once, under the last (in page order) of the comments it answers.
  const order = consultation.sections.flatMap((section) => section.comments.map((comment) => comment.id));
  const responsesAfter = new Map<string, ConsultationResponse[]>();
  for (const response of consultation.responses) {
    const last = [...response.commentIds].sort((a, b) => order.indexOf(a) - order.indexOf(b)).pop();
    if (last) responsesAfter.set(last, [...(responsesAfter.get(last) ?? []), response]);
  }
  return (
    <div class="consultation">
      <PageHeading>{title}</PageHeading>
      <p class="consultation__facts">
        <span class={`badge consultation-phase consultation-phase--${consultation.phase}`}>
          {t.phase[consultation.phase]}
        </span>{' '}
        {t.subject[consultation.subject]}
      </p>
      <dl class="facts-list">
        <div>
          <dt>{t.period}</dt>
          <dd>
            <Period consultation={consultation} />
          </dd>
        </div>
      </dl>
      {isRegistryEditor(user) && (
        <p class="actions">
          <Link href={`/office/consultations/${consultation.id}`} class="button-link">
            {t.page.manage}
          </Link>
        </p>
      )}
      <Paragraphs text={pick(consultation.descriptionPl, consultation.descriptionEn)} />
      {consultation.phase === 'upcoming' && (
        <p class="notice-box">{t.page.notOpenYet(formatDateTime(consultation.opensAt))}</p>
      )}
      {consultation.phase === 'closed' && (
        <p class="notice-box">{t.page.closedAt(formatDateTime(consultation.closesAt))}</p>
      )}
      {open && !user && (
        <p class="notice-box">
          <Link href={loginHref(currentPath())}>{t.page.signInToComment}</Link>
        </p>
      )}
      {consultation.finalReportPl && consultation.finalReportEn && (
        <section class="panel consultation-report-final" aria-labelledby="final-report">
          <h2 id="final-report">{t.page.finalReport}</h2>
          <Paragraphs text={pick(consultation.finalReportPl, consultation.finalReportEn)} />
        </section>
      )}
      <h2>{t.page.sections}</h2>
      {consultation.sections.map((section) => (
        <Section
          key={section.id}
          consultation={consultation}
          section={section}
          responsesAfter={responsesAfter}
          signedIn={Boolean(user)}
          reload={reload}
        />
      ))}
    </div>
  );
}

function Section({
  consultation,
  section,
  responsesAfter,
  signedIn,
  reload,
}: {
  consultation: Consultation;
  section: ConsultationSection;
  responsesAfter: Map<string, ConsultationResponse[]>;
  signedIn: boolean;
  reload: () => void;
}) {
  const t = useConsultationsMessages();
  const pick = usePick();
  const heading = pick(section.headingPl, section.headingEn);
  const body = section.bodyPl && section.bodyEn ? pick(section.bodyPl, section.bodyEn) : null;
  const open = consultation.phase === 'open';
  return (
    <section class="panel consultation-section" aria-labelledby={`section-${section.id}`}>
      <h3 id={`section-${section.id}`}>{heading}</h3>
      {body && <Paragraphs text={body} />}
      <h4 class="visually-hidden">{t.page.commentsOf(heading)}</h4>
      {section.comments.length === 0 ? (
        <p class="empty">{t.page.noComments}</p>
      ) : (
        <ol class="consultation-comments">
          {section.comments.map((comment) => (
            <li key={comment.id}>
              <Comment comment={comment} open={open} signedIn={signedIn} reload={reload} />
              {(responsesAfter.get(comment.id) ?? []).map((response) => (
                <Response key={response.id} response={response} />
              ))}
            </li>
          ))}
        </ol>
      )}
      {open && signedIn && (
        <CommentForm consultationId={consultation.id} section={section} heading={heading} onPosted={reload} />
      )}
    </section>
  );
}

function Comment({
  comment,
  open,
  signedIn,
  reload,
}: {
  comment: ConsultationComment;
  open: boolean;
  signedIn: boolean;
  reload: () => void;
}) {
  const t = useConsultationsMessages();
  const { formatDateTime, langOf } = useI18n();
  const [news, setNews] = useState<string>();
  const author = comment.author ?? t.page.deletedUser;
  const support = withConsultationErrors(
    useForm(() => supportComment(comment.id), {
      onSuccess: () => {
        setNews(t.page.supportedNews);
        reload();
      },
    }),
    t,
  );
  const withdraw = withConsultationErrors(
    useForm(() => withdrawSupport(comment.id), {
      onSuccess: () => {
        setNews(t.page.withdrawnNews);
        reload();
      },
    }),
    t,
  );
  return (
    <article class="consultation-comment" id={`comment-${comment.id}`} aria-label={t.page.which(author)}>
      <p class="consultation-comment__meta">
        <strong>{author}</strong> ·{' '}
        <time dateTime={comment.createdAt} class="muted">
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.mine && <span class="badge">{t.page.ownComment}</span>}
      </p>
      <p class="consultation-comment__body" lang={langOf(comment.lang)}>
        {comment.body}
      </p>
      <div class="consultation-comment__actions">
        <span class="consultation-comment__supports">{t.page.supports(comment.supports)}</span>
        {comment.supportedByMe ? (
          <>
            <span>{t.page.supported}</span>
            {open && (
              <form ref={withdraw.formRef} noValidate onSubmit={withdraw.onSubmit} class="inline-form">
                <SubmitButton form={withdraw} class="button-secondary">
                  {t.page.withdraw}
                  <span class="visually-hidden"> ({t.page.which(author)})</span>
                </SubmitButton>
              </form>
            )}
          </>
        ) : (
          signedIn &&
          open &&
          !comment.mine && (
            <form ref={support.formRef} noValidate onSubmit={support.onSubmit} class="inline-form">
              <SubmitButton form={support} class="button-secondary">
                {t.page.support}
                <span class="visually-hidden"> {t.page.which(author)}</span>
              </SubmitButton>
            </form>
          )
        )}
        {signedIn && !comment.mine && <ReportCommentButton commentId={comment.id} author={author} />}
      </div>
      <FormError form={support} />
      <FormError form={withdraw} />
      <FormStatus message={news} focus />
    </article>
  );
}

function Response({ response }: { response: ConsultationResponse }) {
  const t = useConsultationsMessages();
  const pick = usePick();
  const { formatDateTime } = useI18n();
  return (
    <div class="consultation-response">
      <p class="consultation-response__title">
        <strong>
          {response.commentIds.length > 1 ? t.page.responseToGroup(response.commentIds.length) : t.page.response}
        </strong>{' '}
        · <time dateTime={response.createdAt}>{formatDateTime(response.createdAt)}</time>
      </p>
      <Paragraphs text={pick(response.bodyPl, response.bodyEn)} />
    </div>
  );
}

function CommentForm({
  consultationId,
  section,
  heading,
  onPosted,
}: {
  consultationId: string;
  section: ConsultationSection;
  heading: string;
  onPosted: () => void;
}) {
  const t = useConsultationsMessages();
  const { language } = useI18n();
  const [body, setBody] = useState('');
  const [news, setNews] = useState<string>();
  const form = withConsultationErrors(
    useForm(() => postComment(consultationId, section.id, body, language), {
      fields: ['body'],
      onSuccess: () => {
        setBody('');
        setNews(t.comment.sent);
        onPosted();
      },
    }),
    t,
  );
  return (
    <form ref={form.formRef} class="form consultation-comment-form" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      <TextAreaField
        id={`comment-body-${section.id}`}
        field="body"
        form={form}
        label={t.comment.label(heading)}
        hint={t.comment.hint}
        rows={3}
        maxLength={2000}
        value={body}
        onValue={(value) => {
          setBody(value);
          setNews(undefined);
        }}
      />
      <div class="form__actions">
        <SubmitButton form={form}>{t.comment.send}</SubmitButton>
      </div>
      <FormStatus message={news} />
    </form>
  );
}
