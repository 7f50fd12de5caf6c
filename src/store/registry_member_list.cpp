// RegistryStore: lists of people — the filter a query makes, search by the words of names, pages
// and counts.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "core/contact_fields.hpp"
#include "core/vietnamese_text.hpp"
#include "store/id_counter.hpp"
#include "store/registry_rows.hpp"
#include "store/registry_store.hpp"
#include "store/row_values.hpp"

namespace dk::store {
namespace {

// The one place where the two engines' SQL differ in this file: aggregating strings in order.
std::string organization_codes_sql(Engine engine) {
  constexpr std::string_view kSource =
      "FROM memberships mm JOIN organizations o ON o.tenant_id = mm.tenant_id AND o.id = "
      "mm.organization_id "
      "WHERE mm.tenant_id = p.tenant_id AND mm.person_id = p.id AND mm.status <> 'left'";
  if (engine == Engine::postgres) {
    return fmt::format("(SELECT string_agg(o.code, ', ' ORDER BY o.sort_key) {})", kSource);
  }
  // SQLite 3.40 has no ORDER BY inside an aggregate; it keeps a subquery's order.
  return fmt::format(
      "(SELECT group_concat(code, ', ') FROM (SELECT o.code {} ORDER BY o.sort_key))", kSource);
}

// Escapes LIKE's wildcards in what a user typed.
std::string like_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// The WHERE clause of a member query and its parameters (after the tenant, $1).
struct MemberFilter {
  std::string joins;
  std::string where;
  std::vector<SqlValue> params;
  // When the query reads its rows from person_words (alias w): `word_where` checks the words
  // typed that do not drive on the index, `where` on the person.
  std::string word_where;

  std::string next(SqlValue value) {
    params.push_back(std::move(value));
    return fmt::format("${}", params.size());
  }
};

// Where a search stands on a name's words: each word typed must begin a word of the name —
// "nguyen thi" finds "Nguyễn Thị Đức", "duc" finds every Đức — in any order.
constexpr std::size_t kMaxSearchWords = 8;

// The end of the range of words that begin with `prefix`: U+10FFFF sorts after every character,
// as bytes on both engines.
std::string prefix_end(const std::string& prefix) {
  return prefix + "\xf4\x8f\xbf\xbf";
}

// The words of a search by name, or none when it searches numbers or nothing.
std::vector<std::string> name_search_words(const MemberQuery& query) {
  const std::string folded = fold_for_search(query.search);
  if (folded.empty() || is_number_search(folded)) return {};
  std::vector<std::string> words = search_words(folded);
  if (words.size() > kMaxSearchWords) words.resize(kMaxSearchWords);
  return words;
}

// `probes`, when given, are the typed words checked on the rows of the word index that the query
// reads (SearchPlan); without them names are scanned.
MemberFilter member_filter(Id tenant, const MemberQuery& query,
                           const SearchPlan::Probes* probes = nullptr) {
  MemberFilter filter;
  filter.params.emplace_back(tenant);
  filter.where = "p.tenant_id = $1";
  if (query.membership == MembershipState::none) {
    // Not taking part (in the organization, when the list has one): no join, so that the
    // organization's filter below does not apply.
    filter.where += fmt::format(
        " AND NOT EXISTS (SELECT 1 FROM memberships mn WHERE mn.tenant_id = p.tenant_id AND "
        "mn.person_id = p.id AND mn.status <> 'left'{})",
        query.organization_id
            ? fmt::format(" AND mn.organization_id = {}", filter.next(*query.organization_id))
            : "");
  } else if (query.membership == MembershipState::current && !query.organization_id) {
    filter.where +=
        " AND EXISTS (SELECT 1 FROM memberships mc WHERE mc.tenant_id = p.tenant_id AND "
        "mc.person_id = p.id AND mc.status <> 'left')";
  }
  if (query.organization_id && query.membership != MembershipState::none) {
    filter.joins = fmt::format(
        " JOIN memberships m ON m.tenant_id = p.tenant_id AND m.person_id = p.id AND "
        "m.organization_id = {}{}",
        filter.next(*query.organization_id),
        // With former members, someone who left and came back has several memberships: the
        // list shows them once, with the latest.
        query.include_former
            ? " AND m.id = (SELECT max(ml.id) FROM memberships ml WHERE ml.tenant_id = "
              "m.tenant_id AND ml.person_id = m.person_id AND ml.organization_id = "
              "m.organization_id)"
            : " AND m.status <> 'left'");
  }
  if (query.unit_id)
    filter.where += fmt::format(" AND p.unit_id = {}", filter.next(*query.unit_id));
  if (query.within_organizations) {
    std::string within = "-1";  // no organization: only the person themselves
    for (const Id organization : *query.within_organizations)
      within += ", " + filter.next(organization);
    filter.where += fmt::format(
        " AND (p.id = {} OR EXISTS (SELECT 1 FROM memberships mw WHERE mw.tenant_id = p.tenant_id "
        "AND mw.person_id = p.id AND mw.status <> 'left' AND mw.organization_id IN ({})))",
        filter.next(query.including_person), within);
  }
  const std::string folded = fold_for_search(query.search);
  if (is_number_search(folded)) {
    std::string number;
    for (const char c : folded) {
      if (c >= '0' && c <= '9') number.push_back(c);
    }
    const std::string parameter = filter.next("%" + like_escape(number) + "%");
    filter.where += fmt::format(
        " AND (p.id_number LIKE {0} ESCAPE '\\' OR p.phone LIKE {0} ESCAPE '\\')", parameter);
    return filter;
  }
  std::vector<std::string> words = name_search_words(query);
  if (words.empty()) return filter;
  auto check_on_name = [&](const std::string& word) {
    filter.where += fmt::format(" AND (' ' || p.search_key) LIKE {} ESCAPE '\\'",
                                filter.next("% " + like_escape(word) + "%"));
  };
  if (!probes) {
    for (const std::string& word : words) check_on_name(word);
    return filter;
  }
  for (const auto& [typed, begun] : *probes) {
    if (begun.empty()) {
      check_on_name(typed);
      continue;
    }
    // One index probe per word it begins: the driving row's sort key and person are known.
    std::string listed;
    for (const std::string& word : begun)
      listed += (listed.empty() ? "" : ", ") + filter.next(word);
    filter.word_where += fmt::format(
        " AND EXISTS (SELECT 1 FROM person_words w2 WHERE w2.tenant_id = w.tenant_id AND w2.word "
        "IN ({}) AND w2.sort_key = w.sort_key AND w2.person_id = w.person_id)",
        listed);
  }
  return filter;
}

// The ids of a person's current organizations as "3,5", read back by parse_ids.
std::string organization_ids_sql(Engine engine) {
  constexpr std::string_view kSource =
      "FROM memberships mi WHERE mi.tenant_id = p.tenant_id AND mi.person_id = p.id AND "
      "mi.status <> 'left'";
  if (engine == Engine::postgres) {
    return fmt::format("(SELECT string_agg(CAST(mi.organization_id AS TEXT), ',') {})", kSource);
  }
  return fmt::format("(SELECT group_concat(mi.organization_id, ',') {})", kSource);
}

// The columns read_listing reads, then `extra`, from `source` filtered by `filter`.
// Whether a person's current organizations are read with each row, or for a page at once
// (fill_organizations): a page of 50 then costs one query instead of a hundred subqueries.
enum class Organizations { per_row, per_page };

std::string member_select(Engine engine, const MemberQuery& query, const MemberFilter& filter,
                          std::string_view source, std::string_view extra = "",
                          Organizations organizations = Organizations::per_row) {
  const bool per_row = organizations == Organizations::per_row;
  return fmt::format(
      "SELECT {}, u.name, {}, {}{}{} FROM {} LEFT JOIN units u ON u.tenant_id = p.tenant_id "
      "AND u.id = p.unit_id{} WHERE {}",
      kPersonColumns, per_row ? organization_codes_sql(engine) : "''",
      per_row ? organization_ids_sql(engine) : "''",
      query.organization_id ? fmt::format(", {}", kMembershipColumns) : "", extra, source,
      filter.joins, filter.where);
}

// The codes and ids of the current organizations of the people listed, in one query.
Status fill_organizations(SqlConnection& connection, Id tenant,
                          std::vector<MemberListing*>& listings) {
  if (listings.empty()) return {};
  std::vector<SqlValue> params{tenant};
  std::string ids;
  std::map<Id, MemberListing*> by_id;
  for (MemberListing* listing : listings) {
    params.emplace_back(listing->person.id);
    ids += fmt::format("{}${}", ids.empty() ? "" : ", ", params.size());
    by_id[listing->person.id] = listing;
  }
  return connection.query(
      fmt::format("SELECT mm.person_id, o.id, o.code FROM memberships mm JOIN organizations o ON "
                  "o.tenant_id = mm.tenant_id AND o.id = mm.organization_id WHERE mm.tenant_id = "
                  "$1 AND mm.status <> 'left' AND mm.person_id IN ({}) ORDER BY mm.person_id, "
                  "o.sort_key",
                  ids),
      params, [&](const SqlRow& row) -> Status {
        MemberListing& listing = *by_id.at(row.integer(0));
        if (!listing.organization_codes.empty()) listing.organization_codes += ", ";
        listing.organization_codes += row.text(2);
        listing.organization_ids.push_back(row.integer(1));
        return {};
      });
}

// The column after those read_listing reads.
int listing_columns(const MemberQuery& query) {
  return kPersonColumnCount + 3 + (query.organization_id ? 8 : 0);
}

MemberListing read_listing(const SqlRow& row, const MemberQuery& query) {
  MemberListing listing;
  listing.person = read_person(row);
  listing.unit_name = row.text(kPersonColumnCount);
  listing.organization_codes = row.text(kPersonColumnCount + 1);
  listing.organization_ids = numbers_in(row.text(kPersonColumnCount + 2));
  if (query.organization_id) listing.membership = read_membership(row, kPersonColumnCount + 3);
  return listing;
}

// The distinct words of the agency's names that begin with `prefix`, at most `most` of them.
Result<std::vector<std::string>> words_beginning(SqlConnection& connection, Id tenant,
                                                 const std::string& prefix, std::size_t most) {
  // One index seek per distinct word: the agency's vocabulary is small, its rows are not.
  std::vector<std::string> words;
  while (words.size() < most) {
    // One lower bound only: given two, the engine may seek by the looser one and walk every row
    // of the previous word.
    const bool first = words.empty();
    const SqlValue params[] = {tenant, first ? prefix : words.back(), prefix_end(prefix)};
    std::optional<std::string> found;
    auto status = connection.query(
        first ? "SELECT word FROM person_words WHERE tenant_id = $1 AND word >= $2 AND word < $3 "
                "ORDER BY word LIMIT 1"
              : "SELECT word FROM person_words WHERE tenant_id = $1 AND word > $2 AND word < $3 "
                "ORDER BY word LIMIT 1",
        params, [&](const SqlRow& row) -> Status {
          found = row.text(0);
          return {};
        });
    if (!status) return std::unexpected(status.error());
    if (!found) break;
    words.push_back(std::move(*found));
  }
  return words;
}

// The rows of a search found so far, with the sort key first so that lists merge in name order.
using FoundRows = std::vector<std::pair<std::string, MemberListing>>;

// A page of a search, for each word read: its first matches in name order straight from
// person_words, added to `found`.
Status read_by_words(SqlConnection& connection, const MemberQuery& query, MemberFilter& filter,
                     const std::vector<std::string>& words, FoundRows& found) {
  const std::int64_t wanted = query.offset + query.limit;
  const std::string word_parameter = filter.next(std::string());
  const std::string sql = fmt::format(
      "{}{} AND w.word = {} ORDER BY w.sort_key, w.person_id LIMIT {}",
      member_select(connection.engine(), query, filter,
                    "person_words w JOIN persons p ON p.tenant_id = w.tenant_id AND p.id = "
                    "w.person_id",
                    ", w.sort_key", Organizations::per_page),
      filter.word_where, word_parameter, filter.next(wanted));
  for (const std::string& word : words) {
    filter.params[filter.params.size() - 2] = word;
    auto status = connection.query(sql, filter.params, [&](const SqlRow& row) -> Status {
      found.emplace_back(row.bytes(listing_columns(query)), read_listing(row, query));
      return {};
    });
    if (!status) return status;
  }
  return {};
}

// The lists read merged in name order, and the page of them shown.
Status show_found(SqlConnection& connection, Id tenant, const MemberQuery& query, FoundRows& found,
                  const std::function<Status(const MemberListing&)>& callback) {
  const std::int64_t wanted = query.offset + query.limit;
  // A person whose name has two words that begin with the typed one is found twice.
  std::ranges::sort(
      found, [](const auto& a, const auto& b) { return a.second.person.id < b.second.person.id; });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const auto& a, const auto& b) {
                            return a.second.person.id == b.second.person.id;
                          }),
              found.end());
  std::ranges::sort(found, [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.person.id < b.second.person.id;
  });
  std::vector<MemberListing*> page;
  for (std::size_t i = static_cast<std::size_t>(query.offset);
       i < found.size() && i < static_cast<std::size_t>(wanted); ++i) {
    page.push_back(&found[i].second);
  }
  if (auto filled = fill_organizations(connection, tenant, page); !filled) return filled;
  for (MemberListing* listing : page) {
    if (auto done = callback(*listing); !done) return done;
  }
  return {};
}

// What one drive of a plan reads: the words that begin `words.front()` (`range`), or `words`
// exactly; each row checked for `probes`.
struct Drive {
  std::vector<std::string> words;
  bool range = false;
  const SearchPlan::Probes* probes = nullptr;
};

std::vector<Drive> drives_of(const SearchPlan& plan) {
  if (plan.combinations.empty()) return {Drive{{plan.driving}, true, &plan.others}};
  return {Drive{plan.combinations, false, &plan.others},
          Drive{{std::string(kLongNameKey)}, false, &plan.long_names}};
}

// How many people one drive reads, at most `limit` (-1: all).
Result<std::int64_t> count_drive(SqlConnection& connection, Id tenant, MemberFilter& filter,
                                 const Drive& drive, std::int64_t limit) {
  std::vector<std::string> exact = drive.words;
  if (drive.range) {
    // When one word alone begins with what was typed, nobody is read twice.
    exact = TRY(words_beginning(connection, tenant, drive.words.front(), 2));
    if (exact.size() != 1) exact.clear();
  }
  std::string condition;
  if (exact.empty()) {
    condition = fmt::format("w.word >= {} AND w.word < {}", filter.next(drive.words.front()),
                            filter.next(prefix_end(drive.words.front())));
  } else {
    std::string listed;
    for (const std::string& word : exact)
      listed += (listed.empty() ? "" : ", ") + filter.next(word);
    condition = exact.size() == 1 ? "w.word = " + listed : fmt::format("w.word IN ({})", listed);
  }
  const std::string limited = limit >= 0 ? " LIMIT " + filter.next(limit) : "";
  std::string sql;
  if (filter.joins.empty() && filter.where == "p.tenant_id = $1") {
    // Nothing to check but the words: the index alone answers, without reading any person.
    sql = fmt::format(
        "SELECT count(*) FROM (SELECT {} FROM person_words w WHERE w.tenant_id = $1 AND {}{}{}) c",
        exact.size() == 1 ? "1" : "DISTINCT w.person_id", condition, filter.word_where, limited);
  } else {
    sql = fmt::format(
        "SELECT count(*) FROM (SELECT DISTINCT w.person_id FROM person_words w JOIN persons p ON "
        "p.tenant_id = w.tenant_id AND p.id = w.person_id{} WHERE {}{} AND {}{}) c",
        filter.joins, filter.where, filter.word_where, condition, limited);
  }
  auto count = TRY(query_integer(connection, sql, filter.params));
  return count.value_or(0);
}

// The typed words (their places in `begun_by`) whose combinations drive a search: two or three
// whose words begun are few enough together and have none in common (a word that two typed words
// begin may stand for both, which no combination of distinct words says); the most typed words,
// then the fewest keys. None when no two qualify.
std::vector<std::size_t> combined_typed_words(const SearchPlan::Probes& begun_by) {
  constexpr std::size_t kMostKeys = 32;
  std::vector<std::size_t> best;
  std::size_t best_keys = 0;
  auto consider = [&](const std::vector<std::size_t>& chosen) {
    std::size_t keys = 1;
    for (const std::size_t i : chosen) {
      keys *= begun_by[i].second.size();
      if (keys == 0 || keys > kMostKeys) return;
    }
    for (std::size_t a = 0; a < chosen.size(); ++a) {
      for (std::size_t b = a + 1; b < chosen.size(); ++b) {
        for (const std::string& word : begun_by[chosen[a]].second) {
          if (std::ranges::find(begun_by[chosen[b]].second, word) !=
              begun_by[chosen[b]].second.end()) {
            return;
          }
        }
      }
    }
    if (chosen.size() > best.size() || (chosen.size() == best.size() && keys < best_keys)) {
      best = chosen;
      best_keys = keys;
    }
  };
  const std::size_t n = begun_by.size();
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n; ++b) {
      consider({a, b});
      for (std::size_t c = b + 1; c < n; ++c) consider({a, b, c});
    }
  }
  return best;
}

// The combination keys of every choice of one word begun by each chosen typed word.
std::vector<std::string> combination_keys(const SearchPlan::Probes& begun_by,
                                          const std::vector<std::size_t>& chosen) {
  std::vector<std::vector<std::string>> tuples{{}};
  for (const std::size_t i : chosen) {
    std::vector<std::vector<std::string>> longer;
    for (const auto& tuple : tuples) {
      for (const std::string& word : begun_by[i].second) {
        longer.push_back(tuple);
        longer.back().push_back(word);
      }
    }
    tuples = std::move(longer);
  }
  std::vector<std::string> keys;
  for (auto& tuple : tuples) keys.push_back(combination_key(std::move(tuple)));
  return keys;
}

}  // namespace

Status RegistryStore::list_members(Id tenant, const MemberQuery& query,
                                   const std::function<Status(const MemberListing&)>& callback) {
  // A page of a search reads, for each index word that drives it, its first matches in name order
  // straight from person_words, and merges them: no scan, no sort of all matches.
  constexpr std::size_t kMostWords = 32;
  // Deep pages would hold every earlier row of every word in memory: they scan instead. So do
  // lists with former members, where one person may have several memberships in the
  // organization and the index's per-word LIMIT would count memberships, not people.
  constexpr std::int64_t kDeepestIndexedRow = 2000;
  // People not in the list's organization have no membership in it to show: the rows are read
  // as those of a list without an organization (the filter still names it).
  MemberQuery shown = query;
  if (query.membership == MembershipState::none) shown.organization_id.reset();
  // The index is read in name order: another order scans.
  if (query.limit >= 0 && query.offset <= kDeepestIndexedRow - query.limit &&
      !query.include_former && query.order == PeopleOrder::name) {
    auto plan = TRY(plan_search(tenant, name_search_words(query)));
    if (plan) {
      FoundRows found;
      bool indexed = true;
      for (const Drive& drive : drives_of(*plan)) {
        MemberFilter filter = member_filter(tenant, query, drive.probes);
        std::vector<std::string> words = drive.words;
        if (drive.range) {
          words = TRY(words_beginning(connection_, tenant, drive.words.front(), kMostWords + 1));
          if (words.size() > kMostWords) {
            indexed = false;
            break;
          }
        }
        TRY(read_by_words(connection_, shown, filter, words, found));
      }
      if (indexed) return show_found(connection_, tenant, shown, found, callback);
    }
  }
  MemberFilter filter = member_filter(tenant, query);
  std::string sql = member_select(connection_.engine(), shown, filter, "persons p");
  switch (query.order) {
    case PeopleOrder::name:
      sql += " ORDER BY p.sort_key, p.id";
      break;
    case PeopleOrder::name_descending:
      sql += " ORDER BY p.sort_key DESC, p.id DESC";
      break;
    case PeopleOrder::unit:
      // People in no department come last, on both engines.
      sql +=
          " ORDER BY (SELECT u.sort_key FROM units u WHERE u.tenant_id = p.tenant_id AND u.id = "
          "p.unit_id) NULLS LAST, p.sort_key, p.id";
      break;
  }
  if (query.limit >= 0) {
    sql += fmt::format(" LIMIT {} OFFSET {}", filter.next(query.limit), filter.next(query.offset));
  }
  return connection_.query(sql, filter.params, [&](const SqlRow& row) -> Status {
    return callback(read_listing(row, shown));
  });
}

Result<std::optional<SearchPlan>> RegistryStore::plan_search(
    Id tenant, const std::vector<std::string>& words) {
  if (words.empty()) return std::nullopt;
  // A typed word that begins with '~' would begin the combinations' keys: it reads the names.
  if (std::ranges::any_of(words, [](const std::string& word) { return word.starts_with('~'); }))
    return std::nullopt;
  SearchPlan plan;
  plan.driving = words.front();
  if (words.size() == 1) return plan;
  // Each typed word with the words it begins (none when too many).
  constexpr std::size_t kMostWords = 32;
  SearchPlan::Probes begun_by;
  for (const std::string& word : words) {
    auto begun = TRY(words_beginning(connection_, tenant, word, kMostWords + 1));
    if (begun.size() > kMostWords) begun.clear();
    // A word that begins no word of any name: nobody matches, which the empty IN list would not
    // say, so it is checked on the name (and fails there).
    begun_by.emplace_back(word, std::move(begun));
  }
  // Common words together are rare ("nguyen van duc": 150 of a million, "duc" 42,000): their
  // combinations drive, so that the count reads the people who have them all.
  if (const auto chosen = combined_typed_words(begun_by); !chosen.empty()) {
    plan.combinations = combination_keys(begun_by, chosen);
    for (std::size_t i = 0; i < begun_by.size(); ++i) {
      if (std::ranges::find(chosen, i) == chosen.end()) plan.others.push_back(begun_by[i]);
    }
    plan.long_names = std::move(begun_by);
    return plan;
  }
  // Family names are long and common ("nguyen"), given names short and rarer: so each word's
  // matches are counted, up to a point, and the fewest win.
  constexpr std::int64_t kEnough = 2000;
  std::int64_t fewest = kEnough + 1;
  for (const std::string& word : words) {
    const SqlValue params[] = {tenant, word, prefix_end(word), kEnough};
    auto count = query_integer(connection_,
                               "SELECT count(*) FROM (SELECT 1 FROM person_words WHERE tenant_id = "
                               "$1 AND word >= $2 AND word < $3 LIMIT $4) c",
                               params);
    if (!count) return std::unexpected(count.error());
    // On a tie the later word wins: Vietnamese write the given name last.
    if (count->value_or(0) <= fewest) {
      plan.driving = word;
      fewest = count->value_or(0);
    }
  }
  for (auto& entry : begun_by) {
    if (entry.first != plan.driving) plan.others.push_back(std::move(entry));
  }
  return plan;
}

Result<std::int64_t> RegistryStore::count_members(Id tenant, const MemberQuery& query) {
  auto plan = TRY(plan_search(tenant, name_search_words(query)));
  if (!plan) {
    MemberFilter filter = member_filter(tenant, query);
    auto count = TRY(query_integer(
        connection_,
        fmt::format("SELECT count(*) FROM persons p{} WHERE {}", filter.joins, filter.where),
        filter.params));
    return count.value_or(0);
  }
  // A person is read by one drive only: by the combinations of their name's words, or as a long
  // name.
  std::int64_t total = 0;
  for (const Drive& drive : drives_of(*plan)) {
    const std::int64_t limit = query.count_limit >= 0 ? query.count_limit - total : -1;
    if (limit == 0) break;
    MemberFilter filter = member_filter(tenant, query, drive.probes);
    total += TRY(count_drive(connection_, tenant, filter, drive, limit));
  }
  return total;
}

}  // namespace dk::store
