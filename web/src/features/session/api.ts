// The accounts that sign in (administrators manage them); the session itself is shared/api.
import { api } from '@/shared/api/client'
import type { List } from '@/shared/api/types'

export type Grant = 'administrator' | 'leadership'

export interface Account {
  id: number
  person_id: number
  login: string
  full_name: string
  disabled: boolean
  grants: Grant[]
}

export interface AccountInput {
  person_id: number
  login: string
  password: string
  administrator?: boolean
  leadership?: boolean
}

export const accountsApi = {
  list: () => api.get<List<Account>>('/accounts'),
  create: (input: AccountInput) => api.post<Account>('/accounts', input),
  /** Disables the account and ends its sessions; the record stays. */
  disable: (id: number) => api.delete<Account>(`/accounts/${id}`),
}
