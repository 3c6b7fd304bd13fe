import { personFields } from './civil-status.js';
import { type EformSchema, label } from './fields.js';

/** E-forms of the certification, residence, household-business and land procedures a commune sees most. */

const COPIES = ['1', '2', '3', '4', '5', '10'].map((n) => ({ value: n, label: label(n, n) }));

export const copyCertification: EformSchema = {
  id: 'chung-thuc-ban-sao',
  version: 1,
  title: label('Yêu cầu chứng thực bản sao từ bản chính', 'Request to certify copies from the original'),
  procedureCodes: ['2.000815'],
  sections: [
    {
      key: 'documents',
      title: label('Giấy tờ cần chứng thực', 'Documents to certify'),
      fields: [
        {
          key: 'documents',
          type: 'group',
          label: label('Giấy tờ', 'Document'),
          required: true,
          max: 20,
          fields: [
            { key: 'name', type: 'text', label: label('Tên giấy tờ', 'Document'), required: true, maxLength: 200 },
            { key: 'issuer', type: 'text', label: label('Cơ quan cấp', 'Issued by'), required: true, maxLength: 200 },
            { key: 'copies', type: 'select', label: label('Số bản', 'Copies'), required: true, options: COPIES },
          ],
        },
      ],
    },
  ],
};

export const signatureCertification: EformSchema = {
  id: 'chung-thuc-chu-ky',
  version: 1,
  title: label('Yêu cầu chứng thực chữ ký', 'Request to certify a signature'),
  procedureCodes: ['2.000884'],
  sections: [
    {
      key: 'signature',
      title: label('Chữ ký cần chứng thực', 'The signature'),
      fields: [
        ...personFields('signer', label('người ký', 'Signer'), { residence: false }),
        {
          key: 'documentTitle',
          type: 'text',
          label: label('Tên giấy tờ, văn bản', 'Document title'),
          required: true,
          maxLength: 300,
        },
        {
          key: 'signingMethod',
          type: 'select',
          label: label('Hình thức', 'Method'),
          required: true,
          options: [
            { value: 'ky', label: label('Ký', 'Signature') },
            { value: 'diem_chi', label: label('Điểm chỉ', 'Fingerprint') },
            {
              value: 'khong_the_ky',
              label: label('Không thể ký, không thể điểm chỉ', 'Unable to sign or fingerprint'),
            },
          ],
        },
        { key: 'copies', type: 'select', label: label('Số bản', 'Copies'), required: true, options: COPIES },
      ],
    },
  ],
};

export const permanentResidence: EformSchema = {
  id: 'dang-ky-thuong-tru',
  version: 1,
  title: label('Tờ khai thay đổi thông tin cư trú (đăng ký thường trú)', 'Residence declaration (permanent residence)'),
  procedureCodes: ['1.004222'],
  sections: [
    {
      key: 'residence',
      title: label('Nơi đăng ký thường trú', 'Permanent residence'),
      fields: [
        {
          key: 'newResidence',
          type: 'address',
          label: label('Địa chỉ đăng ký thường trú', 'Address to register'),
          required: true,
        },
        {
          key: 'previousResidence',
          type: 'address',
          label: label('Nơi thường trú trước đây', 'Previous permanent residence'),
        },
        {
          key: 'housingBasis',
          type: 'select',
          label: label('Chỗ ở hợp pháp', 'Lawful dwelling'),
          required: true,
          options: [
            { value: 'so_huu', label: label('Thuộc quyền sở hữu của mình', 'Own property') },
            { value: 'thue_muon', label: label('Thuê, mượn, ở nhờ', 'Rented, borrowed or lodging') },
            { value: 've_o_voi_nguoi_than', label: label('Về ở với người thân', 'Living with relatives') },
          ],
        },
        { key: 'headFullName', type: 'text', label: label('Họ tên chủ hộ', 'Head of household'), maxLength: 100 },
        {
          key: 'headIdNumber',
          type: 'idNumber',
          label: label('Số định danh cá nhân của chủ hộ', "Head of household's identification number"),
        },
        {
          key: 'relationToHead',
          type: 'text',
          label: label('Quan hệ với chủ hộ', 'Relationship to the head'),
          maxLength: 50,
        },
        {
          key: 'members',
          type: 'group',
          label: label('Người cùng thay đổi', 'Person moving too'),
          max: 10,
          fields: [
            {
              key: 'fullName',
              type: 'text',
              label: label('Họ, chữ đệm, tên', 'Full name'),
              required: true,
              maxLength: 100,
            },
            {
              key: 'birthDate',
              type: 'date',
              label: label('Ngày sinh', 'Date of birth'),
              required: true,
              notFuture: true,
            },
            { key: 'idNumber', type: 'idNumber', label: label('Số định danh cá nhân', 'Identification number') },
            {
              key: 'relation',
              type: 'text',
              label: label('Quan hệ với chủ hộ', 'Relationship to the head'),
              required: true,
              maxLength: 50,
            },
          ],
        },
      ],
    },
  ],
};

export const householdBusiness: EformSchema = {
  id: 'thanh-lap-ho-kinh-doanh',
  version: 1,
  title: label('Giấy đề nghị đăng ký hộ kinh doanh', 'Household business registration request'),
  procedureCodes: ['1.001612'],
  sections: [
    {
      key: 'business',
      title: label('Hộ kinh doanh', 'The business'),
      fields: [
        {
          key: 'businessName',
          type: 'text',
          label: label('Tên hộ kinh doanh', 'Business name'),
          required: true,
          maxLength: 200,
        },
        {
          key: 'businessAddress',
          type: 'address',
          label: label('Địa điểm kinh doanh', 'Business premises'),
          required: true,
        },
        {
          key: 'businessLines',
          type: 'text',
          label: label('Ngành, nghề kinh doanh', 'Lines of business'),
          required: true,
          multiline: true,
          maxLength: 1000,
        },
        {
          key: 'capitalVnd',
          type: 'text',
          label: label('Vốn kinh doanh (đồng)', 'Capital (VND)'),
          required: true,
          pattern: 'digits',
          maxLength: 15,
        },
        {
          key: 'employees',
          type: 'text',
          label: label('Số lượng lao động', 'Number of workers'),
          pattern: 'digits',
          maxLength: 6,
        },
      ],
    },
    {
      key: 'owner',
      title: label('Chủ hộ kinh doanh', 'The owner'),
      fields: personFields('owner', label('của chủ hộ', 'Owner')),
    },
  ],
};

export const firstLandRegistration: EformSchema = {
  id: 'dang-ky-dat-dai-lan-dau',
  version: 1,
  title: label(
    'Đơn đăng ký đất đai, tài sản gắn liền với đất (lần đầu)',
    'First registration of land and attached assets',
  ),
  procedureCodes: ['1.013978'],
  sections: [
    {
      key: 'user',
      title: label('Người sử dụng đất', 'The land user'),
      fields: personFields('user', label('người sử dụng đất', 'Land user')),
    },
    {
      key: 'parcel',
      title: label('Thửa đất', 'The parcel'),
      fields: [
        { key: 'mapSheet', type: 'text', label: label('Tờ bản đồ số', 'Map sheet no.'), required: true, maxLength: 20 },
        { key: 'parcelNumber', type: 'text', label: label('Thửa đất số', 'Parcel no.'), required: true, maxLength: 20 },
        { key: 'parcelAddress', type: 'address', label: label('Địa chỉ thửa đất', 'Parcel address'), required: true },
        {
          key: 'areaM2',
          type: 'text',
          label: label('Diện tích (m²)', 'Area (m²)'),
          required: true,
          pattern: 'decimal',
          maxLength: 15,
        },
        {
          key: 'landUse',
          type: 'select',
          label: label('Mục đích sử dụng', 'Land use'),
          required: true,
          options: [
            { value: 'ONT', label: label('Đất ở tại nông thôn (ONT)', 'Rural residential (ONT)') },
            { value: 'ODT', label: label('Đất ở tại đô thị (ODT)', 'Urban residential (ODT)') },
            { value: 'CLN', label: label('Đất trồng cây lâu năm (CLN)', 'Perennial crops (CLN)') },
            { value: 'LUA', label: label('Đất trồng lúa (LUA)', 'Rice (LUA)') },
            { value: 'HNK', label: label('Đất trồng cây hằng năm khác (HNK)', 'Other annual crops (HNK)') },
          ],
        },
        {
          key: 'useSince',
          type: 'date',
          label: label('Thời điểm bắt đầu sử dụng', 'In use since'),
          required: true,
          notFuture: true,
        },
        {
          key: 'useOrigin',
          type: 'text',
          label: label('Nguồn gốc sử dụng', 'Origin of use'),
          required: true,
          maxLength: 300,
        },
        {
          key: 'assets',
          type: 'group',
          label: label('Tài sản gắn liền với đất', 'Attached asset'),
          max: 10,
          fields: [
            { key: 'kind', type: 'text', label: label('Loại tài sản', 'Kind'), required: true, maxLength: 100 },
            {
              key: 'floorAreaM2',
              type: 'text',
              label: label('Diện tích sàn (m²)', 'Floor area (m²)'),
              pattern: 'decimal',
              maxLength: 15,
            },
          ],
        },
      ],
    },
  ],
};
