// Committee seats and their titles, which depend on the kind of organization: the youth union's
// chair is its Bí thư, a lawyers' branch has a Chi hội trưởng. This mirrors the server's
// committee_role_title (src/core/registry_codes.cpp), since the API's role_label is the generic one.
import type { CommitteeRole, CommitteeRoleKind, OrganizationKind } from '@/shared/api'
import { i18n } from '@/shared/i18n'

export const committeeRoleKinds: CommitteeRoleKind[] = ['chair', 'vice-chair', 'secretary', 'member']

export function committeeTitle(role: CommitteeRoleKind, kind: OrganizationKind | undefined): string {
  const { t, te } = i18n.global
  const specific = `committeeRoles.${kind}.${role}`
  return kind && te(specific) ? t(specific) : t(`committeeRoles.generic.${role}`)
}

/** A seat whose term ended on or before today (the API keeps ended seats as history). */
export function seatEnded(seat: CommitteeRole, today = todayInVietnam()): boolean {
  return seat.term_end !== null && seat.term_end <= today
}

/** Today as yyyy-mm-dd in Asia/Ho_Chi_Minh, the agency's day. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
}
