import { SERVICE_INDICATOR_NAMES_VI, type ServiceIndicator } from '@mot-cua/contracts';
import type { ExportColumn, ExportTable } from './export-table.js';

const THRESHOLD: ExportColumn = { key: 'threshold', header: 'Ngưỡng', width: 9, kind: 'percent' };

/**
 * The Decision 766 index as a table: one row per indicator with its figures and points. The index page's file
 * shows each computable indicator's threshold (`withThreshold`); the monthly report does not.
 */
export function serviceIndexTable(
  title: string,
  subtitle: string,
  indicators: ReadonlyArray<ServiceIndicator>,
  { withThreshold = false }: { withThreshold?: boolean } = {},
): ExportTable {
  return {
    title,
    subtitle,
    columns: [
      { key: 'id', header: 'Chỉ số', width: 7 },
      { key: 'name', header: 'Tên chỉ số', width: 36 },
      { key: 'numerator', header: 'Tử số', width: 10, kind: 'int' },
      { key: 'denominator', header: 'Mẫu số', width: 10, kind: 'int' },
      { key: 'rate', header: 'Tỷ lệ', width: 9, kind: 'percent' },
      ...(withThreshold ? [THRESHOLD] : []),
      { key: 'points', header: 'Điểm', width: 8, kind: 'decimal' },
      { key: 'max', header: 'Tối đa', width: 8, kind: 'decimal' },
      { key: 'reason', header: 'Ghi chú', width: 50 },
    ],
    rows: indicators.map((i) => ({
      id: i.id,
      name: SERVICE_INDICATOR_NAMES_VI[i.id],
      numerator: i.numerator,
      denominator: i.denominator,
      rate: i.rate,
      ...(withThreshold ? { threshold: i.computable ? i.threshold : null } : {}),
      points: i.points,
      max: i.max,
      reason: i.reason,
    })),
  };
}
