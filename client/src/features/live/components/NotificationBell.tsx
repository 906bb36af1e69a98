/**
 * The bell in the header: the number of unread notifications, kept live by the socket
 * (notification:new carries the new count), and a popover listing them, with mark read and mark
 * all read. The popover is a non-modal dialog: it traps nothing, Escape closes it and gives focus
 * back to the bell, and so does clicking or tabbing out of it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { listNotifications, markNotificationsRead, type Notification } from '../api';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/i18n';
import { useLiveMessages } from '../i18n/messages';
import { followLink } from '../../../shared/router';
import { useLiveSocket, useNotificationEvents } from '../use-live';
import { NotificationText, wordingOf } from './NotificationText';

export function NotificationBell() {
  const { user } = useSession();
  if (!user) return null;
  // Another account in this tab starts with its own count and list.
  return <Bell key={user.id} userId={user.id} />;
}

function Bell({ userId }: { userId: string }) {
  const t = useLiveMessages();
  const { language, formatDateTime } = useI18n();
  useLiveSocket(userId);
  const [unread, setUnread] = useState<number>();
  const [items, setItems] = useState<Notification[]>();
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);

  const load = async () => {
    try {
      const page = await listNotifications();
      setUnread(page.unread);
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  useEffect(() => {
    void load();
  }, []);

  useNotificationEvents(
    ({ notification, unread: count }) => {
      setUnread(count);
      // A folded notification (more messages in one channel) keeps its id: it moves to the top.
      setItems((current) => [notification, ...(current ?? []).filter((item) => item.id !== notification.id)]);
      setAnnouncement(t.bell.announce(wordingOf(notification, language).title));
    },
    // Pushed while disconnected is not pushed again: ask.
    () => void load(),
  );

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return undefined;
    title.current?.focus();
    const outside = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) close(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const markRead = async (ids: number[] | 'all') => {
    try {
      const { unread: count } = await markNotificationsRead(ids === 'all' ? { all: true } : { ids });
      setUnread(count);
      setItems((current) =>
        current?.map((item) => (ids === 'all' || ids.includes(item.id) ? { ...item, read: true } : item)),
      );
    } catch {
      setFailed(true);
    }
  };

  const more = async () => {
    if (!nextCursor) return;
    try {
      const page = await listNotifications(nextCursor);
      setItems((current) => [
        ...(current ?? []),
        ...page.items.filter((item) => !current?.some((known) => known.id === item.id)),
      ]);
      setNextCursor(page.nextCursor);
    } catch {
      setFailed(true);
    }
  };

  const count = unread ?? 0;
  return (
    <div
      class="bell"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close(true);
        }
      }}
      onFocusOut={(event) => {
        // Tabbing out of the popover closes it (it traps nothing).
        const next = event.relatedTarget as Node | null;
        if (open && next && root.current && !root.current.contains(next)) close(false);
      }}
    >
      <button
        type="button"
        class="bell__button"
        ref={button}
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <svg class="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z"
            fill="currentColor"
          />
        </svg>
        <span class="visually-hidden">{t.bell.label(count)}</span>
        {count > 0 && (
          <span class="bell__count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {open && (
        <div id="notification-panel" class="bell__panel" role="dialog" aria-labelledby="notification-panel-title">
          <div class="bell__head">
            <h2 id="notification-panel-title" ref={title} tabIndex={-1}>
              {t.bell.heading}
            </h2>
            <button type="button" class="bell__close" onClick={() => close(true)}>
              {t.bell.close}
            </button>
          </div>
          {failed && (
            <p class="field-error" role="alert">
              {t.errors.notConnected}
            </p>
          )}
          <p class="bell__tools">
            <button type="button" class="button-secondary" disabled={count === 0} onClick={() => void markRead('all')}>
              {t.bell.markAllRead}
            </button>
            <a
              href="/account#notifications"
              onClick={(event) => (close(false), followLink(event, '/account#notifications'))}
            >
              {t.bell.settings}
            </a>
          </p>
          {items && items.length === 0 && <p class="muted">{t.bell.empty}</p>}
          {items && items.length > 0 && (
            <ul class="bell__list">
              {items.map((item) => (
                <li key={item.id} class={`bell__item${item.read ? '' : ' bell__item--unread'}`}>
                  {!item.read && <span class="bell__new">{t.bell.unread}</span>}
                  <a
                    href={item.link}
                    id={`notification-${item.id}`}
                    class="bell__title"
                    onClick={(event) => {
                      if (!item.read) void markRead([item.id]);
                      close(false);
                      followLink(event, item.link);
                    }}
                  >
                    <NotificationText notification={item} part="title" />
                  </a>
                  {wordingOf(item, language).body && (
                    <p class="bell__body">
                      <NotificationText notification={item} part="body" />
                    </p>
                  )}
                  <p class="bell__meta">
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                    {!item.read && (
                      <>
                        {' · '}
                        <button
                          type="button"
                          class="bell__mark"
                          // The button goes once read: focus stays on the notification itself.
                          onClick={() =>
                            void markRead([item.id]).then(() =>
                              document.getElementById(`notification-${item.id}`)?.focus(),
                            )
                          }
                        >
                          {t.bell.markRead}
                          <span class="visually-hidden">
                            : <NotificationText notification={item} part="title" />
                          </span>
                        </button>
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {nextCursor && (
            <p>
              <button type="button" onClick={() => void more()}>
                {t.bell.more}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
