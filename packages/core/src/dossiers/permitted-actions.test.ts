import type { RoleGrant } from '@mot-cua/contracts';
import { describe, expect, it } from 'vitest';
import { authorize } from '../authorization/policy.js';
import type { ActionPayload } from './dossier-actions.js';
import { deriveDossierState } from './dossier-state.js';
import { hours, log, received } from './dossier-test-helpers.js';
import { authorizationActionFor } from './dossier-transitions.js';
import { dossierResourceFor, permittedActions } from './permitted-actions.js';

// Received at Sài Gòn (26740), decided by Bến Thành (26743), both in province 79.
const dossier = { receivingUnitCode: '26740', competentUnitCode: '26743', provinceCode: '79' };
const actor = (userId: string, ...grants: RoleGrant[]) => ({ userId, grants });
const receptionSG = actor('u-rec-sg', { role: 'reception', unitCode: '26740' });
const receptionBT = actor('u-rec-bt', { role: 'reception', unitCode: '26743' });
const specialistBT = actor('u-spec', { role: 'specialist', unitCode: '26743' });
const otherSpecialistBT = actor('u-spec-2', { role: 'specialist', unitCode: '26743' });
const headBT = actor('u-head', { role: 'department_head', unitCode: '26743' });
const leaderBT = actor('u-leader', { role: 'leader', unitCode: '26743' });
const specialistHK = actor('u-hk', { role: 'specialist', unitCode: '00070' });
const supervisor79 = actor('u-sup', { role: 'supervisor', unitCode: '79' });

const stateOf = (...p: ActionPayload[]) => deriveDossierState(log(...p));
const atStep2 = [
  received(),
  { type: 'claimed', stepOrder: 1 },
  { type: 'step_completed', fromStep: 1, toStep: 2 },
] as const;

describe('permittedActions: what the signed-in official may do now', () => {
  it('reception at the receiving center takes the reception step; the leader approves only at the approval step', () => {
    const s = stateOf(received());
    const rec = permittedActions(s, dossier, receptionSG);
    expect(rec).toContain('claimed');
    expect(rec).toContain('step_completed');
    expect(rec).not.toContain('approved');
    expect(rec).not.toContain('assigned');
    expect(rec).not.toContain('result_issued');
    const lead = permittedActions(s, dossier, leaderBT);
    expect(lead).not.toContain('approved'); // step 1 is reception's, not the approval step
    expect(lead).not.toContain('claimed'); // step 1 belongs to reception
    expect(lead).not.toContain('returned');
    const atApproval = stateOf(...atStep2, { type: 'step_completed', fromStep: 2, toStep: 3 });
    expect(permittedActions(atApproval, dossier, leaderBT)).toEqual(expect.arrayContaining(['approved', 'claimed']));
    expect(permittedActions(atApproval, dossier, specialistBT)).not.toContain('claimed'); // the leader's step
  });

  it('an official of another province and a supervisor (read only) may do nothing', () => {
    const s = stateOf(received());
    expect(permittedActions(s, dossier, specialistHK)).toEqual([]);
    expect(permittedActions(s, dossier, supervisor79)).toEqual([]);
  });

  it('the hand-over of a step held by someone else is for its holder or a head', () => {
    const s = stateOf(...atStep2, { type: 'assigned', stepOrder: 2, assigneeId: 'u-spec' });
    expect(permittedActions(s, dossier, specialistBT)).toContain('step_completed');
    expect(permittedActions(s, dossier, otherSpecialistBT)).not.toContain('step_completed');
    expect(permittedActions(s, dossier, otherSpecialistBT)).not.toContain('claimed');
    expect(permittedActions(s, dossier, headBT)).toEqual(expect.arrayContaining(['step_completed', 'assigned']));
  });

  it('the result is returned only at the receiving center', () => {
    const s = stateOf(...atStep2, { type: 'approved' }, { type: 'result_issued', documents: [] });
    expect(permittedActions(s, dossier, receptionSG)).toContain('returned');
    expect(permittedActions(s, dossier, receptionBT)).not.toContain('returned');
    expect(permittedActions(s, dossier, leaderBT)).not.toContain('approved');
  });

  it('the last step has no hand-over, and the apology is hidden after its latest instant', () => {
    const s = stateOf(
      ...atStep2,
      { type: 'step_completed', fromStep: 2, toStep: 3 },
      { type: 'step_completed', fromStep: 3, toStep: 4 },
    );
    expect(s.currentStep?.order).toBe(4);
    expect(permittedActions(s, dossier, receptionBT)).not.toContain('step_completed');
    const apology = (now: Date) =>
      permittedActions(stateOf(received()), dossier, headBT, { now, apologyLatestAt: hours(48) });
    expect(apology(hours(47))).toContain('apology_issued');
    expect(apology(hours(49))).not.toContain('apology_issued');
  });

  it('everything offered passes the same authorize() the API runs', () => {
    const officials = [receptionSG, receptionBT, specialistBT, headBT, leaderBT, specialistHK, supervisor79];
    const states = [
      stateOf({ type: 'submitted', channel: 'online' }),
      stateOf(received()),
      stateOf(...atStep2),
      stateOf(...atStep2, { type: 'approved' }, { type: 'result_issued', documents: [] }),
    ];
    let offered = 0;
    for (const s of states) {
      for (const a of officials) {
        for (const type of permittedActions(s, dossier, a)) {
          const policy = authorizationActionFor(type, s.phase, s.currentStep?.role);
          expect(() => authorize(a, policy, dossierResourceFor(dossier, policy))).not.toThrow();
          offered++;
        }
      }
    }
    expect(offered).toBeGreaterThan(20);
  });
});
