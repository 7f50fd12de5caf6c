// The resources of /api/v1, one function each, so that views never spell a path.
import { api, buildUrl, request } from './client'
import type {
  Account,
  Activity,
  ActivityFilter,
  ActivityInput,
  ActivityStatus,
  AttendanceRecord,
  AttendanceState,
  CalendarFeed,
  CheckInCode,
  Clash,
  Registration,
  AccountInput,
  Agency,
  AuditEntry,
  CommitteeRole,
  CommitteeRoleInput,
  Dashboard,
  ImportMode,
  ImportResult,
  List,
  Membership,
  MembershipChanges,
  Organization,
  OrganizationChanges,
  OrganizationInput,
  OrganizationRecord,
  PartnerUnit,
  PartnerUnitInput,
  Page,
  PeopleFilter,
  Person,
  PersonChanges,
  PersonInput,
  PersonRecord,
  Session,
  Unit,
} from './types'

export { ApiError, configureClient } from './client'
export type * from './types'
export * from '@/features/clubs/api'

export const sessionApi = {
  current: () => request<Session>('GET', '/session', { quietUnauthorized: true }),
  signIn: (login: string, password: string) =>
    request<Session>('POST', '/session', { body: { login, password }, quietUnauthorized: true }),
  signOut: () => request<void>('DELETE', '/session', { quietUnauthorized: true }),
  changePassword: (current_password: string, new_password: string) =>
    api.put<void>('/session/password', { current_password, new_password }),
}

export const agencyApi = {
  get: () => api.get<Agency>('/agency'),
}

export const unitsApi = {
  list: () => api.get<List<Unit>>('/units'),
  create: (name: string, code?: string) => api.post<Unit>('/units', code ? { name, code } : { name }),
  update: (id: number, changes: { name?: string; code?: string }) => api.patch<Unit>(`/units/${id}`, changes),
  remove: (id: number) => api.delete<void>(`/units/${id}`),
}

export const organizationsApi = {
  list: () => api.get<List<Organization>>('/organizations'),
  get: (id: number) => api.get<OrganizationRecord>(`/organizations/${id}`),
  create: (input: OrganizationInput) => api.post<Organization>('/organizations', input),
  update: (id: number, changes: OrganizationChanges) => api.patch<Organization>(`/organizations/${id}`, changes),
}

export const committeeApi = {
  seat: (input: CommitteeRoleInput) => api.post<CommitteeRole>('/committee-roles', input),
  /** Ends the seat today; the API keeps it as history. */
  end: (id: number) => api.delete<CommitteeRole>(`/committee-roles/${id}`),
}

export const partnerUnitsApi = {
  list: () => api.get<List<PartnerUnit>>('/partner-units'),
  create: (input: PartnerUnitInput) => api.post<PartnerUnit>('/partner-units', input),
  update: (id: number, changes: Partial<PartnerUnitInput>) => api.patch<PartnerUnit>(`/partner-units/${id}`, changes),
  remove: (id: number) => api.delete<void>(`/partner-units/${id}`),
}

export const accountsApi = {
  list: () => api.get<List<Account>>('/accounts'),
  create: (input: AccountInput) => api.post<Account>('/accounts', input),
  /** Disables the account and ends its sessions; the record stays. */
  disable: (id: number) => api.delete<Account>(`/accounts/${id}`),
}

function filterQuery(filter: PeopleFilter) {
  return {
    search: filter.search?.trim(),
    organization_id: filter.organization_id,
    unit_id: filter.unit_id,
    include_former: filter.include_former,
    // The default order needs no parameter; the list and its export sort the same way.
    sort: filter.sort === 'name' ? undefined : filter.sort,
  }
}

export const peopleApi = {
  list: (filter: PeopleFilter, limit: number, offset: number) =>
    api.get<Page<Person>>('/people', { ...filterQuery(filter), limit, offset }),
  get: (id: number) => api.get<PersonRecord>(`/people/${id}`),
  create: (input: PersonInput) => api.post<PersonRecord>('/people', input),
  update: (id: number, changes: PersonChanges) => api.patch<PersonRecord>(`/people/${id}`, changes),
  /** The person left the agency: memberships and seats end, the account is disabled, the record stays. */
  remove: (id: number, reason: string) => api.delete<PersonRecord>(`/people/${id}`, { reason: reason.trim() }),
  /** A plain link: the browser downloads with the session cookie; a GET needs no CSRF token. */
  exportUrl: (filter: PeopleFilter, format: 'csv' | 'xlsx') =>
    buildUrl('/people/export', { ...filterQuery(filter), format }),
}

export const membershipsApi = {
  create: (input: { person_id: number; organization_id: number; joined_on?: string | null; card_number?: string }) =>
    api.post<Membership>('/memberships', input),
  update: (id: number, changes: MembershipChanges) => api.patch<Membership>(`/memberships/${id}`, changes),
}

export const auditApi = {
  list: (query: { limit?: number; offset?: number; entity?: string; entity_id?: number }) =>
    api.get<List<AuditEntry>>('/audit', query),
}

export const dashboardApi = {
  get: () => api.get<Dashboard>('/dashboard'),
}

export const importsApi = {
  members: (file: Blob, filename: string, mode: ImportMode, organizationId?: number) =>
    request<ImportResult>('POST', '/imports/members', {
      bytes: file,
      query: { filename, mode, organization_id: organizationId },
    }),
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
}

export const calendarFeedsApi = {
  list: () => api.get<List<CalendarFeed>>('/calendar-feeds'),
  /** One's own activities, or an organization's (its officers, administrators). */
  create: (organizationId?: number) =>
    api.post<CalendarFeed>('/calendar-feeds', organizationId ? { organization_id: organizationId } : undefined),
  revoke: (id: number) => api.delete<void>(`/calendar-feeds/${id}`),
}
