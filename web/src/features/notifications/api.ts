// The caller's notifications and their choices per kind (issue 16, docs/notifications.md).
import { api } from '@/shared/api/client'

export type NotificationKind =
  | 'directive_posted'
  | 'directive_reminder'
  | 'activity_cancelled'
  | 'activity_changed'
  | 'waitlist_promoted'
  | 'pledge_recorded'
  | 'poll_opened'
  | 'news_posted'
export type EmailMode = 'off' | 'immediate' | 'daily'
export const emailModes: EmailMode[] = ['immediate', 'daily', 'off']

export interface AppNotification {
  id: number
  kind: NotificationKind
  kind_label: string
  title: string
  body: string
  link: string
  created_at: string
  read_at: string | null
}

export interface NotificationPage {
  items: AppNotification[]
  unread: number
  more: boolean
}

export interface NotificationPreference {
  kind: NotificationKind
  kind_label: string
  in_app: boolean
  email: EmailMode
}

export const notificationsApi = {
  list: (before?: number) => api.get<NotificationPage>('/notifications', { before }),
  read: (id?: number) => api.post<{ unread: number }>('/notifications/read', id === undefined ? undefined : { id }),
  preferences: () => api.get<{ items: NotificationPreference[] }>('/notifications/preferences'),
  setPreference: (kind: NotificationKind, change: { in_app?: boolean; email?: EmailMode }) =>
    api.put<{ items: NotificationPreference[] }>(`/notifications/preferences/${kind}`, change),
}
