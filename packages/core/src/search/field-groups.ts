/**
 * The catalog's 130 procedure fields (lĩnh vực) grouped into the areas a one-stop center talks about with
 * citizens and households. Used to sample the evaluation set, to report accuracy per area and to organise the
 * everyday ↔ administrative thesaurus. Fields of specialised trades (customs, tax, banking, maritime, aviation…)
 * form no group: people rarely bring them to a commune counter.
 */
export const FIELD_GROUPS = {
  civil_status: ['Hộ tịch', 'Nuôi con nuôi', 'Quốc tịch', 'Lý lịch tư pháp'],
  certification: ['Chứng thực', 'Công chứng'],
  land: ['Đất đai', 'Tài chính đất đai', 'Đăng ký biện pháp bảo đảm', 'Đo đạc, bản đồ và thông tin địa lý'],
  construction_housing: [
    'Hoạt động xây dựng',
    'Nhà ở và công sở',
    'Kinh doanh bất động sản',
    'Quy hoạch đô thị và nông thôn',
    'Hạ tầng kỹ thuật',
    'Kiến trúc',
    'Phát triển đô thị',
    'Quản lý chất lượng công trình xây dựng',
    'Vật liệu xây dựng',
  ],
  business: [
    'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)',
    'Thành lập và hoạt động của doanh nghiệp',
    'Thành lập và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã',
    'Thành lập và hoạt động của tổ hợp tác',
    'Thành lập và hoạt động doanh nghiệp xã hội',
    'Lưu thông hàng hóa trong nước',
    'Hỗ trợ doanh nghiệp nhỏ và vừa',
    'Hỗ trợ tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã',
    'Đầu tư tại Việt nam',
    'Quản lý ngành nghề đầu tư, kinh doanh có điều kiện về an ninh, trật tự',
  ],
  social_protection: [
    'Bảo trợ xã hội',
    'Người có công',
    'Giảm nghèo',
    'Chính sách',
    'Quản lý chương trình mục tiêu quốc gia',
  ],
  insurance_labour: [
    'Thực hiện chính sách BHXH',
    'Thực hiện chính sách BHYT',
    'Chi trả các chế độ BHXH',
    'Thu BHXH, BHYT, BHTN, BH tai nạn lao động, BNN',
    'Cấp sổ BHXH, thẻ BHYT',
    'Bảo hiểm',
    'Kiểm định kỹ thuật an toàn lao động',
  ],
  residence_identity: [
    'Đăng ký, quản lý cư trú',
    'Cấp, quản lý căn cước',
    'Định danh và xác thực điện tử',
    'Quản lý xuất nhập cảnh',
  ],
  transport: [
    'Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng',
    'Sát hạch, cấp giấy phép lái xe',
    'Đường bộ',
    'Đăng kiểm',
  ],
  agriculture_environment: [
    'Nông nghiệp',
    'Trồng trọt',
    'Trồng trọt và Bảo vệ thực vật',
    'Chăn nuôi',
    'Thú y',
    'Thủy sản',
    'Lâm nghiệp',
    'Kiểm lâm',
    'Thủy lợi',
    'Tài nguyên nước',
    'Môi trường',
    'Quản lý Đê điều và Phòng, chống thiên tai',
    'Kinh tế hợp tác và Phát triển nông thôn',
  ],
  justice: [
    'Hòa giải ở cơ sở',
    'Trợ giúp pháp lý',
    'Khiếu nại, tố cáo',
    'Tòa án',
    'Bồi thường nhà nước',
    'Thi hành án dân sự',
    'Tư vấn pháp luật',
  ],
  community: [
    'Văn hóa',
    'Văn hóa cơ sở',
    'Giáo dục mầm non',
    'Tín ngưỡng, tôn giáo',
    'Thi đua, khen thưởng',
    'Tổ chức cai nghiên ma túy và quản lý sau cai nghiện',
    'Phòng cháy, chữa cháy',
    'Quản lý vũ khí, vật liệu nổ, công cụ hỗ trợ và pháo',
  ],
} as const satisfies Record<string, ReadonlyArray<string>>;

export type FieldGroup = keyof typeof FIELD_GROUPS;

const GROUP_OF = new Map<string, FieldGroup>(
  Object.entries(FIELD_GROUPS).flatMap(([g, fields]) => fields.map((f) => [f, g as FieldGroup] as const)),
);

/** The group of a catalog field, or undefined for fields outside the citizen-facing groups. */
export function fieldGroupOf(field: string): FieldGroup | undefined {
  return GROUP_OF.get(field);
}
