import { describe, expect, it } from 'vitest';
import { vnInstant } from '../calendar/civil-date.js';
import { nationalCalendar } from '../calendar/test-calendars.js';
import { alertAudience, alertsFor } from './feedback-alerts.js';
import { feedbackNoticeFor, renderFeedbackNotice, smsText } from './feedback-notifications.js';

const cal = nationalCalendar();
const at = (s: string) => vnInstant(s.slice(0, 10), s.slice(11));

describe('reminders and escalations', () => {
  const due = at('2026-03-04 09:00'); // a Wednesday
  it('remind within the last working day, escalate once overdue, to the province after 2 more working days', () => {
    expect(alertsFor(at('2026-03-02 09:00'), due, cal)).toEqual([]);
    expect(alertsFor(at('2026-03-03 10:00'), due, cal)).toEqual(['due_soon']);
    expect(alertsFor(at('2026-03-04 15:00'), due, cal)).toEqual(['overdue']);
    // Friday 09:00 is 2 working days late: not yet more than 2.
    expect(alertsFor(at('2026-03-06 09:00'), due, cal)).toEqual(['overdue']);
    expect(alertsFor(at('2026-03-09 10:00'), due, cal)).toEqual(['overdue', 'escalated_province']);
    expect(alertsFor(at('2026-03-09 10:00'), null, cal)).toEqual([]);
  });

  it('tell the handlers of the unit, its director, then the province', () => {
    const f = { unitCode: '26743', provinceCode: '79' };
    expect(alertAudience('due_soon', f)).toEqual({
      unitCode: '26743',
      roles: ['specialist', 'department_head', 'center_director'],
    });
    expect(alertAudience('overdue', f)).toEqual({ unitCode: '26743', roles: ['center_director'] });
    expect(alertAudience('escalated_province', f)).toEqual({
      unitCode: '79',
      roles: ['center_director', 'supervisor'],
    });
  });
});

describe("the submitter's messages", () => {
  it('come from the steps that concern the submitter, not from drafting', () => {
    const step = { text: 'Lý do', dueAt: null, answer: 'Trả lời' };
    expect(feedbackNoticeFor('accept', step)).toEqual({ event: 'accepted', dueAt: null });
    expect(feedbackNoticeFor('refuse', step)).toEqual({ event: 'refused', reason: 'Lý do' });
    expect(feedbackNoticeFor('approve_answer', step)).toEqual({ event: 'answered', answer: 'Trả lời' });
    expect(feedbackNoticeFor('draft_answer', step)).toBeNull();
    expect(feedbackNoticeFor('return_draft', step)).toBeNull();
    expect(feedbackNoticeFor('route', step)).toBeNull();
  });

  it('are Vietnamese e-mails and short SMS without diacritics, with the tracking link', () => {
    const r = renderFeedbackNotice(
      { event: 'answered', answer: 'Đường sẽ được sửa trong tháng này. '.repeat(10) },
      { code: 'PA-79-260302-000001', submitterName: 'Đặng Thị Hoa' },
      'https://x.vn/phan-anh/abc',
    );
    expect(r.subject).toBe('Trả lời phản ánh, kiến nghị PA-79-260302-000001');
    expect(r.text).toContain('Kính gửi Ông/Bà Đặng Thị Hoa,');
    expect(r.text).toContain('https://x.vn/phan-anh/abc');
    expect(r.sms).toMatch(/^Phan anh PA-79-260302-000001 da duoc tra loi: Duong se duoc sua/);
    expect(r.sms).toContain('https://x.vn/phan-anh/abc');
    expect(r.sms.length).toBeLessThan(220);
    expect(r.sms).toMatch(/^[\x20-\x7e]*$/);
    expect(smsText('Điện  đường', 40)).toBe('Dien duong');
    expect(smsText('a'.repeat(50), 10)).toBe('aaaaaaa...');
  });
});
