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

export type CommitteeRoleKind = 'chair' | 'vice-chair' | 'secretary' | 'member'

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
  /** Whether the caller may see the personal fields below (the personal-data rule in force). */
  personal_data: boolean
  birth_date?: string | null
  id_number?: string
  phone?: string
  email?: string
  address?: string
  membership?: Membership
}

/** A rule the law sets, as in force today: cited where it applies. */
export interface LegalRule {
  vi: string
  en: string
  effective_from: string
}

export interface PersonRecord extends Person {
  memberships: Membership[]
  committee_roles: CommitteeRole[]
  /** Who may see the personal fields is decided by this rule. */
  personal_data_rule: LegalRule
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
  /** current: taking part now (as the dashboard counts them); none: not taking part. Absent: everyone. */
  membership?: 'current' | 'none'
  sort?: PeopleSort
}
