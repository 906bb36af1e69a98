/** The workspace's texts in the interface language (kept apart from the shared catalogues). */
import { useI18n } from '../../../shared/i18n/i18n';
import { workspaceEn } from './en';
import { workspacePl, type WorkspaceMessages } from './pl';

export type { WorkspaceMessages };

export function useWorkspaceMessages(): WorkspaceMessages {
  return useI18n().language === 'pl' ? workspacePl : workspaceEn;
}
