// The emulation year (thi đua – khen thưởng, issue 18): per organization and year, members register
// titles and rate themselves, the committee reviews each member and each department, the council
// votes, the organization proposes (the titles' rules decide who qualifies) and the decision awards
// the titles with their bonuses. Every answer that changes something is the year again, as GET.
import { api } from '@/shared/api/client'
import type { OrganizationKind } from '@/shared/api'
import { fetchFile } from '@/shared/download'

/** Words in both languages, as the server writes its rules and reasons. */
export interface Text {
  vi: string
  en: string
}

// The server's codes: "not-completed" with a dash, as every code of the API.
export type Rating = 'excellent' | 'good' | 'completed' | 'not-completed'
export type Discipline = 'none' | 'reprimand' | 'warning' | 'heavier'
export type Subject = 'person' | 'collective'
export type Stage = 'open' | 'proposed' | 'decided'
export type Verdict = 'proposed' | 'not_eligible' | 'over_quota'

/** The best first, as the forms offer them. */
export const ratings: Rating[] = ['excellent', 'good', 'completed', 'not-completed']
export const disciplines: Discipline[] = ['none', 'reprimand', 'warning', 'heavier']
export const stages: Stage[] = ['open', 'proposed', 'decided']

/** One organization's year, as the list of years shows it. */
export interface YearSummary {
  organization_id: number
  organization_name: string
  year: number
  stage: Stage
  may_manage: boolean
  member: boolean
}

/** One condition of a title, as data (what the rule editor fills in) and in words. */
export interface Criterion {
  kind: string
  /** Only what the kind needs is set (criterion_kinds says which); the rest is null. */
  number: number | null
  rating: Rating | null
  discipline: Discipline | null
  title: string | null
  text: Text
  /** The law leaves the value to the organization. */
  own_choice: boolean
}

/** At most `percent` % of those evaluated (of_title "") or of those proposed for another title. */
export interface Quota {
  of_title: string
  percent: number
  text: Text
  own_choice: boolean
}

/** A version of a title's rule: what the year evaluates with, from its day on. */
export interface RuleVersion {
  code: string
  name: Text
  subject: Subject
  /** The organizations' kind it is for ("trade-union"); null for every kind. */
  organization_kind: OrganizationKind | null
  effective_from: string
  citation: Text
  criteria: Criterion[]
  quota: Quota | null
}

export interface TitleRule extends RuleVersion {
  /** The title's bonus in đồng if it were decided today; null when the law gives it none. */
  bonus: number | null
}

/** Votes per title code: how many of the council said yes. */
export type Votes = Record<string, number>

export interface YearPerson {
  person_id: number
  full_name: string
  unit_id: number | null
  unit_name: string
  /** Null when the registry does not know when the member joined. */
  months_in_service: number | null
  attended: number
  expected: number
  registered: string[]
  self_rating: Rating | null
  self_note: string
  /** The committee's review. */
  rating: Rating | null
  /** The review after the organization's member-rating rule (participation, time in the unit). */
  rating_applied: Rating | null
  /** Why the applied rating is lower than the review, or why there is none. */
  rating_notes: Text[]
  absence_days: number
  discipline: Discipline
  initiative: boolean
  initiative_note: string
  /** Set when the committee sent the member's file back; cleared by the next review. */
  returned_reason: string
  votes: Votes
}

export interface YearCollective {
  unit_id: number
  name: string
  members: number
  registered: string[]
  rating: Rating | null
  votes: Votes
}

export interface Outcome {
  title: string
  subject: Subject
  subject_id: number
  name: string
  verdict: Verdict
  /** The day the rule version that decided it took effect. */
  rule_from: string
  reasons: Text[]
}

export interface Award {
  title: string
  title_name: Text
  subject: Subject
  subject_id: number
  name: string
  bonus: number | null
}

export interface Decision {
  number: string
  signed_on: string
  signer: string
  awards: Award[]
  total_bonus: number
}

export interface EmulationYear {
  organization_id: number
  organization_name: string
  year: number
  stage: Stage
  may_manage: boolean
  /** The day whose rules apply (today while the year is open). */
  rules_day: string
  council_members: number
  reopened_reason: string
  titles: TitleRule[]
  /** Everyone for officers; only the member's own row for a member. */
  people: YearPerson[]
  collectives: YearCollective[]
  outcomes: Outcome[]
  /** How many are proposed, per title code. */
  proposed: Record<string, number>
  /** The most a title with a quota may have, per title code. */
  caps: Record<string, number>
  /** Members without the committee's review: the proposal waits for them. */
  unreviewed: number
  decision: Decision | null
}

export interface MyYear {
  organization_id: number
  organization_name: string
  year: number
  stage: Stage
  registered: string[]
  self_rating: Rating | null
  self_note: string
  rating: Rating | null
  rating_applied: Rating | null
  returned_reason: string
}

export interface MyAward {
  organization_name: string
  year: number
  title: string
  title_name: Text
  decision_number: string
  decided_on: string
  bonus: number | null
}

export interface Mine {
  years: MyYear[]
  awards: MyAward[]
}

export interface Review {
  rating: Rating
  absence_days: number
  discipline: Discipline
  initiative: boolean
  initiative_note: string
}

export interface CastVote {
  subject: Subject
  subject_id: number
  title: string
  yes: number
}

export interface DecisionInput {
  number: string
  signed_on: string
  signer: string
}

/** A version in the list of the agency's rules. */
export interface ListedVersion extends RuleVersion {
  /** Shipped with the product, else added by the agency's administrators (at added_at). */
  shipped: boolean
  added_at: string | null
  /** The version that applies today; none of a title whose every version is still to come. */
  in_force: boolean
}

/** A kind of criterion and what it needs filled in. */
export interface CriterionKind {
  code: string
  label: Text
  subject: Subject
  number: boolean
  /** The number is a share, 0–100 %. */
  percent: boolean
  rating: boolean
  discipline: boolean
  title: boolean
}

export interface TitleRules {
  today: string
  /** Administrators add versions and titles. */
  may_edit: boolean
  /** Each title with its versions, oldest first. */
  titles: { code: string; versions: ListedVersion[] }[]
  criterion_kinds: CriterionKind[]
}

/** What POST /emulation/rules takes: a new version of a title, or the first of a new one. */
export interface RuleInput {
  /** The first version of a title of the agency's own (a code already taken is refused). */
  new_title: boolean
  title: string
  name_vi: string
  name_en: string
  subject: Subject
  organization_kind: OrganizationKind | null
  effective_from: string
  citation_vi: string
  citation_en: string
  criteria: { kind: string; number?: number; rating?: Rating; discipline?: Discipline; title?: string; own_choice: boolean }[]
  quota_percent: number | null
  /** "" for a share of those evaluated. */
  quota_of_title: string
  quota_own_choice: boolean
}

const yearPath = (organization: number, year: number) => `/emulation/years/${organization}/${year}`

export const emulationApi = {
  /** The agency's title rules, every version; any signed-in user reads them. */
  rules: () => api.get<TitleRules>('/emulation/rules'),
  /** Administrators: a version is never edited, a change is a newer version. Answers the rules again. */
  addRule: (input: RuleInput) => api.post<TitleRules>('/emulation/rules', input),
  years: (year: number) => api.get<{ items: YearSummary[] }>('/emulation/years', { year }),
  mine: () => api.get<Mine>('/emulation/mine'),
  get: (organization: number, year: number) => api.get<EmulationYear>(yearPath(organization, year)),
  /** The titles one person (or department) registers for; replaces what they had registered. */
  register: (organization: number, year: number, input: { subject: Subject; subject_id: number; titles: string[] }) =>
    api.post<EmulationYear>(`${yearPath(organization, year)}/registrations`, input),
  selfRate: (organization: number, year: number, input: { rating: Rating; note: string }) =>
    api.post<EmulationYear>(`${yearPath(organization, year)}/self-rating`, input),
  review: (organization: number, year: number, person: number, input: Review) =>
    api.post<EmulationYear>(`${yearPath(organization, year)}/reviews/${person}`, input),
  /** Sends a member's file back: their review is cleared and they read the reason. */
  returnFile: (organization: number, year: number, person: number, reason: string) =>
    api.post<EmulationYear>(`${yearPath(organization, year)}/returns/${person}`, { reason }),
  rateCollective: (organization: number, year: number, unit: number, rating: Rating) =>
    api.post<EmulationYear>(`${yearPath(organization, year)}/collective-reviews/${unit}`, { rating }),
  /** Replaces every vote of the year. */
  vote: (organization: number, year: number, input: { council_members: number; votes: CastVote[] }) =>
    api.post<EmulationYear>(`${yearPath(organization, year)}/votes`, input),
  propose: (organization: number, year: number) => api.post<EmulationYear>(`${yearPath(organization, year)}/proposal`, {}),
  reopen: (organization: number, year: number, reason: string) =>
    api.post<EmulationYear>(`${yearPath(organization, year)}/reopen`, { reason }),
  decide: (organization: number, year: number, input: DecisionInput) =>
    api.post<EmulationYear>(`${yearPath(organization, year)}/decision`, input),
  /** The decision as a Word document in the administrative format, with its annex. */
  decisionDocx: (organization: number, year: number, language: string) =>
    fetchFile(`${yearPath(organization, year)}/decision.docx`, {}, language, `quyet-dinh-thi-dua-${year}.docx`),
}
