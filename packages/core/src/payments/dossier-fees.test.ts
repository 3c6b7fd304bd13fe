import { describe, expect, it } from 'vitest';
import { counterFee, paidOnlineFrom } from './dossier-fees.js';

const dossier = { id: 'd1', provinceCode: '79', procedureName: 'Đăng ký khai sinh', procedureCode: '1.001193' };

describe('the fee record of a counter collection', () => {
  it('names the procedure, the official and the time; no gateway', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    expect(
      counterFee({ id: 'f1', dossier, amountVnd: 8000, at, official: { userId: 'u1', name: 'Trần Thị B' } }),
    ).toEqual({
      id: 'f1',
      dossierId: 'd1',
      provinceCode: '79',
      channel: 'counter',
      amountVnd: 8000,
      description: 'Phí, lệ phí thủ tục Đăng ký khai sinh (1.001193)',
      paidAt: at,
      collectedBy: 'u1',
      collectedByName: 'Trần Thị B',
      onlinePaymentId: null,
      gateway: null,
      gatewayTxnRef: null,
    });
  });

  it('refuses a zero, negative or fractional amount', () => {
    for (const amountVnd of [0, -1, 10.5]) {
      expect(() =>
        counterFee({ id: 'f', dossier, amountVnd, at: new Date(), official: { userId: null, name: null } }),
      ).toThrow(RangeError);
    }
  });

  it('a dossier is paid online when any of its payments was', () => {
    expect(paidOnlineFrom([])).toBe(false);
    expect(paidOnlineFrom([{ channel: 'counter' }])).toBe(false);
    expect(paidOnlineFrom([{ channel: 'counter' }, { channel: 'online' }])).toBe(true);
  });
});
