// What the activity screens share: the kinds in their order, the audience's names, and who
// may do what with one activity.
import type { Activity, ActivityKind, Registration } from './api'
import { i18n } from '@/shared/i18n'
import { organizationName, reference } from '@/shared/reference'

export const activityKinds: ActivityKind[] = [
  'meeting',
  'study',
  'culture-arts',
  'sports',
  'partner-exchange',
  'volunteering',
  'training',
  'other',
]

function unitName(id: number): string {
  return reference.units.find((u) => u.id === id)?.name ?? `#${id}`
}

/** "Toàn cơ quan", or the organizations' or departments' names. */
export function audienceText(activity: Pick<Activity, 'audience_scope' | 'audience_ids'>): string {
  const { t } = i18n.global
  if (activity.audience_scope === 'everyone') return t('activity.everyone')
  const names = activity.audience_ids.map(activity.audience_scope === 'organizations' ? organizationName : unitName)
  return `${t(`activityForm.audienceScopes.${activity.audience_scope}`)}: ${names.join(', ')}`
}

/** Whether the activity has begun (check-in and feedback come after). */
export function hasStarted(activity: Activity, now = Date.now()): boolean {
  return Date.parse(activity.starts_at) <= now
}

/** A waitlisted person's place in the queue (1 is next), from the ordered list of registrations. */
export function waitlistPosition(registrations: Registration[], personId: number): number | undefined {
  const waiting = registrations.filter((r) => r.state === 'waitlisted')
  const index = waiting.findIndex((r) => r.person_id === personId)
  return index < 0 ? undefined : index + 1
}
