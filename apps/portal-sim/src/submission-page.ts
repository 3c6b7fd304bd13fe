/**
 * The simulated portal's public page: a citizen submits an online dossier for a procedure and a commune, with
 * files, a VNeID-verified flag and an online-payment flag; and looks up the statuses the province sent back.
 * Plain HTML with a small script (files are read in the browser and posted as base64 JSON).
 */
export function submissionPage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nộp hồ sơ trực tuyến — Cổng Dịch vụ công quốc gia (mô phỏng)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6fa; color: #1a1a1a; }
  header { background: #a4161a; color: #fff; padding: 12px 24px; }
  header h1 { margin: 0; font-size: 20px; }
  main { max-width: 760px; margin: 16px auto; padding: 0 16px; }
  section { background: #fff; border: 1px solid #d0d5dd; border-radius: 8px; padding: 16px 20px; margin-bottom: 16px; }
  label { display: block; margin: 10px 0 4px; font-weight: 600; }
  input[type=text], input[type=email], input[type=tel] { width: 100%; box-sizing: border-box; padding: 8px; border: 1px solid #98a2b3; border-radius: 4px; font-size: 15px; }
  .row { display: flex; gap: 12px; } .row > div { flex: 1; }
  .check { display: flex; gap: 8px; align-items: center; margin-top: 10px; font-weight: 400; }
  button { margin-top: 14px; background: #a4161a; color: #fff; border: 0; border-radius: 4px; padding: 10px 18px; font-size: 15px; cursor: pointer; }
  #result { margin-top: 12px; font-weight: 600; }
  table { border-collapse: collapse; width: 100%; margin-top: 10px; font-size: 14px; }
  th, td { border: 1px solid #d0d5dd; padding: 6px; text-align: left; }
</style>
</head>
<body>
<header><h1>Cổng Dịch vụ công quốc gia — nộp hồ sơ trực tuyến (mô phỏng)</h1></header>
<main>
<section>
<h2>Nộp hồ sơ</h2>
<form id="f">
  <div class="row">
    <div><label for="proc">Mã thủ tục hành chính</label><input type="text" id="proc" name="proc" required value="1.001193"></div>
    <div><label for="unit">Mã xã/phường nơi nộp</label><input type="text" id="unit" name="unit" required value="26743"></div>
  </div>
  <label for="name">Họ và tên chủ hồ sơ</label><input type="text" id="name" name="name" required>
  <div class="row">
    <div><label for="idn">Số định danh cá nhân</label><input type="text" id="idn" name="idn"></div>
    <div><label for="phone">Số điện thoại</label><input type="tel" id="phone" name="phone"></div>
  </div>
  <label for="email">Thư điện tử</label><input type="email" id="email" name="email">
  <label for="addr">Địa chỉ</label><input type="text" id="addr" name="addr">
  <label for="comp">Mã thành phần hồ sơ của từng tệp (theo thứ tự, cách nhau bởi dấu phẩy)</label><input type="text" id="comp" name="comp" value="c04">
  <label for="store">Thành phần lấy từ Kho dữ liệu cá nhân (mã, cách nhau bởi dấu phẩy)</label><input type="text" id="store" name="store">
  <label for="reused">Thành phần tái sử dụng dữ liệu đã số hóa (mã, cách nhau bởi dấu phẩy)</label><input type="text" id="reused" name="reused">
  <label for="files">Tệp đính kèm (PDF, PNG, JPEG)</label><input type="file" id="files" name="files" multiple accept=".pdf,.png,.jpg,.jpeg">
  <label class="check"><input type="checkbox" id="vneid"> Tài khoản đã xác thực VNeID</label>
  <label class="check"><input type="checkbox" id="paid"> Đã thanh toán trực tuyến</label>
  <button type="submit">Nộp hồ sơ</button>
  <div id="result" role="status" aria-live="polite"></div>
</form>
</section>
<section>
<h2>Tra cứu trạng thái</h2>
<label for="code">Mã hồ sơ trên Cổng</label><input type="text" id="code">
<button type="button" id="look">Tra cứu</button>
<table id="statuses"><thead><tr><th>Thời điểm nhận</th><th>Mã hồ sơ tỉnh</th><th>Trạng thái</th><th>Giấy tờ kết quả</th></tr></thead><tbody></tbody></table>
</section>
</main>
<script>
const $ = (id) => document.getElementById(id);
const readFile = (file) => new Promise((resolve, reject) => {
  const r = new FileReader();
  r.onload = () => resolve(String(r.result).split(',')[1] || '');
  r.onerror = reject;
  r.readAsDataURL(file);
});
$('f').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const files = [];
  const codes = $('comp').value.split(',').map((c) => c.trim()).filter(Boolean);
  const list = (id) => new Set($(id).value.split(',').map((c) => c.trim()).filter(Boolean));
  const store = list('store'), reused = list('reused');
  let i = 0;
  for (const file of $('files').files) {
    const code = codes[Math.min(i++, codes.length - 1)] || '';
    files.push({ TenTep: file.name, MaThanhPhan: code, LoaiTep: file.type || 'application/octet-stream', NoiDung: await readFile(file), DuocLayTuKhoDMQG: store.has(code), DuocTaiSuDung: reused.has(code) });
  }
  const body = {
    MaTTHC: $('proc').value.trim(), MaDonVi: $('unit').value.trim(),
    ChuHoSo: { HoTen: $('name').value.trim(), SoDinhDanh: $('idn').value.trim(), SoDienThoai: $('phone').value.trim(), Email: $('email').value.trim(), DiaChi: $('addr').value.trim() },
    DaXacThucVNeID: $('vneid').checked, DaThanhToanTrucTuyen: $('paid').checked, TepDinhKem: files,
  };
  const res = await fetch('/sim/dossiers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const out = await res.json();
  if (res.ok) { $('result').textContent = 'Đã nộp. Mã hồ sơ: ' + out.MaHoSoQG; $('code').value = out.MaHoSoQG; }
  else $('result').textContent = 'Không nộp được: ' + (out.issues || [out.error]).join('; ');
});
$('look').addEventListener('click', async () => {
  const res = await fetch('/sim/received?dossier=' + encodeURIComponent($('code').value.trim()));
  const out = await res.json();
  const tbody = $('statuses').querySelector('tbody');
  tbody.textContent = '';
  for (const r of out.items) {
    const tr = document.createElement('tr');
    const docs = (r.payload.DanhSachGiayToKetQua || []).map((d) => d.TenGiayTo).join(', ');
    for (const text of [new Date(r.receivedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }), r.payload.MaHoSo, r.payload.TrangThaiHoSo + ' — ' + (r.payload.TenTrangThaiHoSo || ''), docs]) {
      const td = document.createElement('td'); td.textContent = text; tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  if (!out.items.length) { const tr = document.createElement('tr'); const td = document.createElement('td'); td.colSpan = 4; td.textContent = 'Chưa có trạng thái nào.'; tr.appendChild(td); tbody.appendChild(tr); }
});
</script>
</body>
</html>`;
}
