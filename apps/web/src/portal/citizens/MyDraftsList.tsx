import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { discardDraft, useMyDrafts } from '../../api/citizen-drafts.js';
import { vnDateTime } from '../../api/dossiers.js';

/** "Hồ sơ của tôi": the drafts not yet sent, to continue (on this or another device) or delete. */
export function MyDraftsList() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useMyDrafts();
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="my-drafts-title">
      <Title order={3} size="h4" id="my-drafts-title">
        {t('citizenForms.myDrafts')}
      </Title>
      {items.map((d) => (
        <Paper key={d.id} withBorder p="sm" radius="md" component="article">
          <Stack gap={4}>
            <Anchor component={Link} to={`/nop-truc-tuyen/${d.procedureCode}`} fw={600}>
              {d.procedureName ?? d.procedureCode}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('citizenForms.draftUpdated', { when: vnDateTime(d.updatedAt), until: vnDateTime(d.expiresAt) })}
              {d.files.length > 0 && ` · ${t('citizenForms.draftFiles', { count: d.files.length })}`}
            </Text>
            <Group gap="xs">
              <Button component={Link} to={`/nop-truc-tuyen/${d.procedureCode}`} size="xs">
                {t('citizenForms.resumeDraft')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={async () => {
                  await discardDraft(d.procedureCode);
                  qc.removeQueries({ queryKey: ['citizen', 'draft', d.procedureCode] });
                  await qc.invalidateQueries({ queryKey: ['citizen', 'drafts'] });
                }}
              >
                {t('citizenForms.discardDraft')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
