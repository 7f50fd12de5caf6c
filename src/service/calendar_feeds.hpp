#pragma once
// Calendar feeds: a person's activities (those they hold a place in) or an organization's, as an
// iCalendar document behind a secret link that calendar apps poll. The link is the credential —
// apps cannot sign in — so it is long, random, stored only as a hash, and revocable.

#include <optional>
#include <string>
#include <vector>

#include "core/calendar_feed.hpp"
#include "core/clock.hpp"
#include "service/actor.hpp"
#include "service/database.hpp"

namespace dk::service {

struct NewCalendarFeed {
  CalendarFeed feed;
  std::string token;  // shown once, in the link
};

// The actor's own feed, or (for its officers and administrators) an organization's.
Result<NewCalendarFeed> create_calendar_feed(Connection& connection, const Actor& actor,
                                             std::optional<Id> organization_id);
Result<std::vector<CalendarFeed>> list_calendar_feeds(Connection& connection, const Actor& actor);
Status revoke_calendar_feed(Connection& connection, const Actor& actor, Id id);

// The iCalendar text behind a token: activities from 90 days ago to a year ahead. Not found for
// an unknown or revoked token.
Result<std::string> calendar_feed_document(Connection& connection, std::string_view token,
                                           Instant now);

}  // namespace dk::service
