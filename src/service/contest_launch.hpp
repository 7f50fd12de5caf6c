#pragma once
// Contests launched from above (issue 17): a superior organization's contest goes down to the
// organizations below it that run their own installation as a contest file
// (io/contest_file.hpp) — the contest, its rounds and its bank, with a checksum — which each
// imports as its own copy, run by its own organization for its own members. The copy keeps the
// key of the contest it came from, so that the same file imported twice is one contest; its
// results go back up the same way, as a results file the superior imports.

#include <optional>
#include <string>

#include "service/actor.hpp"
#include "service/contests.hpp"
#include "service/database.hpp"

namespace dk::service {

struct ContestFileDownload {
  std::string file_name;  // "cuoc-thi-12.doanket-contest.json"
  std::string content;
};

// The contest as a file for the organizations below, for those who run it. Its launch key is
// drawn the first time and kept, so that every file of the contest names it alike.
Result<ContestFileDownload> export_contest_file(Connection& connection, const Actor& actor,
                                                Id contest);

struct ContestFileUpload {
  std::string content;
  std::optional<Id> organization_id;  // who runs the copy; none: the agency
};

struct ImportedContest {
  ContestView view;
  bool already = false;  // the agency had imported this contest before: that copy, unchanged
};

// The file's contest as the agency's copy, for the members of `organization_id` (with those below
// it), or everyone of the agency: its bank and rounds as they came, each round's quotas checked
// against the bank. All or nothing; what is wrong is named by field (io/contest_file.hpp).
Result<ImportedContest> import_contest_file(Connection& connection, const Actor& actor,
                                            const ContestFileUpload& upload);

// The copy's results going back up to who launched it (io/contest_results_file.hpp): each round's
// entrants — its own and those its organizations below reported to it, so that results roll up
// level by level — and its participation by organization. For those who run the copy.
Result<ContestFileDownload> export_contest_results(Connection& connection, const Actor& actor,
                                                   Id contest);

struct ResultsImportReport {
  std::string sent_by;
  std::int64_t rounds = 0;
  std::int64_t entries = 0;
  bool replaced = false;  // a report from the same sender was there: this one took its place
};

// Results sent back up for a contest the agency launched: they join its leaderboards and its
// participation (the organizations below). The file must answer this contest's own file and name
// its rounds (by title and opening) with as many questions; all or nothing.
Result<ResultsImportReport> import_contest_results(Connection& connection, const Actor& actor,
                                                   Id contest, std::string_view content);

// Within one installation (a province and its agencies on one PostgreSQL), the same without files:
// the superior's officers make the copies and gather their results themselves. This is the one
// place a use case writes into other agencies — only copies of the actor's own contest, for the
// organizations that name the contest's organization as their superior, recorded in each agency's
// audit log as the system's with who launched it.
struct LaunchedCopy {
  Id agency_id = 0;
  std::string agency_name;
  Id organization_id = 0;
  std::string organization_name;
  Id contest_id = 0;     // the copy, in that agency
  bool already = false;  // made before: unchanged
};

// A copy for each organization of another agency of this installation directly below the
// contest's organization. Running it again makes the copies still missing.
Result<std::vector<LaunchedCopy>> launch_below(Connection& connection, const Actor& actor,
                                               Id contest);

struct GatheredResults {
  std::int64_t copies = 0;
  std::int64_t entries = 0;
};

// Each copy's results (as export_contest_results gives them, so with what reached it from
// below) imported into the contest, in place of what each gave before.
Result<GatheredResults> gather_results_below(Connection& connection, const Actor& actor,
                                             Id contest);

}  // namespace dk::service
