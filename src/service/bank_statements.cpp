// Bank statements: the treasurer sends the bank's export; its lines are kept once however often
// it is imported, matched to pledges and people by amount and transfer note, and booked as
// donations when the treasurer confirms.

#include "service/bank_statements.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "core/access.hpp"
#include "core/vietnamese_text.hpp"
#include "io/bank_statement.hpp"
#include "service/audit.hpp"
#include "service/donations.hpp"
#include "service/fund_ledger.hpp"
#include "service/funds.hpp"
#include "service/refusal.hpp"
#include "service/temporary_file.hpp"
#include "store/fund_store.hpp"
#include "store/registry_store.hpp"
#include "store/sql.hpp"

namespace dk::service {
namespace {

Result<BankStatementLine> existing_line(store::FundStore& funds, const Actor& actor, Id id) {
  auto found = TRY(funds.find_statement_line(actor.principal.tenant, id));
  if (!found) {
    return fail(ErrorKind::not_found, "statement.line_not_found",
                fmt::format("Không có dòng sao kê số {}.", id),
                fmt::format("There is no statement line {}.", id));
  }
  return std::move(*found);
}

// Who a transfer may come from: every open pledge of an open fund the actor runs, and every
// person of the agency (a gift nobody pledged).
Result<std::vector<MatchCandidate>> candidates(store::SqlConnection& connection,
                                               const Actor& actor) {
  const Id tenant = actor.principal.tenant;
  store::FundStore funds(connection);
  store::RegistryStore registry(connection);
  auto open = funds.list_funds(tenant, FundStatus::open, std::nullopt);
  if (!open) return std::unexpected(open.error());
  auto units = TRY(registry.list_units(tenant));
  auto unit_name = [&](std::optional<Id> unit) -> std::string {
    if (!unit) return "";
    auto found = std::ranges::find(units, *unit, &Unit::id);
    return found == units.end() ? "" : found->name;
  };
  std::vector<MatchCandidate> result;
  std::map<Id, std::optional<Id>> person_units;
  auto people = registry.list_members(tenant, {}, [&](const MemberListing& listing) -> Status {
    person_units[listing.person.id] = listing.person.unit_id;
    result.push_back({0,
                      listing.person.id,
                      listing.person.full_name,
                      unit_name(listing.person.unit_id),
                      0,
                      0,
                      {}});
    return {};
  });
  if (!people) return std::unexpected(people.error());
  for (const Fund& fund : *open) {
    // Only the funds the actor runs: another organization's pledges are its officers' business.
    if (!manages_fund(actor, fund)) continue;
    auto pledges = TRY(funds.pledges(tenant, fund.id, std::nullopt));
    for (const Pledge& pledge : pledges) {
      if (pledge.status() != PledgeStatus::open) continue;
      result.push_back({pledge.id,
                        pledge.person_id.value_or(0),
                        pledge.payer_name,
                        pledge.person_id ? unit_name(person_units[*pledge.person_id]) : "",
                        pledge.outstanding,
                        fund.id,
                        {fund.name, fund.purpose}});
    }
  }
  return result;
}

}  // namespace

Result<StatementImport> import_bank_statement(store::SqlConnection& connection, const Actor& actor,
                                              const std::string& content,
                                              const std::string& file_name,
                                              const std::string& encoding) {
  if (!may_import_bank_statement(actor.principal)) return refuse();
  auto file = TRY(TemporaryFile::holding(content, ".statement"));
  io::ReadOptions options;
  options.encoding = encoding;
  options.deadline = std::chrono::steady_clock::now() + io::kUploadReadTime;
  auto lines = io::read_bank_statement(file.path(), options);
  if (!lines) return std::unexpected(lines.error());
  const std::vector<std::string> fingerprints = io::statement_fingerprints(*lines);
  // All lines or none: a statement half-imported would hide the rest on the next import.
  return store::in_transaction(connection, [&]() -> Result<StatementImport> {
    store::FundStore funds(connection);
    const Id tenant = actor.principal.tenant;
    auto statement = funds.create_statement(tenant, normalize_text(file_name),
                                            actor.principal.account_id, actor.clock());
    if (!statement) return std::unexpected(statement.error());
    StatementImport result;
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const io::StatementLine& line = (*lines)[i];
      BankStatementLine stored;
      stored.statement_id = statement->id;
      stored.line_no = static_cast<std::int64_t>(line.line);
      stored.booked_on = line.booked_on;
      stored.amount = line.amount;
      stored.reference = line.reference;
      stored.counterparty = line.counterparty;
      stored.bank_reference = line.bank_reference;
      stored.fingerprint = fingerprints[i];
      stored.status = line.amount > 0 ? StatementLineStatus::open : StatementLineStatus::money_out;
      auto added = TRY(funds.add_statement_line(tenant, stored));
      ++result.lines;
      if (!added) {
        ++result.already_imported;
      } else {
        ++result.new_lines;
        if (line.amount <= 0) ++result.money_out;
      }
    }
    if (auto counted =
            funds.set_statement_counts(tenant, statement->id, result.lines, result.new_lines);
        !counted)
      return std::unexpected(counted.error());
    TRY(record_audit(
        connection, actor, "import", "bank_statement", statement->id,
        fmt::format(R"({{"lines":{},"new_lines":{}}})", result.lines, result.new_lines)));
    statement->lines = result.lines;
    statement->new_lines = result.new_lines;
    result.statement = std::move(*statement);
    return result;
  });
}

Result<std::vector<BankStatement>> list_bank_statements(store::SqlConnection& connection,
                                                        const Actor& actor) {
  if (!may_import_bank_statement(actor.principal)) return refuse();
  return store::FundStore(connection).statements(actor.principal.tenant);
}

Result<std::vector<StatementLineView>> bank_statement_lines(store::SqlConnection& connection,
                                                            const Actor& actor, Id statement) {
  if (!may_import_bank_statement(actor.principal)) return refuse();
  store::FundStore funds(connection);
  auto lines = TRY(funds.statement_lines(actor.principal.tenant, statement));
  auto pool = candidates(connection, actor);
  if (!pool) return std::unexpected(pool.error());
  auto open = funds.list_funds(actor.principal.tenant, FundStatus::open, std::nullopt);
  if (!open) return std::unexpected(open.error());
  // The pool's names and words folded once for the whole statement.
  const PreparedCandidates prepared(*pool);
  std::vector<StatementLineView> views;
  for (BankStatementLine& line : lines) {
    StatementLineView view{std::move(line), {}};
    if (view.line.status == StatementLineStatus::open) {
      const TransferNote note{view.line.amount, view.line.reference, view.line.counterparty};
      for (const MatchProposal& match : propose_matches(note, prepared)) {
        LineProposal proposal{match, "", "", 0};
        auto candidate = std::ranges::find_if(*pool, [&](const MatchCandidate& c) {
          return c.pledge_id == match.pledge_id && c.person_id == match.person_id;
        });
        if (candidate != pool->end()) {
          proposal.name = candidate->full_name;
          proposal.outstanding = candidate->outstanding;
        }
        auto fund = std::ranges::find(*open, match.fund_id, &Fund::id);
        if (fund != open->end()) proposal.fund_name = fund->name;
        view.proposals.push_back(std::move(proposal));
      }
    }
    views.push_back(std::move(view));
  }
  return views;
}

Result<LedgerEntry> book_statement_line(store::SqlConnection& connection, const Actor& actor, Id id,
                                        const BookLineInput& input) {
  return store::in_transaction(connection, [&]() -> Result<LedgerEntry> {
    store::FundStore funds(connection);
    auto line = existing_line(funds, actor, id);
    if (!line) return std::unexpected(line.error());
    if (line->status != StatementLineStatus::open) {
      return fail(ErrorKind::conflict, "statement.line_booked",
                  fmt::format("Dòng sao kê {} đã được ghi sổ hoặc bỏ qua.", line->line_no),
                  fmt::format("Statement line {} is already booked or ignored.", line->line_no),
                  Location{static_cast<std::uint64_t>(line->line_no), ""});
    }
    // Claimed first: of two officers confirming the line at the same moment, the second finds
    // it taken (on PostgreSQL it waits for the first's commit, then sees it booked).
    auto claimed = funds.set_line_status(actor.principal.tenant, id, StatementLineStatus::open,
                                         StatementLineStatus::booked, std::nullopt, "");
    if (!claimed) return std::unexpected(claimed.error());
    if (!*claimed) {
      return fail(ErrorKind::conflict, "statement.line_booked",
                  fmt::format("Dòng sao kê {} đã được ghi sổ.", line->line_no),
                  fmt::format("Statement line {} is already booked.", line->line_no),
                  Location{static_cast<std::uint64_t>(line->line_no), ""});
    }
    DonationInput donation;
    donation.amount = line->amount;
    donation.method = PaymentMethod::bank_transfer;
    donation.received_on = line->booked_on;
    donation.payer = input.payer;
    if (!donation.payer && !input.pledge_id && !input.anonymous)
      donation.payer = PayerInput{PayerKind::outside, {}, {}, line->counterparty};
    donation.anonymous = input.anonymous;
    donation.pledge_id = input.pledge_id;
    donation.reference = line->reference;
    donation.statement_line_id = id;
    auto entry = record_donation(connection, actor, input.fund_id, donation);
    if (!entry) return entry;
    auto linked = funds.set_line_status(actor.principal.tenant, id, StatementLineStatus::booked,
                                        StatementLineStatus::booked, entry->id, "");
    if (!linked) return std::unexpected(linked.error());
    return entry;
  });
}

Result<StatementLineView> ignore_statement_line(store::SqlConnection& connection,
                                                const Actor& actor, Id id,
                                                const std::string& reason) {
  if (!may_import_bank_statement(actor.principal)) return refuse();
  auto ignored = store::in_transaction(connection, [&]() -> Result<BankStatementLine> {
    store::FundStore funds(connection);
    auto line = existing_line(funds, actor, id);
    if (!line) return line;
    auto changed = TRY(funds.set_line_status(actor.principal.tenant, id, StatementLineStatus::open,
                                             StatementLineStatus::ignored, std::nullopt,
                                             normalize_text(reason)));
    if (!changed) {
      return fail(ErrorKind::conflict, "statement.line_booked",
                  fmt::format("Dòng sao kê {} đã được ghi sổ hoặc bỏ qua.", line->line_no),
                  fmt::format("Statement line {} is already booked or ignored.", line->line_no));
    }
    TRY(record_audit(connection, actor, "ignore", "bank_statement_line", id, "{}"));
    return existing_line(funds, actor, id);
  });
  if (!ignored) return std::unexpected(ignored.error());
  return StatementLineView{std::move(*ignored), {}};
}

}  // namespace dk::service
