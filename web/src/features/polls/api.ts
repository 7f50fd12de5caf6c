// Polls and surveys (issue 16, docs/polls.md): asked by an organization of its members or by the
// agency of everyone; one vote each; results as counts per option.
import { api, request } from '@/shared/api/client'
import type { Programme } from '@/features/plans/api'

export type PollQuestionKind = 'single' | 'multiple' | 'text'
export type PollResultsShown = 'after_vote' | 'after_close'
export type PollPhase = 'upcoming' | 'open' | 'closed'

export interface PollQuestion {
  text: string
  kind: PollQuestionKind
  kind_label: string
  options: string[]
  max_choices: number
  required: boolean
}

export interface QuestionResult {
  answered: number
  votes: number[]
  percents: number[]
  texts: string[]
}

export interface Poll {
  id: number
  organization_id: number | null
  organization_name: string
  title: string
  description: string
  anonymous: boolean
  results_shown: PollResultsShown
  opens_at: string
  closes_at: string
  phase: PollPhase
  ballots: number
  may_run: boolean
  may_vote: boolean
  voted: boolean
  questions: PollQuestion[]
  results: { ballots: number; questions: QuestionResult[] } | null
}

export interface PollInput {
  organization_id: number | null
  title: string
  description: string
  anonymous: boolean
  results_shown: PollResultsShown
  opens_at?: string
  closes_at: string
  questions: { text: string; kind: PollQuestionKind; options: string[]; max_choices: number; required: boolean }[]
}

export type Answer = { choices?: number[]; text?: string }

export const pollsApi = {
  list: () => api.get<{ items: Poll[] }>('/polls'),
  /** Sent once per submission: a retry of the same key creates or votes nothing twice. */
  create: (input: PollInput, key: string) => request<Poll>('POST', '/polls', { body: input, headers: { 'Idempotency-Key': key } }),
  vote: (id: number, answers: Answer[], key: string) =>
    request<Poll>('POST', `/polls/${id}/vote`, { body: { answers }, headers: { 'Idempotency-Key': key } }),
  /** The chosen option becomes a programme of the plan; its description cites the counts. */
  toPlan: (id: number, input: { question: number; option: number; plan_id: number; title: string }, key: string) =>
    request<Programme>('POST', `/polls/${id}/to-plan`, { body: input, headers: { 'Idempotency-Key': key } }),
}
