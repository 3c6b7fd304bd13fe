import { type EformField, type EformSchema, label } from './fields.js';

/** E-forms of the civil-status procedures a commune handles most (forms of Circular 04/2024/TT-BTP, abridged). */

const GENDER = [
  { value: 'nam', label: label('Nam', 'Male') },
  { value: 'nu', label: label('Nữ', 'Female') },
];

/** Full name, date of birth, identification number and residence of one person, keys prefixed. */
export function personFields(
  prefix: string,
  who: { vi: string; en: string },
  opts: { required?: boolean; idRequired?: boolean; residence?: boolean } = {},
): EformField[] {
  const required = opts.required ?? true;
  const fields: EformField[] = [
    {
      key: `${prefix}FullName`,
      type: 'text',
      label: label(`Họ, chữ đệm, tên ${who.vi}`, `${who.en}: full name`),
      required,
      maxLength: 100,
    },
    {
      key: `${prefix}BirthDate`,
      type: 'date',
      label: label(`Ngày sinh ${who.vi}`, `${who.en}: date of birth`),
      required,
      notFuture: true,
    },
    {
      key: `${prefix}IdNumber`,
      type: 'idNumber',
      label: label(`Số định danh cá nhân ${who.vi}`, `${who.en}: personal identification number`),
      required: required && (opts.idRequired ?? true),
    },
  ];
  if (opts.residence ?? true)
    fields.push({
      key: `${prefix}Residence`,
      type: 'address',
      label: label(`Nơi cư trú ${who.vi}`, `${who.en}: place of residence`),
      required,
    });
  return fields;
}

const RELATION_TO_CHILD = [
  { value: 'me', label: label('Mẹ', 'Mother') },
  { value: 'cha', label: label('Cha', 'Father') },
  { value: 'ong_ba', label: label('Ông, bà', 'Grandparent') },
  { value: 'nguoi_than', label: label('Người thân thích khác', 'Other relative') },
  { value: 'khac', label: label('Cá nhân, tổ chức đang nuôi dưỡng', 'Person or body caring for the child') },
];

export const birthRegistration: EformSchema = {
  id: 'khai-sinh',
  version: 1,
  title: label('Tờ khai đăng ký khai sinh', 'Birth registration declaration'),
  procedureCodes: ['1.001193'],
  sections: [
    {
      key: 'child',
      title: label('Người được khai sinh', 'The child'),
      fields: [
        {
          key: 'childFullName',
          type: 'text',
          label: label('Họ, chữ đệm, tên', 'Full name'),
          required: true,
          maxLength: 100,
        },
        { key: 'childGender', type: 'select', label: label('Giới tính', 'Sex'), required: true, options: GENDER },
        {
          key: 'childBirthDate',
          type: 'date',
          label: label('Ngày, tháng, năm sinh', 'Date of birth'),
          required: true,
          notFuture: true,
        },
        {
          key: 'childBirthPlace',
          type: 'text',
          label: label('Nơi sinh', 'Place of birth'),
          required: true,
          maxLength: 300,
        },
        { key: 'childEthnicity', type: 'text', label: label('Dân tộc', 'Ethnicity'), required: true, maxLength: 50 },
        {
          key: 'childNationality',
          type: 'text',
          label: label('Quốc tịch', 'Nationality'),
          required: true,
          maxLength: 50,
        },
      ],
    },
    { key: 'mother', title: label('Người mẹ', 'Mother'), fields: personFields('mother', label('của mẹ', 'Mother')) },
    {
      key: 'father',
      title: label('Người cha (nếu có)', 'Father (if any)'),
      fields: personFields('father', label('của cha', 'Father'), { required: false }),
    },
    {
      key: 'declarant',
      title: label('Người đi khai sinh', 'The declarant'),
      fields: [
        {
          key: 'declarantRelation',
          type: 'select',
          label: label('Quan hệ với người được khai sinh', 'Relationship to the child'),
          required: true,
          options: RELATION_TO_CHILD,
        },
      ],
    },
  ],
};

export const deathRegistration: EformSchema = {
  id: 'khai-tu',
  version: 1,
  title: label('Tờ khai đăng ký khai tử', 'Death registration declaration'),
  procedureCodes: ['1.000656'],
  sections: [
    {
      key: 'deceased',
      title: label('Người đã chết', 'The deceased'),
      fields: [
        ...personFields('deceased', label('của người đã chết', 'Deceased'), { residence: false, idRequired: false }),
        { key: 'deceasedGender', type: 'select', label: label('Giới tính', 'Sex'), required: true, options: GENDER },
        {
          key: 'deceasedLastResidence',
          type: 'address',
          label: label('Nơi cư trú cuối cùng', 'Last place of residence'),
          required: true,
        },
        { key: 'deathDate', type: 'date', label: label('Ngày chết', 'Date of death'), required: true, notFuture: true },
        { key: 'deathPlace', type: 'text', label: label('Nơi chết', 'Place of death'), required: true, maxLength: 300 },
        { key: 'deathCause', type: 'text', label: label('Nguyên nhân chết', 'Cause of death'), maxLength: 300 },
      ],
    },
    {
      key: 'declarant',
      title: label('Người đi khai tử', 'The declarant'),
      fields: [
        {
          key: 'declarantRelation',
          type: 'text',
          label: label('Quan hệ với người đã chết', 'Relationship to the deceased'),
          required: true,
          maxLength: 100,
        },
      ],
    },
  ],
};

export const marriageRegistration: EformSchema = {
  id: 'ket-hon',
  version: 1,
  title: label('Tờ khai đăng ký kết hôn', 'Marriage registration declaration'),
  procedureCodes: ['1.000894'],
  sections: [
    { key: 'wife', title: label('Bên nữ', 'The bride'), fields: personFields('wife', label('bên nữ', 'Bride')) },
    {
      key: 'husband',
      title: label('Bên nam', 'The groom'),
      fields: personFields('husband', label('bên nam', 'Groom')),
    },
    {
      key: 'marriage',
      title: label('Việc kết hôn', 'The marriage'),
      fields: [
        {
          key: 'firstMarriage',
          type: 'select',
          label: label('Kết hôn lần thứ mấy (cả hai bên)', 'Which marriage is this (both parties)'),
          required: true,
          options: [
            { value: 'lan_dau', label: label('Lần đầu', 'First') },
            { value: 'khong_phai_lan_dau', label: label('Không phải lần đầu', 'Not the first') },
          ],
        },
      ],
    },
  ],
};

export const maritalStatusConfirmation: EformSchema = {
  id: 'xac-nhan-tinh-trang-hon-nhan',
  version: 1,
  title: label('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Marital status certificate request'),
  procedureCodes: ['1.004873'],
  sections: [
    {
      key: 'subject',
      title: label('Người được xác nhận', 'The person concerned'),
      fields: [
        ...personFields('subject', label('người được xác nhận', 'Person concerned')),
        {
          key: 'maritalStatus',
          type: 'select',
          label: label('Tình trạng hôn nhân', 'Marital status'),
          required: true,
          options: [
            { value: 'chua_ket_hon', label: label('Chưa đăng ký kết hôn với ai', 'Never married') },
            { value: 'dang_co_vo_chong', label: label('Đang có vợ/chồng', 'Married') },
            { value: 'da_ly_hon', label: label('Đã ly hôn, chưa kết hôn lại', 'Divorced, not remarried') },
            { value: 'goa', label: label('Vợ/chồng đã chết, chưa kết hôn lại', 'Widowed, not remarried') },
          ],
        },
        {
          key: 'purpose',
          type: 'text',
          label: label('Mục đích sử dụng', 'Purpose'),
          required: true,
          maxLength: 300,
          hint: label('Ví dụ: để đăng ký kết hôn, để vay vốn ngân hàng', 'For example: to marry, for a bank loan'),
        },
      ],
    },
  ],
};

export const civilStatusExtractCopy: EformSchema = {
  id: 'ban-sao-trich-luc',
  version: 1,
  title: label('Tờ khai cấp bản sao trích lục hộ tịch', 'Request for a copy of a civil-status extract'),
  procedureCodes: ['2.000635'],
  sections: [
    {
      key: 'record',
      title: label('Việc hộ tịch cần cấp bản sao', 'The civil-status record'),
      fields: [
        {
          key: 'recordKind',
          type: 'select',
          label: label('Loại việc hộ tịch', 'Kind of record'),
          required: true,
          options: [
            { value: 'khai_sinh', label: label('Khai sinh', 'Birth') },
            { value: 'ket_hon', label: label('Kết hôn', 'Marriage') },
            { value: 'khai_tu', label: label('Khai tử', 'Death') },
            { value: 'khac', label: label('Việc hộ tịch khác', 'Other record') },
          ],
        },
        ...personFields('subject', label('người được cấp bản sao', 'Person named in the record'), {
          residence: false,
          idRequired: false,
        }),
        {
          key: 'registrationPlace',
          type: 'text',
          label: label('Nơi đã đăng ký', 'Registered at'),
          required: true,
          maxLength: 300,
        },
        {
          key: 'registrationNumber',
          type: 'text',
          label: label('Số đăng ký (nếu biết)', 'Entry number (if known)'),
          maxLength: 50,
        },
        {
          key: 'registrationDate',
          type: 'date',
          label: label('Ngày đăng ký (nếu biết)', 'Date registered (if known)'),
          notFuture: true,
        },
        {
          key: 'copies',
          type: 'select',
          label: label('Số bản sao đề nghị cấp', 'Number of copies'),
          required: true,
          options: ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: label(n, n) })),
        },
      ],
    },
  ],
};
