// Writes N synthetic members as an office's CSV (UTF-8, comma, the headers offices use) to
// standard output, for the import benchmark. Deterministic: the same N gives the same file.
//   generate_members N > members.csv

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

constexpr std::array<std::string_view, 14> kFamilies = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng",
                                                        "Huỳnh",  "Phan", "Vũ", "Võ",   "Đặng",
                                                        "Bùi",    "Đỗ",   "Hồ", "Ngô"};
constexpr std::array<std::string_view, 10> kMiddles = {"Văn",  "Thị",   "Đức",   "Minh", "Thu",
                                                       "Ngọc", "Quang", "Thanh", "Hữu",  "Xuân"};
constexpr std::array<std::string_view, 24> kGivens = {
    "An",  "Bình", "Cường", "Dũng",  "Dung",  "Đức",  "Đào",   "Giang",
    "Hà",  "Hải",  "Hùng",  "Hương", "Khánh", "Lan",  "Long",  "Mai",
    "Nam", "Nga",  "Phúc",  "Quân",  "Sơn",   "Thảo", "Trang", "Vinh"};
constexpr std::array<std::string_view, 8> kUnits = {"Văn phòng",
                                                    "Thanh tra",
                                                    "Phòng Hành chính tư pháp",
                                                    "Phòng Bổ trợ tư pháp",
                                                    "Phòng Xây dựng và kiểm tra văn bản",
                                                    "Phòng Phổ biến giáo dục pháp luật",
                                                    "Trung tâm Trợ giúp pháp lý",
                                                    "Phòng Công chứng số 1"};
constexpr std::array<std::string_view, 4> kPositions = {"Chuyên viên", "Chuyên viên chính",
                                                        "Phó Trưởng phòng", "Trưởng phòng"};

}  // namespace

int main(int argc, char** argv) {
  // --no-id-numbers leaves the CCCD column empty, as many offices keep their lists: every row is
  // then matched by name and birth date.
  const bool id_numbers = !(argc == 3 && std::string_view(argv[2]) == "--no-id-numbers");
  if (argc != 2 && id_numbers) {
    std::fputs("usage: generate_members N [--no-id-numbers]\n", stderr);
    return 2;
  }
  const long count = std::atol(argv[1]);
  std::string buffer;
  buffer.reserve(1 << 20);
  buffer += "STT,Họ và tên,Ngày sinh,Giới tính,Phòng,Chức vụ,Số điện thoại,Email,Số CCCD\n";
  unsigned state = 12345;
  auto next = [&](unsigned bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  for (long i = 0; i < count; ++i) {
    const bool female = next(2) == 0;
    fmt::format_to(std::back_inserter(buffer),
                   "{},{} {} {},{:02}/{:02}/{},{},{},{},09{:08},nv{}@example.vn,{}\n", i + 1,
                   kFamilies[next(kFamilies.size())],
                   female ? "Thị" : kMiddles[next(kMiddles.size())], kGivens[next(kGivens.size())],
                   1 + next(28), 1 + next(12), 1960 + next(42), female ? "Nữ" : "Nam",
                   kUnits[next(kUnits.size())], kPositions[next(kPositions.size())], i % 100000000,
                   i, id_numbers ? fmt::format("{:012}", 1000000000L + i) : std::string());
    if (buffer.size() > (1 << 20) - 512) {
      std::fwrite(buffer.data(), 1, buffer.size(), stdout);
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), stdout);
  return 0;
}
