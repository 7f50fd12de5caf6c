// Charity and funds (issue 6): campaigns and standing funds, pledges, donations, disbursements,
// transfers and reversals on the server's ledger, the public statement, bank statements and the
// year's report. Money is always a whole number of đồng; dates are yyyy-mm-dd.
import { api, buildUrl, request } from '@/shared/api/client'

export type FundKind = 'campaign' | 'standing'
export type FundStatus = 'open' | 'closed'
export type PaymentMethod = 'cash' | 'bank_transfer'
export type EntryKind = 'pledge' | 'donation' | 'disbursement' | 'transfer' | 'reversal'

export interface FundTotals {
  pledged: number
  pledge_outstanding: number
  received: number
  disbursed: number
  transferred_in: number
  transferred_out: number
  /** received − disbursed + transferred_in − transferred_out = cash + bank */
  balance: number
  cash: number
  bank: number
  pending_disbursements: number
  donations: number
  donors: number
}

export interface Fund {
  id: number
  kind: FundKind
  name: string
  beneficiary: string
  purpose: string
  target: number | null
  starts_on: string
  ends_on: string | null
  status: FundStatus
  organizations: { id: number; name: string }[]
  totals: FundTotals
  /** The caller may record donations, request disbursements and close it. */
  manageable: boolean
}

export interface FundInput {
  kind: FundKind
  name: string
  beneficiary: string
  purpose: string
  target?: number | null
  starts_on: string
  ends_on?: string | null
  organization_ids: number[]
}

export type FundChanges = Partial<Pick<Fund, 'name' | 'beneficiary' | 'purpose' | 'target' | 'ends_on' | 'status'>>

export interface PersonRef {
  login: string
  full_name: string
}

export type PayerKind = 'person' | 'unit' | 'outside'

/** Who gave: a person of the agency, a department as a group, or someone from outside. */
export interface Payer {
  kind: PayerKind
  person_id?: number | null
  unit_id?: number | null
  /** Filled by the server for a person or a department. */
  name?: string
}

export interface Entry {
  id: number
  fund_id: number
  kind: EntryKind
  occurred_on: string
  recorded_at: string
  amount: number
  method: PaymentMethod | null
  payer: Payer | null
  anonymous: boolean
  beneficiary: string
  memo: string
  reference: string
  pledge_id: number | null
  to_fund_id: number | null
  reverses: number | null
  reversed_by: number | null
  receipt_number: string | null
  recorded_by: PersonRef
  approved_by: PersonRef | null
  disbursement_id: number | null
  statement_line_id: number | null
}

export type PledgeStatus = 'open' | 'paid' | 'cancelled'

export interface Pledge {
  id: number
  fund_id: number
  person_id: number | null
  name: string
  amount: number
  paid: number
  outstanding: number
  pledged_on: string
  note: string
  status: PledgeStatus
}

export interface PledgeInput {
  amount: number
  /** Default: the caller. */
  person_id?: number
  /** An outside giver. */
  name?: string
  note?: string
}

export interface DonationInput {
  amount: number
  method: PaymentMethod
  received_on: string
  payer: Payer
  anonymous: boolean
  pledge_id?: number | null
  reference?: string
  memo?: string
}

export type DisbursementStatus = 'pending' | 'approved' | 'rejected'

export interface Disbursement {
  id: number
  fund_id: number
  fund_name: string
  amount: number
  method: PaymentMethod
  beneficiary: string
  purpose: string
  paid_on: string
  status: DisbursementStatus
  requested_by: PersonRef
  requested_at: string
  decided_by: PersonRef | null
  decided_at: string | null
  reason: string
  entry_id: number | null
  /** The caller may approve or reject it (a manager of the fund who did not request it). */
  may_decide: boolean
}

export interface DisbursementInput {
  amount: number
  method: PaymentMethod
  beneficiary: string
  purpose: string
  paid_on: string
}

export interface TransferInput {
  to_fund_id: number
  amount: number
  from_method: PaymentMethod
  to_method: PaymentMethod
  on: string
  memo: string
}

export interface StatementRow {
  entry_id: number
  date: string
  kind: EntryKind
  /** null when the giver asked to stay anonymous. */
  counterparty: string | null
  anonymous: boolean
  method: PaymentMethod | null
  description: string
  amount_in: number
  amount_out: number
  balance: number
  receipt_number: string | null
  recorded_by: PersonRef | null
  approved_by: PersonRef | null
  reverses: number | null
}

export interface Statement {
  fund: Fund
  rows: StatementRow[]
  totals: { received: number; disbursed: number; transferred_in: number; transferred_out: number; balance: number }
}

export interface BankStatementUpload {
  id: number
  file_name: string
  lines: number
  new_lines: number
  already_imported: number
  money_out: number
}

export interface BankStatement {
  id: number
  file_name: string
  imported_at: string
  imported_by: PersonRef | null
  lines: number
  open_lines: number
}

export type ProposalStrength = 'strong' | 'likely' | 'weak'

export interface BankProposal {
  fund_id: number
  fund_name: string
  pledge_id: number | null
  person_id: number | null
  name: string
  outstanding: number | null
  strength: ProposalStrength
  reasons: string[]
}

export type StatementLineStatus = 'open' | 'booked' | 'ignored' | 'money_out'

export interface BankStatementLine {
  id: number
  line: number
  booked_on: string
  amount: number
  reference: string
  counterparty: string
  bank_reference: string
  status: StatementLineStatus
  entry_id: number | null
  proposals: BankProposal[]
  /** When booked: the donation's receipt, if the server says it. */
  receipt_number?: string | null
}

export interface BookInput {
  fund_id: number
  pledge_id?: number | null
  payer?: Payer
  anonymous?: boolean
}

/** A fund's year, or the year's total over funds: closing = opening + received − disbursed + in − out. */
export interface FundMovement {
  opening_balance: number
  received: number
  disbursed: number
  transferred_in: number
  transferred_out: number
  closing_balance: number
}

export interface FundReport extends FundMovement {
  year: number
  by_fund: (FundMovement & { fund_id: number; name: string })[]
  by_organization: { organization_id: number; name: string; received: number }[]
  by_department: { unit_id: number | null; name: string; received: number }[]
  year_list: { fund_id: number; text_vi: string; text_en: string; amount: number }[]
  year_list_total: number
}

type Items<T> = { items: T[]; count?: number; total?: number }

const idempotent = (key: string) => ({ 'Idempotency-Key': key })

export const fundsApi = {
  list: (filter: { status?: FundStatus; organization_id?: number }) => api.get<Items<Fund>>('/funds', filter),
  get: (id: number) => api.get<Fund>(`/funds/${id}`),
  create: (input: FundInput) => api.post<Fund>('/funds', input),
  update: (id: number, changes: FundChanges) => api.patch<Fund>(`/funds/${id}`, changes),
  pledges: (id: number) => api.get<Items<Pledge>>(`/funds/${id}/pledges`),
  /** `key` (Idempotency-Key) is made once per form submission and sent again on a retry. */
  pledge: (id: number, input: PledgeInput, key: string) =>
    request<Pledge>('POST', `/funds/${id}/pledges`, { body: input, headers: idempotent(key) }),
  cancelPledge: (id: number, reason: string) => api.post<Pledge>(`/pledges/${id}/cancel`, { reason }),
  donate: (id: number, input: DonationInput, key: string) =>
    request<Entry>('POST', `/funds/${id}/donations`, { body: input, headers: idempotent(key) }),
  entries: (id: number) => api.get<Items<Entry>>(`/funds/${id}/entries`),
  requestDisbursement: (id: number, input: DisbursementInput) => api.post<Disbursement>(`/funds/${id}/disbursements`, input),
  transfer: (id: number, input: TransferInput, key: string) =>
    request<Entry>('POST', `/funds/${id}/transfers`, { body: input, headers: idempotent(key) }),
  reverse: (entryId: number, reason: string) => api.post<Entry>(`/entries/${entryId}/reverse`, { reason }),
  receiptUrl: (entryId: number, lang: string) => buildUrl(`/entries/${entryId}/receipt.pdf`, { lang }),
  statement: (id: number) => api.get<Statement>(`/funds/${id}/statement`),
  statementXlsxUrl: (id: number, lang: string) => buildUrl(`/funds/${id}/statement.xlsx`, { lang }),
  report: (year: number) => api.get<FundReport>('/funds/report', { year }),
}

export const disbursementsApi = {
  list: (status?: DisbursementStatus) => api.get<Items<Disbursement>>('/disbursements', { status }),
  approve: (id: number) => api.post<Disbursement>(`/disbursements/${id}/approve`, {}),
  reject: (id: number, reason: string) => api.post<Disbursement>(`/disbursements/${id}/reject`, { reason }),
}

export const bankStatementsApi = {
  upload: (file: Blob, filename: string) =>
    request<BankStatementUpload>('POST', '/bank-statements', { bytes: file, query: { filename } }),
  list: () => api.get<Items<BankStatement>>('/bank-statements'),
  lines: (id: number) => api.get<Items<BankStatementLine>>(`/bank-statements/${id}/lines`),
  book: (lineId: number, input: BookInput) => api.post<Entry>(`/bank-statement-lines/${lineId}/book`, input),
  ignore: (lineId: number, reason: string) => api.post<BankStatementLine>(`/bank-statement-lines/${lineId}/ignore`, { reason }),
}
