#include "core/transfer_match.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <string_view>

#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

using Words = std::vector<std::string>;

// What each piece of evidence is worth. A name outweighs the amount (many pledges share round
// amounts like 500.000 đ, few people share a full name), and the amount outweighs the fund's
// words and the unit, which only tell apart candidates that a name or an amount already found.
constexpr int kNameFull = 60;
constexpr int kNameCompact = 55;  // nearly as sure: the words' boundaries are guessed
constexpr int kNameInitials = 30;
constexpr int kNameInitialsOnly = 25;
constexpr int kAmountEqual = 40;
constexpr int kAmountWithin = 5;
constexpr int kFundFirstWord = 10;
constexpr int kFundMoreWords = 5;  // for each further word, at most two
constexpr int kUnit = 10;
// A strong proposal must lead every other by at least this much: two people with the same name
// and the same pledge are for the treasurer to tell apart, not for a guess.
constexpr int kStrongLead = 10;

// The words of a text folded for search (no diacritics, lower case, đ as d), split at anything
// that is not a letter or a digit: banks join words with dots, dashes and slashes
// ("MBVCB.123456.nguyenvanan", "UH-LU LUT").
Words words_of(std::string_view text) {
  const std::string folded = fold_for_search(text);
  Words words;
  std::string word;
  for (const char c : folded) {
    const bool part_of_word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                              static_cast<unsigned char>(c) >= 0x80;  // a letter of another script
    if (part_of_word) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string joined(std::span<const std::string> words) {
  return std::accumulate(words.begin(), words.end(), std::string());
}

std::string initials(std::span<const std::string> words) {
  std::string out;
  for (const auto& word : words) out.push_back(word.front());
  return out;
}

bool contains_sequence(const Words& words, std::span<const std::string> sequence) {
  if (sequence.empty() || sequence.size() > words.size()) return false;
  for (std::size_t i = 0; i + sequence.size() <= words.size(); ++i) {
    if (std::equal(sequence.begin(), sequence.end(), words.begin() + static_cast<long>(i))) {
      return true;
    }
  }
  return false;
}

// Whether the words from `first` on, written together, spell `target` ("nguyen" "van" "an",
// "nguyenvan" "an" and "nguyenvanan" all spell "nguyenvanan"): the index after the last of them,
// or 0 when they do not. Writers split and join words freely, so only the letters in order count,
// but always from word boundary to word boundary, so that "an" is not found inside "thanh".
std::size_t spelled_from(const Words& words, std::size_t first, std::string_view target) {
  std::size_t spelled = 0;  // how much of `target` the words so far spell
  for (std::size_t j = first; j < words.size() && !target.empty(); ++j) {
    const std::string_view rest = target.substr(spelled);
    if (!rest.starts_with(words[j])) return 0;
    spelled += words[j].size();
    if (spelled == target.size()) return j + 1;
  }
  return 0;
}

bool spelled_anywhere(const Words& words, std::string_view target) {
  for (std::size_t first = 0; first < words.size(); ++first) {
    if (spelled_from(words, first, target) != 0) return true;
  }
  return false;
}

// Words that a note uses for money moving rather than for a purpose, and the abbreviations of
// them. They say nothing about which fund a gift is for, so they never count as a fund's words
// (every fund is "ủng hộ" something).
constexpr std::string_view kFillerWords[] = {
    "ung",   "ho",   "uh",  "quy",   "cho", "tien", "chuyen", "khoan", "ck",  "ct",  "dong", "vnd",
    "gop",   "nop",  "qua", "cua",   "va",  "tu",   "den",    "toi",   "gui", "vao", "tai",  "nam",
    "thang", "ngay", "cac", "nhung", "voi", "de",   "la",     "tk",    "nd",  "ft"};

bool is_filler(std::string_view word) {
  return word.size() < 2 || std::ranges::find(kFillerWords, word) != std::end(kFillerWords) ||
         std::ranges::all_of(word, [](char c) { return c >= '0' && c <= '9'; });
}

// Abbreviations of purposes that notes use, written out so that a fund's words are found:
// "UH LL MT" is "ủng hộ lũ lụt miền Trung".
struct Abbreviation {
  std::string_view short_form;
  std::array<std::string_view, 2> words;
};
constexpr Abbreviation kAbbreviations[] = {
    {"uh", {"ung", "ho"}}, {"ck", {"chuyen", "khoan"}}, {"ct", {"chuyen", "tien"}},
    {"ll", {"lu", "lut"}}, {"mt", {"mien", "trung"}},
};

Words expanded(const Words& words) {
  Words out;
  for (const auto& word : words) {
    const auto* abbreviation = std::ranges::find(kAbbreviations, word, &Abbreviation::short_form);
    if (abbreviation == std::end(kAbbreviations)) {
      out.push_back(word);
    } else {
      out.insert(out.end(), abbreviation->words.begin(), abbreviation->words.end());
    }
  }
  return out;
}

// What a note says, read once for all candidates.
struct ReadNote {
  std::array<Words, 2> name_sources;  // the reference and the counterparty, searched apart so that
                                      // a name is never spelled across the two
  Words purpose;                      // the reference's words with abbreviations written out
};

// Banking apps glue the account holder's name to a transaction number or to the next words
// ("123456nguyenvanan", "nguyenvananchuyentien"). A long enough name inside one word is still that
// name when what follows it is nothing, a digit or a word that notes use: "nguyenvananh" is
// Nguyễn Văn Anh, not Nguyễn Văn An.
bool glued(std::string_view word, std::string_view compact_name) {
  constexpr std::size_t kMinGluedName = 8;
  constexpr std::string_view kNextWords[] = {"chuyen", "ung", "uh",  "ck",
                                             "ct",     "gui", "nop", "dong"};
  if (compact_name.size() < kMinGluedName) return false;
  for (std::size_t at = word.find(compact_name); at != std::string_view::npos;
       at = word.find(compact_name, at + 1)) {
    const std::string_view after = word.substr(at + compact_name.size());
    if (after.empty() || (after.front() >= '0' && after.front() <= '9') ||
        std::ranges::any_of(kNextWords,
                            [&](std::string_view next) { return after.starts_with(next); })) {
      return true;
    }
  }
  return false;
}

enum class NameEvidence { none, initials_only, initials, compact, full };

// Units are written in notes as their words ("ke toan"), or abbreviated after their kind:
// "P.KT", "PKT" or "phong KT" for Phòng Kế toán, "VP" for Văn phòng, "TT.CNTT" for a Trung tâm.
struct UnitKind {
  std::array<std::string_view, 2> words;  // the kind's words, the second may be empty
  std::string_view abbreviation;
};
constexpr UnitKind kUnitKinds[] = {
    {{"van", "phong"}, "vp"}, {{"trung", "tam"}, "tt"}, {{"chi", "nhanh"}, "cn"},
    {{"bo", "phan"}, "bp"},   {{"phong", ""}, "p"},     {{"ban", ""}, "b"},
    {{"khoa", ""}, "k"},      {{"doi", ""}, "d"},       {{"to", ""}, "t"},
};

// A fund's two consecutive words, which notes run together ("lulut", "mientrung").
struct GluedPair {
  std::string together;
  std::array<std::string, 2> words;
};

struct Scored {
  MatchProposal proposal;
  std::size_t index = 0;  // the candidate's place, to break ties the same way every time
};

}  // namespace

struct PreparedCandidates::Candidate {
  Id pledge_id = 0;
  Id person_id = 0;
  Id fund_id = 0;
  Dong outstanding = 0;
  Words name;                    // "tran" "thi" "binh"
  std::string compact;           // "tranthibinh"
  std::string leading_initials;  // "tt"
  std::string all_initials;      // "ttb"
  Words fund_words;              // the fund's own words: not filler, not the payer's name
  std::vector<GluedPair> fund_pairs;
  Words unit_words;  // "ke toan"; a unit that is only its kind: "van phong"
  std::vector<std::string> unit_abbreviations;  // "pkt", "phongkt"; "vp"
};

namespace {

using Candidate = PreparedCandidates::Candidate;

NameEvidence find_name_in(const Words& words, const Candidate& candidate) {
  const Words& name = candidate.name;
  // A one-word name is only a given name: far too common to point at anyone.
  if (name.size() < 2) return NameEvidence::none;
  if (contains_sequence(words, name)) return NameEvidence::full;
  if (spelled_anywhere(words, candidate.compact)) return NameEvidence::compact;
  if (std::ranges::any_of(
          words, [&](const std::string& word) { return glued(word, candidate.compact); })) {
    return NameEvidence::compact;
  }
  // "NV An", "N.V.An": the initials of the family and middle names, then the given name whole.
  for (std::size_t first = 0; first < words.size(); ++first) {
    const std::size_t end = spelled_from(words, first, candidate.leading_initials);
    if (end != 0 && end < words.size() && words[end] == name.back()) return NameEvidence::initials;
  }
  // "TTB": every initial. Three letters at least, as two ("TB", "CK") are words of their own.
  if (candidate.all_initials.size() >= 3 && spelled_anywhere(words, candidate.all_initials)) {
    return NameEvidence::initials_only;
  }
  return NameEvidence::none;
}

NameEvidence find_name(const ReadNote& note, const Candidate& candidate) {
  NameEvidence best = NameEvidence::none;
  for (const Words& source : note.name_sources) {
    best = std::max(best, find_name_in(source, candidate));
  }
  return best;
}

// How many of a fund's own words the note's purpose names, alone or run together in pairs.
int fund_words_found(const ReadNote& note, const Candidate& candidate) {
  Words found;
  auto count = [&](const std::string& word) {
    if (std::ranges::find(found, word) == found.end()) found.push_back(word);
  };
  for (const std::string& word : candidate.fund_words) {
    if (std::ranges::find(note.purpose, word) != note.purpose.end()) count(word);
  }
  for (const GluedPair& pair : candidate.fund_pairs) {
    const bool glued_in_note = std::ranges::any_of(note.purpose, [&](const std::string& word) {
      return word.find(pair.together) != std::string::npos;
    });
    if (glued_in_note) {
      count(pair.words[0]);
      count(pair.words[1]);
    }
  }
  return static_cast<int>(found.size());
}

bool unit_found(const ReadNote& note, const Candidate& candidate) {
  const Words& reference = note.name_sources[0];
  return contains_sequence(reference, candidate.unit_words) ||
         std::ranges::any_of(candidate.unit_abbreviations, [&](const std::string& abbreviation) {
           return spelled_anywhere(reference, abbreviation);
         });
}

// The fund's own words and pairs of them. Neither the filler every note has nor a word of the
// payer's name counts: "Hoang Minh Chau ck" says nothing of the Hoàng Sa fund.
void prepare_fund(Candidate& prepared, const std::vector<std::string>& fund_texts) {
  auto ignored = [&](const std::string& word) {
    return is_filler(word) || std::ranges::find(prepared.name, word) != prepared.name.end();
  };
  for (const std::string& text : fund_texts) {
    const Words words = words_of(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (ignored(words[i])) continue;
      if (std::ranges::find(prepared.fund_words, words[i]) == prepared.fund_words.end()) {
        prepared.fund_words.push_back(words[i]);
      }
      constexpr std::size_t kMinGluedPair = 5;
      if (i + 1 < words.size() && !ignored(words[i + 1]) &&
          words[i].size() + words[i + 1].size() >= kMinGluedPair) {
        prepared.fund_pairs.push_back({words[i] + words[i + 1], {words[i], words[i + 1]}});
      }
    }
  }
}

void prepare_unit(Candidate& prepared, std::string_view unit_name) {
  const Words unit = words_of(unit_name);
  if (unit.empty()) return;
  std::span<const std::string> rest(unit);
  std::string kind_abbreviation;
  std::string kind_words;
  for (const UnitKind& kind : kUnitKinds) {
    const std::size_t size = kind.words[1].empty() ? 1 : 2;
    if (unit.size() >= size && unit[0] == kind.words[0] &&
        (size == 1 || unit[1] == kind.words[1])) {
      kind_abbreviation = kind.abbreviation;
      kind_words = unit[0] + (size == 2 ? unit[1] : "");
      rest = rest.subspan(size);
      break;
    }
  }
  // A unit that is only its kind ("Văn phòng") is named by its words or its abbreviation ("VP").
  if (rest.empty()) {
    prepared.unit_words = unit;
    if (kind_abbreviation.size() >= 2) prepared.unit_abbreviations.push_back(kind_abbreviation);
    return;
  }
  // The unit's own words: "ke toan", with or without "phong" before them; abbreviations of three
  // letters at least, as "kt" alone could be many things.
  prepared.unit_words.assign(rest.begin(), rest.end());
  const std::string rest_initials = initials(rest);
  for (std::string abbreviation :
       {kind_abbreviation + rest_initials, kind_words + rest_initials, rest_initials}) {
    if (abbreviation.size() >= 3 && std::ranges::find(prepared.unit_abbreviations, abbreviation) ==
                                        prepared.unit_abbreviations.end()) {
      prepared.unit_abbreviations.push_back(std::move(abbreviation));
    }
  }
}

Candidate prepare(const MatchCandidate& candidate) {
  Candidate prepared;
  prepared.pledge_id = candidate.pledge_id;
  prepared.person_id = candidate.person_id;
  prepared.fund_id = candidate.fund_id;
  prepared.outstanding = candidate.outstanding;
  prepared.name = words_of(candidate.full_name);
  if (!prepared.name.empty()) {
    prepared.compact = joined(prepared.name);
    prepared.leading_initials =
        initials(std::span<const std::string>(prepared.name.data(), prepared.name.size() - 1));
    prepared.all_initials = initials(prepared.name);
  }
  prepare_fund(prepared, candidate.fund_words);
  prepare_unit(prepared, candidate.unit_name);
  return prepared;
}

}  // namespace

PreparedCandidates::PreparedCandidates(std::span<const MatchCandidate> candidates) {
  candidates_.reserve(candidates.size());
  for (const MatchCandidate& candidate : candidates) candidates_.push_back(prepare(candidate));
}
PreparedCandidates::~PreparedCandidates() = default;
std::size_t PreparedCandidates::size() const {
  return candidates_.size();
}
PreparedCandidates::PreparedCandidates(PreparedCandidates&&) noexcept = default;
PreparedCandidates& PreparedCandidates::operator=(PreparedCandidates&&) noexcept = default;

std::vector<MatchProposal> propose_matches(const TransferNote& note,
                                           std::span<const MatchCandidate> candidates,
                                           std::size_t limit) {
  return propose_matches(note, PreparedCandidates(candidates), limit);
}

std::vector<MatchProposal> propose_matches(const TransferNote& note,
                                           const PreparedCandidates& candidates,
                                           std::size_t limit) {
  ReadNote read;
  read.name_sources = {words_of(note.reference), words_of(note.counterparty)};
  read.purpose = expanded(read.name_sources[0]);

  std::vector<Scored> scored;
  for (std::size_t index = 0; index < candidates.candidates_.size(); ++index) {
    const Candidate& candidate = candidates.candidates_[index];
    MatchProposal proposal;
    proposal.pledge_id = candidate.pledge_id;
    proposal.person_id = candidate.person_id;
    proposal.fund_id = candidate.fund_id;
    auto add = [&](int points, std::string reason) {
      proposal.score += points;
      proposal.reasons.push_back(std::move(reason));
    };
    // Only a pledge awaits an amount; a person without one may pay anything.
    const bool pledge = candidate.pledge_id != 0 && candidate.outstanding > 0 && note.amount > 0;
    const bool amount_equal = pledge && note.amount == candidate.outstanding;
    if (amount_equal) add(kAmountEqual, "amount.equal");
    if (pledge && note.amount < candidate.outstanding) add(kAmountWithin, "amount.within");

    const NameEvidence name = find_name(read, candidate);
    switch (name) {
      case NameEvidence::full:
        add(kNameFull, "name.full");
        break;
      case NameEvidence::compact:
        add(kNameCompact, "name.compact");
        break;
      case NameEvidence::initials:
        add(kNameInitials, "name.initials");
        break;
      case NameEvidence::initials_only:
        // Three letters point at too many people to count without the amount.
        if (amount_equal) add(kNameInitialsOnly, "name.initials_only");
        break;
      case NameEvidence::none:
        break;
    }
    const int fund_words = fund_words_found(read, candidate);
    if (fund_words > 0) {
      add(kFundFirstWord + kFundMoreWords * std::min(fund_words - 1, 2), "fund.words");
    }
    if (unit_found(read, candidate)) add(kUnit, "unit.words");

    const bool named = name == NameEvidence::full || name == NameEvidence::compact;
    const bool initialled =
        name == NameEvidence::initials || (name == NameEvidence::initials_only && amount_equal);
    // Without a name, an amount is only evidence together with the fund it was meant for: round
    // amounts are shared by many pledges.
    if (!named && !initialled && !(amount_equal && fund_words > 0)) continue;
    if (named && amount_equal) {
      proposal.strength = MatchStrength::strong;
    } else if (named || (initialled && amount_equal)) {
      proposal.strength = MatchStrength::likely;
    } else {
      proposal.strength = MatchStrength::weak;
    }
    scored.push_back({std::move(proposal), index});
  }

  // Strong only when nothing else comes close: two Trần Thị Bình with the same pledge are two
  // likely proposals until the amount, the fund or the unit tells them apart.
  for (Scored& candidate : scored) {
    if (candidate.proposal.strength != MatchStrength::strong) continue;
    const bool contested = std::ranges::any_of(scored, [&](const Scored& other) {
      return &other != &candidate && other.proposal.score > candidate.proposal.score - kStrongLead;
    });
    if (contested) candidate.proposal.strength = MatchStrength::likely;
  }
  std::ranges::sort(scored, [](const Scored& a, const Scored& b) {
    if (a.proposal.strength != b.proposal.strength) {
      return a.proposal.strength < b.proposal.strength;
    }
    if (a.proposal.score != b.proposal.score) return a.proposal.score > b.proposal.score;
    return a.index < b.index;
  });
  std::vector<MatchProposal> proposals;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) {
    proposals.push_back(std::move(scored[i].proposal));
  }
  return proposals;
}

}  // namespace dk
