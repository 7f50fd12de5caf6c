// What the contests' screens share: who may run one (the rules of core/access.hpp,
// may_address_members, as news.ts and PollDialog read them), a contest's date, its topics in
// order, a problem of the bank's file as the table shows it, where an entrant stands in a round,
// and times and shares as the pages write them.
import { agencyInstant, agencyWallClock, formatDate } from '@/shared/format'
import { organizationName, ownOrganizations } from '@/shared/reference'
import { can, managesOrganization } from '@/shared/session'
import type { AttemptQuestion, AttemptSummary, BankProblem, ContestRound, RoundStanding } from './api'

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

/** Where the user stands in a round: what they did and what they may do now. */
export interface EntrantState {
  state: 'notEntered' | 'inProgress' | 'submitted'
  /** The attempt still open (the server closes it at its deadline). */
  unfinished: AttemptSummary | null
  finished: AttemptSummary[]
  /** A new attempt may be started now (by the server's phase when it answered). */
  mayStart: boolean
  /** The marks of the attempt that counts, once the round shows them. */
  score: number | null
  rank: number | null
  entrants: number
}

export function entrantState(round: ContestRound, standing: RoundStanding | undefined): EntrantState {
  const attempts = standing?.attempts ?? []
  const unfinished = attempts.find((a) => !a.finished_at) ?? null
  const finished = attempts.filter((a) => a.finished_at)
  const shown = !!standing?.results_shown && !!standing.entry
  return {
    state: unfinished ? 'inProgress' : finished.length ? 'submitted' : 'notEntered',
    unfinished,
    finished,
    mayStart: !unfinished && round.phase === 'open' && finished.length < round.attempts_allowed,
    score: shown ? standing!.entry!.score : null,
    rank: shown ? standing!.rank : null,
    entrants: standing?.entrants ?? 0,
  }
}

/** Seconds → "mm:ss", or "h:mm:ss" from an hour. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds))
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const rest = String(whole % 60).padStart(2, '0')
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${String(minutes).padStart(2, '0')}:${rest}`
}

const share = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })

/** `part` of `whole` as "12,5 %" (the agency's way of writing numbers, in both languages). */
export function percent(part: number, whole: number): string {
  return `${share.format(whole ? (part * 100) / whole : 0)} %`
}

/** An instant → what an <input type="datetime-local"> shows for the agency: "YYYY-MM-DDTHH:mm". */
export function localInput(iso: string | Date): string {
  return agencyWallClock(iso).replace(' ', 'T')
}

/** What an <input type="datetime-local"> holds, read as the agency's time → the API's instant. */
export function fromLocalInput(value: string): string {
  return agencyInstant(value.replace('T', ' '))
}

/**
 * A number as an entrant types it ("220", "12,5", "123.561", "1 234,5"): digits with points or
 * spaces between groups and one decimal comma or point. The server reads it (core
 * parse_numeric_answer); this only spares a request for what it would refuse.
 */
export function readsAsNumber(text: string): boolean {
  return /^-?\d[\d .]*(,\d+)?$/.test(text.trim()) && !/[ .]$/.test(text.trim())
}

/** A whole number as typed ("1520", "1.520", "1 520") → the number; null when it is not one. */
export function wholeNumber(text: string): number | null {
  const digits = text.replace(/[\s.]/g, '')
  if (!/^\d{1,10}$/.test(digits)) return null
  return Number(digits)
}

/**
 * An option's words: a true-or-false question's "Đúng" and "Sai" (what the bank's import gives it)
 * in the UI's language; any other option as the bank writes it.
 */
export function optionLabel(question: Pick<AttemptQuestion, 'kind'>, label: string, t: (key: string) => string): string {
  if (question.kind !== 'true_false') return label
  if (label === 'Đúng') return t('contests.attempt.true')
  if (label === 'Sai') return t('contests.attempt.false')
  return label
}

/**
 * What is wrong with the file chosen to send, before it is sent: none chosen, or larger than the
 * server takes (the server checks again). Nothing when it may go.
 */
export function chosenFileProblem(file: File | null, maxBytes: number, noFile: string, tooLarge: string): string | null {
  if (!file) return noFile
  return file.size > maxBytes ? tooLarge : null
}
