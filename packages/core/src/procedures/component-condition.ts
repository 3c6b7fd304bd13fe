import type { ComponentCondition, DossierChannel, ProcedureComponent } from '@mot-cua/contracts';

const ALL_CHANNELS: DossierChannel[] = ['in_person', 'online', 'postal'];

/**
 * Channel cues in a component's own text: the catalog says "(nếu … nộp hồ sơ theo hình thức trực tuyến)" for
 * the interactive e-form and "(nếu … theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính)" for the
 * paper form. Only cues inside a case clause ("nếu", "trường hợp", "đối với", "khi") count: a component that
 * merely mentions the portal is not channel-bound.
 */
const CASE_CLAUSE = /(?:^|[\s(,;])(?:nếu|trường hợp|đối với|khi)\s[^()]*?(?:\)|$)/giu;
const CUES: Array<[DossierChannel, RegExp]> = [
  ['online', /trực tuyến|điện tử tương tác|qua cổng dịch vụ công/iu],
  ['in_person', /trực tiếp/iu],
  ['postal', /bưu chính/iu],
];
/** The interactive e-form exists only online, whatever the clause says. */
const ONLINE_ONLY = /mẫu hộ tịch điện tử tương tác|biểu mẫu điện tử tương tác/iu;

/**
 * The component that is the interactive e-form ("Mẫu hộ tịch điện tử tương tác…", "Mẫu điện tử tương tác cấp…"):
 * the e-form given is it.
 */
export const isInteractiveEformComponent = (name: string) =>
  /^\s*(?:biểu )?mẫu (?:hộ tịch )?điện tử tương tác/iu.test(name);

/**
 * The rows ticked for a submission that comes with its e-form (online, or filled in at the counter): the
 * interactive e-form component of the channel's checklist is handed in. Other rows are left as given.
 */
export function withEformComponentTicked<T extends { key: string; state: string }>(
  components: ReadonlyArray<{ key: string; name: string }>,
  submitted: readonly T[],
  eformGiven: boolean,
): Array<T | { key: string; state: 'present' }> {
  if (!eformGiven) return [...submitted];
  const keys = components.filter((c) => isInteractiveEformComponent(c.name)).map((c) => c.key);
  if (keys.length === 0) return [...submitted];
  const rest = submitted.filter((s) => !keys.includes(s.key));
  const kept = submitted.filter((s) => keys.includes(s.key));
  return [
    ...rest,
    ...keys.map((key) => {
      const given = kept.find((k) => k.key === key);
      return given ? { ...given, state: 'present' as const } : { key, state: 'present' as const };
    }),
  ];
}

function channelsOf(name: string): DossierChannel[] | null {
  if (ONLINE_ONLY.test(name)) return ['online'];
  const found = new Set<DossierChannel>();
  for (const clause of name.match(CASE_CLAUSE) ?? []) {
    // A clause about what is shown or uploaded for each channel ("(theo hình thức trực tiếp) hoặc tải lên
    // (theo hình thức trực tuyến)") names them all: not channel-bound.
    for (const [channel, cue] of CUES) if (cue.test(clause)) found.add(channel);
  }
  if (found.size === 0 || found.size === ALL_CHANNELS.length) return null;
  return ALL_CHANNELS.filter((c) => found.has(c));
}

/** The case a conditional component is needed in, in the catalog's words (first clause, trimmed). */
const CASE_TEXT = [
  /(?:^|[\s(])((?:trong )?trường hợp [^.;:()]+?)(?: thì | phải |[.;:()]|$)/iu,
  /\((nếu [^)]+)\)/iu,
  /(?:^|[\s(])(nếu có)(?=$|[\s).,;])/iu,
  /(?:^|\s)(đối với [^.;:,]+)/iu,
];

function caseText(c: Pick<ProcedureComponent, 'name' | 'group'>): string {
  for (const re of CASE_TEXT) {
    const m = c.name.match(re);
    if (m?.[1]) {
      const t = m[1].trim().replace(/\s+/g, ' ');
      return t.charAt(0).toUpperCase() + t.slice(1);
    }
  }
  if (c.group && /trường hợp|đối với|nếu/iu.test(c.group)) return c.group.trim();
  return 'Nếu có';
}

/**
 * When a component must be handed in, parsed from the catalog: channel-bound components first (the online
 * e-form is never required at the counter), then the parser's conditional flag with the case's text.
 */
export function componentCondition(c: Pick<ProcedureComponent, 'name' | 'group' | 'conditional'>): ComponentCondition {
  const channels = channelsOf(c.name);
  if (channels) return { kind: 'channel', text: null, channels };
  if (c.conditional) return { kind: 'if_applicable', text: caseText(c), channels: ALL_CHANNELS };
  return { kind: 'always', text: null, channels: ALL_CHANNELS };
}

export const conditionAppliesTo = (condition: ComponentCondition, channel: DossierChannel): boolean =>
  condition.channels.includes(channel);
