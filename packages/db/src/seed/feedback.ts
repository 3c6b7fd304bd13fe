import { createHash } from 'node:crypto';
import { vnDate } from '@mot-cua/contracts';
import { type Actor, actOnFeedback, createRoutingRule, submitFeedback } from '@mot-cua/core';
import type { Database } from '../database.js';
import { createAdminUnitsRepository } from '../repositories/admin-units.repository.js';
import { createFeedbackPorts } from '../repositories/feedback.repository.js';
import { createRoutingRulesPorts } from '../repositories/feedback-rules.repository.js';
import { createUsersRepository } from '../repositories/users.repository.js';
import type { SeedLog } from './types.js';

const BEN_THANH = '26743';
/** The Open311 API key of the demo (README); only its sha256 is stored. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

/**
 * Demo feedback of Bến Thành through the use cases (audited like any other): a routing rule, a published answer
 * the assistant can find, a complaint waiting for a decision, one in progress with a draft for the leader, and
 * the Open311 demo key. `publicUrl` (the configuration's) makes the links in their notifications absolute.
 */
export async function seedFeedbackDemo(database: Database, log: SeedLog, publicUrl?: string): Promise<void> {
  const db = database.db;
  const any = await db.selectFrom('feedbackItems').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const now = new Date();
  if (!(await createAdminUnitsRepository(db).findUnit(BEN_THANH, vnDate(now)))) return;
  const users = createUsersRepository(db);
  const actorOf = async (username: string, role: Actor['grants'][number]['role'], unitCode = BEN_THANH) => {
    const u = await users.findUserByUsername(username);
    return u ? ({ userId: u.id, grants: [{ role, unitCode }] } satisfies Actor) : undefined;
  };
  const director = await actorOf('giamdoc.benthanh', 'center_director');
  const specialist = await actorOf('chuyenvien.benthanh', 'specialist');
  const leader = await actorOf('lanhdao.benthanh', 'leader');
  if (!director || !specialist || !leader) return;

  const tx = <T>(fn: (ports: ReturnType<typeof createFeedbackPorts>) => Promise<T>) =>
    db.transaction().execute((trx) => fn(createFeedbackPorts(trx, 'seed', publicUrl ? { publicUrl } : {})));
  const dept = await db
    .selectFrom('departments')
    .select('id')
    .where('unitCode', '=', BEN_THANH)
    .where('kind', '=', 'economic')
    .where('validTo', 'is', null)
    .executeTakeFirst();
  await db.transaction().execute((trx) =>
    createRoutingRule(
      {
        provinceCode: '79',
        communeCode: BEN_THANH,
        field: 'Đất đai',
        kind: null,
        unitCode: BEN_THANH,
        departmentId: dept?.id ?? null,
        priority: 100,
      },
      { actor: director, now },
      createRoutingRulesPorts(trx, 'seed'),
    ),
  );

  const base = {
    field: null,
    communeCode: BEN_THANH,
    dossierCode: null,
    anonymous: false,
    submitterEmail: null,
    address: null,
    lat: null,
    long: null,
    photos: [],
    counterId: null,
  };
  const faq = await tx((p) =>
    submitFeedback(
      {
        ...base,
        channel: 'web',
        kind: 'question',
        title: 'Làm giấy khai sinh cho con có cần sổ hộ khẩu không?',
        content: 'Tôi muốn làm giấy khai sinh cho con mới sinh, có phải mang sổ hộ khẩu giấy không?',
        field: 'Hộ tịch',
        submitterName: 'Phạm Thu Hà',
        submitterPhone: '0903111222',
      },
      { actor: undefined, now },
      p,
    ),
  );
  for (const [actor, req] of [
    [specialist, { action: 'accept' }],
    [specialist, { action: 'start' }],
    [
      specialist,
      {
        action: 'draft_answer',
        text: 'Không cần sổ hộ khẩu giấy. Khi đăng ký khai sinh, mang giấy chứng sinh và giấy tờ tùy thân của cha hoặc mẹ; thông tin cư trú được tra cứu trên Cơ sở dữ liệu quốc gia về dân cư.',
      },
    ],
    [leader, { action: 'approve_answer', publish: true }],
    [leader, { action: 'publish', publicQuestion: 'Làm giấy khai sinh cho con có cần mang sổ hộ khẩu không?' }],
  ] as const) {
    await tx((p) => actOnFeedback(faq.id, req, { actor, now }, p));
  }

  await tx((p) =>
    submitFeedback(
      {
        ...base,
        channel: 'web',
        kind: 'complaint',
        title: 'Hồ sơ đất đai trễ hẹn',
        content: 'Hồ sơ đăng ký biến động đất đai của tôi đã quá ngày hẹn trả mà chưa được báo lý do.',
        field: 'Đất đai',
        submitterName: 'Võ Minh Tâm',
        submitterPhone: '0913555666',
      },
      { actor: undefined, now },
      p,
    ),
  );
  const drafted = await tx((p) =>
    submitFeedback(
      {
        ...base,
        channel: 'hotline',
        kind: 'suggestion',
        title: 'Đề nghị thêm ghế chờ tại trung tâm',
        content: 'Người gọi đề nghị bố trí thêm ghế chờ và nước uống cho người cao tuổi.',
        submitterName: 'Nguyễn Văn Bảy',
        submitterPhone: '0988777666',
      },
      { actor: director, now },
      p,
    ),
  );
  await tx((p) => actOnFeedback(drafted.id, { action: 'accept' }, { actor: specialist, now }, p));
  await tx((p) => actOnFeedback(drafted.id, { action: 'start' }, { actor: specialist, now }, p));
  await tx((p) =>
    actOnFeedback(
      drafted.id,
      { action: 'draft_answer', text: 'Trung tâm cảm ơn góp ý; từ tuần sau khu chờ có thêm 20 ghế và nước uống.' },
      { actor: specialist, now },
      p,
    ),
  );
  await db
    .insertInto('open311ApiKeys')
    .values({ keyHash: createHash('sha256').update(DEMO_OPEN311_KEY).digest('hex'), name: 'demo' })
    .onConflict((oc) => oc.column('keyHash').doNothing())
    .execute();
  log('demo: 3 feedback items of Bến Thành (one published), a routing rule and the Open311 demo key');
}
