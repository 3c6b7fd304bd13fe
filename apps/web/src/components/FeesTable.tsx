import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { DossierFeeView } from '@mot-cua/contracts';
import { useTranslation } from 'react-i18next';

const vnd = new Intl.NumberFormat('vi-VN');
const when = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/** The dossier's fee records (counter and online, one list): receipt number, channel, amount, when, by whom. */
export function FeesTable({ items }: { items: DossierFeeView[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="dossier-fees-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="dossier-fees-title">
          {t('citizenForms.feesTitle')}
        </Title>
        <Table.ScrollContainer minWidth={280}>
          <Table striped data-testid="dossier-fees">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('citizenForms.feeReceiptNumber')}</Table.Th>
                <Table.Th>{t('citizenForms.feeChannel')}</Table.Th>
                <Table.Th ta="right">{t('citizenForms.feeAmount')}</Table.Th>
                <Table.Th>{t('citizenForms.feePaidAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td ff="monospace">{f.receiptNumber}</Table.Td>
                  <Table.Td>
                    {t(`citizenForms.feeBy_${f.channel}`)}
                    <Text size="xs" c="dimmed">
                      {f.channel === 'counter' ? (f.collectedByName ?? '') : (f.gatewayTxnRef ?? f.orderRef ?? '')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{vnd.format(f.amountVnd)} đ</Table.Td>
                  <Table.Td>{when(f.paidAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
