import { z } from 'zod';
import { type EformAddress, type EformField, type EformSchema, type Label, label } from './fields.js';

/** An e-form as read by people: its sections, each a list of label → value in both languages (empty fields left out). */
export const EformView = z
  .object({
    schemaId: z.string(),
    version: z.number().int(),
    title: z.object({ vi: z.string(), en: z.string() }),
    sections: z.array(
      z.object({
        title: z.object({ vi: z.string(), en: z.string() }),
        rows: z.array(
          z.object({
            field: z.string(),
            label: z.object({ vi: z.string(), en: z.string() }),
            value: z.object({ vi: z.string(), en: z.string() }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'EformView' });
export type EformView = z.infer<typeof EformView>;

const same = (s: string): Label => label(s, s);
const isAddress = (v: unknown): v is EformAddress => typeof v === 'object' && v !== null && 'street' in v;

function leafValue(f: EformField, v: unknown): Label | null {
  if (v === undefined || v === null || v === '') return null;
  if (f.type === 'select') return f.options.find((o) => o.value === v)?.label ?? same(String(v));
  if (f.type === 'address' && isAddress(v)) return same([v.street, v.unitName].filter(Boolean).join(', '));
  if (f.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, m, d] = v.split('-');
    return label(`${d}/${m}/${y}`, v);
  }
  return same(String(v));
}

/** Label → value rows of stored e-form values, with the schema they were filled with. */
export function describeEform(s: EformSchema, values: Record<string, unknown>): EformView {
  return {
    schemaId: s.id,
    version: s.version,
    title: s.title,
    sections: s.sections.map((section) => ({
      title: section.title,
      rows: section.fields.flatMap((f) => {
        const v = values[f.key];
        if (f.type !== 'group') {
          const value = leafValue(f, v);
          return value ? [{ field: f.key, label: f.label, value }] : [];
        }
        const rows = Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [];
        return rows.flatMap((row, i) =>
          f.fields.flatMap((c) => {
            const value = leafValue(c, row[c.key]);
            if (!value) return [];
            return [
              {
                field: `${f.key}.${i}.${c.key}`,
                label: label(`${f.label.vi} ${i + 1}: ${c.label.vi}`, `${f.label.en} ${i + 1}: ${c.label.en}`),
                value,
              },
            ];
          }),
        );
      }),
    })),
  };
}
