// The resources the whole app reads (the session, the agency, units, organizations, people), one
// function each, so that views never spell a path; each feature keeps its own calls in its api.ts.
import { api, buildUrl, request } from './client'
import type {
  Agency,
  List,
  Organization,
  OrganizationChanges,
  OrganizationKind,
  OrganizationInput,
  OrganizationRecord,
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

/** Every kind of organization, in the order the forms offer them (their names: `kinds.<kind>`). */
export const organizationKinds: OrganizationKind[] = ['trade-union', 'youth-union', 'lawyers-association', 'womens-union', 'veterans-association', 'other']

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

function filterQuery(filter: PeopleFilter) {
  return {
    search: filter.search?.trim(),
    organization_id: filter.organization_id,
    unit_id: filter.unit_id,
    include_former: filter.include_former,
    membership: filter.membership,
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
