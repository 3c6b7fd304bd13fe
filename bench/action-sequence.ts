/**
 * The five-action sequence (accept → claim → complete-step → approve → return) as the bench's internal
 * process needs it to reach the return legally (1 reception, 2 specialist, 3 leader's approval, 4 reception): a
 * dossier registered by post (status new) is accepted, handed to step 2, claimed and handed on by the specialist,
 * approved by the leader (the approval hands it on to step 4 itself), its result issued (one PDF) and returned.
 * Seven requests per sequence; used by dossiers-throughput.ts.
 */
import { counterReceiptBody } from '@mot-cua/test-kit';

export type Headers = Record<string, string>;
export type SequenceOfficials = { reception: Headers; specialist: Headers; leader: Headers };
export type Post = (path: string, headers: Headers, payload: string | FormData) => Promise<unknown>;

/** The action types of one sequence, in order (what the profile reports statements for). */
export const sequenceActions = [
  'accept',
  'complete-step 1',
  'claim 2',
  'complete-step 2',
  'approve (+ hand-on)',
  'result',
  'return',
] as const;
export type SequenceAction = (typeof sequenceActions)[number];

/** The receipt body of the benches: test-kit's complete counter receipt, with the benches' applicant. */
export const counterReceipt = (procedureCode: string, unitCode: string) =>
  counterReceiptBody(procedureCode, unitCode, {
    applicant: { fullName: 'Nguyễn Văn Thử', phone: '0909123456', idNumber: '079190000001' },
  });

/** The registration body: by post, complete, the result handed back at the counter. */
export const registrationBody = (procedureCode: string, unitCode: string) =>
  JSON.stringify({
    mode: 'submit',
    channel: 'postal',
    returnMethod: 'counter',
    procedureCode,
    receivingUnitCode: unitCode,
    applicant: { fullName: 'Trần Văn Chuỗi', phone: '0909123457', idNumber: '079190000002' },
    components: [
      { key: 'c01', state: 'present' },
      { key: 'c02', state: 'present' },
    ],
  });

const resultFile = () => {
  const form = new FormData();
  form.append('file', new Blob(['%PDF-1.7\n%%EOF'], { type: 'application/pdf' }), 'ket-qua.pdf');
  return form;
};

/** The multipart request carries its own content type: the JSON one is left out. */
const withoutJson = (h: Headers): Headers => {
  const { 'content-type': _, ...rest } = h;
  return rest;
};

/** Run one sequence on a registered dossier; `each` is called after every action (for the profile). */
export async function runSequence(
  post: Post,
  who: SequenceOfficials,
  id: string,
  each?: (action: SequenceAction) => void,
): Promise<void> {
  const u = (path: string) => `/api/dossiers/${id}/${path}`;
  const steps: Array<[SequenceAction, () => Promise<unknown>]> = [
    ['accept', () => post(u('accept'), who.reception, '{}')],
    ['complete-step 1', () => post(u('complete-step'), who.reception, '{"fromStep":1}')],
    ['claim 2', () => post(u('claim'), who.specialist, '{"stepOrder":2}')],
    ['complete-step 2', () => post(u('complete-step'), who.specialist, '{"fromStep":2}')],
    ['approve (+ hand-on)', () => post(u('approve'), who.leader, '{}')],
    ['result', () => post(u('result'), withoutJson(who.specialist), resultFile())],
    ['return', () => post(u('return'), who.reception, '{"method":"counter"}')],
  ];
  for (const [name, run] of steps) {
    await run();
    each?.(name);
  }
}

type PerType = { n: number; begins: number; ms: number; count: number; texts: Map<string, number> };

/**
 * Sequences one after another on `ids`, with the statements each action type sends, read from the bench's
 * recorder (`statements`: count per statement text, recording on): count, BEGINs, time and the texts.
 */
export async function profileSequences(
  post: Post,
  who: SequenceOfficials,
  ids: readonly string[],
  statements: ReadonlyMap<string, { n: number }>,
): Promise<Map<SequenceAction, PerType>> {
  const perType = new Map<SequenceAction, PerType>();
  const counts = () => new Map([...statements].map(([k, x]) => [k, x.n]));
  let seen = counts();
  let t = performance.now();
  for (const id of ids) {
    await runSequence(post, who, id, (action) => {
      const x = perType.get(action) ?? { n: 0, begins: 0, ms: 0, count: 0, texts: new Map() };
      const now = counts();
      for (const [k, n] of now) {
        const d = n - (seen.get(k) ?? 0);
        if (d <= 0) continue;
        x.texts.set(k, (x.texts.get(k) ?? 0) + d);
        x.n += d;
        if (/^begin/i.test(k)) x.begins += d;
      }
      seen = now;
      x.ms += performance.now() - t;
      t = performance.now();
      x.count++;
      perType.set(action, x);
    });
  }
  return perType;
}

/** The profile's lines: statements, BEGINs and time per action type (and the statements' texts). */
export function perTypeLines(perType: Map<SequenceAction, PerType>, texts: boolean): string[] {
  const lines: string[] = [];
  for (const [name, x] of perType) {
    lines.push(
      `  ${name.padEnd(20)} ${(x.n / x.count).toFixed(2)} statements, ${(x.begins / x.count).toFixed(2)} BEGIN, ${(x.ms / x.count).toFixed(1)} ms`,
    );
    if (texts) for (const [k, n] of x.texts) lines.push(`      ${(n / x.count).toFixed(2)} × ${k}`);
  }
  return lines;
}
