import { describe, expect, it } from 'vitest';
import { dossierNotificationFor } from './dossier-notifications.js';
import {
  type NotificationPort,
  notifyApplicant,
  type QueuedNotification,
  type SkippedNotification,
} from './notify-applicant.js';
import { NOTIFICATION_EVENTS, renderNotification } from './templates.js';

function memoryPort(optedOut: Array<[string, string]> = []) {
  const queued: QueuedNotification[] = [];
  const skipped: SkippedNotification[] = [];
  const port: NotificationPort = {
    recordSkipped: async (s) => {
      skipped.push(s);
    },
    isOptedOut: async (channel, address) => optedOut.some(([c, a]) => c === channel && a === address),
    enqueue: async (m) => {
      queued.push(m);
    },
    lookupUrl: (code) => `https://motcua.example.vn/tra-cuu?code=${code}`,
  };
  return { port, queued, skipped };
}

const context = {
  dossierCode: 'X79.26743-260302-000123',
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Nguyễn Thị Ánh',
  dueAt: new Date('2026-03-05T02:00:00Z'),
};

describe('notifyApplicant', () => {
  it('ends each message with the unsubscribe link of its own channel and address, when the port gives one', async () => {
    const { port, queued } = memoryPort();
    port.unsubscribeUrl = async (channel, address) => `https://motcua.example.vn/ngung?c=${channel}&a=${address}`;
    await notifyApplicant(port, {
      about: { type: 'dossier', id: 'd9', code: context.dossierCode },
      provinceCode: '79',
      recipient: { email: 'Anh@Example.VN', phone: '0909 123 456' },
      message: { event: 'receipt', context },
      key: 'dossier:d9:1',
    });
    expect(
      queued[0]!.text.endsWith('Ngừng nhận thư thông báo: https://motcua.example.vn/ngung?c=email&a=anh@example.vn'),
    ).toBe(true);
    expect(queued[1]!.text.endsWith(' Huy nhan tin: https://motcua.example.vn/ngung?c=sms&a=0909123456')).toBe(true);
  });
  it('queues one e-mail and one SMS with the code, the due date in Vietnam time and the lookup link', async () => {
    const { port, queued } = memoryPort();
    const r = await notifyApplicant(port, {
      about: { type: 'dossier', id: 'd1', code: context.dossierCode },
      provinceCode: '79',
      recipient: { email: ' Anh@Example.VN ', phone: '0909 123.456' },
      message: { event: 'receipt', context },
      key: 'dossier:d1:1',
    });
    expect(r).toEqual({ queued: ['email', 'sms'], skipped: [] });
    expect(queued.map((q) => [q.channel, q.to, q.idempotencyKey])).toEqual([
      ['email', 'anh@example.vn', 'dossier:d1:1:email'],
      ['sms', '0909123456', 'dossier:d1:1:sms'],
    ]);
    expect(queued[0]!.subject).toBe('Đã tiếp nhận hồ sơ X79.26743-260302-000123');
    expect(queued[0]!.text).toContain('Ngày hẹn trả kết quả: 05/03/2026 09:00');
    expect(queued[1]!.text).toContain('https://motcua.example.vn/tra-cuu?code=X79.26743-260302-000123');
  });

  it('skips a channel without an address or opted out', async () => {
    const { port, queued, skipped } = memoryPort([['sms', '0909123456']]);
    const r = await notifyApplicant(port, {
      about: { type: 'feedback', id: 'f1', code: null },
      provinceCode: '79',
      recipient: { email: null, phone: '0909123456' },
      message: { event: 'feedback_answered', subject: 'Trả lời phản ánh', text: 'Nội dung', sms: 'Noi dung' },
      key: 'feedback:f1:answer',
    });
    expect(r).toEqual({
      queued: [],
      skipped: [
        { channel: 'email', reason: 'no_address' },
        { channel: 'sms', reason: 'opted_out' },
      ],
    });
    expect(queued).toEqual([]);
    // Each skipped message is logged with its reason under the key it would have had.
    expect(skipped.map((s) => [s.channel, s.reason, s.event, s.idempotencyKey, s.about.id])).toEqual([
      ['email', 'no_address', 'feedback_answered', 'feedback:f1:answer:email', 'f1'],
      ['sms', 'opted_out', 'feedback_answered', 'feedback:f1:answer:sms', 'f1'],
    ]);
  });

  it('has a Vietnamese text for every event, each naming the dossier and the link', () => {
    for (const e of NOTIFICATION_EVENTS) {
      const r = renderNotification(e, { ...context, items: ['Giấy chứng sinh'], lookupUrl: 'https://l.vn/x' });
      expect(r.subject, e).toContain(context.dossierCode);
      expect(r.text, e).toContain('https://l.vn/x');
      expect(r.sms, e).toContain(context.dossierCode);
      expect(r.sms.length, e).toBeLessThanOrEqual(320);
    }
    expect(
      renderNotification('apology', { ...context, reason: 'chờ ý kiến cơ quan phối hợp', lookupUrl: '' }).text,
    ).toContain('Ngày hẹn trả kết quả mới: 05/03/2026 09:00');
  });

  it('the SMS of a supplement request or refusal is plain text, cut with an ellipsis, not mid-word in Vietnamese', () => {
    // An outside tester's SMS read "can bo sung: Tờ khai đăng ký kết hôn … Hai bên n." (accents, a word cut off).
    const items = [
      'Tờ khai đăng ký kết hôn theo mẫu, có đủ thông tin của hai bên nam, nữ. Hai bên nam, nữ có thể khai chung',
      'Giấy xác nhận tình trạng hôn nhân',
    ];
    for (const e of ['supplement_requested', 'refused'] as const) {
      const { sms } = renderNotification(e, { ...context, items, lookupUrl: 'https://l.vn/x' });
      expect(sms, e).toMatch(/^[\x20-\x7e]+$/);
      expect(sms, e).toContain('To khai dang ky ket hon theo mau');
      expect(sms, e).toMatch(/\.\.\. Chi tiet: https:\/\/l\.vn\/x$/);
    }
    const short = renderNotification('supplement_requested', {
      ...context,
      items: ['Giấy chứng sinh'],
      lookupUrl: 'u',
    });
    expect(short.sms).toContain('can bo sung: Giay chung sinh Chi tiet: u');
  });

  it('maps the dossier log to events: receipt, supplement, obligation, apology, result, return, refusal; nothing else', () => {
    const base = { seq: 2, at: new Date(), actorId: null, actorRole: 'reception' as const, unitCode: 'u' };
    const state = { dueAt: context.dueAt };
    expect(dossierNotificationFor({ ...base, type: 'returned', method: 'counter' }, state)?.event).toBe('returned');
    expect(dossierNotificationFor({ ...base, type: 'refused', reasons: ['Sai thẩm quyền'] }, state)).toEqual({
      event: 'refused',
      extra: { items: ['Sai thẩm quyền'] },
    });
    expect(
      dossierNotificationFor({ ...base, type: 'submitted', channel: 'in_person', intakeDueAt: null }, state),
    ).toBeNull();
    expect(dossierNotificationFor({ ...base, type: 'claimed' } as never, state)).toBeNull();
  });
});
