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

/** Money in whole đồng, as the agency writes it: 2800000 → "2.800.000 đ". */
export function formatDong(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  return `${numberFormat.format(value)} đ`
}

/** What a person typed as an amount ("2.800.000", "2 800 000 đ") → whole đồng; null when it is not one. */
export function parseDong(text: string): number | null {
  const digits = text.replace(/[\s.đ₫]/gi, '')
  if (!/^\d{1,15}$/.test(digits)) return null
  return Number(digits)
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

// Activities' times: the API writes ISO 8601 with an offset; the agency lives at +07:00 all year
// (Asia/Ho_Chi_Minh has no summer time), so its wall clock is the instant shifted by 7 hours.
const agencyOffsetMs = 7 * 3600 * 1000
const agencyOffset = '+07:00'

/** An instant → its wall-clock time at the agency, as "YYYY-MM-DD HH:mm". */
export function agencyWallClock(iso: string | Date): string {
  const time = typeof iso === 'string' ? Date.parse(iso) : iso.getTime()
  return new Date(time + agencyOffsetMs).toISOString().slice(0, 16).replace('T', ' ')
}

/** "YYYY-MM-DD HH:mm" at the agency → what the API takes ("2026-12-05T17:00:00+07:00"). */
export function agencyInstant(wallClock: string): string {
  return `${wallClock.slice(0, 10)}T${wallClock.slice(11, 16)}:00${agencyOffset}`
}

/** "2026-12-05T17:00:00+07:00" → "05/12/2026 17:00" (at the agency, whatever the browser's zone). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const wall = agencyWallClock(iso)
  return `${formatDate(wall.slice(0, 10))} ${wall.slice(11)}`
}

/** A span: "05/12/2026 17:00 – 19:00", or both dates when it ends another day. */
export function formatTimeSpan(startsAt: string, endsAt: string): string {
  const start = agencyWallClock(startsAt)
  const end = agencyWallClock(endsAt)
  return start.slice(0, 10) === end.slice(0, 10)
    ? `${formatDateTime(startsAt)} – ${end.slice(11)}`
    : `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`
}

/** The wall-clock time at the agency now, shifted into a Date whose UTC fields read it. */
export function agencyNowAsUtc(): Date {
  return new Date(Date.now() + agencyOffsetMs)
}

/** Today at the agency, `days` later (or earlier), as yyyy-mm-dd. */
export function agencyDate(days = 0): string {
  return new Date(agencyNowAsUtc().getTime() + days * 86_400_000).toISOString().slice(0, 10)
}
