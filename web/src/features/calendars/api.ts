// Calendar feeds (iCalendar): one's own activities or an organization's, behind a secret address.
import { api } from '@/shared/api/client'
import type { List } from '@/shared/api/types'

export interface CalendarFeed {
  id: number
  owner_kind: 'person' | 'organization'
  owner_id: number
  created_at: string
  revoked: boolean
  /** Only in the answer that made it: the secret address, shown once. */
  path?: string
}


export const calendarFeedsApi = {
  list: () => api.get<List<CalendarFeed>>('/calendar-feeds'),
  /** One's own activities, or an organization's (its officers, administrators). */
  create: (organizationId?: number) =>
    api.post<CalendarFeed>('/calendar-feeds', organizationId ? { organization_id: organizationId } : undefined),
  revoke: (id: number) => api.delete<void>(`/calendar-feeds/${id}`),
}
