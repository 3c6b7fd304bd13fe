import { approveDossier, completeStep, type DossierActor, returnResult } from '@mot-cua/core';
import { type DemoDossierKit, HOAN_KIEM } from './demo-dossier-kit.js';

/** The demo dossiers of Phường Hoàn Kiếm (Hà Nội): one received today, one returned. */
export async function seedHoanKiemDossiers(kit: DemoDossierKit): Promise<void> {
  const { deps, ago, at, who, receive, issue } = kit;
  const { huy } = kit.officials;
  // Hoàn Kiếm (Hà Nội): one received today, one returned.
  await receive(ago(0.3, HOAN_KIEM), huy, {
    procedureCode: '1.001193',
    applicant: { fullName: 'Phí Thị Thảo', idNumber: '001190002020', phone: '0983202020' },
  });
  const hk = await receive(ago(3.0, HOAN_KIEM), huy, {
    procedureCode: '1.000894',
    applicant: { fullName: 'Tô Minh Đức', idNumber: '001093003030', phone: '0983303030' },
  });
  const hkLeader = who(null, 'Lê Thu Hà', 'leader', HOAN_KIEM);
  const hkSpecialist = who(null, 'Ngô Văn Bình', 'specialist', HOAN_KIEM);
  const hkHead = who(null, 'Đỗ Quang Vinh', 'department_head', HOAN_KIEM);
  // The whole internal process: reception, specialist, department head, then the leader's approval step.
  const hkSteps: Array<[number, DossierActor]> = [
    [1, huy],
    [2, hkSpecialist],
    [3, hkHead],
  ];
  for (const [i, [step, actor]] of hkSteps.entries()) {
    await at(ago(2.9 - i * 0.1, HOAN_KIEM), () => completeStep(deps, { dossierId: hk.id, actor, fromStep: step }));
  }
  await at(ago(2.5, HOAN_KIEM), () => approveDossier(deps, { dossierId: hk.id, actor: hkLeader }));
  await issue(hk.id, ago(2.4, HOAN_KIEM), hkSpecialist, 'Giay chung nhan ket hon', 'giay-chung-nhan-ket-hon.pdf');
  await at(ago(2.0, HOAN_KIEM), () => returnResult(deps, { dossierId: hk.id, actor: huy, method: 'counter' }));
}
