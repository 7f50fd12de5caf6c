// Support requests (đề xuất hỗ trợ, issue 15): an organization asks the leadership for budget, a
// venue, time off or transport; the leadership decides; the officers may withdraw while it waits.
import { api } from '@/shared/api/client'

export type SupportStatus = 'pending' | 'approved' | 'partly_approved' | 'refused' | 'withdrawn'
export type SupportDecision = 'approve' | 'approve_in_part' | 'refuse'

export interface SupportRequestInput {
  organization_id: number
  activity_id: number | null
  title: string
  description: string
  /** Budget in whole đồng; null: no money asked. */
  amount: number | null
  venue: boolean
  time_off: boolean
  transport: boolean
}

export interface PersonRef {
  login: string
  full_name: string
}

export interface SupportRequest extends SupportRequestInput {
  id: number
  organization_name: string
  activity_title: string | null
  programme_id: number | null
  programme_title: string | null
  status: SupportStatus
  status_label: string
  requested_by: PersonRef | null
  requested_at: string
  /** Who decided, or who withdrew it. */
  decided_by: PersonRef | null
  decided_at: string | null
  approved_amount: number | null
  reason: string
  may_decide: boolean
  may_withdraw: boolean
}

export interface SupportSummary {
  requests: number
  pending: number
  asked: number
  approved: number
}

export interface SupportList {
  items: SupportRequest[]
  total: number
  summary: SupportSummary
}

export interface SupportFilter {
  status?: SupportStatus
  organization_id?: number
  activity_id?: number
}

export const supportApi = {
  list: (filter: SupportFilter) => api.get<SupportList>('/support-requests', { ...filter }),
  create: (input: SupportRequestInput) => api.post<SupportRequest>('/support-requests', input),
  decide: (id: number, decision: SupportDecision, approvedAmount: number | null, reason: string) =>
    api.post<SupportRequest>(`/support-requests/${id}/decision`, {
      decision,
      approved_amount: approvedAmount,
      reason,
    }),
  withdraw: (id: number) => api.post<SupportRequest>(`/support-requests/${id}/withdraw`, {}),
}
