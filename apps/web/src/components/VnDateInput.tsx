import { TextInput } from '@mantine/core';
import { formatVnDay, parseVnDay } from '@mot-cua/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A day typed the Vietnamese way, dd/mm/yyyy, whatever the browser's language (a native date field shows
 * mm/dd/yyyy on an English system). `value` and `onChange` speak ISO 'YYYY-MM-DD' ('' when empty); an entry that is
 * not a real day is shown as an error and not passed on.
 */
export function VnDateInput(p: {
  label?: string;
  'aria-label'?: string;
  id?: string;
  description?: string | undefined;
  /** An error from outside (the form's validation); a typed non-day shows its own first. */
  error?: string | undefined;
  withAsterisk?: boolean;
  /** The last day allowed (ISO); a later day shows an error and is not passed on. */
  max?: string | undefined;
  value: string;
  onChange: (iso: string) => void;
  w?: number | string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatVnDay(p.value));
  const [invalid, setInvalid] = useState<'' | 'day' | 'late'>('');
  // A value set from outside (a link, a reset) replaces what is shown, unless it is what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the value changes; the text is only read
  useEffect(() => {
    if (parseVnDay(text) !== (p.value || null)) setText(formatVnDay(p.value));
  }, [p.value]);
  const commit = (s: string) => {
    if (s.trim() === '') {
      setInvalid('');
      p.onChange('');
      return;
    }
    const iso = parseVnDay(s);
    const late = iso !== null && p.max !== undefined && iso > p.max;
    setInvalid(iso === null ? 'day' : late ? 'late' : '');
    if (iso && !late) p.onChange(iso);
  };
  return (
    <TextInput
      label={p.label}
      aria-label={p['aria-label']}
      id={p.id}
      description={p.description}
      withAsterisk={p.withAsterisk}
      placeholder={t('common.datePlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      value={text}
      required={p.required}
      w={p.w ?? 140}
      error={
        invalid === 'day'
          ? t('common.dateInvalid')
          : invalid === 'late'
            ? t('common.dateTooLate', { max: formatVnDay(p.max) })
            : p.error
      }
      onChange={(e) => {
        const s = e.currentTarget.value;
        setText(s);
        if (parseVnDay(s) || s.trim() === '') commit(s);
      }}
      onBlur={(e) => {
        const s = e.currentTarget.value;
        commit(s);
        const iso = parseVnDay(s);
        if (iso) setText(formatVnDay(iso));
      }}
    />
  );
}
