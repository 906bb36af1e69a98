/**
 * The live and partnership parts of an initiative's page, in one piece for the initiatives page
 * to place: expressing interest, the discussion (#discussion, where notifications link) and
 * "find partners" (#partners).
 */
import type { InitiativeDetail } from '../../partnerships/api';
import { Discussion } from './Discussion';
import { ExpressInterest } from '../../partnerships/components/ExpressInterest';
import { InitiativeMatches } from '../../partnerships/components/Matches';

export function InitiativeLive({ initiative }: { initiative: InitiativeDetail }) {
  return (
    <>
      <ExpressInterest initiative={initiative} />
      {initiative.channelId !== null && <Discussion channelId={initiative.channelId} />}
      <InitiativeMatches initiativeId={initiative.id} />
    </>
  );
}
