import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/auth/password-hasher';
import { renderMarkdown } from '../src/common/markdown';
import { OrganizationMember } from '../src/organizations/entities/organization-member.entity';
import { Organization } from '../src/organizations/entities/organization.entity';
import type { MemberRole, OrganizationStatus } from '../src/organizations/organizations.constants';
import { City } from '../src/registry/entities/city.entity';
import { User } from '../src/users/entities/user.entity';
import type { Locale, PlatformRole } from '../src/users/users.constants';

/** Shared by every demo account; shown in the README. Demo data lives in its own data folder. */
export const DEMO_PASSWORD = 'krakow demo forum 2026';
export const DEMO_DOMAIN = 'demo.cooperation-forum.example';

interface Persona {
  key: string;
  displayName: string;
  role: PlatformRole;
  locale: Locale;
}

/** One account per role, so that a new user can try every role at once (see the README). */
export const DEMO_PERSONAS: Persona[] = [
  { key: 'admin', displayName: 'Aleksandra Admin', role: 'admin', locale: 'pl' },
  { key: 'moderator', displayName: 'Marek Moderator (Biuro Współpracy Międzynarodowej)', role: 'moderator', locale: 'pl' },
  { key: 'owner', displayName: 'Olga Owner', role: 'member', locale: 'pl' },
  { key: 'editor', displayName: 'Edward Editor', role: 'member', locale: 'en' },
  { key: 'member', displayName: 'Maria Member', role: 'member', locale: 'pl' },
  { key: 'partner', displayName: 'Petra Partner (Nürnberg)', role: 'member', locale: 'en' },
  { key: 'institutions', displayName: 'Demo institutions', role: 'member', locale: 'en' },
];

const demoEmail = (key: string) => `${key}@${DEMO_DOMAIN}`;

const AREAS_BY_TYPE: Record<string, string[]> = {
  university: ['education', 'science'],
  school: ['education', 'youth'],
  ngo: ['social', 'culture'],
  cultural_institution: ['culture', 'heritage'],
  chamber: ['economy', 'promotion'],
  city_unit: ['governance', 'municipal'],
  health_institution: ['health', 'social'],
  diaspora_organisation: ['diaspora', 'culture'],
  youth_centre: ['youth', 'sport'],
  business: ['economy', 'transport'],
  district: ['governance', 'social'],
  consulate: ['promotion', 'diaspora'],
  foreign_city_hall: ['governance', 'promotion'],
};

const LANGUAGES_BY_COUNTRY: Record<string, string[]> = {
  PL: ['pl'], DE: ['de'], AT: ['de'], CH: ['de', 'fr'], FR: ['fr'], BE: ['nl', 'fr'], IT: ['it'], ES: ['es'], GB: ['en'], US: ['en'],
  UA: ['uk'], LT: ['lt', 'pl'], CL: ['es'], BR: ['pt'], EC: ['es'], PE: ['es'], RU: ['ru'], HU: ['hu'], SK: ['sk'], HR: ['hr'], SE: ['sv'], MA: ['ar', 'fr'],
};

interface DemoOrganization {
  name: string;
  city: string;
  type: string;
  status?: OrganizationStatus;
  areas?: string[];
  members?: [persona: string, role: MemberRole][];
  description?: string;
}

/** Counterparts in the twin and partner cities, so that matching has something to find. */
const EXTRA: DemoOrganization[] = [
  { name: 'Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Krakowie', city: 'krakow', type: 'school', members: [['owner', 'owner'], ['editor', 'editor'], ['member', 'member']], description: 'Szukamy **szkoły partnerskiej** w Norymberdze lub Lwowie do wymian uczniowskich (eTwinning, Erasmus+).' },
  { name: 'Fundacja Most Kultury', city: 'krakow', type: 'ngo', areas: ['culture', 'youth', 'social'], members: [['editor', 'owner']] },
  { name: 'Krakowska Izba Rzemieślnicza', city: 'krakow', type: 'chamber', members: [['member', 'owner']] },
  { name: 'Peter-Vischer-Schule Nürnberg', city: 'nuremberg', type: 'school', members: [['partner', 'owner']], description: 'Gymnasium looking for a partner school in Kraków for a yearly pupil exchange.' },
  { name: 'Jugendring Nürnberg', city: 'nuremberg', type: 'ngo', areas: ['youth', 'sport', 'social'] },
  { name: 'IHK Nürnberg für Mittelfranken', city: 'nuremberg', type: 'chamber' },
  { name: 'Liceum nr 10 im. Marii Konopnickiej we Lwowie', city: 'lviv', type: 'school', areas: ['education', 'youth', 'diaspora'] },
  { name: 'Lviv Youth Council', city: 'lviv', type: 'ngo', areas: ['youth', 'governance'] },
  { name: 'Kyiv Gymnasium No. 153', city: 'kyiv', type: 'school' },
  { name: 'Kyiv Chamber of Commerce and Industry', city: 'kyiv', type: 'chamber' },
  { name: 'Sint-Pieterscollege Leuven', city: 'leuven', type: 'school' },
  { name: 'Liceo Scientifico Leonardo da Vinci Milano', city: 'milan', type: 'school' },
  { name: 'Fondazione Cariplo Milano', city: 'milan', type: 'ngo', areas: ['culture', 'social', 'science'] },
  { name: 'Lycée Montaigne Bordeaux', city: 'bordeaux', type: 'school' },
  { name: 'Chambre de Commerce et d’Industrie de Bordeaux', city: 'bordeaux', type: 'chamber' },
  { name: 'Frankfurt Chamber of Commerce (IHK Frankfurt am Main)', city: 'frankfurt', type: 'chamber' },
  { name: 'Vilniaus Simono Konarskio gimnazija', city: 'vilnius', type: 'school', areas: ['education', 'youth', 'diaspora'] },
  { name: 'Edinburgh Academy', city: 'edinburgh', type: 'school' },
  { name: 'Rochester City School District International Office', city: 'rochester', type: 'school' },
  { name: 'Budapest Youth Cultural Centre', city: 'budapest', type: 'youth_centre' },
  { name: 'Stowarzyszenie Nowa Szkoła (pending)', city: 'krakow', type: 'ngo', status: 'pending', members: [['member', 'owner']] },
  { name: 'Lviv Startup Hub (pending)', city: 'lviv', type: 'business', status: 'pending' },
];

/** Creates the demo accounts and organisations; safe to run again (existing ones are left as they are). */
export async function seedDemoData(dataSource: DataSource, referenceDataFile: string): Promise<{ organizations: number; accounts: number }> {
  const named: DemoOrganization[] = JSON.parse(readFileSync(referenceDataFile, 'utf8')).institutions_named ?? [];
  const cities = new Map((await dataSource.getRepository(City).find()).map((city) => [city.key, city]));
  const hasher = new PasswordHasher();
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  let accounts = 0;
  let organizations = 0;

  const personaIds = new Map<string, string>();
  for (const persona of DEMO_PERSONAS) {
    const users = dataSource.getRepository(User);
    let user = await users.findOne({ where: { email: demoEmail(persona.key) } });
    if (!user) {
      user = await users.save(users.create({ email: demoEmail(persona.key), passwordHash, displayName: persona.displayName, locale: persona.locale, role: persona.role, emailVerifiedAt: new Date() }));
      accounts++;
    }
    personaIds.set(persona.key, user.id);
  }

  const all: DemoOrganization[] = [...named.map((o) => (o.name === 'Uniwersytet Jagielloński' ? { ...o, members: [['owner', 'owner']] as [string, MemberRole][] } : o)), ...EXTRA];
  for (const demo of all) {
    const city = cities.get(demo.city);
    if (!city) continue;
    await dataSource.transaction(async (manager) => {
      if (await manager.findOne(Organization, { where: { name: demo.name } })) return;
      const description = demo.description ?? `${demo.name} (${city.namePl}).`;
      const organization = await manager.save(
        manager.create(Organization, {
          name: demo.name,
          type: demo.type,
          cityId: city.id,
          cityName: city.name,
          country: city.country,
          areas: demo.areas ?? AREAS_BY_TYPE[demo.type] ?? ['culture'],
          languages: [...new Set([...(LANGUAGES_BY_COUNTRY[city.country] ?? []), 'en'])],
          descriptionMd: description,
          descriptionHtml: renderMarkdown(description),
          status: demo.status ?? 'verified',
          statusChangedAt: demo.status === 'pending' ? null : new Date(),
          statusChangedBy: demo.status === 'pending' ? null : personaIds.get('moderator')!,
          createdBy: personaIds.get('institutions')!,
        }),
      );
      const members = demo.members ?? [['institutions', 'owner']];
      for (const [persona, role] of members) {
        await manager.insert(OrganizationMember, { organizationId: organization.id, userId: personaIds.get(persona)!, role });
      }
      organizations++;
    });
  }
  return { organizations, accounts };
}
