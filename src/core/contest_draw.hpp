#pragma once
// The draw of an attempt (issue 17): each attempt gets its own questions, drawn at random from the
// bank by topic quotas ("5 on contracts, 5 on wages, 10 on safety"), each question at most once,
// every question of a topic as likely as any other, in a random order, and the options of each
// shown in a random order when the round shuffles them. The draw is fixed when the attempt starts
// and kept with it, so that a reload shows the same questions; nothing of it is shown before.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/contest_question.hpp"
#include "core/error.hpp"

namespace dk {

struct TopicQuota {
  std::string topic;
  int count = 0;
};

// One drawn question: the question and the order its options are shown in (places in the
// question's own order; empty for a number).
struct DrawnQuestion {
  Id question_id = 0;
  std::vector<int> option_order;
};

// Field-named problems of the quotas against a bank: at least one question in all, each topic
// named once, and no topic asking for more questions than the bank holds on it ("quotas[i]").
Status check_quotas(std::span<const ContestQuestion> bank, std::span<const TopicQuota> quotas);

// A draw from `random`, an engine the caller seeds (from the system's random source in service;
// from a fixed seed in tests).
Result<std::vector<DrawnQuestion>> draw_questions(std::span<const ContestQuestion> bank,
                                                  std::span<const TopicQuota> quotas,
                                                  bool shuffle_options, std::mt19937_64& random);

}  // namespace dk
