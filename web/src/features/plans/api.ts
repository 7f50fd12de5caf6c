// Organizations' year plans (issue 5): targets per activity kind, programmes, progress.
import { api } from '@/shared/api/client'
import type { ActivityKind } from '@/features/activities/api'
import type { List } from '@/shared/api/types'

export interface PlanInput {
  /** Only when creating. */
  organization_id?: number
  year?: number
  title: string
  note: string
  activity_targets: Partial<Record<ActivityKind, number>>
  participation_target: number | null
  reach_target: number | null
}

export interface Programme {
  id: number
  title: string
  description: string
}

export interface KindProgress {
  kind: ActivityKind
  kind_label: string
  target: number
  held: number
  planned: number
}

export interface Plan extends Required<Omit<PlanInput, 'organization_id' | 'year'>> {
  id: number
  organization_id: number
  year: number
  programmes: Programme[]
  progress: {
    kinds: KindProgress[]
    members: number
    /** Members present or late at least once. */
    reached: number
    participation_percent: number
  }
}

export const plansApi = {
  list: (filter: { organization_id?: number; year?: number }) => api.get<List<Plan>>('/plans', filter),
  get: (id: number) => api.get<Plan>(`/plans/${id}`),
  create: (input: PlanInput) => api.post<Plan>('/plans', input),
  update: (id: number, input: PlanInput) => api.put<Plan>(`/plans/${id}`, input),
  addProgramme: (id: number, title: string, description: string) =>
    api.post<Programme & { plan_id: number }>(`/plans/${id}/programmes`, { title, description }),
}
