import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ConversionResult } from '@mot-cua/contracts';
import { vnToday } from '@mot-cua/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useConvert } from '../../api/admin-units.js';
import { ApiError } from '../../api/client.js';
import { VnDateInput } from '../../components/VnDateInput.js';

const EXAMPLES = [
  'Xã Mỹ Hưng, Huyện Thạnh Phú, Tỉnh Bến Tre',
  'p. truc bach, q. ba dinh, ha noi',
  'Số 5 phố Đội Cấn, Phường Ngọc Hà, Quận Ba Đình, Hà Nội',
  'Phường 3, TP Hồ Chí Minh',
];

const STATUS_COLOR: Record<ConversionResult['status'], string> = {
  converted: 'green',
  already_current: 'teal',
  needs_detail: 'orange',
  ambiguous: 'yellow',
  not_found: 'red',
};

function ResultView({ r }: { r: ConversionResult }) {
  const { t } = useTranslation();
  const pct = Math.round(r.confidence * 100);
  const partial = r.candidates.filter((c) => c.share === 'partial');
  const top = r.candidates[0];
  return (
    <Card withBorder aria-live="polite" data-status={r.status}>
      <Stack>
        <Group justify="space-between">
          <Title order={3}>{t('adminUnits.convert.result')}</Title>
          <Badge size="lg" color={STATUS_COLOR[r.status]}>
            {t(`adminUnits.convert.status.${r.status}`)}
          </Badge>
        </Group>
        {top && r.status !== 'needs_detail' && r.status !== 'not_found' && r.warnings.length === 0 && (
          <Text size="lg" fw={600} data-testid="convert-top">
            {top.newUnit.fullName}, {top.newProvince.fullName}
          </Text>
        )}
        <div>
          <Text size="sm" id="confidence-label">
            {t('adminUnits.convert.confidence')}: {pct}%
          </Text>
          <Progress
            value={pct}
            color={STATUS_COLOR[r.status]}
            aria-labelledby="confidence-label"
            aria-valuenow={pct}
            mt={4}
          />
        </div>
        {r.status === 'needs_detail' && (
          <Alert color="orange" title={t('adminUnits.convert.status.needs_detail')}>
            {t('adminUnits.convert.needsDetail', { count: partial.length || r.candidates.length })}
            {r.detail && <Text size="sm">{t('adminUnits.convert.detailGiven', { detail: r.detail })}</Text>}
          </Alert>
        )}
        {r.warnings.map((w) => (
          <Alert
            key={`${w.code}:${w.district.code}`}
            color="orange"
            title={t('adminUnits.convert.districtMismatchTitle')}
            data-warning={w.code}
          >
            {t('adminUnits.convert.districtMismatch', {
              district: w.district.fullName,
              province: w.province ? ` (${w.province.fullName})` : '',
              commune: w.communeName,
            })}
          </Alert>
        ))}
        {r.status === 'ambiguous' && r.warnings.length === 0 && (
          <Alert color="yellow">{t('adminUnits.convert.ambiguous')}</Alert>
        )}
        {r.status === 'not_found' && <Alert color="red">{t('adminUnits.convert.notFound')}</Alert>}
        {r.status === 'already_current' && <Alert color="teal">{t('adminUnits.convert.alreadyCurrent')}</Alert>}
        {r.candidates.length > 0 && (
          <>
            <Title order={4}>{t('adminUnits.convert.candidates')}</Title>
            <Table.ScrollContainer minWidth={720}>
              <Table striped fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('adminUnits.convert.rank')}</Table.Th>
                    <Table.Th>{t('adminUnits.convert.newCommune')}</Table.Th>
                    <Table.Th>{t('adminUnits.convert.newProvince')}</Table.Th>
                    <Table.Th>{t('adminUnits.convert.oldUnits')}</Table.Th>
                    <Table.Th>{t('adminUnits.convert.share')}</Table.Th>
                    <Table.Th>{t('adminUnits.convert.score')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.candidates.map((c, i) => (
                    <Table.Tr key={`${c.oldCommune?.code ?? c.oldDistrict?.code ?? ''}>${c.newUnit.code}`}>
                      <Table.Td>{i + 1}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/units?code=${c.newUnit.code}`}>
                          {c.newUnit.fullName}
                        </Anchor>{' '}
                        <Text span size="xs" c="dimmed">
                          {c.newUnit.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>{c.newProvince.fullName}</Table.Td>
                      <Table.Td>
                        {[c.oldCommune, c.oldDistrict, c.oldProvince]
                          .filter((x) => x)
                          .map((x) => x!.fullName)
                          .join(', ') || '—'}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={c.share === 'partial' ? 'orange' : 'gray'}>
                          {t(`adminUnits.share.${c.share}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{Math.round(c.score * 100)}%</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Public page: an old address (or old commune code) → the new commune and province, with ranked candidates. */
export function AddressConvertPage() {
  const { t } = useTranslation();
  const [address, setAddress] = useState('');
  const [oldCode, setOldCode] = useState('');
  const [onDate, setOnDate] = useState(vnToday());
  const convert = useConvert();
  const run = (a: string, code: string) => {
    const body = code.trim() ? { oldCode: code.trim() } : { address: a.trim() };
    if (!body.address && !body.oldCode) return;
    convert.mutate({ ...body, onDate });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(address, oldCode);
  };
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={2}>{t('adminUnits.convert.title')}</Title>
        <Text c="dimmed">{t('adminUnits.convert.intro')}</Text>
        <form onSubmit={submit}>
          <Stack>
            <Textarea
              label={t('adminUnits.convert.address')}
              placeholder={t('adminUnits.convert.addressPlaceholder')}
              value={address}
              onChange={(e) => {
                setAddress(e.currentTarget.value);
                if (e.currentTarget.value) setOldCode('');
              }}
              autosize
              minRows={2}
              maxLength={500}
            />
            <Group align="end">
              <TextInput
                label={t('adminUnits.convert.oldCode')}
                placeholder="00013"
                value={oldCode}
                onChange={(e) => setOldCode(e.currentTarget.value.replace(/\D/g, '').slice(0, 5))}
                w={180}
                inputMode="numeric"
              />
              <VnDateInput label={t('adminUnits.onDate')} value={onDate} onChange={setOnDate} w={180} />
              <Button type="submit" loading={convert.isPending}>
                {t('adminUnits.convert.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('adminUnits.convert.examples')}:
          </Text>
          {EXAMPLES.map((ex) => (
            <Button
              key={ex}
              size="compact-sm"
              variant="light"
              onClick={() => {
                setAddress(ex);
                setOldCode('');
                run(ex, '');
              }}
            >
              {ex}
            </Button>
          ))}
        </Group>
        {convert.isError && (
          <Alert color="red">
            {convert.error instanceof ApiError ? convert.error.problem.detail : t('common.error')}
          </Alert>
        )}
        {convert.data && <ResultView r={convert.data} />}
      </Stack>
    </Container>
  );
}
