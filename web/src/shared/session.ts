// Who is signed in, and what the UI offers them. The rules mirror the "Roles" table of
// docs/api.md; the API enforces them anyway, so these only hide what would be refused.
import { computed, reactive } from 'vue'
import { agencyApi, ApiError, configureClient, sessionApi, type Agency, type Session } from './api'
import { forgetReference } from './reference'

interface SessionState {
  session: Session | null
  agency: Agency | null
  /** Set once the first GET /session has answered, so the router knows whether to wait. */
  loaded: boolean
  /** Why the last session ended without the user signing out. */
  expired: boolean
}

export const state = reactive<SessionState>({ session: null, agency: null, loaded: false, expired: false })

let expiredHandler: () => void = () => {}

/** The router decides where an expired session leads; the store only reports it. */
export function onSessionExpired(handler: () => void): void {
  expiredHandler = handler
}

configureClient({
  csrfToken: () => state.session?.csrf_token ?? '',
  unauthorized: (_error: ApiError) => {
    // The API says `session.none` without a cookie and `session.expired` for an ended session;
    // a cookie deleted under us is a lost session too, so what counts is whether we held one.
    const hadSession = state.session !== null
    state.session = null
    if (hadSession) {
      state.expired = true
      expiredHandler()
    }
  },
})

async function loadAgency(): Promise<void> {
  try {
    state.agency = await agencyApi.get()
  } catch {
    state.agency = null
  }
}

let loading: Promise<void> | null = null

/** Reads the current session once (the cookie is HttpOnly, so only the server knows). */
export function loadSession(): Promise<void> {
  if (state.loaded) return Promise.resolve()
  loading ??= (async () => {
    try {
      state.session = await sessionApi.current()
      await loadAgency()
    } catch (e) {
      state.session = null
      // No cookie (`session.none`) is simply signed out; a cookie whose session has ended
      // (`session.expired`, e.g. a tab reopened next morning) is told so on the sign-in page.
      state.expired = e instanceof ApiError && e.code === 'session.expired'
    } finally {
      state.loaded = true
      loading = null
    }
  })()
  return loading
}

export async function signIn(login: string, password: string): Promise<void> {
  state.session = await sessionApi.signIn(login, password)
  forgetReference()
  state.expired = false
  state.loaded = true
  await loadAgency()
}

export async function signOut(): Promise<void> {
  try {
    await sessionApi.signOut()
  } finally {
    state.session = null
    state.agency = null
    state.expired = false
    forgetReference()
  }
}

function has(role: Session['roles'][number]): boolean {
  return state.session?.roles.includes(role) ?? false
}

export const can = reactive({
  isAdministrator: computed(() => has('administrator')),
  isLeadership: computed(() => has('leadership')),
  isOfficer: computed(() => has('officer')),
  /** Administrators, leadership and officers; members get 403 from /dashboard. */
  seeDashboard: computed(() => has('administrator') || has('leadership') || has('officer')),
  importMembers: computed(() => has('administrator')),
  manageUnits: computed(() => has('administrator')),
  /** Organizations, partner units: the agency's structure (docs/api.md, Roles). */
  manageStructure: computed(() => has('administrator')),
  manageAccounts: computed(() => has('administrator')),
  /** Taking someone off the agency's registry (DELETE /people/{id}). */
  removePeople: computed(() => has('administrator')),
  seeAudit: computed(() => has('administrator')),
  /** Officers schedule their organizations' activities; administrators any. */
  planActivities: computed(() => has('administrator') || has('officer')),
  /** Administrators add anyone; officers only into an organization they serve. */
  addPeople: computed(() => has('administrator') || has('officer')),
})

/** Organizations a new person may be enrolled in by this user (null: any). */
export function enrollableOrganizations(): number[] | null {
  if (has('administrator')) return null
  return state.session?.officer_of ?? []
}

export function managesOrganization(organizationId: number): boolean {
  return has('administrator') || (state.session?.officer_of.includes(organizationId) ?? false)
}

/**
 * How much of a person's record this user may change: everything (administrator, or an officer of
 * an organization the person currently belongs to), only their own contact fields, or nothing.
 */
export function personEditScope(person: { id: number; memberships?: { organization_id: number; status: string }[] }):
  | 'all'
  | 'contact'
  | 'none' {
  if (has('administrator')) return 'all'
  const officerOf = state.session?.officer_of ?? []
  const current = (person.memberships ?? []).filter((m) => m.status !== 'left')
  if (current.some((m) => officerOf.includes(m.organization_id))) return 'all'
  if (state.session?.person_id === person.id) return 'contact'
  return 'none'
}
