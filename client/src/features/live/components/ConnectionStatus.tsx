/** The state of the live connection, in words (not only a colour), announced politely when it changes. */
import { useLiveMessages } from '../i18n/messages';
import { useConnectionState } from '../use-live';

export function ConnectionStatus() {
  const t = useLiveMessages();
  const state = useConnectionState();
  return (
    <p class={`connection connection--${state}`} role="status" data-state={state}>
      <span class="connection__dot" aria-hidden="true" />
      {state === 'connected' ? (
        <>
          {t.connection.connected}
          <span class="visually-hidden">: {t.connection.connectedHint}</span>
        </>
      ) : (
        t.connection[state]
      )}
    </p>
  );
}
