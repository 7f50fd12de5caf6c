// The engagement pages' numbers in Vietnamese format, whatever the UI language: 1.234; 45,5 %;
// a change of +3,2 points. And the CSV every table downloads, built in the browser.
import { formatNumber } from '@/shared/format'
import { saveFile } from '@/shared/download'

const oneDecimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 0 })
const twoDecimals = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, minimumFractionDigits: 2 })

/** 45.5 → "45,5 %"; null → "—". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return `${oneDecimal.format(value)} %`
}

/** A share 0…1 → "28,3 %". */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return formatPercent(Math.round(value * 1000) / 10)
}

/** The Gini coefficient, 0,00…1,00. */
export function formatGini(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return twoDecimals.format(value)
}

/** A difference in percentage points, signed: 3.25 → { sign: '+', value: '3,3' }. */
export function pointsChange(value: number): { sign: string; value: string } {
  const rounded = Math.round(value * 10) / 10
  return { sign: rounded > 0 ? '+' : rounded < 0 ? '−' : '±', value: oneDecimal.format(Math.abs(rounded)) }
}

export { formatNumber }
export { saveFile }

/** The share of `part` in `whole` as a percentage with one decimal, or null for an empty whole. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null
}

/**
 * A table as CSV that Excel opens with Vietnamese letters intact (UTF-8 with a byte-order mark,
 * semicolons: Excel in a Vietnamese locale reads the comma as the decimal sign), then downloads it.
 * For the lists that GET /engagement/export does not write (the people behind a number, the
 * coordination matrix).
 */
export function downloadCsv(fileName: string, header: string[], rows: (string | number)[][]): void {
  const cell = (value: string | number) => {
    const text = String(value)
    return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const text = [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')
  saveFile(new Blob(['\ufeff', text, '\r\n'], { type: 'text/csv;charset=utf-8' }), fileName)
}
