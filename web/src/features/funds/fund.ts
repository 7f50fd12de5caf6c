// What the fund screens share: who is offered which fund page, how far a campaign is toward its
// target, and how a ledger's counterparty reads.
import { computed, reactive } from 'vue'
import type { Entry, Fund, Payer } from './api'
import { can } from '@/shared/session'

/** The pages beside the funds list; the API refuses the rest anyway, these only hide it. */
export const fundAbilities = reactive({
  /** Officers keep their organizations' funds; administrators any (a fund's own `manageable` decides). */
  manage: computed(() => can.isAdministrator || can.isOfficer),
  /** Approving disbursements and importing bank statements are the treasurers' (officers', administrators'). */
  approve: computed(() => can.isAdministrator || can.isOfficer),
  bankStatements: computed(() => can.isAdministrator || can.isOfficer),
  /** The year's report: those who read the dashboard. */
  report: computed(() => can.seeDashboard),
})

/** Received as a whole percentage of the target (0 without one), for the progress bar. */
export function targetPercent(fund: Pick<Fund, 'target' | 'totals'>): number {
  if (!fund.target || fund.target <= 0) return 0
  return Math.floor((fund.totals.received * 100) / fund.target)
}

/** A payer's name, or the word for "anonymous" when the giver asked to stay so on the statement. */
export function payerName(payer: Payer | null, anonymous: boolean, anonymousWord: string): string {
  if (anonymous) return payer?.name ? `${payer.name} (${anonymousWord})` : anonymousWord
  return payer?.name ?? ''
}

/**
 * Which way an entry moved this fund's money: +1 in, −1 out, 0 for a pledge (a promise, not
 * money). A reversal goes against the entry it reverses.
 */
export function entryDirection(entry: Entry, fundId: number, entries: Entry[]): 1 | -1 | 0 {
  switch (entry.kind) {
    case 'pledge':
      return 0
    case 'donation':
      return 1
    case 'disbursement':
      return -1
    case 'transfer':
      return entry.to_fund_id === fundId ? 1 : -1
    case 'reversal': {
      const reversed = entries.find((e) => e.id === entry.reverses)
      return reversed ? ((-entryDirection(reversed, fundId, entries)) as 1 | -1 | 0) : 0
    }
  }
}
