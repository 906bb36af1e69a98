/** The forum pages' texts, in the interface language (their own catalogs: forum.pl.ts, forum.en.ts). */
import { forumEn } from './en';
import { forumPl, type ForumMessages } from './pl';
import { useI18n } from '../../../shared/i18n/i18n';

export type { ForumMessages };

export function useForumMessages(): ForumMessages {
  return useI18n().language === 'pl' ? forumPl : forumEn;
}
