import type { Page } from 'playwright-core';

/** Sign a demo citizen in through the local identity provider's own page (standing in for VNeID). */
export async function citizenSignIn(page: Page, baseUrl: string, idNumber: string) {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.getByLabel('Số định danh cá nhân').fill(idNumber);
  await page.getByLabel('Mật khẩu').fill('motcua2025');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${baseUrl}/ho-so-cua-toi`);
}
