import { Group, Select } from '@mantine/core';
import { GRANTABLE_ROLES, type GrantInput, type OfficialRole, type SessionInfo } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';
import { allowedUnits } from '../../api/session.js';
import { UnitPicker } from '../../components/UnitPicker.js';
import { VnDateInput } from '../../components/VnDateInput.js';

/** The roles the signed-in official may grant (never above their own), as the server's rule lists them. */
export function grantableRoles(session: SessionInfo | null | undefined): OfficialRole[] {
  const roles = new Set((session?.user.grants ?? []).flatMap((g) => GRANTABLE_ROLES[g.role]));
  return [...roles];
}

/** Where to grant by default: the first unit the official manages that is not the whole country. */
export const defaultGrantUnit = (session: SessionInfo | null | undefined) =>
  allowedUnits(session, 'user.manage').find((u) => u !== 'VN') ?? '';

/** Role, unit (by name; the nation for a national administrator) and start date of one grant. */
export function GrantFields({
  value,
  onChange,
  session,
}: {
  value: GrantInput;
  onChange: (g: GrantInput) => void;
  session: SessionInfo | null | undefined;
}) {
  const { t } = useTranslation();
  const managed = allowedUnits(session, 'user.manage');
  // One province managed: its communes (and itself) only; the server checks the jurisdiction either way.
  const province = managed.length === 1 && managed[0] !== 'VN' && managed[0]!.length === 2 ? managed[0] : undefined;
  return (
    <Group align="end" grow>
      <Select
        label={t('users.create.role')}
        required
        allowDeselect={false}
        value={value.role}
        onChange={(r) => r && onChange({ ...value, role: r as OfficialRole })}
        data={grantableRoles(session).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <UnitPicker
        label={t('users.create.unit')}
        required
        value={value.unitCode || null}
        onChange={(code) => onChange({ ...value, unitCode: code ?? '' })}
        provinceCode={province}
        extra={managed.includes('VN') ? [{ value: 'VN', label: t('scope.national') }] : []}
      />
      <VnDateInput
        label={t('users.create.validFrom')}
        value={value.validFrom ?? ''}
        onChange={(iso) => {
          const { validFrom: _v, ...rest } = value;
          onChange(iso ? { ...rest, validFrom: iso } : rest);
        }}
      />
    </Group>
  );
}
