import { describe, expect, it } from 'vitest';
import { AgentInput, ApplicantInput } from './dossiers.js';
import { cleanPersonName, personName } from './person-name.js';
import { BookAppointmentRequest } from './queue-appointments.js';
import { CreateUserRequest } from './users.js';

const invisibleOnly = [
  '\u200B\u200B\u200B', // zero-width spaces
  '\u200C\u200D\u2060\uFEFF', // zero-width non-joiner, joiner, word joiner, BOM
  '\u200E\u200F\u202E\u2066\u2069', // LRM, RLM, RLO, LRI, PDI
  '\u00AD\u00AD', // soft hyphens
  ' \u200B \u200F ', // spaces and invisibles
  '\u0301\u0303', // combining marks with no letter
  '.-', // punctuation only
];

describe('personName', () => {
  it('refuses a name made only of invisible characters, marks or punctuation', () => {
    for (const name of invisibleOnly) {
      expect(personName().safeParse(name).success, JSON.stringify(name)).toBe(false);
      expect(ApplicantInput.safeParse({ fullName: name }).success, JSON.stringify(name)).toBe(false);
      expect(AgentInput.safeParse({ fullName: name }).success).toBe(false);
    }
    expect(CreateUserRequest.safeParse({ username: 'a.b', fullName: '\u200B' }).success).toBe(false);
  });

  it('stores the name cleaned: NFC, invisibles removed, spaces collapsed', () => {
    const nfd = 'Nguye\u0302\u0303n Thi\u0323 Hoa'; // as some keyboards send it
    expect(ApplicantInput.parse({ fullName: ` \u200B${nfd}\u202E\t ` }).fullName).toBe('Nguyễn Thị Hoa');
    expect(cleanPersonName('Trần\u200B  Minh\nKhoa')).toBe('Trần Minh Khoa');
    expect(cleanPersonName('Lê\u200F Văn Bình')).toBe('Lê Văn Bình');
    expect(personName().parse('Công ty TNHH 3A')).toBe('Công ty TNHH 3A');
  });

  it('counts the minimum length after cleaning (a booking needs two visible characters)', () => {
    const base = { groupId: crypto.randomUUID(), date: '2026-12-02', start: '08:00', phone: '0912345678' };
    expect(BookAppointmentRequest.safeParse({ ...base, applicantName: 'A\u200B' }).success).toBe(false);
    expect(BookAppointmentRequest.safeParse({ ...base, applicantName: 'An' }).success).toBe(true);
  });
});
