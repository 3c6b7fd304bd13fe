import type { ThesaurusGroups } from './thesaurus.js';

/**
 * Everyday ↔ administrative bridges (see thesaurus.ts). Business (Enterprise Law 2020, Law on Cooperatives 2023,
 * Investment Law 2020, Decree 168/2025 on business registration).
 */
export const BUSINESS_THESAURUS: ThesaurusGroups = {
  business: [
    ['mo quan', 'ho kinh doanh'],
    ['mo tiem', 'ho kinh doanh'],
    ['mo cua hang', 'ho kinh doanh'],
    ['buon ban', 'ho kinh doanh'],
    ['ban hang', 'ho kinh doanh'],
    ['giay phep kinh doanh', 'giay chung nhan dang ky ho kinh doanh|giay chung nhan dang ky doanh nghiep'],
    ['mo cong ty', 'dang ky thanh lap doanh nghiep|dang ky thanh lap cong ty'],
    ['cong ty', 'doanh nghiep'],
    ['dong cua cong ty', 'giai the doanh nghiep'],
    ['nghi ban', 'tam ngung kinh doanh'],
    ['ban ruou', 'ban le ruou'],
    ['ban thuoc la', 'ban le san pham thuoc la'],
    ['mo chi nhanh', 'dang ky hoat dong chi nhanh'],
    ['gop von', 'von gop'],
    // Enterprise Law 2020, art. 80 and 202: a one-member company that admits a member becomes a multi-member one.
    ['them nguoi gop von', 'chuyen doi cong ty trach nhiem huu han mot thanh vien'],
    ['them thanh vien', 'chuyen doi cong ty trach nhiem huu han mot thanh vien|thay doi thanh vien'],
    ['ban cong ty', 'chuyen nhuong doanh nghiep tu nhan|thay doi chu so huu'],
    // Session 7 (task 18g): Enterprise Law 2020 and Decree 168/2025 on business registration (đổi tên, địa chỉ
    // trụ sở chính, người đại diện theo pháp luật, vốn điều lệ, ngành nghề kinh doanh, tạm ngừng / tiếp tục kinh
    // doanh, địa điểm kinh doanh, chuyển đổi hộ kinh doanh thành doanh nghiệp), Investment Law 2020 (giấy chứng
    // nhận đăng ký đầu tư): everyday words for the catalog's terms.
    ['doi ten cong ty', 'doi ten cua doanh nghiep'],
    ['doi dia chi cong ty', 'dia chi tru so chinh'],
    ['chuyen tru so', 'dia chi tru so chinh'],
    ['doi tru so', 'dia chi tru so chinh'],
    ['doi giam doc', 'nguoi dai dien theo phap luat'],
    ['tang von', 'thay doi von dieu le'],
    ['giam von', 'thay doi von dieu le'],
    ['them nganh', 'thay doi nganh nghe kinh doanh'],
    ['bo sung nganh', 'thay doi nganh nghe kinh doanh'],
    ['doi nganh', 'thay doi nganh nghe kinh doanh'],
    ['kinh doanh lai', 'tiep tuc kinh doanh'],
    ['mo cua lai', 'tiep tuc kinh doanh'],
    ['dep tiem', 'cham dut hoat dong ho kinh doanh'],
    ['dep quan', 'cham dut hoat dong ho kinh doanh'],
    ['len doanh nghiep', 'chuyen doi ho kinh doanh thanh doanh nghiep'],
    ['chuyen len cong ty', 'chuyen doi ho kinh doanh thanh doanh nghiep'],
    ['chuyen thanh cong ty', 'chuyen doi ho kinh doanh thanh doanh nghiep'],
    ['mo them cua hang', 'dia diem kinh doanh'],
    ['mo them diem ban', 'dia diem kinh doanh'],
    ['giay phep dau tu', 'giay chung nhan dang ky dau tu'],
  ],
};
