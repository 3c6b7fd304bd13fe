import type { RoleGrant } from '@mot-cua/contracts';
import type { Kysely } from 'kysely';
import { createUsersRepository } from '../repositories/users.repository.js';
import type { DB } from '../schema/index.js';

/** Password of every demo account (printed in README; never used outside the demo data). */
export const DEMO_PASSWORD = 'motcua2025';

/** Demo officials: Phường Bến Thành (26743, TP Hồ Chí Minh 79) and Phường Hoàn Kiếm (00070, Hà Nội 01). */
export const demoOfficials: Array<{ username: string; fullName: string; grants: RoleGrant[] }> = [
  { username: 'admin', fullName: 'Quản trị hệ thống', grants: [{ role: 'system_admin', unitCode: 'VN' }] },
  { username: 'tiepnhan.benthanh', fullName: 'Trần Thị Lan', grants: [{ role: 'reception', unitCode: '26743' }] },
  { username: 'chuyenvien.benthanh', fullName: 'Lê Văn Hùng', grants: [{ role: 'specialist', unitCode: '26743' }] },
  {
    username: 'truongphong.benthanh',
    fullName: 'Phạm Thị Mai',
    grants: [{ role: 'department_head', unitCode: '26743' }],
  },
  { username: 'lanhdao.benthanh', fullName: 'Nguyễn Văn Minh', grants: [{ role: 'leader', unitCode: '26743' }] },
  {
    username: 'giamdoc.benthanh',
    fullName: 'Võ Thị Hạnh',
    grants: [{ role: 'center_director', unitCode: '26743' }],
  },
  { username: 'tiepnhan.hoankiem', fullName: 'Đỗ Quang Huy', grants: [{ role: 'reception', unitCode: '00070' }] },
  { username: 'giamsat.hcm', fullName: 'Bùi Thanh Tâm', grants: [{ role: 'supervisor', unitCode: '79' }] },
  { username: 'giamsat.quocgia', fullName: 'Hoàng Minh Đức', grants: [{ role: 'supervisor', unitCode: 'VN' }] },
];

export async function seedDemoOfficials(db: Kysely<DB>, hashPassword: (p: string) => Promise<string>): Promise<number> {
  const users = createUsersRepository(db);
  const hash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const o of demoOfficials) {
    if (await users.findUserByUsername(o.username)) continue;
    const id = await users.createUser({ username: o.username, fullName: o.fullName, passwordHash: hash });
    for (const g of o.grants) await users.addGrant(id, g);
    created++;
  }
  return created;
}
