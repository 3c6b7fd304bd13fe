import { FEEDBACK_KINDS, type FeedbackKind } from '@mot-cua/contracts';

/** The services of the GeoReport API: one per kind of feedback. */
export const OPEN311_SERVICES: ReadonlyArray<{
  code: FeedbackKind;
  name: string;
  description: string;
  keywords: string;
}> = [
  {
    code: 'question',
    name: 'Hỏi đáp thủ tục hành chính',
    description: 'Câu hỏi về thủ tục, giấy tờ, phí, thời hạn',
    keywords: 'hỏi đáp,thủ tục,hướng dẫn',
  },
  {
    code: 'complaint',
    name: 'Phản ánh, khiếu nại',
    description: 'Phản ánh về việc giải quyết hồ sơ, thái độ, trễ hẹn',
    keywords: 'phản ánh,trễ hẹn,thái độ',
  },
  {
    code: 'suggestion',
    name: 'Kiến nghị, góp ý',
    description: 'Kiến nghị cải tiến thủ tục và cách phục vụ',
    keywords: 'kiến nghị,góp ý,cải tiến',
  },
  {
    code: 'report',
    name: 'Báo tin tại địa bàn',
    description: 'Báo tin về một sự việc tại địa bàn xã, phường (có vị trí, ảnh)',
    keywords: 'báo tin,địa bàn,hiện trường',
  },
];
export const OPEN311_GROUP = 'Phản ánh, kiến nghị (PAKN)';

export const isFeedbackKind = (s: string): s is FeedbackKind => (FEEDBACK_KINDS as readonly string[]).includes(s);
