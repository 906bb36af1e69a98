/**
 * REST calls of the real-time features: channel history (what anonymous visitors read, and what a
 * page loads before it goes live), editing messages, notifications and their preferences. The
 * live part (Socket.IO) is in socket.ts.
 */
import { api, interfaceLanguage, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

type Schemas = components['schemas'];
export type Message = Schemas['MessageDto'];
export type Channel = Schemas['ChannelDto'];
export type MessagePage = Schemas['MessagePageDto'];
export type Notification = Schemas['NotificationDto'];
export type NotificationKind = Notification['kind'];
export type NotificationPage = Schemas['NotificationPageDto'];
export type Preference = Schemas['PreferenceDto'];
export type Delivery = Preference['delivery'];

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'channel_message',
  'initiative_moderated',
  'organization_verification',
  'interest',
  'saved_search',
  'forum',
];
export const DELIVERIES: readonly Delivery[] = ['in_app', 'email', 'digest'];
/** Authors may edit or delete their own message this long after sending it (the server's rule). */
export const EDIT_WINDOW_MS = 15 * 60_000;
export const MESSAGE_MAX_LENGTH = 4000;

export function getChannel(id: number, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/channels/{id}', { params: { path: { id } }, signal }));
}

/** A page of history, oldest first: the newest page, the one before an id, or what came after one. */
export function listMessages(
  id: number,
  query: { before?: number; after?: number; limit?: number } = {},
  signal?: AbortSignal,
) {
  return unwrap(api.GET('/api/v1/channels/{id}/messages', { params: { path: { id }, query }, signal }));
}

export function editMessageByRest(channelId: number, messageId: number, body: string) {
  return unwrap(
    api.PATCH('/api/v1/channels/{id}/messages/{messageId}', {
      params: { path: { id: channelId, messageId } },
      body: { body },
    }),
  );
}

export function deleteMessageByRest(channelId: number, messageId: number) {
  return unwrap(
    api.DELETE('/api/v1/channels/{id}/messages/{messageId}', { params: { path: { id: channelId, messageId } } }),
  );
}

/** City staff: hides a message from everyone, with a reason its author and the readers see. */
export function hideMessageByRest(messageId: number, reason: string) {
  return unwrap(
    api.POST('/api/v1/moderation/messages/{messageId}/hide', {
      params: { path: { messageId } },
      // The reason is taken to be in the interface language, so that it is marked so (lang) where shown.
      body: { reason, lang: interfaceLanguage() },
    }),
  );
}

export function listNotifications(cursor?: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/notifications', {
      params: { query: { cursor: cursor === undefined ? undefined : Number(cursor), limit: 20 } },
      signal,
    }),
  );
}

/** Marks some notifications read (or all of them); answers with what is left unread. */
export function markNotificationsRead(which: { ids: number[] } | { all: true }) {
  return unwrap(api.POST('/api/v1/notifications/read', { body: which }));
}

export function getNotificationPreferences(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/me/notification-preferences', { signal }));
}

export function setNotificationPreferences(items: Preference[]) {
  return unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { items } }));
}
