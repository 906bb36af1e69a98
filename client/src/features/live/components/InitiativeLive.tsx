/**
 * The live and partnership parts of an initiative's page, in one piece for the initiatives page
 * to place: expressing interest, the discussion (#discussion, where notifications link) and
 * "find partners" (#partners).
 */
import { OPEN_INITIATIVE_STATUSES, type InitiativeDetail } from '../../partnerships/api';
import { Discussion } from './Discussion';
import { ExpressInterest } from '../../partnerships/components/ExpressInterest';
import { InitiativeMatches, type InviteTo } from '../../partnerships/components/Matches';

/** Its owners and editors invite matched organisations while it is open to partners. */
export function inviteToOf(initiative: InitiativeDetail): InviteTo | undefined {
  return initiative.canEdit && OPEN_INITIATIVE_STATUSES.includes(initiative.status)
    ? { initiativeTitle: initiative.title, initiativeTitleLang: initiative.titleLang }
    : undefined;
}

export function InitiativeLive({ initiative }: { initiative: InitiativeDetail }) {
  return (
    <>
      <ExpressInterest initiative={initiative} />
      {initiative.channelId !== null && <Discussion channelId={initiative.channelId} />}
      <InitiativeMatches initiativeId={initiative.id} inviteTo={inviteToOf(initiative)} />
    </>
  );
}
