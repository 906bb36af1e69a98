/** What people are told about. */
export const NOTIFICATION_KINDS = [
  'channel_message',
  'initiative_moderated',
  'organization_verification',
  'interest',
  'saved_search',
  'forum',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** in_app: the bell only; email: also an e-mail at once; digest: also in a daily e-mail. */
export const DELIVERIES = ['in_app', 'email', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** When a person has not chosen. Messages would flood the inbox, so they stay in the app. */
export const DEFAULT_DELIVERY: Record<NotificationKind, Delivery> = {
  channel_message: 'in_app',
  initiative_moderated: 'email',
  organization_verification: 'email',
  interest: 'email',
  saved_search: 'digest',
  forum: 'digest',
};
