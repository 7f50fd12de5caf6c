// Directives to be studied (quán triệt, issue 16): posted to an organization's members (or by the
// agency to everyone), read, studied by answering their questions, acknowledging them or attending
// a study session, and followed up by department (docs/directives.md).
import { api, request } from '@/shared/api/client'
import { fetchFile, type FetchedFile } from '@/shared/download'

export type DirectiveKind = 'directive' | 'resolution' | 'plan' | 'guidance' | 'notice'
export type IssuerLevel = 'party' | 'state' | 'superior' | 'own'
export type StudyWay = 'acknowledged' | 'answered' | 'attended'

export const directiveKinds: DirectiveKind[] = ['directive', 'resolution', 'plan', 'guidance', 'notice']
export const issuerLevels: IssuerLevel[] = ['party', 'state', 'superior', 'own']

export interface CheckQuestion {
  text: string
  choices: string[]
  /** The right choice (from 0): only for those who follow the directive up. */
  answer?: number
}

export interface StudyCounts {
  people: number
  read: number
  studied: number
  by_answers: number
  by_attendance: number
  reminded: number
  studied_percent: number
}

export interface Directive {
  id: number
  organization_id: number | null
  organization_name: string
  kind: DirectiveKind
  kind_label: string
  issuer_level: IssuerLevel
  issuer_level_label: string
  number: string
  issuer: string
  issued_on: string | null
  title: string
  summary: string
  deadline: string | null
  audience: { organization_ids: number[]; unit_ids: number[]; committee_only: boolean }
  questions: CheckQuestion[]
  study_activity_ids: number[]
  attachments: DirectiveAttachment[]
  posted_at: string
  receipt: { delivered_at: string; read_at: string | null; reminders: number; reminded_at: string | null } | null
  study: { at: string; how: StudyWay; how_label: string } | null
  may_follow: boolean
  counts?: StudyCounts
}

export interface DirectiveAttachment {
  position: number
  file_name: string
  content_type: string
  size: number
  uploaded_at: string
}

export interface DirectiveInput {
  organization_id: number | null
  kind: DirectiveKind
  issuer_level: IssuerLevel
  number: string
  issuer: string
  issued_on: string | null
  title: string
  summary: string
  deadline: string | null
  unit_ids: number[]
  committee_only: boolean
  questions: { text: string; choices: string[]; answer: number }[]
}

export interface MyDirectives {
  items: Directive[]
  total: number
  unread: number
  to_study: number
}

export interface StudyResult extends Directive {
  grade?: { right: number; questions: number; passed: boolean }
}

export interface ProgressPerson {
  person_id: number
  full_name: string
  unit_id: number | null
  unit_name: string
  read_at: string | null
  studied_at: string | null
  studied_how: StudyWay | null
  studied_how_label: string | null
  reminders: number
}

export interface DirectiveProgress {
  directive: Directive
  total: StudyCounts
  units: { unit_id: number | null; unit_name: string; counts: StudyCounts }[]
  people: ProgressPerson[]
}

export const directivesApi = {
  followed: () => api.get<{ items: Directive[]; total: number }>('/directives'),
  mine: () => api.get<MyDirectives>('/directives', { mine: 'true' }),
  get: (id: number) => api.get<Directive>(`/directives/${id}`),
  /** Sent once per submission: a retry of the same key posts nothing twice. */
  create: (input: DirectiveInput, key: string) =>
    request<Directive>('POST', '/directives', { body: input, headers: { 'Idempotency-Key': key } }),
  read: (id: number) => api.post<Directive>(`/directives/${id}/read`),
  study: (id: number, answers: number[] | null) =>
    api.post<StudyResult>(`/directives/${id}/study`, answers ? { answers } : undefined),
  progress: (id: number) => api.get<DirectiveProgress>(`/directives/${id}/progress`),
  /** The file's bytes as they are; the server decides what they are. */
  attach: (id: number, file: File) =>
    request<Directive>('POST', `/directives/${id}/attachments`, { bytes: file, query: { filename: file.name } }),
  attachmentUrl: (id: number, position: number) => `/api/v1/directives/${id}/attachments/${position}`,
  /** The follow-up as XLSX in `language`: each department and the total, or every person. */
  exportProgress: (id: number, table: 'units' | 'people', language: string): Promise<FetchedFile> =>
    fetchFile(`/directives/${id}/export`, { table }, language, `quan-triet-${id}-${table}.xlsx`),
  remind: (id: number) => api.post<{ reminded: number }>(`/directives/${id}/remind`),
}
