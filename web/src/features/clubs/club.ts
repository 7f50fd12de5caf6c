// What the club screens share: the days of the week in their order, and how a session's time
// reads.
import type { ClubSession, Weekday } from './api'
import { agencyWallClock, formatDate } from '@/shared/format'

export const weekdays: Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']

/** "Thứ Năm 26/11/2026, 17:00–18:30". */
export function sessionTime(session: Pick<ClubSession, 'starts_at' | 'ends_at'>, dayName: (day: Weekday) => string): string {
  const start = agencyWallClock(session.starts_at)
  const end = agencyWallClock(session.ends_at)
  const date = start.slice(0, 10)
  const day = weekdays[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]
  return `${dayName(day)} ${formatDate(date)}, ${start.slice(11)}–${end.slice(11)}`
}

/** Whether the session has begun (attendance is kept from then on). */
export function sessionStarted(session: Pick<ClubSession, 'starts_at'>): boolean {
  return Date.parse(session.starts_at) <= Date.now()
}

/** The problems of a start and end time of day ("17:00"), as { start, end } for the fields. */
export function timeRangeProblems(start: string, end: string, t: (key: string) => string): Record<string, string> {
  const found: Record<string, string> = {}
  if (!start) found.start = t('scheduleForm.timeRequired')
  if (!end) found.end = t('scheduleForm.timeRequired')
  else if (start && end <= start) found.end = t('scheduleForm.endAfterStart')
  return found
}
