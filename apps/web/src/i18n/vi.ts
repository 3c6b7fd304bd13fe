/** Vietnamese UI strings (the default language). Keys are grouped by screen. */
const vi = {
  app: {
    name: 'Một Cửa',
    tagline: 'Trung tâm phục vụ hành chính công',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    language: 'Ngôn ngữ',
  },
  nav: {
    home: 'Trang chủ',
    workspace: 'Không gian làm việc',
    login: 'Đăng nhập cán bộ',
    logout: 'Đăng xuất',
    apiDocs: 'Tài liệu API',
  },
  portal: {
    title: 'Dịch vụ công một cửa cấp xã',
    intro:
      'Tra cứu thủ tục hành chính, nộp hồ sơ tại bất kỳ trung tâm nào trong tỉnh (không phụ thuộc địa giới hành chính), theo dõi tiến độ và đánh giá chất lượng phục vụ.',
    facts: '34 tỉnh, thành phố · 3.321 xã, phường, đặc khu · từ ngày 01/7/2025',
  },
  login: {
    title: 'Đăng nhập dành cho cán bộ, công chức',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    failed: 'Không đăng nhập được',
  },
  workspace: {
    welcome: 'Xin chào, {{name}}',
    yourRoles: 'Vai trò và địa bàn phụ trách',
    empty: 'Các chức năng của vai trò này sẽ hiển thị ở đây.',
  },
  roles: {
    citizen: 'Công dân',
    reception: 'Cán bộ tiếp nhận (một cửa)',
    specialist: 'Chuyên viên xử lý',
    department_head: 'Trưởng phòng chuyên môn',
    leader: 'Lãnh đạo UBND',
    center_director: 'Giám đốc Trung tâm',
    supervisor: 'Giám sát',
    system_admin: 'Quản trị hệ thống',
  },
  scope: { national: 'Toàn quốc', unit: 'Đơn vị {{code}}' },
  common: { loading: 'Đang tải…', error: 'Có lỗi xảy ra' },
};
export default vi;
export type Messages = typeof vi;
