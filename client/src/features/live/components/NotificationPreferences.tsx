/**
 * How the reader is told about each kind of notification (the account page's section; the daily
 * digest links here, to /account#notifications): in the app only, also an e-mail at once, or
 * also a daily digest.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  DELIVERIES,
  getNotificationPreferences,
  NOTIFICATION_KINDS,
  setNotificationPreferences,
  type Delivery,
  type NotificationKind,
} from '../api';
import { useLiveMessages } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { useApi } from '../../../shared/hooks/use-api';
import { useLiveForm } from '../use-live-form';
import { FormError, FormStatus, SubmitButton } from '../../../shared/ui/Form';
import { LoadError, Loading } from '../../../shared/ui/LoadError';

export function NotificationPreferences() {
  const t = useLiveMessages();
  const preferences = useApi((signal) => getNotificationPreferences(signal), []);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (preferences.data && window.location.hash === '#notifications') section.current?.scrollIntoView();
  }, [Boolean(preferences.data)]);

  return (
    <section aria-labelledby="notifications-heading" class="panel" id="notifications" ref={section}>
      <h2 id="notifications-heading">{t.preferences.heading}</h2>
      <p>{t.preferences.intro}</p>
      {preferences.error ? (
        <LoadError error={preferences.error} onRetry={preferences.reload} />
      ) : !preferences.data ? (
        <Loading />
      ) : (
        <PreferencesForm
          initial={
            Object.fromEntries(preferences.data.items.map((item) => [item.kind, item.delivery])) as Record<
              NotificationKind,
              Delivery
            >
          }
        />
      )}
      <p>
        <Link href="/saved-searches">{t.preferences.savedSearchesLink}</Link>
      </p>
    </section>
  );
}

function PreferencesForm({ initial }: { initial: Record<NotificationKind, Delivery> }) {
  const t = useLiveMessages();
  const [chosen, setChosen] = useState(initial);
  const [saved, setSaved] = useState(false);
  const form = useLiveForm(
    () => setNotificationPreferences(NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: chosen[kind] }))),
    {
      onSuccess: (answer) => {
        setChosen(
          Object.fromEntries(answer.items.map((item) => [item.kind, item.delivery])) as Record<
            NotificationKind,
            Delivery
          >,
        );
        setSaved(true);
      },
    },
  );
  return (
    <form
      ref={form.formRef}
      class="form preferences"
      noValidate
      onSubmit={form.onSubmit}
      onChange={() => setSaved(false)}
    >
      <FormError form={form} />
      {NOTIFICATION_KINDS.map((kind) => (
        <fieldset key={kind} class="preferences__kind">
          <legend>{t.preferences.kind[kind]}</legend>
          <ul class="preferences__choices">
            {DELIVERIES.map((delivery) => (
              <li key={delivery}>
                <input
                  type="radio"
                  id={`preference-${kind}-${delivery}`}
                  name={`preference-${kind}`}
                  value={delivery}
                  checked={chosen[kind] === delivery}
                  onChange={() => setChosen((current) => ({ ...current, [kind]: delivery }))}
                />
                <label for={`preference-${kind}-${delivery}`}>{t.preferences.delivery[delivery]}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <FormStatus message={saved ? t.preferences.saved : undefined} />
      <div class="form__actions">
        <SubmitButton form={form}>{t.preferences.save}</SubmitButton>
      </div>
    </form>
  );
}
