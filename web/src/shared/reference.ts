// Organizations and units change rarely and many screens name them: read them once per sign-in.
import { reactive } from 'vue'
import { organizationsApi, unitsApi, type Organization, type OrganizationKind, type Unit } from './api'

export const reference = reactive({
  organizations: [] as Organization[],
  units: [] as Unit[],
})

let organizationsLoad: Promise<Organization[]> | null = null
let unitsLoad: Promise<Unit[]> | null = null

/** `fresh` reads again after a change (member counts, a new organization). */
export function loadOrganizations(fresh = false): Promise<Organization[]> {
  if (fresh) organizationsLoad = null
  organizationsLoad ??= organizationsApi.list().then(
    (list) => (reference.organizations = list.items),
    (error) => {
      organizationsLoad = null
      throw error
    },
  )
  return organizationsLoad
}

export function loadUnits(fresh = false): Promise<Unit[]> {
  if (fresh) unitsLoad = null
  unitsLoad ??= unitsApi.list().then(
    (list) => (reference.units = list.items),
    (error) => {
      unitsLoad = null
      throw error
    },
  )
  return unitsLoad
}

/** The agency's own organizations (the outside superiors have no members here). */
export function ownOrganizations(): Organization[] {
  return reference.organizations.filter((o) => !o.external)
}

export function organizationName(id: number): string {
  const organization = reference.organizations.find((o) => o.id === id)
  return organization ? organization.name : `#${id}`
}

export function organizationKind(id: number): OrganizationKind | undefined {
  return reference.organizations.find((o) => o.id === id)?.kind
}

export function forgetReference(): void {
  organizationsLoad = null
  unitsLoad = null
  reference.organizations = []
  reference.units = []
}
