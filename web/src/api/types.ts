// Shapes of the JSON API (the OpenAPI document in src/http/openapi/), as the app reads them.

export type Role = 'administrator' | 'leadership' | 'officer' | 'member'

export interface Session {
  account_id: number
  agency_id: number
  person_id: number
  login: string
  full_name: string
  roles: Role[]
  officer_of: number[]
  member_of: number[]
  csrf_token: string
  expires_at: number
}

export interface Agency {
  id: number
  code: string
  name: string
  province: string
}

export interface Unit {
  id: number
  code: string
  name: string
  /** In lists: people of the department with a current membership. */
  people?: number
}

export type OrganizationKind =
  | 'trade-union'
  | 'youth-union'
  | 'lawyers-association'
  | 'womens-union'
  | 'veterans-association'
  | 'other'

export interface Organization {
  id: number
  code: string
  name: string
  kind: OrganizationKind
  kind_label: string
  external: boolean
  superior: { agency_id: number; organization_id: number } | null
  /** Current members (0 for an organization outside the agency). */
  member_count: number
}

/** What POST /organizations takes; `external` records a superior outside the agency. */
export interface OrganizationInput {
  code: string
  name: string
  kind?: OrganizationKind
  superior_id?: number | null
  external?: boolean
}

/** What PATCH /organizations/{id} takes; only the fields given change. */
export type OrganizationChanges = Partial<Omit<OrganizationInput, 'external'>>

export interface PartnerUnit {
  id: number
  name: string
  address: string
  contact_name: string
  contact_phone: string
  note: string
}

export type PartnerUnitInput = Omit<PartnerUnit, 'id'>

export type Grant = 'administrator' | 'leadership'

export interface Account {
  id: number
  person_id: number
  login: string
  full_name: string
  disabled: boolean
  grants: Grant[]
}

export interface AccountInput {
  person_id: number
  login: string
  password: string
  administrator?: boolean
  leadership?: boolean
}

export type CommitteeRoleKind = 'chair' | 'vice-chair' | 'secretary' | 'member'

export interface CommitteeRoleInput {
  person_id: number
  organization_id: number
  role: CommitteeRoleKind
  term?: string
  term_start?: string | null
  term_end?: string | null
}

export interface CommitteeRole {
  id: number
  organization_id: number
  person_id: number
  role: CommitteeRoleKind
  role_label: string
  term: string
  term_start: string | null
  term_end: string | null
  /** The person's name, in an organization's committee. */
  full_name?: string
}

export interface OrganizationRecord extends Organization {
  superior_organization: Organization | null
  committee: CommitteeRole[]
}

export type MembershipStatus = 'active' | 'suspended' | 'left'

export interface Membership {
  id: number
  person_id: number
  organization_id: number
  joined_on: string | null
  status: MembershipStatus
  status_label: string
  card_number: string
  left_on: string | null
  leave_reason: string
}

export type Gender = 'male' | 'female' | 'other'

export interface Person {
  id: number
  full_name: string
  gender: Gender | null
  gender_label: string | null
  unit_id: number | null
  unit_name: string
  position: string
  /** Codes of current organizations, e.g. "CD, DTN". */
  organizations: string
  /** Whether the caller may see the personal fields below (Decree 13/2023). */
  personal_data: boolean
  birth_date?: string | null
  id_number?: string
  phone?: string
  email?: string
  address?: string
  membership?: Membership
}

export interface PersonRecord extends Person {
  memberships: Membership[]
  committee_roles: CommitteeRole[]
}

/** The fields PATCH /people/{id} accepts; only those given change. */
export interface PersonChanges {
  full_name?: string
  gender?: Gender | null
  birth_date?: string | null
  id_number?: string
  phone?: string
  email?: string
  address?: string
  unit_id?: number | null
  position?: string
}

export interface PersonInput extends PersonChanges {
  full_name: string
  organization_id?: number
  joined_on?: string | null
  card_number?: string
}

export interface MembershipChanges {
  joined_on?: string | null
  status?: MembershipStatus
  card_number?: string
  left_on?: string | null
  leave_reason?: string
}

export interface Page<T> {
  items: T[]
  total: number
  total_exact: boolean
  limit: number
  offset: number
}

export interface List<T> {
  items: T[]
  total: number
}

/** The orders the API sorts people in: by name (Vietnamese order) either way, or by department. */
export type PeopleSort = 'name' | '-name' | 'unit'

export interface PeopleFilter {
  search?: string
  organization_id?: number
  unit_id?: number
  include_former?: boolean
  sort?: PeopleSort
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
}

export interface Dashboard {
  people: number
  organizations: { id: number; code: string; name: string; kind: OrganizationKind; members: number }[]
  units: { id: number | null; name: string; members: number }[]
  organization_units: { organization_id: number; unit_id: number | null; members: number }[]
  kinds: { kind: OrganizationKind; organizations: number; members: number }[]
  in_several: { count: number; people: { id: number; full_name: string; organizations: string[] }[] }
}

// ---- Activities (issue 5): times are ISO 8601 with their offset, e.g. 2026-12-05T17:00:00+07:00.

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

export interface CalendarFeed {
  id: number
  owner_kind: 'person' | 'organization'
  owner_id: number
  created_at: string
  revoked: boolean
  /** Only in the answer that made it: the secret address, shown once. */
  path?: string
}
