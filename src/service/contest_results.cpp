#include "service/contest_results.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/civil_date.hpp"
#include "io/certificate_pdf.hpp"
#include "service/audit.hpp"
#include "service/contest_attempts.hpp"
#include "service/contests.hpp"
#include "service/notify.hpp"
#include "service/refusal.hpp"
#include "store/contest_attempt_store.hpp"
#include "store/contest_report_store.hpp"
#include "store/contest_round_store.hpp"
#include "store/contest_store.hpp"
#include "store/registry_store.hpp"

namespace dk::service {

Result<Leaderboard> round_leaderboard(Connection& connection, const Actor& actor, Id contest_id,
                                      Id round_id, std::int64_t limit, std::int64_t offset) {
  limit = std::clamp<std::int64_t>(limit, 1, kMaxLeaderboardPage);
  offset = std::max<std::int64_t>(offset, 0);
  const Instant now = actor.clock();
  auto readable = store::in_read_snapshot(connection, [&]() -> Result<ContestRound> {
    const auto contest = TRY(contest_visible_to(connection, actor, contest_id));
    auto found = TRY(store::ContestRoundStore(connection).find(actor.principal.tenant, round_id));
    if (!found || found->contest_id != contest_id) {
      return fail(ErrorKind::not_found, "contest.round_not_found",
                  fmt::format("Không có vòng thi số {}.", round_id),
                  fmt::format("There is no round {}.", round_id));
    }
    if (!contest.may_run && !results_visible(*found, now)) {
      return fail(ErrorKind::conflict, "contest.results_not_yet",
                  "Kết quả được công bố khi vòng thi kết thúc.",
                  "Results are published when the round closes.");
    }
    return std::move(*found);
  });
  if (!readable) return std::unexpected(readable.error());
  ContestRound round = std::move(*readable);
  TRY(close_expired_attempts(connection, round, now));
  return store::in_read_snapshot(connection, [&]() -> Result<Leaderboard> {
    store::ContestAttemptStore attempts(connection);
    Leaderboard board;
    board.questions = question_count(round);
    board.entrants = TRY(attempts.entrant_count(round.tenant_id, round.id));
    board.perfect = TRY(attempts.perfect_count(round.tenant_id, round.id, board.questions));
    board.offset = offset;
    const auto lines =
        TRY(attempts.leaderboard(round.tenant_id, round.id, board.perfect, limit, offset));
    // The page's first rank counts everyone ahead of it (ties may begin on the page before);
    // after that group, a place on the page is the offset and its place there.
    std::vector<ContestEntry> entries;
    std::map<Id, const store::LeaderboardLine*> names;
    for (const auto& line : lines) {
      entries.push_back(line.entry);
      names[line.entry.person_id] = &line;
    }
    std::int64_t first = 1;
    if (!lines.empty()) {
      first =
          TRY(attempts.ahead_of(round.tenant_id, round.id, lines.front().entry, board.perfect)) + 1;
    }
    for (const RankedEntry& ranked : rank_entries(entries, board.perfect)) {
      LeaderboardRow row;
      row.entry = ranked.entry;
      row.distance = ranked.distance;
      row.rank = static_cast<int>(ranked.rank == 1 ? first : offset + ranked.rank);
      row.full_name = names.at(ranked.entry.person_id)->full_name;
      row.unit_name = names.at(ranked.entry.person_id)->unit_name;
      row.organization = names.at(ranked.entry.person_id)->organization;
      board.rows.push_back(std::move(row));
    }
    board.round = std::move(round);
    return board;
  });
}

Result<ContestParticipation> contest_participation(Connection& connection, const Actor& actor,
                                                   Id contest_id) {
  const Instant now = actor.clock();
  const auto found = store::in_read_snapshot(
      connection, [&] { return contest_run_by(connection, actor, contest_id); });
  if (!found) return std::unexpected(found.error());
  const ContestView& view = *found;
  for (const ContestRound& round : view.rounds) TRY(close_expired_attempts(connection, round, now));
  return store::in_read_snapshot(connection, [&]() -> Result<ContestParticipation> {
    store::ContestStore contests(connection);
    ContestParticipation participation;
    const auto rows = TRY(contests.participant_rows(view.contest));
    participation.total = participation_of(rows);
    participation.organizations = TRY(contests.organization_rows(view.contest));
    rank_groups(participation.organizations);
    for (const ParticipantRow& row : rows)
      if (!row.entered) participation.not_entered.push_back(row);
    participation.people_with_below = participation.total.people;
    participation.entrants_with_below = participation.total.entrants;
    // One row per sender (its audience counted once): rows that add up to the total. The
    // organizations inside a report overlap and stay in its file.
    for (const auto& report :
         TRY(store::ContestReportStore(connection).reports(view.contest.tenant_id, contest_id))) {
      ParticipationGroup below;
      below.name = report.sent_by;
      below.people = report.people;
      below.entrants = report.entrants;
      if (__builtin_add_overflow(participation.people_with_below, report.people,
                                 &participation.people_with_below) ||
          __builtin_add_overflow(participation.entrants_with_below, report.entrants,
                                 &participation.entrants_with_below)) {
        return fail(ErrorKind::invalid_input, "contest.results_too_large",
                    "Tổng số người báo cáo từ cấp dưới vượt quá giới hạn.",
                    "The people reported from below add up past the limit.");
      }
      participation.below.push_back(std::move(below));
    }
    rank_groups(participation.below);
    return participation;
  });
}

Result<std::int64_t> remind_contest(Connection& connection, const Actor& actor, Id contest_id) {
  const Instant now = actor.clock();
  auto reminded = store::in_transaction(connection, [&]() -> Result<std::int64_t> {
    const auto view = TRY(contest_run_by(connection, actor, contest_id));
    store::ContestStore contests(connection);
    const auto recent = TRY(contests.reminded_since(view.contest, now - kContestReminderSpacing));
    std::vector<Id> people;
    for (const ParticipantRow& row : TRY(contests.participant_rows(view.contest)))
      if (!row.entered && !std::ranges::binary_search(recent, row.person_id))
        people.push_back(row.person_id);
    if (!people.empty()) {
      TRY(contests.note_reminders(view.contest, people, now));
      NotificationEvent event;
      event.tenant_id = view.contest.tenant_id;
      event.kind = NotificationKind::contest_reminder;
      event.created_at = now;
      event.link = fmt::format("/contests/{}", contest_id);
      event.title = Text{fmt::format("Mời bạn tham gia cuộc thi: {}", view.contest.title),
                         fmt::format("You are invited to enter: {}", view.contest.title)};
      const std::string who = view.organization_name;
      event.body =
          Text{who.empty() ? "Bạn chưa dự thi." : who + " — bạn chưa dự thi.",
               who.empty() ? "You have not entered yet." : who + " — you have not entered yet."};
      TRY(publish_notification(connection, std::move(event), store::people_recipients(people)));
    }
    TRY(record_audit(connection, actor, "remind", "contest", contest_id,
                     fmt::format(R"({{"reminded":{}}})", people.size())));
    return static_cast<std::int64_t>(people.size());
  });
  if (reminded && *reminded > 0) signal_notified(actor.principal.tenant);
  return reminded;
}

Result<CertificatesFile> round_certificates(Connection& connection, const Actor& actor,
                                            Id contest_id, Id round_id, int top,
                                            std::string_view language) {
  if (top < 1 || top > kMaxCertificates) {
    return fail(ErrorKind::invalid_input, "contest.certificates_top",
                fmt::format("Số người được cấp giấy chứng nhận từ 1 đến {}.", kMaxCertificates),
                fmt::format("Certificates go to the best 1 to {}.", kMaxCertificates),
                Location{0, "top"});
  }
  const auto view = TRY(store::in_read_snapshot(
      connection, [&] { return contest_run_by(connection, actor, contest_id); }));
  const Instant now = actor.clock();
  // Ties at the last place share it: read past `top` by as many as a page holds.
  const auto board =
      TRY(round_leaderboard(connection, actor, contest_id, round_id, kMaxLeaderboardPage, 0));
  if (phase_of(board.round, now) != RoundPhase::closed) {
    return fail(ErrorKind::conflict, "contest.round_not_closed",
                "Giấy chứng nhận được cấp khi vòng thi đã kết thúc và có kết quả chính thức.",
                "Certificates are given once the round has closed and its results are final.");
  }
  auto agencies = TRY(store::RegistryStore(connection).list_agencies());
  const auto agency = std::ranges::find(agencies, actor.principal.tenant, &Agency::id);
  const std::string agency_name = agency == agencies.end() ? "" : agency->name;
  const std::string place = agency == agencies.end() ? "" : agency->province;
  const bool english = language == "en";
  std::vector<io::CertificateDocument> certificates;
  for (const LeaderboardRow& row : board.rows) {
    if (row.rank > top) break;
    io::CertificateDocument document;
    document.language = english ? "en" : "vi";
    document.superior = view.contest.organization_id ? agency_name : "";
    document.issuer = view.contest.organization_id ? view.organization_name : agency_name;
    document.recipient = row.full_name;
    document.recipient_unit = row.unit_name;
    document.achievement =
        english ? fmt::format("Ranked {} of {} entrants — {}/{} right", row.rank, board.entrants,
                              row.entry.score, board.questions)
                : fmt::format("Đạt thứ hạng {} trên {} người dự thi — {}/{} câu đúng", row.rank,
                              board.entrants, row.entry.score, board.questions);
    document.contest =
        english
            ? fmt::format("Online contest “{}” — {}", view.contest.title, board.round.title)
            : fmt::format("Cuộc thi trực tuyến “{}” — {}", view.contest.title, board.round.title);
    document.place_and_date = document_date_line(place, vietnam_date(now), english ? "en" : "vi");
    document.signer_title =
        english ? "FOR THE ORGANIZING COMMITTEE\nHEAD" : "TM. BAN TỔ CHỨC\nTRƯỞNG BAN";
    certificates.push_back(std::move(document));
  }
  if (certificates.empty()) {
    return fail(ErrorKind::conflict, "contest.no_entrants", "Vòng thi chưa có người dự thi.",
                "Nobody has entered the round.");
  }
  CertificatesFile file;
  file.content = TRY(io::render_certificates_pdf(certificates));
  file.certificates = static_cast<int>(certificates.size());
  file.file_name = fmt::format("giay-chung-nhan-vong-{}.pdf", round_id);
  TRY(record_audit(
      connection, actor, "certificates", "contest", contest_id,
      fmt::format(R"({{"round":{},"certificates":{}}})", round_id, file.certificates)));
  return file;
}

}  // namespace dk::service
