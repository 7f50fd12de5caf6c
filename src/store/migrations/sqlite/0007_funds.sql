-- Charity and funds (issue 6): campaigns and standing funds, pledges, the double-entry ledger,
-- disbursements awaiting a second officer's approval, and imported bank statements. Money is
-- integer đồng; balances and totals are sums of ledger_lines and are stored nowhere else. Ledger
-- rows are only ever inserted: a mistake is undone by a reversal (reverses_id), not an UPDATE.
CREATE TABLE funds (
  tenant_id INTEGER NOT NULL REFERENCES agencies (id),
  id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('campaign', 'standing')),
  name TEXT NOT NULL,
  beneficiary TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  target INTEGER CHECK (target > 0),
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,  -- also touched to lock the fund while money leaves it
  PRIMARY KEY (tenant_id, id)
) STRICT;

CREATE TABLE fund_organizers (
  tenant_id INTEGER NOT NULL,
  fund_id INTEGER NOT NULL,
  organization_id INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, fund_id, organization_id),
  FOREIGN KEY (tenant_id, fund_id) REFERENCES funds (tenant_id, id),
  FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
) STRICT, WITHOUT ROWID;

-- A promise to give. What it awaits is the sum of its lines on pledges_receivable.
CREATE TABLE pledges (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  fund_id INTEGER NOT NULL,
  person_id INTEGER,
  payer_name TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  pledged_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, fund_id) REFERENCES funds (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES persons (tenant_id, id)
) STRICT;
CREATE INDEX pledges_fund ON pledges (tenant_id, fund_id);
CREATE INDEX pledges_person ON pledges (tenant_id, person_id);

CREATE TABLE ledger_transactions (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  fund_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pledge', 'donation', 'disbursement', 'transfer', 'reversal')),
  occurred_on TEXT NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  method TEXT CHECK (method IN ('cash', 'bank_transfer')),
  payer_kind TEXT CHECK (payer_kind IN ('person', 'unit', 'outside')),
  person_id INTEGER,
  unit_id INTEGER,
  payer_name TEXT NOT NULL DEFAULT '',
  anonymous INTEGER NOT NULL DEFAULT 0,
  beneficiary TEXT NOT NULL DEFAULT '',
  memo TEXT NOT NULL DEFAULT '',
  reference TEXT NOT NULL DEFAULT '',
  pledge_id INTEGER,
  to_fund_id INTEGER,
  reverses_id INTEGER,
  receipt_number TEXT,
  statement_line_id INTEGER,
  disbursement_id INTEGER,
  recorded_by INTEGER,
  recorded_at INTEGER NOT NULL,
  approved_by INTEGER,
  approved_at INTEGER,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, fund_id) REFERENCES funds (tenant_id, id)
) STRICT;
CREATE INDEX ledger_transactions_fund ON ledger_transactions (tenant_id, fund_id, id);
-- A transaction is reversed at most once, a receipt number given once, a disbursement paid once.
CREATE UNIQUE INDEX ledger_transactions_reverses ON ledger_transactions (tenant_id, reverses_id)
  WHERE reverses_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_transactions_receipt ON ledger_transactions (tenant_id, receipt_number)
  WHERE receipt_number IS NOT NULL;
CREATE UNIQUE INDEX ledger_transactions_disbursement
  ON ledger_transactions (tenant_id, disbursement_id) WHERE disbursement_id IS NOT NULL;

CREATE TABLE ledger_lines (
  tenant_id INTEGER NOT NULL,
  transaction_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  fund_id INTEGER NOT NULL,
  account TEXT NOT NULL CHECK (account IN ('cash', 'bank', 'donations', 'disbursements',
    'transfers_in', 'transfers_out', 'pledges_receivable', 'pledges_promised')),
  amount INTEGER NOT NULL CHECK (amount <> 0),
  pledge_id INTEGER,
  PRIMARY KEY (tenant_id, transaction_id, line_no),
  FOREIGN KEY (tenant_id, transaction_id) REFERENCES ledger_transactions (tenant_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ledger_lines_fund ON ledger_lines (tenant_id, fund_id, account);
CREATE INDEX ledger_lines_pledge ON ledger_lines (tenant_id, pledge_id) WHERE pledge_id IS NOT NULL;

-- A request to pay out of a fund; it becomes a ledger transaction only once a second officer
-- approves it.
CREATE TABLE disbursements (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  fund_id INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  method TEXT NOT NULL CHECK (method IN ('cash', 'bank_transfer')),
  beneficiary TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  paid_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by INTEGER NOT NULL,
  requested_at INTEGER NOT NULL,
  decided_by INTEGER,
  decided_at INTEGER,
  reason TEXT NOT NULL DEFAULT '',
  transaction_id INTEGER,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, fund_id) REFERENCES funds (tenant_id, id)
) STRICT;
CREATE INDEX disbursements_status ON disbursements (tenant_id, status);

CREATE TABLE bank_statements (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  file_name TEXT NOT NULL DEFAULT '',
  imported_by INTEGER,
  imported_at INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  new_lines INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, id)
) STRICT;

-- One line of a bank statement, kept once whatever the number of imports: its fingerprint is the
-- bank's transaction number or, without one, its content and its rank among identical lines.
CREATE TABLE bank_statement_lines (
  tenant_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  statement_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  booked_on TEXT NOT NULL,
  amount INTEGER NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  counterparty TEXT NOT NULL DEFAULT '',
  bank_reference TEXT NOT NULL DEFAULT '',
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'booked', 'ignored', 'money_out')),
  transaction_id INTEGER,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, statement_id) REFERENCES bank_statements (tenant_id, id)
) STRICT;
CREATE UNIQUE INDEX bank_statement_lines_fingerprint
  ON bank_statement_lines (tenant_id, fingerprint);
CREATE INDEX bank_statement_lines_statement ON bank_statement_lines (tenant_id, statement_id, id);
CREATE INDEX bank_statement_lines_bank_reference ON bank_statement_lines (tenant_id, bank_reference)
  WHERE bank_reference <> '';
