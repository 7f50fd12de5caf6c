import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { can, loadSession, onSessionExpired, state } from '@/shared/session'
import AppLayout from '@/shared/components/AppLayout.vue'
import SignInView from '@/features/session/views/SignInView.vue'
import { followPageTitles } from '@/shared/pageTitle'

type Ability = keyof typeof can

declare module 'vue-router' {
  interface RouteMeta {
    /** Pages anyone may open, signed in or not. */
    public?: boolean
    /** The ability from session.ts the page needs; without it the user sees "not allowed". */
    ability?: Ability
    /** The message key that names the page in its title ("Quỹ & vận động · Đoàn Kết"). */
    title?: string
  }
}

export const router = createRouter({
  // The binary serves index.html for any unknown path, so real paths work on reload.
  history: createWebHistory('/'),
  routes: [
    { path: '/signin', name: 'signin', component: SignInView, meta: { title: 'signIn.title', public: true } },
    {
      path: '/session-expired',
      name: 'session-expired',
      component: () => import('@/features/session/views/SessionExpiredView.vue'),
      meta: { title: 'expired.title', public: true },
    },
    // A page for the printer, without the app's header and navigation.
    {
      path: '/activities/:id(\\d+)/sign-in-sheet',
      name: 'sign-in-sheet',
      component: () => import('@/features/activities/views/SignInSheetView.vue'),
      props: true,
      meta: { title: 'sheet.title' },
    },
    {
      path: '/',
      component: AppLayout,
      children: [
        // Those who follow the figures land on the dashboard; a member on their own page.
        { path: '', name: 'home', redirect: () => ({ name: can.seeDashboard ? 'dashboard' : 'me' }) },
        {
          path: 'me',
          name: 'me',
          component: () => import('@/features/home/views/HomeView.vue'),
          meta: { title: 'home.title' },
        },
        {
          path: 'dashboard',
          name: 'dashboard',
          component: () => import('@/features/dashboard/views/DashboardView.vue'),
          meta: { title: 'dashboard.title', ability: 'seeDashboard' },
        },
        {
          path: 'engagement',
          name: 'engagement',
          component: () => import('@/features/engagement/views/EngagementView.vue'),
          meta: { title: 'engagement.title', ability: 'seeDashboard' },
        },
        {
          path: 'directives',
          name: 'directives',
          component: () => import('@/features/directives/views/DirectivesView.vue'),
          meta: { title: 'directives.title' },
        },
        {
          path: 'directives/:id(\\d+)',
          name: 'directive',
          component: () => import('@/features/directives/views/DirectiveView.vue'),
          props: true,
          meta: { title: 'directives.title' },
        },
        {
          path: 'polls',
          name: 'polls',
          component: () => import('@/features/polls/views/PollsView.vue'),
          meta: { title: 'polls.title' },
        },
        {
          path: 'news',
          name: 'news',
          component: () => import('@/features/news/views/NewsView.vue'),
          meta: { title: 'news.title' },
        },
        {
          path: 'news/:id(\\d+)',
          name: 'news-post',
          component: () => import('@/features/news/views/NewsPostView.vue'),
          props: true,
          meta: { title: 'news.title' },
        },
        {
          path: 'news/bulletins',
          name: 'bulletins',
          component: () => import('@/features/news/views/BulletinsView.vue'),
          meta: { title: 'bulletins.title' },
        },
        // The printable issue: the app's frame stays on screen and goes on paper (@media print).
        {
          path: 'news/bulletins/:id(\\d+)',
          name: 'bulletin',
          component: () => import('@/features/news/views/BulletinView.vue'),
          props: true,
          meta: { title: 'bulletins.title' },
        },
        {
          path: 'contests',
          name: 'contests',
          component: () => import('@/features/contests/views/ContestsView.vue'),
          meta: { title: 'contests.title' },
        },
        // A contest: its rounds and results for whoever may enter it; for its organizers also the
        // rounds' settings, participation and the question bank. Anyone else gets 404 from the API.
        {
          path: 'contests/:id(\\d+)',
          name: 'contest',
          component: () => import('@/features/contests/views/ContestView.vue'),
          props: true,
          meta: { title: 'contests.title' },
        },
        // One's own attempt at a round: answering, then the results.
        {
          path: 'contests/attempts/:id(\\d+)',
          name: 'contest-attempt',
          component: () => import('@/features/contests/views/AttemptView.vue'),
          props: true,
          meta: { title: 'contests.attempt.title' },
        },
        // The emulation years (thi đua – khen thưởng): those of one's organizations, and one's own.
        {
          path: 'emulation',
          name: 'emulation',
          component: () => import('@/features/emulation/views/EmulationView.vue'),
          meta: { title: 'emulation.title' },
        },
        // The title rules, every version of each; administrators add versions and own titles.
        {
          path: 'emulation/rules',
          name: 'emulation-rules',
          component: () => import('@/features/emulation/views/EmulationRulesView.vue'),
          meta: { title: 'emulation.ruleBook.title' },
        },
        // One organization's year: a member's own part, or everything for those who run it (the API
        // says which: may_manage); anyone else gets 403 or 404 from the API.
        {
          path: 'emulation/:organization(\\d+)/:year(\\d{4})',
          name: 'emulation-year',
          component: () => import('@/features/emulation/views/EmulationYearView.vue'),
          props: true,
          meta: { title: 'emulation.title' },
        },
        {
          path: 'notifications',
          name: 'notifications',
          component: () => import('@/features/notifications/views/NotificationsView.vue'),
          meta: { title: 'notifications.title' },
        },
        {
          path: 'activities',
          name: 'activities',
          component: () => import('@/features/activities/views/ActivitiesView.vue'),
          meta: { title: 'activities.title' },
        },
        {
          path: 'activities/new',
          name: 'activity-new',
          component: () => import('@/features/activities/views/ActivityFormView.vue'),
          meta: { title: 'activityForm.addTitle', ability: 'planActivities' },
        },
        {
          path: 'activities/:id(\\d+)',
          name: 'activity',
          component: () => import('@/features/activities/views/ActivityView.vue'),
          props: true,
          meta: { title: 'activities.title' },
        },
        {
          path: 'activities/:id(\\d+)/edit',
          name: 'activity-edit',
          component: () => import('@/features/activities/views/ActivityFormView.vue'),
          props: true,
          meta: { title: 'activityForm.editTitle', ability: 'planActivities' },
        },
        { path: 'plans', name: 'plans', component: () => import('@/features/plans/views/PlansView.vue'), meta: { title: 'plans.title' } },
        {
          path: 'support-requests',
          name: 'support',
          component: () => import('@/features/support/views/SupportRequestsView.vue'),
          meta: { title: 'support.title', ability: 'seeDashboard' },
        },
        { path: 'clubs', name: 'clubs', component: () => import('@/features/clubs/views/ClubsView.vue'), meta: { title: 'clubs.title' } },
        {
          path: 'clubs/:id(\\d+)',
          name: 'club',
          component: () => import('@/features/clubs/views/ClubView.vue'),
          props: true,
          meta: { title: 'clubs.title' },
        },
        { path: 'funds', name: 'funds', component: () => import('@/features/funds/views/FundsView.vue'), meta: { title: 'funds.title' } },
        {
          path: 'funds/:id(\\d+)',
          name: 'fund',
          component: () => import('@/features/funds/views/FundView.vue'),
          props: true,
          meta: { title: 'funds.title' },
        },
        // The public statement (sao kê): every signed-in person of the agency may read it.
        {
          path: 'funds/:id(\\d+)/statement',
          name: 'fund-statement',
          component: () => import('@/features/funds/views/FundStatementView.vue'),
          props: true,
          meta: { title: 'statement.title' },
        },
        {
          path: 'funds/approvals',
          name: 'fund-approvals',
          component: () => import('@/features/funds/views/FundApprovalsView.vue'),
          meta: { title: 'approvals.title', ability: 'planActivities' },
        },
        {
          path: 'funds/bank-statements',
          name: 'fund-bank-statements',
          component: () => import('@/features/funds/views/FundBankStatementsView.vue'),
          meta: { title: 'bank.title', ability: 'planActivities' },
        },
        {
          path: 'funds/report',
          name: 'fund-report',
          component: () => import('@/features/funds/views/FundReportView.vue'),
          meta: { title: 'fundReport.title', ability: 'seeDashboard' },
        },
        // What the activity's QR code encodes: a phone that scans it lands here and checks in.
        {
          path: 'checkin/:id(\\d+)',
          name: 'check-in',
          component: () => import('@/features/activities/views/CheckInView.vue'),
          props: true,
          meta: { title: 'checkIn.title' },
        },
        {
          path: 'my-code',
          name: 'my-code',
          component: () => import('@/features/activities/views/MyCodeView.vue'),
          meta: { title: 'myCode.title' },
        },
        {
          path: 'organizations',
          name: 'organizations',
          component: () => import('@/features/registry/views/OrganizationsView.vue'),
          meta: { title: 'organizations.title' },
        },
        {
          path: 'people',
          name: 'people',
          component: () => import('@/features/registry/views/PeopleView.vue'),
          meta: { title: 'people.title' },
        },
        {
          path: 'people/new',
          name: 'person-new',
          component: () => import('@/features/registry/views/PersonFormView.vue'),
          meta: { title: 'personForm.addTitle', ability: 'addPeople' },
        },
        {
          path: 'people/:id(\\d+)',
          name: 'person',
          component: () => import('@/features/registry/views/PersonView.vue'),
          props: true,
          meta: { title: 'person.title' },
        },
        {
          path: 'people/:id(\\d+)/edit',
          name: 'person-edit',
          component: () => import('@/features/registry/views/PersonFormView.vue'),
          props: true,
          meta: { title: 'person.title' },
        },
        {
          path: 'import',
          name: 'import',
          component: () => import('@/features/registry/views/ImportView.vue'),
          meta: { title: 'import.title', ability: 'importMembers' },
        },
        {
          path: 'agency',
          name: 'agency',
          component: () => import('@/features/registry/views/AgencyView.vue'),
          meta: { title: 'agency.title' },
        },
        {
          path: 'accounts',
          name: 'accounts',
          component: () => import('@/features/session/views/AccountsView.vue'),
          meta: { title: 'accounts.title', ability: 'manageAccounts' },
        },
        {
          path: 'account',
          name: 'account',
          component: () => import('@/features/session/views/AccountView.vue'),
          meta: { title: 'account.title' },
        },
        {
          path: 'not-allowed',
          name: 'not-allowed',
          component: () => import('@/shared/views/NotAllowedView.vue'),
          meta: { title: 'forbidden.title' },
        },
        {
          path: ':unknown(.*)*',
          name: 'not-found',
          component: () => import('@/shared/views/NotFoundView.vue'),
          meta: { title: 'notFound.title' },
        },
      ],
    },
  ],
})

router.beforeEach(async (to: RouteLocationNormalized) => {
  await loadSession()
  if (to.meta.public) return true
  if (!state.session) {
    return { name: 'signin', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  const ability = to.matched.map((record) => record.meta.ability).find(Boolean)
  if (ability && !can[ability]) return { name: 'not-allowed' }
  return true
})

followPageTitles(router)

onSessionExpired(() => {
  const current = router.currentRoute.value
  if (current.name === 'session-expired' || current.name === 'signin') return
  void router.push({ name: 'session-expired', query: { redirect: current.fullPath } })
})
