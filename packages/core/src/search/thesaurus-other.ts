import type { ThesaurusGroups } from './thesaurus.js';

/**
 * Everyday ↔ administrative bridges (see thesaurus.ts). Transport, agriculture and environment, justice, community
 * (weapons, fire safety, religion, festivals).
 */
export const OTHER_THESAURUS: ThesaurusGroups = {
  transport: [
    ['mua xe', 'dang ky xe|sang ten'],
    ['bien so', 'bien so xe'],
    ['sang ten xe', 'thay doi chu xe'],
    ['xe cu', 'thay doi chu xe'],
    ['taxi', 'phu hieu|kinh doanh van tai'],
    ['xe tai', 'xe o to|van tai hang hoa'],
    ['day lai xe', 'giao vien day thuc hanh lai xe'],
    ['thi bang lai', 'sat hach lai xe'],
  ],
  agriculture_environment: [
    ['dao ao', 'dao ho ao|mat nuoc'],
    ['gieng', 'nuoc duoi dat'],
    ['chat phan rung', 'khai thac rung'],
    ['nuoi ca', 'nuoi trong thuy san'],
    ['nuoi tom', 'nuoi trong thuy san'],
    ['danh ca', 'khai thac thuy san'],
    ['tau ca', 'tau ca|khai thac thuy san'],
    ['heo', 'lon|chan nuoi'],
    ['thuoc tru sau', 'thuoc bao ve thuc vat'],
    ['giong lua', 'giong cay trong'],
  ],
  justice: [
    ['hoa giai', 'hoa giai o co so|hoa giai'],
    ['tranh chap', 'hoa giai|giai quyet tranh chap'],
    ['di kien', 'khoi kien|don khoi kien'],
    ['thua kien', 'thi hanh an'],
    ['doi no theo ban an', 'thi hanh an dan su'],
    ['luat su mien phi', 'tro giup phap ly'],
    ['khieu nai', 'khieu nai'],
    ['to cao', 'to cao'],
    ['boi thuong', 'boi thuong nha nuoc'],
    ['ban an', 'ban an|ho so vu an'],
  ],
  community: [
    ['sung the thao', 'vu khi the thao'],
    ['sung quan dung', 'vu khi quan dung'],
    ['sung san', 'vu khi the thao|vu khi tho so'],
    ['dui cui', 'cong cu ho tro'],
    ['roi dien', 'cong cu ho tro'],
    ['cai nghien', 'cai nghien ma tuy'],
    ['chua chay', 'phong chay chua chay'],
    ['nha tho', 'ton giao|sinh hoat ton giao'],
    ['le hoi', 'le hoi'],
    ['khen thuong', 'giay khen|khen thuong'],
  ],
};
