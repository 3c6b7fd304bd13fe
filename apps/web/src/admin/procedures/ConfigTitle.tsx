import { Title } from '@mantine/core';
import { useUnitNames } from '../../api/admin-units.js';
import { useProcedure } from '../../api/procedures.js';

/** "Quy trình nội bộ · Thủ tục đăng ký khai sinh (1.001193) · Phường Bến Thành (26743)": names first, codes after. */
export function ConfigTitle({ title, code, unitCode }: { title: string; code: string; unitCode: string }) {
  const procedure = useProcedure(code);
  const unitName = useUnitNames([unitCode]);
  const name = procedure.data?.procedure.name;
  return (
    <Title order={2}>
      {title} · {name ? `${name} (${code})` : code} ·{' '}
      {unitCode === 'VN' ? unitCode : `${unitName(unitCode)} (${unitCode})`}
    </Title>
  );
}
