// Clubs (weekly sessions, attendance): their shapes and one function per call.
import { api } from '@/shared/api/client'
import type { AttendanceState } from '@/features/activities/api'
import type { List } from '@/shared/api/types'

export type ClubKind = 'sports' | 'arts' | 'other'
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday'

export interface ClubScheduleException {
  /** The date the rule gives the session. */
  date: string
  /** null: cancelled; otherwise where it went. */
  moved_to: { date: string; start: string; end: string } | null
}

export interface ClubSchedule {
  id: number
  club_id: number
  days: Weekday[]
  /** "Thứ Ba, Thứ Năm, 17:00–18:30" */
  description: string
  start: string
  end: string
  first_date: string
  last_date: string | null
  place: string
  rrule: string
  exceptions: ClubScheduleException[]
}

export interface Club {
  id: number
  organization_id: number
  name: string
  kind: ClubKind
  kind_label: string
  description: string
}

/** GET /clubs/{id}: the club with its members and schedules. */
export interface ClubRecord extends Club {
  members: { person_id: number; full_name: string; joined_on: string }[]
  schedules: ClubSchedule[]
  manageable: boolean
  member: boolean
}

export interface ClubInput {
  organization_id: number
  name: string
  kind: ClubKind
  description: string
}

export interface ClubScheduleInput {
  days: Weekday[]
  start: string
  end: string
  first_date: string
  last_date: string | null
  place: string
}

export interface ClubSession {
  schedule_id: number
  /** The date the rule gives it (a moved session keeps it). */
  date: string
  starts_at: string
  ends_at: string
  moved: boolean
  place: string
}

export interface ClubAttendanceRecord {
  person_id: number
  full_name: string
  state: AttendanceState
  state_label: string
}

export const clubsApi = {
  list: (filter: { organization_id?: number; mine?: boolean }) => api.get<List<Club>>('/clubs', filter),
  get: (id: number) => api.get<ClubRecord>(`/clubs/${id}`),
  create: (input: ClubInput) => api.post<Club>('/clubs', input),
  /** Oneself (no people), or people (those who manage the club). */
  join: (id: number, personIds?: number[]) =>
    api.post<ClubRecord>(`/clubs/${id}/members`, personIds ? { person_ids: personIds } : undefined),
  leave: (id: number, person: number | 'me') => api.delete<void>(`/clubs/${id}/members/${person}`),
  addSchedule: (id: number, input: ClubScheduleInput) => api.post<ClubSchedule>(`/clubs/${id}/schedules`, input),
  /** From and to are dates (yyyy-mm-dd); cancelled sessions are left out, moved ones at their new time. */
  sessions: (id: number, from: string, to: string) => api.get<List<ClubSession>>(`/clubs/${id}/sessions`, { from, to }),
  cancelSession: (scheduleId: number, date: string) =>
    api.post<{ date: string; cancelled: boolean }>(`/club-schedules/${scheduleId}/changes`, { date }),
  moveSession: (scheduleId: number, date: string, to: { moved_to_date: string; start: string; end: string }) =>
    api.post<{ date: string; cancelled: boolean }>(`/club-schedules/${scheduleId}/changes`, { date, ...to }),
  attendance: (scheduleId: number, date: string) =>
    api.get<List<ClubAttendanceRecord>>(`/club-schedules/${scheduleId}/attendance`, { date }),
  mark: (scheduleId: number, date: string, personIds: number[], state: AttendanceState) =>
    api.post<{ recorded: number }>(`/club-schedules/${scheduleId}/attendance`, { date, person_ids: personIds, state }),
}
