// The registry's own calls: committee seats, partner units, memberships, the audit log and the
// members' import. Organizations, units and people are read all over the app, so their
// calls (organizationsApi, unitsApi, peopleApi) are in shared/api.
import { api, request } from '@/shared/api/client'
import type { CommitteeRole, CommitteeRoleKind, List, Membership, MembershipStatus } from '@/shared/api/types'

export interface PartnerUnit {
  id: number
  name: string
  address: string
  contact_name: string
  contact_phone: string
  note: string
}

export type PartnerUnitInput = Omit<PartnerUnit, 'id'>

export interface CommitteeRoleInput {
  person_id: number
  organization_id: number
  role: CommitteeRoleKind
  term?: string
  term_start?: string | null
  term_end?: string | null
}

export interface MembershipChanges {
  joined_on?: string | null
  status?: MembershipStatus
  card_number?: string
  left_on?: string | null
  leave_reason?: string
}

export interface AuditEntry {
  id: number
  at: number
  account_id: number | null
  action: string
  entity: string
  entity_id: number | null
  detail: unknown
  address: string
  /** The account's login (empty when none). */
  login: string
}

export type ImportMode = 'preview' | 'all_or_nothing' | 'valid_only'

export interface ImportProblem {
  line: number
  field: string
  code: string
  /** In the request's Accept-Language; message_vi and message_en let a language switch follow. */
  message: string
  message_vi?: string
  message_en?: string
}

export interface ImportResult {
  mode: ImportMode
  written: boolean
  counts: {
    /** Rows that are valid (and, unless previewing, written); bad rows are rows_rejected. */
    rows: number
    people_created: number
    people_matched: number
    memberships_added: number
    already_members: number
    units_created: number
  }
  rows_rejected: number
  problems: ImportProblem[]
  problems_truncated: boolean
  ignored_columns: string[]
  /** Lines not read as people: a title above the header row, a total or a signature below. */
  skipped: Omit<ImportProblem, 'field'>[]
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

export const membershipsApi = {
  create: (input: { person_id: number; organization_id: number; joined_on?: string | null; card_number?: string }) =>
    api.post<Membership>('/memberships', input),
  update: (id: number, changes: MembershipChanges) => api.patch<Membership>(`/memberships/${id}`, changes),
}

export const auditApi = {
  list: (query: { limit?: number; offset?: number; entity?: string; entity_id?: number }) =>
    api.get<List<AuditEntry>>('/audit', query),
}

export const importsApi = {
  members: (file: Blob, filename: string, mode: ImportMode, organizationId?: number) =>
    request<ImportResult>('POST', '/imports/members', {
      bytes: file,
      query: { filename, mode, organization_id: organizationId },
    }),
}
