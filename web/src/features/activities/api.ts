// Activities (issue 5): registration, attendance, check-in codes, and one's own check-in code.
// Times are ISO 8601 with their offset, e.g. 2026-12-05T17:00:00+07:00.
import { api, request } from '@/shared/api/client'
import type { List } from '@/shared/api/types'

export type ActivityKind =
  | 'meeting'
  | 'study'
  | 'culture-arts'
  | 'sports'
  | 'partner-exchange'
  | 'volunteering'
  | 'training'
  | 'other'

export type ActivityStatus = 'draft' | 'published' | 'cancelled' | 'done'
export type AudienceScope = 'everyone' | 'organizations' | 'units'
export type RegistrationState = 'registered' | 'waitlisted' | 'cancelled'
export type AttendanceState = 'present' | 'late' | 'absent' | 'excused'

/** What POST /activities, PUT /activities/{id} and POST /activities/clashes take. */
export interface ActivityInput {
  kind: ActivityKind
  title: string
  description: string
  starts_at: string
  ends_at: string
  place: string
  /** The first organizes; officers may lead only with their own organization. */
  organizer_ids: number[]
  partner_unit_ids: number[]
  audience_scope: AudienceScope
  /** Organizations or units, by `audience_scope`; none for everyone. */
  audience_ids: number[]
  capacity: number | null
  registration_opens_at: string | null
  registration_closes_at: string | null
  required: boolean
  go_ahead_despite_clashes?: boolean
}

export interface Registration {
  id: number
  activity_id: number
  person_id: number
  full_name: string
  state: RegistrationState
  state_label: string
  registered_at: string
  cancelled_at: string | null
  /** In the answer to a registration: whether this request changed anything. */
  changed?: boolean
}

export interface Activity extends Omit<ActivityInput, 'go_ahead_despite_clashes'> {
  id: number
  plan_id: number | null
  programme_id: number | null
  kind_label: string
  status: ActivityStatus
  status_label: string
  /** People holding a place. */
  registered: number
  places_left: number | null
  /** In a list or a single read (not after a save). */
  waitlisted?: number
  manageable?: boolean
  my_registration?: Registration | null
  my_attendance?: AttendanceState | null
}

export type ClashKind = 'shared-audience' | 'same-place' | 'organizer-double-booked'

export interface Clash {
  kind: ClashKind
  kind_label: string
  activity_id: number
  title: string
  starts_at: string
  ends_at: string
  people_count: number
  people: { id: number; full_name: string }[]
}

export interface ActivityFilter {
  from?: string
  to?: string
  organization_id?: number
  status?: ActivityStatus
  mine?: boolean
}

export interface AttendanceRecord {
  person_id: number
  full_name: string
  state: AttendanceState
  state_label: string
  checked_in_at: string | null
  /** activity_code, person_code or by_hand. */
  method: string
  /** In the answer to a check-in: false when the person had checked in before. */
  first?: boolean
}

export interface CheckInCode {
  code: string
  valid_until: string
}

export const activitiesApi = {
  list: (filter: ActivityFilter) => api.get<List<Activity>>('/activities', { ...filter }),
  get: (id: number) => api.get<Activity>(`/activities/${id}`),
  create: (input: ActivityInput) => api.post<Activity & { clashes: Clash[] }>('/activities', input),
  update: (id: number, input: ActivityInput) => api.put<Activity & { clashes: Clash[] }>(`/activities/${id}`, input),
  /** What saving would clash with, without saving. */
  clashes: (input: ActivityInput) => api.post<{ clashes: Clash[] }>('/activities/clashes', input),
  setStatus: (id: number, status: ActivityStatus) => api.post<Activity>(`/activities/${id}/status`, { status }),
  registrations: (id: number) => api.get<List<Registration>>(`/activities/${id}/registrations`),
  /** Oneself (no people), or people in bulk (those who manage it). */
  register: (id: number, personIds?: number[]) =>
    api.post<{ items: Registration[] }>(`/activities/${id}/registrations`, personIds ? { person_ids: personIds } : undefined),
  cancelRegistration: (id: number, person: number | 'me') =>
    api.delete<{ promoted: number[] }>(`/activities/${id}/registrations/${person}`),
  attendance: (id: number) => api.get<List<AttendanceRecord>>(`/activities/${id}/attendance`),
  /**
   * A check-in; `key` (Idempotency-Key) is made once per scan and sent again on a retry, so a
   * retried request is answered as the first one was and never counts twice.
   */
  checkIn: (
    id: number,
    body: { code: string } | { person_code: string } | { person_id: number; state?: AttendanceState },
    key: string,
  ) => request<AttendanceRecord>('POST', `/activities/${id}/check-ins`, { body, headers: { 'Idempotency-Key': key } }),
  checkInCode: (id: number) => api.get<CheckInCode>(`/activities/${id}/check-in-code`),
  feedback: (id: number, rating: number, comment: string) =>
    api.post<{ rating: number; comment: string }>(`/activities/${id}/feedback`, { rating, comment }),
}

export const meApi = {
  checkInCode: () => api.get<{ code: string }>('/me/check-in-code'),
  /** Upcoming activities an officer invited one to and one has not registered for. */
  invitations: () => api.get<List<Invitation>>('/invitations'),
}

export interface Invitation {
  activity_id: number
  title: string
  kind: ActivityKind
  kind_label: string
  starts_at: string
  place: string
  invited_at: string
  invited_by: string
}
