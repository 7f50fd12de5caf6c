// The web app's files as `doanket serve` answers them: cache headers that suit a hashed build, the
// app's own addresses answered with index.html, and nothing outside the folder reachable.

#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace dk::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("doanket-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "assets");
    write("index.html", "<!doctype html><title>Đoàn Kết</title>");
    write("assets/app-3f2a.js", std::string(5000, 'x'));
    write("favicon.svg", "<svg/>");
    // A secret beside the folder: must never be served.
    write("../secret.txt", "do not serve");
  }
  void TearDown() override {
    fs::remove_all(root_);
    fs::remove(root_.parent_path() / "secret.txt");
  }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }
  static HttpRequest get(std::string path, std::string accept_encoding = "") {
    HttpRequest request;
    request.method = "GET";
    request.path = std::move(path);
    if (!accept_encoding.empty()) request.headers["accept-encoding"] = accept_encoding;
    return request;
  }
  static std::string header(const HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers)
      if (key == name) return value;
    return "";
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, IndexIsRevalidatedAndAssetsAreKeptForAYear) {
  auto files = StaticFiles::load(root_);
  ASSERT_TRUE(files) << files.error().message.en;
  auto index = files->answer(get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->body, "<!doctype html><title>Đoàn Kết</title>");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(header(*index, "Cache-Control"), "no-cache");
  const std::string policy = header(*index, "Content-Security-Policy");
  EXPECT_NE(policy.find("default-src 'self'"), std::string::npos);
  // Frames only from the video sites' players a news post plays, and never of the app itself.
  EXPECT_NE(policy.find("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;"),
            std::string::npos);
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos);
  auto asset = files->answer(get("/assets/app-3f2a.js"));
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(*asset, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, AppAddressesGetIndexMissingFilesDoNot) {
  auto files = StaticFiles::load(root_);
  ASSERT_TRUE(files);
  auto deep = files->answer(get("/people/12"));
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(files->answer(get("/assets/missing-1234.js")));
  EXPECT_FALSE(files->answer(get("/missing.png")));
  // Only files loaded from the folder exist: a climb out of it finds nothing to serve.
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt"}) {
    auto answer = files->answer(get(path));
    if (answer) {
      EXPECT_EQ(answer->body, deep->body) << path;
    }
  }
}

TEST_F(StaticFilesTest, CompressesForBrowsersThatAcceptGzipAndRevalidatesByEntityTag) {
  auto files = StaticFiles::load(root_);
  ASSERT_TRUE(files);
  auto plain = files->answer(get("/assets/app-3f2a.js"));
  auto packed = files->answer(get("/assets/app-3f2a.js", "gzip, deflate, br"));
  ASSERT_TRUE(plain && packed);
  EXPECT_EQ(plain->body.size(), 5000u);
  EXPECT_EQ(header(*packed, "Content-Encoding"), "gzip");
  EXPECT_LT(packed->body.size(), 200u);
  auto again = get("/");
  again.headers["if-none-match"] = header(*files->answer(get("/")), "ETag");
  auto not_modified = files->answer(again);
  ASSERT_TRUE(not_modified);
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_TRUE(not_modified->body.empty());
}

TEST_F(StaticFilesTest, AFolderWithoutIndexIsRefusedWithAClearMessage) {
  fs::remove(root_ / "index.html");
  auto files = StaticFiles::load(root_);
  ASSERT_FALSE(files);
  EXPECT_EQ(files.error().code, "web.no_index");
  EXPECT_NE(files.error().message.en.find("scripts/setup.sh"), std::string::npos);
}

}  // namespace
}  // namespace dk::http
