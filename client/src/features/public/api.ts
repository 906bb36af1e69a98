/** The public pages' API: home, a city network, a goal, and what a partner city's page links to. */
import { api, unwrap } from '../../shared/api/client';
import type { components } from '../../shared/api/schema';

export type Home = components['schemas']['HomeDto'];
export type NetworkPage = components['schemas']['NetworkPageDto'];
export type GoalPage = components['schemas']['GoalPageDto'];
export type CityLinks = components['schemas']['CityLinksDto'];
export type InitiativeSummary = components['schemas']['InitiativeSummaryDto'];

export const home = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/home', { signal }));
export const networks = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/networks', { signal }));
export const goals = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/goals', { signal }));
export const network = (key: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/networks/{key}', { params: { path: { key } }, signal }));
export const goal = (key: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/goals/{key}', { params: { path: { key } }, signal }));
export const cityLinks = (key: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/cities/{key}/activity', { params: { path: { key } }, signal }));
