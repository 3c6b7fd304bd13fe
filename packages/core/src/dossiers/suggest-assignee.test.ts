import { describe, expect, it } from 'vitest';
import { waitingScopes } from './suggest-assignee.js';

describe('waitingScopes (issue 11)', () => {
  it('gives each unit the step roles of the roles held there, not of every grant', () => {
    expect(
      waitingScopes([
        { role: 'leader', unitCode: '26743' },
        { role: 'specialist', unitCode: '26734' },
      ]),
    ).toEqual([
      { unitCode: '26743', stepRoles: expect.arrayContaining(['leader']) },
      { unitCode: '26734', stepRoles: expect.arrayContaining(['specialist']) },
    ]);
    const [leader, specialist] = waitingScopes([
      { role: 'leader', unitCode: '26743' },
      { role: 'specialist', unitCode: '26734' },
    ]);
    expect(specialist?.stepRoles).not.toContain('leader');
    expect(leader?.stepRoles).not.toContain('reception');
  });
});
