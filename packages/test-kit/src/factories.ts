import { randomBytes } from 'node:crypto';
import type { CatalogProcedure, RoleGrant } from '@mot-cua/contracts';
import { createUsersRepository, type Database } from '@mot-cua/db';

/** A short random suffix so tests on a shared PostgreSQL database never collide. */
export const uniqueSuffix = (): string => randomBytes(4).toString('hex');

/**
 * A fake commune code unique to one test: 5 characters starting with 'T' (real codes are digits),
 * inside a fake province 'P' + 4 hex digits, so jurisdiction checks stay meaningful.
 */
export function testUnit(): { unitCode: string; provinceCode: string } {
  // 65,536 values each: tests on one shared PostgreSQL database insert many fake units, and 256 collided
  const s = randomBytes(4).toString('hex').toUpperCase();
  return { unitCode: `T${s.slice(0, 4)}`, provinceCode: `P${s.slice(4, 8)}` };
}

// argon2id hash of "matkhau-Demo1" (m=19456,t=2,p=1), computed once so tests stay fast.
export const TEST_PASSWORD = 'matkhau-Demo1';
export const TEST_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$CG88zuixRXxlNh98jBegsw$iGYNRKWk8Xm3WS4ZsMl6k3Vd1V5eRbcT9dYrwhLHMQw';

export async function newOfficial(
  database: Database,
  opts: {
    grants?: Array<RoleGrant & { validFrom?: string; validTo?: string | null }>;
    username?: string;
    fullName?: string;
    passwordHash?: string;
    isActive?: boolean;
  } = {},
): Promise<{ id: string; username: string; password: string }> {
  const users = createUsersRepository(database.db);
  const username = opts.username ?? `canbo-${uniqueSuffix()}`;
  const id = await users.createUser({
    username,
    fullName: opts.fullName ?? 'Nguyễn Văn Thử',
    passwordHash: opts.passwordHash ?? TEST_PASSWORD_HASH,
  });
  for (const g of opts.grants ?? []) await users.addGrant(id, g);
  if (opts.isActive === false) await users.setActive(id, false);
  return { id, username, password: TEST_PASSWORD };
}

/**
 * A catalog procedure of a test: what the test names (`code`, `agency`, and anything that matters to it) over a
 * plain commune-level procedure of one step, three working days and no components.
 */
export function testCatalogProcedure(
  over: Partial<CatalogProcedure> & Pick<CatalogProcedure, 'code' | 'agency'>,
): CatalogProcedure {
  return {
    name: `Thủ tục thử ${over.code}`,
    decisionNumber: '1/QĐ-TEST',
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/test',
    agencyName: 'Bộ Thử',
    field: 'Hộ tịch thử',
    levels: ['commune'],
    type: null,
    applicantTypes: ['Công dân Việt Nam'],
    competentAgency: null,
    implementingAgency: null,
    authorizedAgency: null,
    coordinatingAgency: null,
    receivingAddress: null,
    steps: ['Nộp hồ sơ'],
    channels: [],
    timeLimit: { value: 3, unit: 'working_days' },
    components: [],
    componentNotes: [],
    conditions: null,
    legalBasis: [],
    results: [],
    onlineServiceLevel: 'none',
    relatedProcedures: null,
    origin: 'crawl',
    curationNote: null,
    needsReview: false,
    review: [],
    ...over,
  };
}
