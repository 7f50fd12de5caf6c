// One colour per organization, the same in every chart, legend and calendar: the dashboard, the
// plans, the funds' report and the activities' calendar all ask here.
//
// The colour follows the organization's kind, so that a trade union is blue wherever it is drawn
// and in every agency. The agency's own organizations come first, then the outside superiors, each
// group by id: the first organization of a kind takes the kind's colour; a second one of the same
// kind, and any organization whose kind has no colour, takes the next colour of the fallback
// palette. The list every screen reads is the same (shared/reference.ts), so every screen gives an
// organization the same colour.
//
// Text sits on these colours (white, in the calendar's blocks): each has at least 4.5:1 contrast
// with white (WCAG AA), noted beside it. The kinds' five stay apart from each other also for
// colour-blind eyes (simulated protanopia, deuteranopia, tritanopia: CIE76 ΔE ≥ 15 between any two).
import type { Organization, OrganizationKind } from './api'
import { reference } from './reference'

export const kindColours: Record<OrganizationKind, string> = {
  'trade-union': '#1565c0', // blue, 5.75:1
  'youth-union': '#2e7d32', // green, 5.13:1 (the youth volunteers' green)
  'lawyers-association': '#4a148c', // deep purple, 11.86:1
  'womens-union': '#c2185b', // pink, 5.87:1
  'veterans-association': '#5d4037', // brown, 9.32:1
  // Only for a kind taken as a whole (the dashboard's ring); an organization of this kind takes a
  // fallback colour, so that two of them differ.
  other: '#546e7a', // blue grey, 5.40:1
}

/** In turn for the organizations the kinds' colours do not cover. */
export const fallbackColours = [
  '#006978', // dark cyan, 6.38:1
  '#b45309', // amber brown, 5.02:1
  '#827717', // olive, 4.56:1
  '#455a64', // slate, 7.24:1
]

type Coloured = Pick<Organization, 'id' | 'kind' | 'external'>

/** Every organization's colour, by id. */
export function colourOrganizations(organizations: readonly Coloured[]): Map<number, string> {
  const ordered = [...organizations].sort((a, b) => Number(a.external) - Number(b.external) || a.id - b.id)
  const kindsTaken = new Set<OrganizationKind>()
  const colours = new Map<number, string>()
  let next = 0
  for (const organization of ordered) {
    if (organization.kind !== 'other' && !kindsTaken.has(organization.kind)) {
      kindsTaken.add(organization.kind)
      colours.set(organization.id, kindColours[organization.kind])
    } else {
      colours.set(organization.id, fallbackColours[next++ % fallbackColours.length])
    }
  }
  return colours
}

let cachedFor: readonly Coloured[] | null = null
let cached = new Map<number, string>()

/**
 * The organization's colour among the agency's organizations (loadOrganizations() reads them; a
 * chart computed from this follows when they arrive). One not (yet) known takes a fallback colour
 * by its id.
 */
export function organizationColour(id: number): string {
  if (cachedFor !== reference.organizations) {
    cachedFor = reference.organizations
    cached = colourOrganizations(reference.organizations)
  }
  return cached.get(id) ?? fallbackColours[id % fallbackColours.length]
}

/** A lighter shade of a colour (`amount` 0…1 of white mixed in), for a second series of one organization. */
export function lighten(colour: string, amount: number): string {
  const value = Number.parseInt(colour.slice(1), 16)
  const channel = (shift: number) => {
    const c = (value >> shift) & 0xff
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${channel(16)}${channel(8)}${channel(0)}`
}
