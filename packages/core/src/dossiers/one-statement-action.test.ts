import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionRoles } from '../authorization/actions.js';
import { AppError } from '../errors.js';
import { acceptDossier } from './accept-dossier.js';
import { approveDossier } from './approve-dossier.js';
import { claimStep } from './claim-step.js';
import { completeStep } from './complete-step.js';
import type { ActorRole } from './dossier-actions.js';
import type { DossierState } from './dossier-state.js';
import { log, received, steps } from './dossier-test-helpers.js';
import { authorizationActionFor } from './dossier-transitions.js';
import { ONE_STATEMENT_ATTEMPTS } from './one-statement-action.js';
import { emptyStore, memoryDeps, races, record } from './one-statement-test-helpers.js';
import type { DossierActionResult, DossierDeps } from './perform-dossier-action.js';
import type { DossierRecord, DossiersRepository } from './ports.js';
import { refuseDossier } from './refuse-dossier.js';
import { returnResult } from './return-result.js';

// The one-statement path (no lock, versioned read, conditional write) played against an in-memory store whose
// write applies only at the version read, with other actions slipped in between a read and its write: random
// sequences with random races never reach a state the internal process forbids, and a lost race writes nothing.
// The helpers' process: 1 reception, 2 specialist, 3 leader (approval), 4 reception (return).

const roles: ActorRole[] = ['reception', 'specialist', 'department_head', 'leader', 'center_director'];
const kinds = ['claim', 'complete', 'skip', 'approve', 'return', 'refuse'] as const;
const attempt = fc.record({ role: fc.constantFrom(...roles), kind: fc.constantFrom(...kinds), raced: fc.boolean() });
type Attempt = { role: ActorRole; kind: (typeof kinds)[number] };

/** One attempt through the use case, the policy gate applied as the API's resolver does it. */
function run(deps: DossierDeps, a: Attempt): Promise<DossierActionResult> {
  const actor = (_d: DossierRecord, state: DossierState) => {
    const policy = authorizationActionFor(typeMap[a.kind], state.phase, state.currentStep?.role);
    if (!(actionRoles[policy] as readonly string[]).includes(a.role)) throw new AppError('FORBIDDEN');
    return { userId: `u-${a.role}`, name: null, role: a.role, unitCode: '26743' };
  };
  const dossierId = record.id;
  switch (a.kind) {
    case 'claim':
      return claimStep(deps, { dossierId, actor, stepOrder: currentOf() });
    case 'complete':
      return completeStep(deps, { dossierId, actor, fromStep: currentOf() });
    case 'skip':
      return completeStep(deps, { dossierId, actor, fromStep: currentOf(), toStep: 4 });
    case 'approve':
      // The approval and its hand-on to step 4, written in one statement.
      return approveDossier(deps, { dossierId, actor });
    case 'return':
      return returnResult(deps, { dossierId, actor, method: 'counter' });
    case 'refuse':
      return refuseDossier(deps, { dossierId, actor, reasons: ['Sai thẩm quyền'] });
  }
}
const typeMap = {
  claim: 'claimed',
  complete: 'step_completed',
  skip: 'step_completed',
  approve: 'approved',
  return: 'returned',
  refuse: 'refused',
} as const;
/** The step the caller saw when it sent the request (before any race). */
let currentOf: () => number = () => 1;

describe('property: the one-statement path under random races keeps the internal process', () => {
  it('steps in order by their role, approval at step 3 by a leader, nothing after a refusal; one write per success', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(attempt, { maxLength: 30 }), async (attempts) => {
        const store = emptyStore(log(received()));
        const racers: Array<() => Promise<unknown>> = [];
        currentOf = () => store.dossier.currentStepOrder ?? 1;
        let succeeded = 0;
        const attemptOnce = async (a: Attempt) => {
          try {
            await run(memoryDeps(store, racers), a);
            succeeded++;
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            expect(e.code).not.toBe('DOSSIER_BUSY'); // one racer per attempt: the retry always gets through
          }
        };
        for (let i = 0; i < attempts.length; i++) {
          const a = attempts[i]!;
          const other = attempts[(i + 1) % attempts.length]!;
          if (a.raced) racers.push(() => attemptOnce(other));
          await attemptOnce(a);
          racers.length = 0;
        }
        const actions = store.actions;
        expect(actions.map((x) => x.seq)).toEqual(actions.map((_, i) => i + 1));
        expect(store.writes).toHaveLength(succeeded);
        expect(actions.length).toBe(1 + store.writes.flat().length);
        expect(store.audits).toBe(actions.length - 1); // one audit row per action
        for (const w of store.writes) {
          // The approval (at step 3 of 4) always carries its hand-on in the same write; nothing else carries two.
          expect(w).toEqual(w[0] === 'approved' ? ['approved', 'step_completed'] : [w[0]]);
        }
        expect(new Set(store.outbox).size).toBe(store.outbox.length);
        let current = 1;
        let approved = false;
        let closed = false;
        for (const x of actions.slice(1)) {
          expect(closed).toBe(false);
          if (x.type === 'step_completed') {
            expect([x.fromStep, x.toStep]).toEqual([current, current + 1]);
            if (current === 3) expect(approved).toBe(true);
            current = x.toStep;
          }
          if (x.type === 'claimed') {
            const role = steps.find((s) => s.order === current)!.role;
            expect(
              role === x.actorRole ||
                (role === 'specialist' && x.actorRole === 'department_head') ||
                (role === 'reception' && x.actorRole === 'center_director'),
            ).toBe(true);
          }
          if (x.type === 'approved') {
            expect(current).toBe(3);
            expect(x.actorRole).toBe('leader');
            approved = true;
          }
          expect(x.type).not.toBe('returned'); // no result was ever issued
          if (x.type === 'refused') closed = true;
        }
      }),
      { numRuns: 200 },
    );
    expect(races.lost).toBeGreaterThan(0); // the races did happen, and were retried
  });

  it('a pass that keeps losing its race gives up with DOSSIER_BUSY, having written nothing', async () => {
    const store = emptyStore(log(received()));
    const deps = memoryDeps(store, []);
    const repo = deps.dossiers as Required<DossiersRepository>;
    const commit = repo.commitAction.bind(repo);
    let tries = 0;
    repo.commitAction = async (input) => {
      tries++;
      store.version++; // someone else wrote the row in between, every time
      return commit(input);
    };
    await expect(
      claimStep(deps, {
        dossierId: record.id,
        actor: { userId: 'u', name: null, role: 'reception', unitCode: '26743' },
        stepOrder: 1,
      }),
    ).rejects.toMatchObject({ code: 'DOSSIER_BUSY' });
    expect(tries).toBe(ONE_STATEMENT_ATTEMPTS);
    expect(store.actions).toHaveLength(1);
    expect(store.audits).toBe(0);
  });

  it('two leaders approve at once: one write holds the approval and its hand-on, the other is refused', async () => {
    const store = emptyStore(log(received()));
    currentOf = () => store.dossier.currentStepOrder ?? 1;
    for (const a of [
      { role: 'reception', kind: 'claim' },
      { role: 'reception', kind: 'complete' },
      { role: 'specialist', kind: 'claim' },
      { role: 'specialist', kind: 'complete' },
    ] as const) {
      await run(memoryDeps(store, []), a);
    }
    expect(store.dossier.currentStepOrder).toBe(3);
    let second: unknown;
    const racer = async () => {
      second = await run(memoryDeps(store, []), { role: 'leader', kind: 'approve' }).catch((e: unknown) => e);
    };
    const first = await run(memoryDeps(store, [racer]), { role: 'leader', kind: 'approve' }).catch((e) => e);
    // The racer wrote first; the first pass lost its race, ran again on the new state and was refused.
    expect(second).toMatchObject({ action: { type: 'step_completed', fromStep: 3, toStep: 4 } });
    expect(first).toBeInstanceOf(AppError);
    expect(store.writes.slice(-1)).toEqual([['approved', 'step_completed']]);
    expect(store.actions.filter((x) => x.type === 'approved')).toHaveLength(1);
    expect(store.audits).toBe(store.actions.length - 1);
  });

  it('accept writes its checklist and time limit with the action; a lost race writes neither, the retry decides again', async () => {
    const store = emptyStore(log({ type: 'submitted', channel: 'in_person' }));
    store.dossier = {
      ...store.dossier,
      status: 'new',
      currentStepOrder: null,
      duration: { value: 0, unit: 'working_days' },
    };
    const deps = memoryDeps(store, []);
    let procedureDays = 3;
    deps.procedures = {
      findProcedureForReception: async () =>
        ({
          versionId: null,
          code: record.procedureCode,
          name: record.procedureName,
          fieldCode: null,
          fieldName: null,
          components: [{ key: 'c01', name: 'Đơn', copies: 1, required: true }],
          duration: { value: procedureDays, unit: 'working_days' },
          steps,
          feeTotal: 0,
          hasFinancialObligation: false,
        }) as const,
    };
    const repo = deps.dossiers as Required<DossiersRepository>;
    const commit = repo.commitAction.bind(repo);
    let tries = 0;
    repo.commitAction = async (input) => {
      if (tries++ === 0) {
        store.version++; // another writer moved the row, and the procedure's time limit changed meanwhile
        procedureDays = 5;
      }
      return commit(input);
    };
    const result = await acceptDossier(deps, {
      dossierId: record.id,
      actor: { userId: 'u', name: null, role: 'reception', unitCode: '26743' },
      components: [{ key: 'c01', state: 'present' }],
    });
    expect(tries).toBe(2);
    expect(store.writes).toEqual([['received']]);
    expect(store.records).toEqual([
      {
        checklist: [expect.objectContaining({ key: 'c01', state: 'present' })],
        duration: { value: 5, unit: 'working_days' },
      },
    ]);
    expect(result.state.status).toBe('received');
    expect(store.audits).toBe(1);
  });
});
