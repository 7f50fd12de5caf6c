#include "io/bank_statement.hpp"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "io/io_test_support.hpp"
#include "io/table_writer.hpp"

namespace dk::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempDir;

// Writes `bytes` to a file in `folder` and reads it as a statement.
Result<std::vector<StatementLine>> read_statement(const TempDir& folder, std::string_view bytes,
                                                  const ReadOptions& options = {},
                                                  std::size_t max_lines = 100000) {
  const auto path = folder / "statement.csv";
  std::ofstream(path, std::ios::binary) << bytes;
  return read_bank_statement(path, options, max_lines);
}

// The lines of a statement that must read without error (an error fails the test).
std::vector<StatementLine> statement_lines(std::string_view bytes,
                                           const ReadOptions& options = {}) {
  TempDir folder;
  auto lines = read_statement(folder, bytes, options);
  EXPECT_TRUE(lines) << describe(lines.error(), "en");
  return lines.value_or(std::vector<StatementLine>{});
}

Error statement_error(std::string_view bytes, std::size_t max_lines = 100000) {
  TempDir folder;
  auto lines = read_statement(folder, bytes, {}, max_lines);
  EXPECT_FALSE(lines) << "read " << (lines ? lines->size() : 0) << " lines";
  return lines ? Error{} : lines.error();
}

std::vector<Dong> amounts_of(const std::vector<StatementLine>& lines) {
  std::vector<Dong> amounts;
  for (const auto& line : lines) amounts.push_back(line.amount);
  return amounts;
}

// A Vietcombank-style export: the bank's title rows, separate debit and credit columns written
// the English way, a reference number, a multi-line note, and totals at the foot.
constexpr std::string_view kCreditDebitExport =
    "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM,,,,,\r\n"
    "SAO KÊ TÀI KHOẢN,,,,,\r\n"
    "Số tài khoản: 0011004455667,,,,,\r\n"
    "Từ ngày 01/03/2026 đến ngày 31/03/2026,,,,,\r\n"
    ",,,,,\r\n"
    "STT,Ngày giao dịch,Số tham chiếu,Số tiền ghi nợ,Số tiền ghi có,Mô tả\r\n"
    "1,05/03/2026,5213.20260305.1,,\"2,800,000\",NGUYEN VAN AN CHUYEN TIEN UH LU LUT\r\n"
    "2,05/03/2026,5213.20260305.2,\"150,000\",,Phi dich vu SMS\r\n"
    "3,07/03/2026 10:22:33,5213.20260307.9,0,\"300,000\",\"ung ho mien trung\r\n"
    "- Tran Thi Binh P.KT\"\r\n"
    ",,,,,\r\n"
    "Tổng cộng,,,\"150,000\",\"3,100,000\",\r\n"
    "Người lập biểu,,,Kế toán trưởng,,\r\n";

TEST(ReadBankStatement, ReadsCreditAndDebitColumnsBelowTitleRows) {
  const auto lines = statement_lines(kCreditDebitExport);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(amounts_of(lines), ElementsAre(2800000, -150000, 300000));
  const StatementLine& first = lines[0];
  EXPECT_EQ(first.line, 7u);
  EXPECT_EQ(first.booked_on, (CivilDate{2026, 3, 5}));
  EXPECT_EQ(first.reference, "NGUYEN VAN AN CHUYEN TIEN UH LU LUT");
  EXPECT_EQ(first.bank_reference, "5213.20260305.1");
  EXPECT_EQ(first.counterparty, "");
  const StatementLine& third = lines[2];
  EXPECT_EQ(third.line, 9u);
  EXPECT_EQ(third.booked_on, (CivilDate{2026, 3, 7}));
  EXPECT_EQ(third.reference, "ung ho mien trung - Tran Thi Binh P.KT");  // one line, one space
}

TEST(ReadBankStatement, ReadsASignedAmountColumnInEnglish) {
  const auto lines = statement_lines(
      "Account statement\n"
      "No.,Transaction date,Ref No,Amount,Counterparty,Details\n"
      "1,2026-03-05T09:15:00+07:00,FT26064ABC,+2.800.000,NGUYEN VAN AN,"
      "MBVCB.123456.nguyenvanan ung ho\n"
      "2,2026-03-06 14:00,FT26065DEF,-150.000,CONG TY DIEN LUC,Thanh toan tien dien\n"
      "3,06/03/2026 08:00 AM,FT26065XYZ,2.340.000 VND,TRAN THI BINH,ung ho quy Hoang Sa\n"
      "Total,,,4.990.000,,\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_THAT(amounts_of(lines), ElementsAre(2800000, -150000, 2340000));
  EXPECT_EQ(lines[0].booked_on, (CivilDate{2026, 3, 5}));
  EXPECT_EQ(lines[0].counterparty, "NGUYEN VAN AN");
  EXPECT_EQ(lines[0].bank_reference, "FT26064ABC");
  EXPECT_EQ(lines[0].reference, "MBVCB.123456.nguyenvanan ung ho");
  EXPECT_EQ(lines[1].booked_on, (CivilDate{2026, 3, 6}));
  EXPECT_EQ(lines[2].booked_on, (CivilDate{2026, 3, 6}));
}

TEST(ReadBankStatement, ReadsHeadersWithoutDiacriticsInAnyCaseWithSemicolons) {
  const auto lines = statement_lines(
      "NGAY GD;SO TIEN (VND);NOI DUNG;Ten doi ung;Ma GD\n"
      "5/3/2026;2.800.000 đ;TTB ung ho bao lu;TRAN THI BINH;\n"
      "06-03-2026;20.000.000;UH LY SON;;FT1\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].booked_on, (CivilDate{2026, 3, 5}));
  EXPECT_EQ(lines[0].amount, 2800000);
  EXPECT_EQ(lines[0].counterparty, "TRAN THI BINH");
  EXPECT_EQ(lines[0].bank_reference, "");
  EXPECT_EQ(lines[1].booked_on, (CivilDate{2026, 3, 6}));
  EXPECT_EQ(lines[1].amount, 20000000);
  EXPECT_EQ(lines[1].bank_reference, "FT1");
}

TEST(ReadBankStatement, RecognisesEveryUsualColumnName) {
  struct Header {
    std::string_view date, amount, reference, counterparty, bank_reference;
  };
  for (const Header& header : {
           Header{"Ngày giao dịch", "Số tiền", "Nội dung", "Người chuyển", "Số bút toán"},
           Header{"Ngày", "Amount", "Diễn giải", "Tên người chuyển", "Mã giao dịch"},
           Header{"NGÀY GD", "SỐ TIỀN", "Nội dung giao dịch", "Đối tác", "Số tham chiếu"},
           Header{"Ngày hiệu lực", "So tien", "Mô tả", "Tên đối ứng", "Mã GD"},
           Header{"Date", "AMOUNT", "Description", "Counterparty", "Transaction ID"},
           Header{"Transaction date", "amount (VND)", "Reference", "Payer", "Ref No"},
           Header{"date:", "Amount", "Details", "payer", "Ref. No."},
       }) {
    const std::string csv =
        fmt::format("{},{},{},{},{}\n01/03/2026,1.000,note,payer,ref\n", header.date, header.amount,
                    header.reference, header.counterparty, header.bank_reference);
    const auto lines = statement_lines(csv);
    ASSERT_EQ(lines.size(), 1u) << csv;
    EXPECT_EQ(lines[0].amount, 1000) << csv;
    EXPECT_EQ(lines[0].reference, "note") << csv;
    EXPECT_EQ(lines[0].counterparty, "payer") << csv;
    EXPECT_EQ(lines[0].bank_reference, "ref") << csv;
  }
  for (const auto& [credit, debit] : {std::pair{"Ghi có", "Ghi nợ"},
                                      {"Có", "Nợ"},
                                      {"Credit", "Debit"},
                                      {"Số tiền ghi có", "Số tiền ghi nợ"},
                                      {"GHI CO (VND)", "GHI NO (VND)"}}) {
    const std::string csv = fmt::format(
        "Ngày,{},{},Nội dung\n01/03/2026,500.000,,in\n"
        "02/03/2026,,200.000,out\n",
        credit, debit);
    EXPECT_THAT(amounts_of(statement_lines(csv)), ElementsAre(500000, -200000)) << csv;
  }
}

TEST(ReadBankStatement, PrefersTheTransactionDateToTheValueDate) {
  const auto lines = statement_lines(
      "Ngày hiệu lực,Ngày giao dịch,Số tiền,Nội dung\n"
      "02/03/2026,28/02/2026,100.000,ung ho\n");
  EXPECT_EQ(lines[0].booked_on, (CivilDate{2026, 2, 28}));
}

TEST(ReadBankStatement, DoesNotTakeTheRowNumberForADebit) {
  // "No." is a row number in English exports; "Nợ" without its mark could be either.
  const auto lines = statement_lines(
      "No.,Date,Credit,Debit,Details\n"
      "1,01/03/2026,500.000,,in\n"
      "2,02/03/2026,,200.000,out\n");
  EXPECT_THAT(amounts_of(lines), ElementsAre(500000, -200000));
}

TEST(ReadBankStatement, ReadsADebitWrittenWithAMinus) {
  const auto lines = statement_lines(
      "Ngày,Ghi nợ,Ghi có,Diễn giải\n"
      "01/03/2026,-150.000,0,phi\n"
      "01/03/2026,0,2.800.000,ung ho\n");
  EXPECT_THAT(amounts_of(lines), ElementsAre(-150000, 2800000));
}

TEST(ReadBankStatement, NormalizesText) {
  // "Nguyễn" with the marks as combining characters, a no-break space and a run of spaces.
  const auto lines = statement_lines(
      "Ngày,Số tiền,Nội dung,Người chuyển\n"
      "01/03/2026,100.000,\"  Nguye\xCC\x82\xCC\x83n\u00A0Văn   An  \","
      "\xC3\x90\xE1\xBB\xA9\x63\n");
  EXPECT_EQ(lines[0].reference, "Nguyễn Văn An");
  EXPECT_EQ(lines[0].counterparty, "Đức");  // Ð (U+00D0) read as Đ
}

TEST(ReadBankStatement, ReadsWindows1258) {
  ReadOptions options;
  options.encoding = "windows-1258";
  // "Ngày giao dịch;Số tiền;Nội dung" and "Nguyễn Văn An" with Windows-1258's combining tone
  // marks: grave CC, acute EC, tilde DE, dot below F2; ô F4, ê EA, ă E3.
  const auto lines = statement_lines(
      "Nga\xCCy giao di\xF2\x63h;S\xF4\xEC ti\xEA\xCCn;N\xF4\xF2i dung\r\n"
      "05/03/2026;2.800.000;Nguy\xEA\xDEn V\xE3n An\r\n",
      options);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].amount, 2800000);
  EXPECT_EQ(lines[0].reference, "Nguyễn Văn An");
}

TEST(ReadBankStatement, ReadsAnXlsxExport) {
  TempDir folder;
  const auto path = folder / "sao_ke.xlsx";
  auto writer = make_xlsx_writer(path, "Sao kê");
  ASSERT_TRUE(writer) << writer.error().message.en;
  for (const std::vector<std::string>& row : std::vector<std::vector<std::string>>{
           {"NGÂN HÀNG TMCP CÔNG THƯƠNG VIỆT NAM"},
           {"Số tài khoản", "102010001234"},
           {},
           {"STT", "Ngày GD", "Ghi có", "Ghi nợ", "Nội dung", "Tên người chuyển", "Mã GD"},
           {"1", "05/03/2026", "2800000", "", "NGUYEN VAN AN UH", "NGUYEN VAN AN", "CT001"},
           {"2", "06/03/2026", "", "150000", "Phi", "", "CT002"},
           {"", "Tổng cộng", "2800000", "150000", "", "", ""},
       }) {
    ASSERT_TRUE((*writer)->write_row(text_cells(row)));
  }
  ASSERT_TRUE((*writer)->finish());
  auto lines = read_bank_statement(path);
  ASSERT_TRUE(lines) << describe(lines.error(), "en");
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0].line, 5u);
  EXPECT_EQ((*lines)[0].amount, 2800000);
  EXPECT_EQ((*lines)[0].counterparty, "NGUYEN VAN AN");
  EXPECT_EQ((*lines)[0].bank_reference, "CT001");
  EXPECT_EQ((*lines)[1].amount, -150000);
}

TEST(ReadBankStatement, SkipsTotalsBalancesAndFooters) {
  const auto lines = statement_lines(
      "Ngày,Ghi có,Ghi nợ,Diễn giải\n"
      ",,,Số dư đầu kỳ: 10.000.000\n"
      "01/03/2026,500.000,,ung ho\n"
      "31/03/2026,,,Số dư cuối kỳ\n"
      "Cộng phát sinh,500.000,0,\n"
      "TOTAL,500.000,,\n"
      ",,,\n"
      "\n"
      ",,,Ngày 01 tháng 04 năm 2026\n"
      "Giám đốc,,,Kế toán\n");
  EXPECT_THAT(amounts_of(lines), ElementsAre(500000));
}

TEST(ReadBankStatement, AnEmptyStatementHasNoLines) {
  const auto lines = statement_lines("Ngày,Số tiền,Nội dung\n");
  EXPECT_TRUE(lines.empty());
}

TEST(ReadBankStatement, RefusesAFileWithoutAHeader) {
  const Error error = statement_error("Họ và tên,Ngày sinh\nNguyễn Văn An,01/02/1990\n");
  EXPECT_EQ(error.code, "statement.no_header");
  EXPECT_EQ(error.kind, ErrorKind::invalid_input);
  EXPECT_THAT(error.message.vi, HasSubstr("Ngày giao dịch"));
  EXPECT_THAT(error.message.en, HasSubstr("header"));
  EXPECT_EQ(statement_error("").code, "statement.no_header");
  // A date column alone is not a statement's header.
  EXPECT_EQ(statement_error("Ngày,Nội dung\n01/03/2026,x\n").code, "statement.no_header");
  // Nor is a header far below the top.
  std::string late;
  for (int i = 0; i < 60; ++i) late += "title\n";
  EXPECT_EQ(statement_error(late + "Ngày,Số tiền\n01/03/2026,1.000\n").code, "statement.no_header");
}

TEST(ReadBankStatement, LocatesABadDate) {
  const Error error =
      statement_error("Ngày giao dịch,Số tiền,Nội dung\n01/03/2026,1.000,a\n31/02/2026,1.000,b\n");
  EXPECT_EQ(error.code, "statement.date_invalid");
  EXPECT_EQ(error.kind, ErrorKind::invalid_input);
  EXPECT_EQ(error.where.line, 3u);
  EXPECT_EQ(error.where.field, "Ngày giao dịch");
  EXPECT_THAT(error.message.vi, HasSubstr("“31/02/2026”"));
  EXPECT_THAT(describe(error, "vi"), HasSubstr("dòng 3, cột “Ngày giao dịch”"));
  EXPECT_THAT(describe(error, "en"), HasSubstr("line 3, column “Ngày giao dịch”"));
  EXPECT_EQ(statement_error("Ngày,Số tiền\n01/03/2026 noon,1.000\n").code,
            "statement.date_invalid");
  EXPECT_EQ(statement_error("Ngày,Số tiền\nhôm qua,1.000\n").code, "statement.date_invalid");
}

TEST(ReadBankStatement, RefusesAnAmountWithoutADate) {
  // Money is never dropped: a row that holds an amount must say when.
  const Error error = statement_error("Ngày,Số tiền,Nội dung\n01/03/2026,1.000,a\n,2.000,b\n");
  EXPECT_EQ(error.code, "statement.date_invalid");
  EXPECT_EQ(error.where.line, 3u);
  EXPECT_THAT(error.message.vi, HasSubstr("Thiếu ngày"));
  EXPECT_THAT(error.message.en, HasSubstr("missing"));
}

TEST(ReadBankStatement, LocatesABadAmount) {
  const Error error = statement_error("Ngày,Số tiền (VND),Nội dung\n01/03/2026,\"12,5\",a\n");
  EXPECT_EQ(error.code, "statement.amount_invalid");
  EXPECT_EQ(error.where.line, 2u);
  EXPECT_EQ(error.where.field, "Số tiền (VND)");
  EXPECT_THAT(error.message.en, HasSubstr("“12,5”"));
  EXPECT_EQ(statement_error("Ngày,Số tiền\n01/03/2026,2.80.000\n").code,
            "statement.amount_invalid");
  EXPECT_EQ(statement_error("Ngày,Số tiền\n01/03/2026,abc\n").code, "statement.amount_invalid");
  EXPECT_EQ(statement_error("Ngày,Số tiền\n01/03/2026,1.000.000.000.000.000\n").code,
            "statement.amount_invalid");
  EXPECT_EQ(statement_error("Ngày,Ghi có,Ghi nợ\n01/03/2026,x,\n").where.field, "Ghi có");
  EXPECT_EQ(statement_error("Ngày,Số tiền\n01/03/2026,\n").code, "statement.amount_missing");
}

TEST(ReadBankStatement, RefusesALineWithBothCreditAndDebitOrNeither) {
  const Error both = statement_error("Ngày,Ghi có,Ghi nợ,Nội dung\n01/03/2026,500.000,200.000,a\n");
  EXPECT_EQ(both.code, "statement.amount_both");
  EXPECT_EQ(both.where.line, 2u);
  EXPECT_THAT(both.message.vi, HasSubstr("500.000 đ"));
  EXPECT_THAT(both.message.en, HasSubstr("200.000 đ"));
  const Error neither = statement_error("Ngày,Ghi có,Ghi nợ,Nội dung\n01/03/2026,,0,a\n");
  EXPECT_EQ(neither.code, "statement.amount_missing");
  EXPECT_EQ(neither.where.line, 2u);
  EXPECT_EQ(neither.where.field, "Ghi có");
}

TEST(ReadBankStatement, RefusesTooManyLines) {
  const Error error =
      statement_error("Ngày,Số tiền\n01/03/2026,1\n01/03/2026,2\n01/03/2026,3\n", 2);
  EXPECT_EQ(error.code, "statement.too_many_lines");
  EXPECT_EQ(error.where.line, 4u);
  EXPECT_THAT(error.message.vi, HasSubstr("hơn 2 giao dịch"));
  TempDir folder;
  EXPECT_TRUE(read_statement(folder, "Ngày,Số tiền\n01/03/2026,1\n01/03/2026,2\n", {}, 2));
}

TEST(ReadBankStatement, PassesOnTheFileErrors) {
  TempDir folder;
  auto missing = read_bank_statement(folder / "none.csv");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, "import.file_not_found");
  auto not_utf8 = read_statement(folder, "Ngày,Số tiền,Nội dung\n01/03/2026,1.000,B\xFFnh\n");
  ASSERT_FALSE(not_utf8);
  EXPECT_EQ(not_utf8.error().code, "import.not_utf8");
}

StatementLine line_of(CivilDate date, Dong amount, std::string reference,
                      std::string counterparty = "", std::string bank_reference = "",
                      std::uint64_t line = 0) {
  return {
      line, date, amount, std::move(reference), std::move(counterparty), std::move(bank_reference)};
}

TEST(StatementFingerprints, AreHexSha256AndDifferForDifferentLines) {
  const std::vector<StatementLine> lines = {
      line_of({2026, 3, 5}, 2800000, "NGUYEN VAN AN UH"),
      line_of({2026, 3, 5}, 2800001, "NGUYEN VAN AN UH"),
      line_of({2026, 3, 6}, 2800000, "NGUYEN VAN AN UH"),
      line_of({2026, 3, 5}, 2800000, "NGUYEN VAN AN"),
      line_of({2026, 3, 5}, 2800000, "NGUYEN VAN AN UH", "NGUYEN VAN AN"),
      line_of({2026, 3, 5}, 2800000, "NGUYEN VAN AN UH", "", "FT1"),
      line_of({2026, 3, 5}, 2800000, "NGUYEN VAN AN UH", "", "FT2"),
  };
  const auto fingerprints = statement_fingerprints(lines);
  ASSERT_EQ(fingerprints.size(), lines.size());
  for (const auto& fingerprint : fingerprints) {
    EXPECT_EQ(fingerprint.size(), 64u);
    EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
  }
  EXPECT_EQ(std::set(fingerprints.begin(), fingerprints.end()).size(), lines.size());
  EXPECT_TRUE(statement_fingerprints({}).empty());
}

TEST(StatementFingerprints, CountTwoEqualGiftsOnOneDayAsTwoLines) {
  const std::vector<StatementLine> lines = {
      line_of({2026, 3, 5}, 500000, "ung ho lu lut"),
      line_of({2026, 3, 5}, 500000, "ung ho lu lut"),
  };
  const auto fingerprints = statement_fingerprints(lines);
  EXPECT_NE(fingerprints[0], fingerprints[1]);
}

TEST(StatementFingerprints, IgnoreCaseDiacriticsSpacingAndLineNumbersWithoutABankNumber) {
  const auto a = statement_fingerprints(
      std::vector{line_of({2026, 3, 5}, 500000, "Ủng hộ lũ lụt", "Trần Thị Bình", "", 7)});
  const auto b = statement_fingerprints(
      std::vector{line_of({2026, 3, 5}, 500000, "UNG HO  LU LUT", "TRAN THI BINH", "", 12)});
  EXPECT_EQ(a, b);
}

TEST(BankStatement, SkipsADatedBalanceRowButKeepsNotesThatBeginLikeOne) {
  TempDir folder;
  auto lines = read_statement(folder,
                              "Ngày giao dịch,Số tiền,Nội dung,Người chuyển\n"
                              "05/03/2026,500.000,TONG THI LAN UH LU LUT,TONG THI LAN\n"
                              "06/03/2026,300.000,CONG DOAN PHONG KT UH,\n"
                              "31/03/2026,12.300.000,So du cuoi ky,\n"
                              "31/03/2026,800.000,Cộng phát sinh,\n");
  ASSERT_TRUE(lines) << lines.error().message.en;
  ASSERT_EQ(lines->size(), 2u);  // a closing balance is no gift of 12.300.000 đ
  EXPECT_EQ((*lines)[0].reference, "TONG THI LAN UH LU LUT");
  EXPECT_EQ((*lines)[1].amount, 300000);
}

TEST(StatementFingerprints, LeaveOutTheBankNumberThatOnlySomeExportsHave) {
  // The same transfer in an export with the bank's number column and in one without it.
  const auto with_number = statement_fingerprints(
      std::vector{line_of({2026, 3, 5}, 500000, "ung ho lu lut", "NGUYEN VAN AN", "FT26064ABC")});
  const auto without = statement_fingerprints(
      std::vector{line_of({2026, 3, 5}, 500000, "UNG HO LU LUT", "Nguyễn Văn An", "")});
  EXPECT_EQ(with_number, without);
  // A transfer and its fee may share the number; their amounts tell them apart.
  const auto fee = statement_fingerprints(
      std::vector{line_of({2026, 3, 5}, -1100, "phi chuyen tien", "", "FT26064ABC")});
  EXPECT_NE(with_number, fee);
}

TEST(StatementFingerprints, AreTheSameWhenAFileIsImportedAgainOrOverlapsALaterExport) {
  TempDir folder;
  const std::string header = "Ngày giao dịch,Số tiền,Nội dung,Người chuyển\n";
  const std::string march_5 = "05/03/2026,500.000,ung ho lu lut,NGUYEN VAN AN\n";
  const std::string march_6 =
      "06/03/2026,300.000,ung ho,TRAN THI BINH\n"
      "06/03/2026,300.000,ung ho,TRAN THI BINH\n"  // two equal gifts on one day
      "06/03/2026,-150.000,phi,\n";
  const std::string march_7 = "07/03/2026,2.340.000,quy Hoang Sa,LE VAN CUONG\n";
  auto first = read_statement(folder, header + march_5 + march_6);
  auto again = read_statement(folder, "Title row\n" + header + march_5 + march_6);
  auto later = read_statement(folder, header + march_6 + march_7);
  ASSERT_TRUE(first && again && later);
  const auto first_prints = statement_fingerprints(*first);
  EXPECT_EQ(statement_fingerprints(*again), first_prints);  // lines moved down by a title row
  const auto later_prints = statement_fingerprints(*later);
  // The three lines of 6 March are the same lines in both exports, in order; 7 March is new.
  ASSERT_EQ(later_prints.size(), 4u);
  EXPECT_THAT(std::vector(later_prints.begin(), later_prints.begin() + 3),
              ElementsAre(first_prints[1], first_prints[2], first_prints[3]));
  EXPECT_EQ(std::ranges::count(first_prints, later_prints[3]), 0);
}

}  // namespace
}  // namespace dk::io
