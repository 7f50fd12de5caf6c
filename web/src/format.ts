// Vietnamese formats everywhere, whatever the UI language: dates dd/mm/yyyy, numbers 1.234.

/** "1990-02-28" → "28/02/1990"; anything else as it came. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso
}

const numberFormat = new Intl.NumberFormat('vi-VN')

export function formatNumber(value: number): string {
  return numberFormat.format(value)
}

/** Unix seconds → "dd/mm/yyyy hh:mm" in the agency's time zone. */
export function formatInstant(seconds: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(seconds * 1000))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`
}
