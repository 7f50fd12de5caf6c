// Online contests (issue 17, docs/contests.md) as their organizers run them: the contest and its
// question bank, imported from the organizers' CSV or XLSX (checked whole, every problem by line
// and column) and exported in the same layout. The bank holds the answers: only those who run the
// contest read it; anyone else is told there is no such contest (404).
import { api, buildUrl, request } from '@/shared/api/client'

export interface Contest {
  id: number
  organization_id: number | null
  organization_name: string
  title: string
  description: string
  prediction_question: string
  created_at: string
  /** Questions in the bank. */
  questions: number
  /** Questions per topic, for the rounds' quotas. */
  topics: Record<string, number>
  may_run: boolean
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

export const contestsApi = {
  /** The contests the user runs. */
  list: () => api.get<{ items: Contest[] }>('/contests'),
  get: (id: number) => api.get<Contest>(`/contests/${id}`),
  /** Sent once per opening of the dialog: a retry of the same key creates nothing twice. */
  create: (input: ContestInput, key: string) => request<Contest>('POST', '/contests', { body: input, headers: { 'Idempotency-Key': key } }),
  /** The file as the body: one bad row and nothing is written, whatever the mode. */
  importBank: (id: number, file: Blob, filename: string, mode: BankMode) =>
    request<BankReport>('POST', `/contests/${id}/bank`, { bytes: file, query: { mode, filename } }),
  /** A plain link: the browser downloads with the session cookie; a GET needs no CSRF token. */
  bankUrl: (id: number) => buildUrl(`/contests/${id}/bank`),
}
