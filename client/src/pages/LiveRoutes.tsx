/**
 * The pages of the real-time and partnership features, matched here so that app.tsx needs one
 * line for all of them: interests, partnerships, saved searches, a channel, and an initiative's
 * discussion and "find partners" pages.
 */
import type { JSX } from 'preact';
import { ChannelPage } from './ChannelPage';
import { InitiativeDiscussionPage, InitiativePartnersPage } from './InitiativeLivePages';
import { InterestsPage } from './InterestsPage';
import { PartnershipPage, PartnershipsPage } from './PartnershipsPages';
import { SavedSearchesPage } from './SavedSearchesPage';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PARTNERSHIP_PATH = new RegExp(`^/partnerships/(${UUID})/?$`, 'i');
const INITIATIVE_PART_PATH = new RegExp(`^/initiatives/(${UUID})/(discussion|partners)/?$`, 'i');
const CHANNEL_PATH = /^\/channels\/([1-9][0-9]{0,15})\/?$/;

/** The page for a path of these features, keyed by the path (a new path starts afresh), or null. */
export function liveRoute(path: string): JSX.Element | null {
  const exact = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (exact === '/interests') return <InterestsPage key={path} />;
  if (exact === '/partnerships') return <PartnershipsPage key={path} />;
  if (exact === '/saved-searches') return <SavedSearchesPage key={path} />;
  const partnership = PARTNERSHIP_PATH.exec(path);
  if (partnership) return <PartnershipPage id={partnership[1]} key={path} />;
  const initiative = INITIATIVE_PART_PATH.exec(path);
  if (initiative)
    return initiative[2] === 'discussion' ? (
      <InitiativeDiscussionPage id={initiative[1]} key={path} />
    ) : (
      <InitiativePartnersPage id={initiative[1]} key={path} />
    );
  const channel = CHANNEL_PATH.exec(path);
  if (channel) return <ChannelPage id={Number(channel[1])} key={path} />;
  return null;
}
