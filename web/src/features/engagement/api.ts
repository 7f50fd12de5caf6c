// Engagement (issue 15): who takes part, how often, how far across departments, how deep each kind
// of activity goes; the people behind each number; a person's score; which organizations work
// together; invitations for the members who went quiet. src/http/openapi/engagement.json.
import { api } from '@/shared/api/client'
import type { ActivityKind } from '@/features/activities/api'
import { fetchFile, type FetchedFile } from '@/shared/download'

/** The measures of one organization (or the total, or a kind) for one year. */
export interface Measures {
  members: number
  reached: number
  repeat: number
  core: number
  never: number
  attended: number
  /** Null when a kind is chosen: what was expected is not split by kind. */
  expected: number | null
  lapsed: number
  gone_quiet: number
  units_with_members: number
  units_reached: number
  /** Members reached in each month, January first. */
  reached_in_month: number[]
  participation_percent: number | null
  repeat_percent: number | null
  attendance_percent: number | null
  spread_percent: number | null
  /** 0 (everyone equally) … 1 (one person does everything). */
  gini: number | null
  /** The share (0…1) of attendances made by the 10 % of people who came most. */
  top_tenth_share: number | null
}

export interface YearAndPrevious {
  year: Measures
  previous: Measures
}

export interface Engagement {
  definitions: string
  year: number
  as_of: string
  /** People whose changed records this answer did not yet count anew. */
  pending: number
  quiet_days: number
  gone_quiet_counted: boolean
  kind: ActivityKind | null
  organizations: ({ id: number; code: string; name: string } & YearAndPrevious)[]
  total: YearAndPrevious
  kinds: ({ kind: ActivityKind; kind_label: string } & YearAndPrevious)[]
  units: {
    id: number | null
    name: string
    members: number
    reached: number
    reached_by_kind: Record<ActivityKind, number>
  }[]
}

export type Crowd = 'members' | 'reached' | 'never' | 'repeat' | 'core' | 'lapsed' | 'gone-quiet'

export interface EngagementFilter {
  year?: number
  organization?: number | null
  unit?: number | null
  kind?: ActivityKind | null
  quiet_days?: number
}

export interface EngagedPerson {
  id: number
  full_name: string
  unit_id: number | null
  unit_name: string
  organization_id: number
  attended: number
  previous_attended: number
  last_attended_on: string | null
}

export interface PeoplePage {
  crowd: Crowd
  crowd_label: string
  items: EngagedPerson[]
  more: boolean
}

export interface Coordination {
  year: number
  organizations: { id: number; code: string; name: string }[]
  pairs: { first: number; second: number; activities: number }[]
}

export interface JointActivity {
  id: number
  title: string
  kind: ActivityKind
  kind_label: string
  starts_at: string
}

export interface PersonEngagement {
  person_id: number
  score: number
  level: 'active' | 'regular' | 'occasional' | 'none'
  last_90_days: number
  last_365_days: number
  kinds_last_365_days: number
  days_since_last: number | null
  explanation: string
}

/** The tables GET /engagement/export writes as XLSX: those of the page, with the page's filter. */
export type ExportTable = 'organizations' | 'kinds' | 'units' | 'months'

export const engagementApi = {
  /**
   * A table as an XLSX file, in `language` (sent as Accept-Language, which the export follows, and
   * as `lang`). Fetched rather than linked so that the file's words follow the page's language,
   * not the browser's.
   */
  exportTable: (table: ExportTable, filter: EngagementFilter, language: string): Promise<FetchedFile> =>
    fetchFile('/engagement/export', { ...filter, table, lang: language }, language, `muc-do-tham-gia-${table}.xlsx`),
  overview: (filter: EngagementFilter) => api.get<Engagement>('/engagement', { ...filter }),
  people: (filter: EngagementFilter & { organization: number; crowd: Crowd; limit?: number; offset?: number }) =>
    api.get<PeoplePage>('/engagement/people', { ...filter }),
  coordination: (year: number) => api.get<Coordination>('/engagement/coordination', { year }),
  jointActivities: (year: number, first: number, second: number) =>
    api.get<{ items: JointActivity[] }>('/engagement/coordination/activities', { year, first, second }),
  person: (id: number) => api.get<PersonEngagement>(`/people/${id}/engagement`),
  invite: (activity: number, personIds: number[]) =>
    api.post<{ invited: number; new: number }>(`/activities/${activity}/invitations`, { person_ids: personIds }),
}
