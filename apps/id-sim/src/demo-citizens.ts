/**
 * The demo citizens of the local identity provider (documented in the README). Their personal identification
 * numbers match the applicants of the demo dossiers, so "Hồ sơ của tôi" is not empty after sign-in.
 * Every demo citizen's password is `motcua2025`.
 */
export type DemoCitizen = {
  sub: string;
  idNumber: string;
  name: string;
  birthdate: string;
  phone: string;
  address: string;
};

export const DEMO_CITIZEN_PASSWORD = 'motcua2025';

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  {
    sub: 'vneid-sim-0001',
    idNumber: '079190001234',
    name: 'Nguyễn Thị Hoa',
    birthdate: '1990-04-12',
    phone: '0912345678',
    address: '45 Lê Thánh Tôn, Phường Bến Thành, TP Hồ Chí Minh',
  },
  {
    sub: 'vneid-sim-0002',
    idNumber: '079095004321',
    name: 'Trần Minh Khoa',
    birthdate: '1995-09-03',
    phone: '0903111222',
    address: '12 Nguyễn Huệ, Phường Bến Thành, TP Hồ Chí Minh',
  },
  {
    sub: 'vneid-sim-0003',
    idNumber: '001085009876',
    name: 'Lê Văn Bình',
    birthdate: '1985-01-20',
    phone: '0987654321',
    address: '8 Hàng Bài, Phường Hoàn Kiếm, Hà Nội',
  },
];
