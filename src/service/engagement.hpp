#pragma once
// Engagement and depth as the web service offers them (docs/engagement.md): the leadership (and
// administrators) see every organization of the agency side by side; an officer sees their own
// organizations. Every read first rebuilds the summary rows of the people whose records changed,
// so the numbers are those of the last committed check-in.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/engagement_measures.hpp"
#include "core/engagement_records.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct EngagementQuery {
  int year = 0;
  std::optional<Id> organization;
  std::optional<Id> unit;
  std::optional<ActivityKind> kind;
  int quiet_days = kGoneQuietDays;  // 7 to 730
};

struct OrganizationEngagement {
  Id id = 0;
  std::string name;
  std::string code;
  EngagementMeasures year;
  EngagementMeasures previous;  // the year before, for the trend
};

struct KindDepth {
  ActivityKind kind = ActivityKind::other;
  EngagementMeasures year;
  EngagementMeasures previous;
};

// A department's members and how many each kind reached: a row of the heat map.
struct UnitEngagement {
  Id unit_id = 0;  // 0: people in no department
  std::string name;
  std::int64_t members = 0;
  std::int64_t reached = 0;
  std::array<std::int64_t, kKindCount> reached_by_kind{};
};

struct EngagementOverview {
  int year = 0;
  // People whose records changed and whose rows a read did not rebuild (it rebuilds at most
  // kReadRebuildLimit): their old numbers are still counted. 0 almost always; after an import of
  // a whole province, until `doanket engagement refresh` or the next reads catch up.
  std::int64_t pending = 0;
  CivilDate today;
  int quiet_days = kGoneQuietDays;
  bool gone_quiet_counted = false;  // only for the current year
  // Every organization shown, then their sum: a person in two organizations counts in each.
  std::vector<OrganizationEngagement> organizations;
  EngagementMeasures total;
  EngagementMeasures total_previous;
  std::vector<KindDepth> kinds;
  std::vector<UnitEngagement> units;
};

// How many changed people one read rebuilds at most, so that an answer never waits minutes.
inline constexpr std::int64_t kReadRebuildLimit = 20000;

// Rebuilds the summary rows of the agency's changed people: at most `limit`, or all of them.
// Returns how many are left.
Result<std::int64_t> refresh_engagement(Connection& connection, Id tenant, CivilDate today,
                                        std::optional<std::int64_t> limit);

Result<EngagementOverview> engagement_overview(Connection& connection, const Actor& actor,
                                               const EngagementQuery& query);

struct EngagementPeoplePage {
  std::vector<EngagementPerson> people;
  bool more = false;
};
Result<EngagementPeoplePage> engagement_people(Connection& connection, const Actor& actor,
                                               const EngagementQuery& query, EngagementCrowd crowd,
                                               std::int64_t limit, std::int64_t offset);

struct PersonEngagement {
  Id person_id = 0;
  EngagementScore score;
};
// A person's score: the person, and whoever may read the agency's engagement or is an officer of
// one of the person's organizations.
Result<PersonEngagement> person_engagement(Connection& connection, const Actor& actor, Id person);

struct Coordination {
  int year = 0;
  std::vector<OrganizationEngagement> organizations;  // names only
  std::vector<CoordinationPair> pairs;                // every pair, 0 for those never together
};
Result<Coordination> coordination(Connection& connection, const Actor& actor, int year);
Result<std::vector<JointActivity>> joint_activities(Connection& connection, const Actor& actor,
                                                    int year, Id first, Id second);

// Invites people to an activity of an organization the actor is an officer of (or any, for an
// administrator): they see it in the app. Returns how many invitations were new.
Result<std::int64_t> invite_to_activity(Connection& connection, const Actor& actor, Id activity,
                                        const std::vector<Id>& people);

// The actor's own invitations to upcoming activities they have not registered for.
Result<std::vector<Invitation>> my_invitations(Connection& connection, const Actor& actor);

}  // namespace dk::service
