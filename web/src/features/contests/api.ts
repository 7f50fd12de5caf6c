// Online contests (issue 17, docs/contests.md): as their organizers run them — the contest, its
// question bank, imported from the organizers' CSV or XLSX (checked whole, every problem by line
// and column) and exported in the same layout, its rounds, leaderboards and participation — and as
// entrants take part: an attempt started or resumed, answers saved as they go, the submission and
// its results. The bank holds the answers: only those who run the contest read it.
import { api, buildUrl, request } from '@/shared/api/client'
import { fetchFile, type FetchedFile } from '@/shared/download'

export interface Contest {
  id: number
  organization_id: number | null
  organization_name: string
  title: string
  description: string
  prediction_question: string
  created_at: string
  /** A copy of a contest sent down from above: who sent it ("Công đoàn … — Sở Tư pháp Hà Tĩnh"). */
  launched_by: string | null
  /** Its contest file was made at least once: results from below may come back to it. */
  sent_down: boolean
  /** Questions in the bank. */
  questions: number
  /** Questions per topic, for the rounds' quotas. */
  topics: Record<string, number>
  may_run: boolean
  /** Of its audience: the user may take part. */
  may_enter: boolean
  rounds: ContestRound[]
  /** Only from GET /contests/ID, for one who may enter: theirs, per round. */
  standings?: RoundStanding[]
}

export type RoundPhase = 'upcoming' | 'open' | 'closed'
export type CountedAttempt = 'best' | 'last'
export type ResultsShown = 'at_once' | 'at_close'

export interface ContestRound {
  id: number
  title: string
  opens_at: string
  closes_at: string
  /** By the server's clock when it answered. */
  phase: RoundPhase
  time_limit_minutes: number
  attempts_allowed: number
  counted: CountedAttempt
  shuffle_options: boolean
  results_shown: ResultsShown
  /** Questions drawn per attempt: the quotas' sum. */
  questions: number
  quotas: { topic: string; count: number }[]
}

export interface AttemptSummary {
  id: number
  round_id: number
  /** The person's first, second… attempt in the round. */
  number: number
  started_at: string
  /** By the server's clock. */
  deadline: string
  finished_at: string | null
  /** false with finished_at: closed at its deadline by the server. */
  submitted: boolean
  prediction: number | null
  /** Only when results are shown. */
  score?: number
  answered?: number
  taken_seconds?: number
}

export interface RoundStanding {
  round_id: number
  results_shown: boolean
  attempts: AttemptSummary[]
  /** The attempt that counts, when results are shown. */
  entry: { score: number; prediction: number | null; taken_seconds: number; finished_at: string } | null
  rank: number | null
  entrants: number
}

export type QuestionKind = 'single' | 'multiple' | 'true_false' | 'numeric'

export interface GivenAnswer {
  /** Places in the question's own order (not the order shown). */
  choices: number[]
  /** A number question's answer as typed ("123.561", "12,5"). */
  number: string
}

export interface AttemptQuestion {
  position: number
  kind: QuestionKind
  topic: string
  text: string
  /** In the order this attempt shows them. */
  options: { place: number; label: string }[]
  answer: GivenAnswer
  /** Once results are shown. */
  correct?: boolean
  right_choices?: number[]
  right_number?: string
}

export interface Attempt extends AttemptSummary {
  contest_id: number
  contest_title: string
  round_title: string
  /** Empty: the contest asks none. */
  prediction_question: string
  /** The server's clock. */
  now: string
  seconds_left: number
  results_shown: boolean
  rank: number | null
  entrants: number
  questions: AttemptQuestion[]
}

export interface AnswerAt {
  position: number
  /** Neither choices nor number: the place is cleared. */
  choices?: number[]
  number?: string
}

export interface AnswersInput {
  answers?: AnswerAt[]
  /** Absent: unchanged; null: none. */
  prediction?: number | null
}

export interface RoundInput {
  title: string
  /** ISO 8601 with the agency's offset. */
  opens_at: string
  closes_at: string
  time_limit_minutes: number
  attempts_allowed: number
  counted: CountedAttempt
  shuffle_options: boolean
  results_shown: ResultsShown
  /** Questions per topic; the server names a refused one "quotas[i]" in this order. */
  quotas: Record<string, number>
}

export interface LeaderboardRow {
  rank: number
  person_id: number
  full_name: string
  unit_name: string
  /** Reported from below (person_id below zero, a person of another agency): the organization it came through; empty for the contest's own. */
  organization: string
  score: number
  prediction: number | null
  /** Of the prediction to the real count of perfect scores. */
  distance: number | null
  taken_seconds: number
  finished_at: string
}

export interface Leaderboard {
  round_id: number
  questions: number
  /** Everyone ranked: the length of every page together. */
  entrants: number
  /** The real count of perfect scores. */
  perfect: number
  offset: number
  items: LeaderboardRow[]
}

export interface ParticipationGroup {
  /** null: people in no department. */
  id: number | null
  name: string
  people: number
  entrants: number
  rank_by_count: number
  rank_by_rate: number
}

export interface Participation {
  people: number
  entrants: number
  /** Their people add up to the total. */
  units: ParticipationGroup[]
  /** A person may be in several. */
  organizations: ParticipationGroup[]
  not_entered: { person_id: number; full_name: string; unit_id: number | null; unit_name: string }[]
  /** The organizations below that sent their results up, ranked among themselves (id null). */
  below: ParticipationGroup[]
  /** people + every group below's people; entrants likewise. */
  people_with_below: number
  entrants_with_below: number
}

/** What POST /contests/ID/results-file answers. */
export interface ResultsImport {
  /** Who sent the file ("Chi đoàn … — Sở …"). */
  sent_by: string
  rounds: number
  /** Entrants over every round (one person in two rounds counts twice). */
  entries: number
  /** An earlier file of the same sender was replaced. */
  replaced: boolean
}

export interface ContestInput {
  organization_id: number | null
  title: string
  description: string
  prediction_question: string
}

export type BankMode = 'preview' | 'append' | 'replace'

export interface BankProblem {
  code: string
  /** In the language the request asked for, and starting "Dòng 3: " / "Line 3: ". */
  message: string
  line: number
  /** The column's header as the file writes it ("Đáp án"). */
  field: string
}

export interface BankReport {
  mode: BankMode
  /** Only when every row was good and the mode writes. */
  written: boolean
  /** Question rows read (blank rows not counted). */
  rows: number
  accepted: number
  /** Every problem (the server stops listing at 1,000). */
  problems: BankProblem[]
  /** Questions per topic, of the rows accepted. */
  topics: Record<string, number>
}

/** What POST /contest-files answers: the copy, new (201) or made before (200). */
export interface ImportedContest extends Contest {
  /** The agency had imported this contest before: the copy made then, unchanged. */
  already: boolean
}

export const contestsApi = {
  /** The contests the user runs or may enter (without standings). */
  list: () => api.get<{ items: Contest[] }>('/contests'),
  get: (id: number) => api.get<Contest>(`/contests/${id}`),
  /** Sent once per opening of the dialog: a retry of the same key creates nothing twice. */
  create: (input: ContestInput, key: string) => request<Contest>('POST', '/contests', { body: input, headers: { 'Idempotency-Key': key } }),
  /** The file as the body: one bad row and nothing is written, whatever the mode. */
  importBank: (id: number, file: Blob, filename: string, mode: BankMode) =>
    request<BankReport>('POST', `/contests/${id}/bank`, { bytes: file, query: { mode, filename } }),
  /** A plain link: the browser downloads with the session cookie; a GET needs no CSRF token. */
  bankUrl: (id: number) => buildUrl(`/contests/${id}/bank`),
  /** One Idempotency-Key per opening of the dialog. */
  addRound: (id: number, input: RoundInput, key: string) =>
    request<Contest>('POST', `/contests/${id}/rounds`, { body: input, headers: { 'Idempotency-Key': key } }),
  leaderboard: (id: number, round: number, limit: number, offset: number) =>
    api.get<Leaderboard>(`/contests/${id}/rounds/${round}/leaderboard`, { limit, offset }),
  participation: (id: number) => api.get<Participation>(`/contests/${id}/participation`),
  /** Once a day per person, whoever presses it; a retry of the same key reminds nobody twice. */
  remind: (id: number, key: string) => request<{ reminded: number }>('POST', `/contests/${id}/remind`, { headers: { 'Idempotency-Key': key } }),
  /** The contest file for the organizations below (a plain link: it speaks no language). */
  fileUrl: (id: number) => buildUrl(`/contests/${id}/file`),
  /**
   * A superior's contest file as the agency's own copy, run by `organization` (null: the agency).
   * The same file twice answers the first copy: a retry makes nothing twice without a key.
   */
  importFile: (file: Blob, organization: number | null) =>
    request<ImportedContest>('POST', '/contest-files', {
      bytes: file,
      query: { organization_id: organization },
      headers: { 'Content-Type': 'application/json' },
    }),
  /** A copy's results, for whoever launched it (a plain link: the file speaks no language). */
  resultsFileUrl: (id: number) => buildUrl(`/contests/${id}/results-file`),
  /** A results file from below; the newest file of a sender replaces its earlier one. */
  importResults: (id: number, file: Blob) =>
    request<ResultsImport>('POST', `/contests/${id}/results-file`, { bytes: file, headers: { 'Content-Type': 'application/json' } }),
  /** A closed round's winners as PDF certificates, in the page's language (fetched, not linked). */
  certificates: (id: number, round: number, top: number, language: string): Promise<FetchedFile> =>
    fetchFile(`/contests/${id}/rounds/${round}/certificates`, { top }, language, `giay-chung-nhan-vong-${round}.pdf`),
}

/** Taking part: the person's own attempts. */
export const attemptsApi = {
  /** Starts an attempt at the round, or resumes the person's unfinished one. */
  start: (contest: number, round: number) => api.post<Attempt>(`/contests/${contest}/rounds/${round}/attempts`),
  /** The attempt as the server has it (closed first when past its deadline). */
  get: (id: number) => api.get<Attempt>(`/contest-attempts/${id}`),
  /** Saving the same again changes nothing: a retry needs no key. */
  save: (id: number, input: AnswersInput) => api.put<Attempt>(`/contest-attempts/${id}/answers`, input),
  /** A second submission answers the attempt as the first left it. */
  submit: (id: number, input: AnswersInput) => api.post<Attempt>(`/contest-attempts/${id}/submit`, input),
}
