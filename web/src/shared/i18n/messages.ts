// The one message tree per language: the shared words and each feature's own (features/<name>/
// messages.ts). The features' files are plain data; they import nothing, so gathering them here
// brings no feature code into shared/. A feature's top-level keys must not repeat another's.
import sharedVi from './vi'
import sharedEn from './en'
import { activitiesEn, activitiesVi } from '@/features/activities/messages'
import { calendarsEn, calendarsVi } from '@/features/calendars/messages'
import { clubsEn, clubsVi } from '@/features/clubs/messages'
import { dashboardEn, dashboardVi } from '@/features/dashboard/messages'
import { engagementEn, engagementVi } from '@/features/engagement/messages'
import { fundsEn, fundsVi } from '@/features/funds/messages'
import { plansEn, plansVi } from '@/features/plans/messages'
import { registryEn, registryVi } from '@/features/registry/messages'
import { sessionEn, sessionVi } from '@/features/session/messages'
import { supportEn, supportVi } from '@/features/support/messages'
import { directivesEn, directivesVi } from '@/features/directives/messages'
import { notificationsEn, notificationsVi } from '@/features/notifications/messages'
import { pollsEn, pollsVi } from '@/features/polls/messages'
import { homeEn, homeVi } from '@/features/home/messages'
import { newsEn, newsVi } from '@/features/news/messages'
import { contestsEn, contestsVi } from '@/features/contests/messages'
import { emulationEn, emulationVi } from '@/features/emulation/messages'

export const vi = {
  ...sharedVi,
  ...sessionVi,
  ...registryVi,
  ...dashboardVi,
  ...activitiesVi,
  ...calendarsVi,
  ...clubsVi,
  ...plansVi,
  ...fundsVi,
  ...supportVi,
  ...directivesVi,
  ...notificationsVi,
  ...pollsVi,
  ...newsVi,
  ...contestsVi,
  ...emulationVi,
  ...homeVi,
  ...engagementVi,
}

export type Messages = typeof vi

export const en: Messages = {
  ...sharedEn,
  ...sessionEn,
  ...registryEn,
  ...dashboardEn,
  ...activitiesEn,
  ...calendarsEn,
  ...clubsEn,
  ...plansEn,
  ...fundsEn,
  ...supportEn,
  ...directivesEn,
  ...notificationsEn,
  ...pollsEn,
  ...newsEn,
  ...contestsEn,
  ...emulationEn,
  ...homeEn,
  ...engagementEn,
}
