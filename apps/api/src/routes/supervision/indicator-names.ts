import type { ServiceIndicatorId } from '@mot-cua/contracts';

/** Names of the 766 indicators as the exports print them (domain.md §2.1; the web app has them in i18n). */
export const INDICATOR_NAMES_VI: Record<ServiceIndicatorId, string> = {
  '1.1': 'Công bố TTHC đúng hạn',
  '1.2': 'Công khai TTHC trên CSDL quốc gia đúng hạn',
  '1.3': 'Công khai TTHC đầy đủ bộ phận cấu thành',
  '1.4': 'Hồ sơ đồng bộ lên Cổng DVCQG',
  '2.1': 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn',
  '2.2': 'Thời gian xử lý trung bình',
  '3.1': 'Thủ tục cung cấp dịch vụ công trực tuyến',
  '3.2': 'Dịch vụ trực tuyến có phát sinh hồ sơ',
  '3.3': 'Tỷ lệ hồ sơ nộp trực tuyến',
  '3.5': 'Thủ tục tích hợp thanh toán trực tuyến',
  '3.6': 'Hồ sơ thanh toán trực tuyến',
  '4.1': 'Hồ sơ có kết quả điện tử',
  '4.2': 'Hồ sơ được số hóa',
  '4.3': 'Tái sử dụng dữ liệu số hóa',
  '4.4': 'Dữ liệu từ kho dữ liệu cá nhân trên Cổng DVCQG',
  '4.5': 'Sử dụng CSDL quốc gia về dân cư (VNeID)',
  '5.2': 'Phản ánh, kiến nghị xử lý đúng hạn',
  '5.3': 'Mức độ hài lòng về xử lý phản ánh, kiến nghị',
  '5.4': 'Mức độ hài lòng về giải quyết TTHC',
};
