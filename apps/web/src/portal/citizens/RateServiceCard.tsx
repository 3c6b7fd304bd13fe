import { Alert, Anchor, Button, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { rateMyDossier, useInvalidateMine } from '../../api/citizens.js';
import { ApiError } from '../../api/client.js';

const LEVELS = [5, 4, 3, 2, 1] as const;

/**
 * Rating the service of a returned dossier from "Hồ sơ của tôi" (once), and a way to send feedback about it. The
 * server decides whether a rating is open (`rating.canRate`).
 */
export function RateServiceCard({
  id,
  code,
  rating,
}: {
  id: string;
  code: string;
  rating: { canRate: boolean; level: number | null };
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateMine();
  const [level, setLevel] = useState<string>('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const feedback = (
    <Anchor component={Link} to={`/phan-anh?ho-so=${encodeURIComponent(code)}`} size="sm">
      {t('citizens.rate.feedback')}
    </Anchor>
  );
  if (rating.level !== null) {
    return (
      <Alert color="green" title={t('citizens.rate.title')} role="status">
        <Stack gap={4}>
          <Text size="sm">{t('citizens.rate.done', { label: t(`citizens.rate.levels.${rating.level}`) })}</Text>
          {feedback}
        </Stack>
      </Alert>
    );
  }
  if (!rating.canRate) return null;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await rateMyDossier(id, { level: Number(level), ...(comment.trim() ? { comment: comment.trim() } : {}) });
      invalidate();
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rate-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="rate-title">
          {t('citizens.rate.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('citizens.rate.hint')}
        </Text>
        <Radio.Group label={t('citizens.rate.level')} value={level} onChange={setLevel} required>
          <Stack gap="xs" mt="xs">
            {LEVELS.map((n) => (
              <Radio key={n} value={String(n)} label={t(`citizens.rate.levels.${n}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('citizens.rate.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={2000}
          autosize
          minRows={2}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Button onClick={() => void send()} disabled={!level} loading={busy}>
          {t('citizens.rate.submit')}
        </Button>
        {feedback}
      </Stack>
    </Paper>
  );
}
