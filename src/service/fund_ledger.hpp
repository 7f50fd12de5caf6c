#pragma once
// What the funds' use cases share: who runs a fund, and posting a transaction to the ledger with
// the checks every posting needs (balanced lines, the funds locked, nothing overdrawn, audited).

#include "core/fund.hpp"
#include "core/fund_records.hpp"
#include "core/ledger.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

// Administrators and officers of one of the fund's organizers.
bool manages_fund(const Actor& actor, const Fund& fund);

Result<Fund> existing_fund(Connection& connection, const Actor& actor, Id id);
// The fund read after taking its lock (inside a transaction): what is checked on it (open, what a
// pledge still awaits) cannot change before the caller's posting commits.
Result<Fund> locked_fund(Connection& connection, const Actor& actor, Id id);
Result<LedgerEntry> existing_entry(Connection& connection, const Actor& actor, Id id);

// The fund holds `amount` in cash or in the bank, as `method` says.
Status require_held(const Fund& fund, const FundBalance& balance, PaymentMethod method,
                    Dong amount);

// Posts `entry` (its lines built by core/ledger) inside the caller's transaction: locks the funds
// it touches in id order, refuses a posting that would take a fund's cash or bank below zero, and
// records it in the audit log. Returns the entry as stored.
Result<LedgerEntry> post_entry(Connection& connection, const Actor& actor, LedgerEntry entry);
// Posts the reversal of `original`; a transaction is reversed once, and a reversal is never
// reversed itself.
Result<LedgerEntry> post_reversal(Connection& connection, const Actor& actor,
                                  const LedgerEntry& original, const std::string& reason);

}  // namespace dk::service
