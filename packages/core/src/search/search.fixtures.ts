import type { CatalogProcedure, ProcedureLevel } from '@mot-cua/contracts';

/** A small catalog for unit tests: real names and codes, only the fields search reads filled in. */
export function procedure(p: {
  code: string;
  name: string;
  field: string;
  levels: ProcedureLevel[];
  results?: string[];
  components?: string[];
  onlineServiceLevel?: CatalogProcedure['onlineServiceLevel'];
}): CatalogProcedure {
  return {
    code: p.code,
    name: p.name,
    decisionNumber: '163/QĐ-BTP',
    sourceUrl: `https://dichvucong.gov.vn/p/${p.code}`,
    agency: 'bo-tu-phap',
    agencyName: 'Bộ Tư pháp',
    field: p.field,
    levels: p.levels,
    type: null,
    applicantTypes: ['Công dân Việt Nam'],
    competentAgency: 'Ủy ban nhân dân cấp xã',
    implementingAgency: null,
    authorizedAgency: null,
    coordinatingAgency: null,
    receivingAddress: null,
    steps: [],
    channels: [
      {
        kind: 'in_person',
        duration: { value: 3, unit: 'working_days' },
        durationText: '3 Ngày làm việc',
        fees: [{ kind: 'free', amount: null, currency: null, note: null, setByProvincialCouncil: false }],
        description: null,
        needsReview: false,
      },
    ],
    timeLimit: { value: 3, unit: 'working_days' },
    components: (p.components ?? ['Tờ khai']).map((name, i) => ({
      key: `c${String(i + 1).padStart(2, '0')}`,
      group: null,
      name,
      originals: 1,
      copies: 0,
      forms: [],
      conditional: false,
      presentOnly: false,
      needsReview: false,
    })),
    componentNotes: [],
    conditions: null,
    legalBasis: [],
    results: (p.results ?? []).map((name) => ({ name, code: null })),
    onlineServiceLevel: p.onlineServiceLevel ?? 'partial',
    relatedProcedures: null,
    origin: 'crawl',
    curationNote: null,
    needsReview: false,
    review: [],
  };
}

export const fixtureCatalog: CatalogProcedure[] = [
  procedure({
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    levels: ['commune'],
    results: ['Giấy khai sinh'],
    components: ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'],
  }),
  procedure({
    code: '2.000528',
    name: 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài',
    field: 'Hộ tịch',
    levels: ['commune'],
    results: ['Giấy khai sinh'],
  }),
  procedure({
    code: '1.004884',
    name: 'Thủ tục đăng ký lại khai sinh',
    field: 'Hộ tịch',
    levels: ['commune'],
    results: ['Giấy khai sinh'],
  }),
  procedure({
    code: '2.000635',
    name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
    field: 'Hộ tịch',
    levels: ['province', 'commune'],
  }),
  procedure({ code: '1.000894', name: 'Thủ tục đăng ký kết hôn', field: 'Hộ tịch', levels: ['commune'] }),
  procedure({ code: '1.004222', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú', levels: ['commune'] }),
  procedure({ code: '1.004194', name: 'Đăng ký tạm trú', field: 'Đăng ký, quản lý cư trú', levels: ['commune'] }),
  procedure({
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
    levels: ['ministry', 'commune'],
    results: ['Giấy chứng nhận đăng ký hộ kinh doanh'],
  }),
  procedure({
    code: '2.000720',
    name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    field: 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
    levels: ['ministry', 'commune'],
  }),
  // Province-level procedures that share words with the everyday commune ones.
  procedure({
    code: '1.012786',
    name: 'Cấp lại Giấy chứng nhận do bị mất',
    field: 'Đất đai',
    levels: ['province'],
  }),
  procedure({
    code: '2.001899',
    name: 'Đăng ký thành lập doanh nghiệp tư nhân',
    field: 'Thành lập và hoạt động của doanh nghiệp',
    levels: ['province'],
  }),
  procedure({
    code: '1.014061',
    name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
    field: 'Cấp, quản lý căn cước',
    levels: ['commune'],
  }),
  procedure({
    code: '1.013978',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất lần đầu',
    field: 'Đất đai',
    levels: ['commune'],
  }),
];
