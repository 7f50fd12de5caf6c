#include "core/contest_bank_row.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/column_header.hpp"
#include "core/vietnamese_text.hpp"

namespace dk {
namespace {

struct ColumnName {
  BankColumn column;
  std::string_view header;                  // as exported
  std::array<std::string_view, 8> aliases;  // header_key forms
};

constexpr ColumnName kColumns[] = {
    {BankColumn::ordinal, "STT", {"stt", "tt", "so tt", "no", "#"}},
    {BankColumn::question,
     "Câu hỏi",
     {"cau hoi", "noi dung cau hoi", "noi dung", "question", "cau"}},
    {BankColumn::option_a,
     "Phương án A",
     {"phuong an a", "dap an a", "a", "option a", "lua chon a"}},
    {BankColumn::option_b,
     "Phương án B",
     {"phuong an b", "dap an b", "b", "option b", "lua chon b"}},
    {BankColumn::option_c,
     "Phương án C",
     {"phuong an c", "dap an c", "c", "option c", "lua chon c"}},
    {BankColumn::option_d,
     "Phương án D",
     {"phuong an d", "dap an d", "d", "option d", "lua chon d"}},
    {BankColumn::answer,
     "Đáp án",
     {"dap an", "dap an dung", "phuong an dung", "answer", "correct", "correct answer", "ket qua"}},
    {BankColumn::topic, "Chủ đề", {"chu de", "chuyen de", "linh vuc", "topic", "nhom"}},
    {BankColumn::difficulty, "Độ khó", {"do kho", "muc do", "difficulty", "level"}},
    {BankColumn::kind, "Loại", {"loai", "loai cau hoi", "hinh thuc", "kind", "type"}},
};

std::optional<BankColumn> column_for(std::string_view header) {
  return dk::column_for(header, std::span<const ColumnName>(kColumns));
}

// "Đúng" / "Sai" and their short and English forms; nothing for anything else.
std::optional<bool> truth(std::string_view text) {
  const std::string key = fold_for_search(text);
  if (key == "dung" || key == "d" || key == "true" || key == "t") return true;
  if (key == "sai" || key == "s" || key == "false" || key == "f") return false;
  return std::nullopt;
}

// "B", "b", "A, C", "A;C", "A và C", "AC" → places; nothing when another letter or word is there.
std::optional<std::vector<int>> letters(std::string_view text, std::size_t options) {
  const std::string key = fold_for_search(text);
  std::vector<int> places;
  std::string word;
  const auto flush = [&]() -> bool {
    if (word.empty() || word == "va" || word == "and") {
      word.clear();
      return true;
    }
    for (const char c : word) {
      if (c < 'a' || c >= static_cast<char>('a' + options)) return false;
      places.push_back(c - 'a');
    }
    word.clear();
    return true;
  };
  for (const char c : key) {
    if (c >= 'a' && c <= 'z') {
      word += c;
    } else if (!flush()) {
      return std::nullopt;
    }
  }
  if (!flush() || places.empty()) return std::nullopt;
  std::ranges::sort(places);
  places.erase(std::ranges::unique(places).begin(), places.end());
  return places;
}

std::optional<int> difficulty_of(std::string_view text) {
  const std::string key = fold_for_search(text);
  if (key.empty() || key == "1" || key == "de") return 1;
  if (key == "2" || key == "trung binh" || key == "tb" || key == "vua") return 2;
  if (key == "3" || key == "kho") return 3;
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> BankColumns::index_of(BankColumn column) const {
  for (std::size_t i = 0; i < by_index.size(); ++i)
    if (by_index[i] == column) return i;
  return std::nullopt;
}

bool is_bank_header(const std::vector<std::string>& cells) {
  bool question = false;
  bool answer = false;
  for (const std::string& cell : cells) {
    const auto column = column_for(cell);
    question = question || column == BankColumn::question;
    answer = answer || column == BankColumn::answer;
  }
  return question && answer;
}

Result<BankColumns> map_bank_columns(const std::vector<std::string>& header_cells) {
  BankColumns columns;
  for (const std::string& cell : header_cells) {
    const std::string header = normalize_text(cell);
    const auto column = header.empty() ? std::nullopt : column_for(header);
    if (column && columns.index_of(*column)) {
      return duplicate_column(header, columns.headers[*columns.index_of(*column)]);
    }
    columns.by_index.push_back(column);
    columns.headers.push_back(header);
  }
  for (const auto& [column, name] :
       {std::pair{BankColumn::question, "Câu hỏi"}, std::pair{BankColumn::answer, "Đáp án"},
        std::pair{BankColumn::topic, "Chủ đề"}}) {
    if (!columns.index_of(column)) {
      return fail(ErrorKind::invalid_input, "contest.bank_missing_column",
                  fmt::format("Thiếu cột “{}” ở dòng tiêu đề.", name),
                  fmt::format("The header row has no “{}” column.", name), Location{1, name});
    }
  }
  return columns;
}

std::expected<ContestQuestion, std::vector<Error>> read_bank_row(
    const BankColumns& columns, const std::vector<std::string>& cells, std::uint64_t line) {
  std::vector<Error> errors;
  const auto cell = [&](BankColumn column) -> std::string {
    const auto index = columns.index_of(column);
    return index && *index < cells.size() ? normalize_text(cells[*index]) : std::string();
  };
  const auto header = [&](BankColumn column) -> std::string {
    const auto index = columns.index_of(column);
    return index ? columns.headers[*index] : std::string();
  };
  ContestQuestion question;
  question.text = cell(BankColumn::question);
  question.topic = cell(BankColumn::topic);
  for (const BankColumn option :
       {BankColumn::option_a, BankColumn::option_b, BankColumn::option_c, BankColumn::option_d}) {
    std::string text = cell(option);
    if (!text.empty()) question.options.push_back(std::move(text));
  }
  const std::string answer = cell(BankColumn::answer);
  const std::string kind_text = cell(BankColumn::kind);

  // The kind: as the kind column says, or as the answer and options show.
  std::optional<ContestQuestionKind> kind;
  if (!kind_text.empty()) {
    const std::string key = fold_for_search(kind_text);
    for (const auto& entry : code_entries<ContestQuestionKind>()) {
      if (key == entry.code || key == fold_for_search(entry.vi) || key == fold_for_search(entry.en))
        kind = entry.value;
      for (std::size_t start = 0; !kind && start <= entry.aliases.size();) {
        const std::size_t bar = std::min(entry.aliases.find('|', start), entry.aliases.size());
        if (key == entry.aliases.substr(start, bar - start)) kind = entry.value;
        start = bar + 1;
      }
    }
    if (!kind) {
      errors.push_back(
          cell_error(line, header(BankColumn::kind), "contest.kind_unknown",
                     fmt::format("Dòng {}: không rõ loại câu hỏi “{}”.", line, kind_text),
                     fmt::format("Line {}: unknown question kind “{}”.", line, kind_text)));
    }
  } else if (question.options.empty() && truth(answer)) {
    kind = ContestQuestionKind::true_false;
  } else if (question.options.empty()) {
    kind = ContestQuestionKind::numeric;
  } else {
    const auto places = letters(answer, question.options.size());
    kind =
        places && places->size() > 1 ? ContestQuestionKind::multiple : ContestQuestionKind::single;
  }
  question.kind = kind.value_or(ContestQuestionKind::single);

  if (question.kind == ContestQuestionKind::numeric) {
    question.numeric_answer = answer;
  } else if (question.kind == ContestQuestionKind::true_false) {
    // "Đúng" is the first option and "Sai" the second unless the row names other options, whose
    // right one is then given by its letter.
    if (question.options.empty()) question.options = {"Đúng", "Sai"};
    const auto value = truth(answer);
    if (auto places = letters(answer, question.options.size())) {
      question.correct = *places;
    } else if (value) {
      question.correct = {*value ? 0 : 1};
    }
  } else if (auto places = letters(answer, question.options.size())) {
    question.correct = *places;
  }
  const auto difficulty = difficulty_of(cell(BankColumn::difficulty));
  question.difficulty = difficulty.value_or(1);
  if (!difficulty) {
    errors.push_back(cell_error(line, header(BankColumn::difficulty), "contest.difficulty_invalid",
                                fmt::format("Dòng {}: độ khó là 1 (dễ), 2 (trung bình) hoặc 3 "
                                            "(khó).",
                                            line),
                                fmt::format("Line {}: difficulty is 1 (easy), 2 (medium) or 3 "
                                            "(hard).",
                                            line)));
  }
  // The kind's own rules, unless the kind itself could not be told (a difficulty out of range
  // was read as easy, so that the rest is still checked).
  if (kind) {
    if (auto valid = validate_question(question); !valid) {
      // The rule's field named as the organizer's column.
      const std::string& field = valid.error().where.field;
      const BankColumn column = field == "text"      ? BankColumn::question
                                : field == "topic"   ? BankColumn::topic
                                : field == "options" ? BankColumn::option_a
                                                     : BankColumn::answer;
      Error error = valid.error();
      error.where = Location{line, header(column)};
      error.message.vi = fmt::format("Dòng {}: {}", line, error.message.vi);
      error.message.en = fmt::format("Line {}: {}", line, error.message.en);
      errors.push_back(std::move(error));
    }
  }
  if (!errors.empty()) return std::unexpected(std::move(errors));
  return question;
}

std::vector<std::string> bank_header() {
  std::vector<std::string> header;
  for (const ColumnName& name : kColumns) header.emplace_back(name.header);
  return header;
}

std::vector<std::string> bank_row(const ContestQuestion& question, std::size_t ordinal) {
  std::vector<std::string> row = {std::to_string(ordinal), question.text};
  for (std::size_t i = 0; i < 4; ++i)
    row.push_back(i < question.options.size() ? question.options[i] : std::string());
  std::string answer;
  const bool plain_truth =
      question.options == std::vector<std::string>{"Đúng", "Sai"} && question.correct.size() == 1;
  if (question.kind == ContestQuestionKind::numeric) {
    answer = question.numeric_answer;
  } else if (question.kind == ContestQuestionKind::true_false && plain_truth) {
    answer = question.options[static_cast<std::size_t>(question.correct.front())];
  } else {
    for (const int place : question.correct) {
      if (!answer.empty()) answer += ", ";
      answer += static_cast<char>('A' + place);
    }
  }
  row.push_back(answer);
  row.push_back(question.topic);
  row.push_back(std::to_string(question.difficulty));
  row.emplace_back(label_of(question.kind).vi);
  return row;
}

}  // namespace dk
