// What the contests' screens share: who may run one (the rules of core/access.hpp,
// may_address_members, as news.ts and PollDialog read them), a contest's date, its topics in
// order, and a problem of the bank's file as the table shows it.
import { agencyWallClock, formatDate } from '@/shared/format'
import { organizationName, ownOrganizations } from '@/shared/reference'
import { can, managesOrganization } from '@/shared/session'
import type { BankProblem } from './api'

/** The value the agency's option takes in a select (a select cannot hold null). */
export const AGENCY = 0

/**
 * Those the user runs a contest for: the organizations they serve as an officer, and the agency
 * first for administrators and the leadership (organizations loaded first).
 */
export function organizers(agency: string): { id: number; name: string }[] {
  const own = ownOrganizations()
    .filter((o) => managesOrganization(o.id))
    .map((o) => ({ id: o.id, name: organizationName(o.id) }))
  return can.isAdministrator || can.isLeadership ? [{ id: AGENCY, name: agency }, ...own] : own
}

/** Whether "Tạo cuộc thi" is offered (the API decides anyway). */
export function mayOrganize(): boolean {
  return can.isAdministrator || can.isLeadership || ownOrganizations().some((o) => managesOrganization(o.id))
}

/** An instant → the agency's date, dd/mm/yyyy. */
export function createdOn(iso: string): string {
  return formatDate(agencyWallClock(iso).slice(0, 10))
}

const collator = new Intl.Collator('vi')

/** Questions per topic as rows, in the order of the Vietnamese alphabet. */
export function topicRows(topics: Record<string, number>): { topic: string; count: number }[] {
  return Object.entries(topics)
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => collator.compare(a.topic, b.topic))
}

/**
 * A problem's words without the "Dòng 3: " ("Line 3: ") the server puts first: the table has its
 * own column for the line.
 */
export function problemText(problem: BankProblem): string {
  const rest = problem.message.replace(/^(Dòng|Line) \d+:\s*/i, '')
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1)
}
