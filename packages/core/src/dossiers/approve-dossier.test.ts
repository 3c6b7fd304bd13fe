import { describe, expect, it } from 'vitest';
import { nextHolderAfterApproval } from './approve-dossier.js';
import type { DossierAction } from './dossier-actions.js';

const candidate = (userId: string, openAssignments: number) => ({
  userId,
  fullName: userId,
  role: 'reception',
  openAssignments,
});
const receivedBy = (actorId: string) => [{ type: 'received', actorId } as unknown as DossierAction];

describe('the holder of the step after the approval, as the process chooses', () => {
  it('is the official who received the dossier when they may hold the step', () => {
    expect(nextHolderAfterApproval(receivedBy('lan'), [candidate('an', 0), candidate('lan', 5)])?.userId).toBe('lan');
  });
  it('else the least-loaded qualified official (the candidates come ranked)', () => {
    expect(nextHolderAfterApproval(receivedBy('gone'), [candidate('an', 0), candidate('binh', 2)])?.userId).toBe('an');
  });
  it('else nobody: the step waits to be claimed', () => {
    expect(nextHolderAfterApproval(receivedBy('lan'), [])).toBeUndefined();
  });
});
