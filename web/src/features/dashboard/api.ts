// The cross-organization dashboard's figures.
import { api } from '@/shared/api/client'
import type { OrganizationKind } from '@/shared/api/types'

export interface Dashboard {
  people: number
  organizations: { id: number; code: string; name: string; kind: OrganizationKind; members: number }[]
  units: { id: number | null; name: string; members: number }[]
  organization_units: { organization_id: number; unit_id: number | null; members: number }[]
  kinds: { kind: OrganizationKind; organizations: number; members: number }[]
  in_several: { count: number; people: { id: number; full_name: string; organizations: string[] }[] }
}

export const dashboardApi = {
  get: () => api.get<Dashboard>('/dashboard'),
}
