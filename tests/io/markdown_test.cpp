// Members' rich text rendered by cmark-gfm: the formatting they use comes through, and nothing
// they type becomes markup or script on a reader's page.
#include "io/markdown.hpp"

#include <gtest/gtest.h>

namespace dk::io {
namespace {

TEST(Markdown, RendersTheFormattingOfficersUse) {
  const std::string html = render_markdown(
      "## Kết quả\n\nĐã có **45 đoàn viên** hiến máu, *vượt chỉ tiêu*.\n\n- Khoa Nội\n- Khoa "
      "Ngoại\n\n> Một giọt máu cho đi\n\n[Xem thêm](https://hienmau.vn/tin)\n\n| Khoa | Số "
      "người |\n|---|---|\n| Nội | 20 |\n");
  EXPECT_NE(html.find("<h2>Kết quả</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<strong>45 đoàn viên</strong>"), std::string::npos) << html;
  EXPECT_NE(html.find("<em>vượt chỉ tiêu</em>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>Khoa Nội</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<blockquote>"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"https://hienmau.vn/tin\">Xem thêm</a>"), std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>20</td>"), std::string::npos) << html;
}

TEST(Markdown, ALineBreakInTheTextIsALineBreakOnThePage) {
  EXPECT_EQ(render_markdown("Dòng một\nDòng hai"), "<p>Dòng một<br />\nDòng hai</p>\n");
}

TEST(Markdown, NoHtmlOfTheWritersOwnReachesThePage) {
  for (const char* hostile :
       {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>", "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>", "<style>body{display:none}</style>",
        "<div onclick=\"alert(1)\">bấm</div>"}) {
    const std::string html = render_markdown(std::string("Xin chào ") + hostile);
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("<img"), std::string::npos) << html;
    EXPECT_EQ(html.find("<iframe"), std::string::npos) << html;
    EXPECT_EQ(html.find("<svg"), std::string::npos) << html;
    EXPECT_EQ(html.find("<style"), std::string::npos) << html;
    EXPECT_EQ(html.find("<div"), std::string::npos) << html;
    EXPECT_EQ(html.find("href=\"javascript"), std::string::npos) << html;
  }
}

TEST(Markdown, LinksAndPicturesToScriptAddressesLoseTheirAddress) {
  for (const char* hostile :
       {"[bấm](javascript:alert(1))", "[bấm](JAVASCRIPT:alert(1))", "[x](vbscript:msgbox)",
        "[x](file:///etc/passwd)", "![x](javascript:alert(1))", "[x](data:text/html,<script>)"}) {
    const std::string html = render_markdown(hostile);
    for (const char* scheme : {"javascript", "JAVASCRIPT", "vbscript", "file:", "data:"})
      EXPECT_EQ(html.find(scheme), std::string::npos) << hostile << " → " << html;
    EXPECT_TRUE(html.find("href=\"\"") != std::string::npos ||
                html.find("src=\"\"") != std::string::npos)
        << hostile << " → " << html;
  }
}

TEST(Markdown, TextThatLooksLikeMarkupIsEscaped) {
  const std::string html = render_markdown("Điểm 5 < 7 & \"tốt\"");
  EXPECT_NE(html.find("5 &lt; 7 &amp; &quot;tốt&quot;"), std::string::npos) << html;
}

TEST(Markdown, MalformedUtf8IsReplacedNotPassedOn) {
  const std::string html = render_markdown(std::string("Xin \xC3\x28 chào"));
  EXPECT_EQ(html.find("\xC3\x28"), std::string::npos);
}

}  // namespace
}  // namespace dk::io
