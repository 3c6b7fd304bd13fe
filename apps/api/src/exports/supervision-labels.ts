/** What the supervision tables' subtitles and cells say in Vietnamese: the period, the scope's level, the channel. */

export const vnDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
export const period = (from: string, to: string) => `Từ ${vnDay(from)} đến ${vnDay(to)}`;

export const LEVEL_VI = {
  nation: 'Toàn quốc',
  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường',
  unit: 'Đơn vị',
} as const;
export const BY_VI = { received_unit: 'theo đơn vị tiếp nhận', current_unit: 'theo đơn vị hiện nay' } as const;
export const CHANNEL_VI: Record<string, string> = { in_person: 'Trực tiếp', online: 'Trực tuyến', postal: 'Bưu chính' };
