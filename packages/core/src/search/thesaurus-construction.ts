import type { ThesaurusGroups } from './thesaurus.js';

/**
 * Everyday ↔ administrative bridges (see thesaurus.ts). Construction and housing (Construction Law 2014/2020,
 * Architecture Law 2019, Housing Law 2023, Law on Real Estate Business 2023).
 */
export const CONSTRUCTION_THESAURUS: ThesaurusGroups = {
  construction_housing: [
    ['xay nha', 'giay phep xay dung|nha o rieng le'],
    ['nha cap 4', 'cong trinh cap iv'],
    ['nha cap bon', 'cong trinh cap iv'],
    ['sua nha', 'sua chua cai tao'],
    ['nang tang', 'sua chua cai tao'],
    ['doi nha', 'di doi cong trinh'],
    ['chat cay', 'chat ha cay xanh'],
    ['nha tap the', 'nha o cu thuoc tai san cong'],
    ['nha nha nuoc', 'nha o thuoc tai san cong'],
    // Housing Law 2023: "nhà ở thuộc sở hữu nhà nước" (Housing Law 2014) is now "nhà ở thuộc tài sản công".
    ['so huu nha nuoc', 'tai san cong'],
    // Housing Law 2023 art. 45: "nhà ở công vụ" (everyday "nhà công vụ")
    ['nha cong vu', 'nha o cong vu'],
    ['nha xa hoi', 'nha o xa hoi'],
    ['moi gioi nha dat', 'moi gioi bat dong san'],
    // Session 7 (task 18g): Construction Law 2014/2020 art. 89–98 (giấy phép xây dựng mới, sửa chữa, cải tạo, di
    // dời, gia hạn, điều chỉnh, cấp lại), art. 148–149 (chứng chỉ hành nghề), Architecture Law 2019 art. 28, Law on
    // Real Estate Business 2023 (sàn giao dịch, môi giới), Housing Law 2023 (nhà chung cư, nhà ở của tổ chức, cá
    // nhân nước ngoài): everyday words for the catalog's terms.
    ['xin phep xay', 'giay phep xay dung'],
    // Construction Law art. 98: a licensed work whose design changes needs the licence adjusted ("điều chỉnh giấy phép")
    ['dieu chinh thiet ke', 'dieu chinh giay phep xay dung'],
    ['thay doi thiet ke', 'dieu chinh giay phep xay dung'],
    ['xay them tang', 'sua chua cai tao'],
    ['coi noi', 'sua chua cai tao'],
    ['noi tang', 'sua chua cai tao'],
    ['cai tao nha', 'sua chua cai tao'],
    ['dich nha', 'di doi cong trinh'],
    ['di chuyen nha', 'di doi cong trinh'],
    ['chung cu', 'nha chung cu'],
    ['nha cu cua nha nuoc', 'nha o cu thuoc tai san cong'],
    ['chung chi xay dung', 'chung chi hanh nghe hoat dong xay dung'],
    ['chung chi kien truc', 'chung chi hanh nghe kien truc'],
    ['kien truc su', 'chung chi hanh nghe kien truc'],
    ['moi gioi', 'moi gioi bat dong san'],
    ['san nha dat', 'san giao dich bat dong san'],
    ['san bat dong san', 'san giao dich bat dong san'],
    ['nha dat', 'bat dong san'],
    ['nguoi nuoc ngoai mua nha', 'so huu nha o tai viet nam'],
  ],
};
