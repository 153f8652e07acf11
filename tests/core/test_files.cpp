#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/assessment.hpp"
#include "core/atomic_file.hpp"
#include "fixtures.hpp"

using namespace mizan;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("mizan-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const char* kAssessment = R"({
  "format": "mizan-assessment",
  "format_version": 1,
  "rubric": {"id": "test-rubric", "version": "1", "source_url": "kept-inside-rubric"},
  "agency": {"name": "منظمة الأمل", "code": "AMAL", "country": "SY"},
  "period": "2026-H2",
  "future_field": {"nested": [1, 2, 3]},
  "items": {
    "1.m1": {"status": "met", "note": "SOP signed", "evidence": ["SOP v2.pdf"], "reviewer_flag": true},
    "1.m2": {"status": "na", "justification": "no partner agencies in the area"},
    "9.z9": {"status": "met", "note": "from another rubric"}
  }
})";

}  // namespace

TEST_CASE("round trip keeps unknown fields and unknown item ids", "[files]") {
  Rubric r = test::small_rubric();
  auto loaded = parse_assessment(kAssessment, "a.mizan.json", &r);
  const Assessment& a = loaded.assessment;
  CHECK(a.agency_name == "منظمة الأمل");
  CHECK(a.items.at("1.m1").evidence == std::vector<std::string>{"SOP v2.pdf"});
  CHECK(a.items.at("1.m2").status == ItemStatus::na);
  // The unknown id is reported, not dropped.
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(loaded.warnings[0].message.find("9.z9") != std::string::npos);
  CHECK(loaded.warnings[0].line == 11);

  json out = assessment_to_json(a);
  CHECK(out["future_field"]["nested"] == json::array({1, 2, 3}));
  CHECK(out["rubric"]["source_url"] == "kept-inside-rubric");
  CHECK(out["agency"]["country"] == "SY");
  CHECK(out["items"]["1.m1"]["reviewer_flag"] == true);
  CHECK(out["items"]["9.z9"]["note"] == "from another rubric");
  // Reading what we wrote gives the same document.
  auto again = parse_assessment(assessment_to_text(a), "b.mizan.json", &r);
  CHECK(assessment_to_json(again.assessment) == out);
}

TEST_CASE("save is atomic and keeps the previous version as .bak", "[files]") {
  auto dir = temp_dir("save");
  auto path = (dir / "x.mizan.json").string();
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  a.agency_name = "First";
  save_assessment(path, a);
  a.agency_name = "Second";
  save_assessment(path, a);
  CHECK(load_assessment(path).assessment.agency_name == "Second");
  CHECK(load_assessment(path + ".bak").assessment.agency_name == "First");
  // No temporary files left behind.
  int files = 0;
  for (auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++files;
  }
  CHECK(files == 2);
}

TEST_CASE("a failed write leaves the previous file intact", "[files]") {
  auto dir = temp_dir("fail");
  auto path = (dir / "y.mizan.json").string();
  write_file_atomic(path, "old content\n");
  CHECK_THROWS_AS(produce_file_atomic(path, [](const std::string& tmp) {
                    std::ofstream(tmp) << "half";
                    throw std::runtime_error("disk full");
                  }),
                  std::runtime_error);
  CHECK(slurp(path) == "old content\n");
  CHECK_FALSE(fs::exists(path + ".tmp" + std::to_string(::getpid())));
  // Writing into a folder that does not exist names the file.
  try {
    write_file_atomic((dir / "no/such/dir/z.json").string(), "x");
    FAIL("expected an error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("z.json") != std::string::npos);
  }
}

TEST_CASE("bad assessment files give a message with file and place", "[files]") {
  struct Case {
    const char* text;
    const char* expect;
    int line;
  };
  std::vector<Case> cases = {
      {"", "empty", 1},
      {"{\n  \"format\": \"mizan-assessment\",\n  \"format_version\": 1,\n  \"items\": {\n}", "not valid JSON", 5},
      {"[1,2]", "must be a JSON object", 1},
      {"{\"format\": \"mizan-assessment\", \"format_version\": 2, \"items\": {}}", "newer Mizan", 1},
      {"{\"format\": \"mizan-assessment\",\n \"format_version\": 1,\n \"items\": {\"1.m1\": {\"status\": \"done\"}}}",
       "unknown status \"done\"", 3},
      {"{\"format\": \"mizan-assessment\", \"format_version\": 1,\n \"items\": []}", "keyed by item id", 2},
      {"{\"format\": \"mizan-assessment\", \"format_version\": 1,\n \"period\": 2026}", "\"period\" must be a string", 2},
      {"{\"format\": \"spreadsheet\", \"format_version\": 1}", "must be \"mizan-assessment\"", 1},
      {"{\"format\": \"mizan-assessment\", \"format_version\": 1, \"items\": {\"1.m1\": {\"evidence\": [1]}}}",
       "must be a string", 1},
      {"\xff\xfe{}", "not valid JSON", 1},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    try {
      parse_assessment(c.text, "bad.mizan.json");
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      REQUIRE_FALSE(e.problems().empty());
      const Problem& p = e.problems()[0];
      CHECK(p.file == "bad.mizan.json");
      CHECK(p.message.find(c.expect) != std::string::npos);
      CHECK(p.line == c.line);
      CHECK(p.str().rfind("bad.mizan.json:" + std::to_string(c.line) + ":", 0) == 0);
    }
  }
}

TEST_CASE("deeply nested JSON is refused without a crash", "[files]") {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  CHECK_THROWS_WITH(parse_assessment(deep, "deep.json"), Catch::Contains("nested deeper"));
}

TEST_CASE("a newer format version leaves the file untouched", "[files]") {
  auto dir = temp_dir("newer");
  auto path = (dir / "n.mizan.json").string();
  std::string text = R"({"format": "mizan-assessment", "format_version": 7, "items": {}})";
  write_file_atomic(path, text, false);
  CHECK_THROWS_AS(load_assessment(path), InputError);
  CHECK(slurp(path) == text);
}
