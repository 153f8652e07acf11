// The comparison workbook, read back by a real reader (tests/export/check_compare.py with
// Debian's openpyxl): figures against a count made in Python and against a hand count on
// small hand-made assessments; anonymisation leaving no name, code or file name in any
// part of the .xlsx; Arabic right to left; atomic writing.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../core/fixtures.hpp"
#include "core/compare.hpp"
#include "export/compare_workbook.hpp"

using nlohmann::json;
using namespace mizan;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir() {
  fs::path d = fs::temp_directory_path() / ("mizan-cmpwb-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int run_checker(const fs::path& xlsx, const json& expect, std::string& messages) {
  fs::path e = xlsx;
  e.replace_extension(".expect.json");
  std::ofstream(e) << expect.dump(2);
  fs::path log = xlsx;
  log.replace_extension(".check.log");
  std::string cmd = "/usr/bin/python3 '" + std::string(MIZAN_SOURCE_DIR) + "/tests/export/check_compare.py' '" +
                    xlsx.string() + "' '" + e.string() + "' > '" + log.string() + "' 2>&1";
  int rc = std::system(cmd.c_str());
  messages = read_all(log);
  return rc;
}

void write_doc(const fs::path& p, const std::string& name, const std::string& code, const std::string& period,
               const std::map<std::string, std::string>& items, const std::string& at, const std::string& version = "1",
               const json& case_data = nullptr) {
  json d = {{"format", "mizan-assessment"},
            {"format_version", 1},
            {"rubric", {{"id", "test-rubric"}, {"version", version}}},
            {"agency", {{"name", name}, {"code", code}}},
            {"period", period},
            {"items", json::object()}};
  for (const auto& [id, st] : items) {
    json it = {{"status", st}, {"changed_at", at}};
    if (st == "na") it["justification"] = "not offered here";
    d["items"][id] = it;
  }
  if (!case_data.is_null()) d["case_data"] = case_data;
  fs::create_directories(p.parent_path());
  std::ofstream(p) << d.dump(1);
}

std::map<std::string, std::string> all(const std::string& st) {
  std::map<std::string, std::string> m;
  for (const char* id : {"1.m1", "1.m2", "1.a1", "1.a2", "1.g1", "1.g2", "2a.m1", "2a.m2", "2a.a1", "2a.g1", "2b.m1",
                         "2b.a1", "2b.a2", "2b.g1"})
    m[id] = st;
  return m;
}

// The hand-made set (as tests/core/test_compare.cpp) on disk, in folders; returns the folder.
fs::path hand_made(const fs::path& root) {
  fs::remove_all(root);
  auto sanad = all("met");
  sanad["2b.g1"] = "na";
  auto rahma = all("met");
  rahma["2a.m1"] = "not_met";
  json cd = {{"rows", 3}, {"source", "sanad-cases.csv"},
             {"indicators", {{"cases.total", 3}, {"cases.open", 12},
                             {"consent.rate", {{"value", 0.6667}, {"numerator", 2}, {"denominator", 3}}}}}};
  write_doc(root / "nour/a-nour-2026-H2.mizan.json", "Nour Relief", "NRX1", "2026-H2",
            {{"1.m1", "met"}, {"1.m2", "met"}, {"1.a1", "met"}, {"2a.m1", "met"}, {"2a.m2", "met"},
             {"2a.a1", "not_met"}, {"2b.m1", "met"}, {"2b.a1", "not_met"}},
            "2026-06-01T10:00:00Z");
  write_doc(root / "nour/b-nour-2025-H2.mizan.json", "Nour Relief", "NRX1", "2025-H2", all("met"), "2025-12-01T10:00:00Z");
  write_doc(root / "nour/c-nour-2026-H1.mizan.json", "Nour Relief", "NRX1", "2026-H1", {{"1.m1", "met"}},
            "2026-06-01T10:00:00Z");
  write_doc(root / "d-sanad.mizan.json", "Sanad Association", "SND9", "2026-H2", sanad, "2026-11-02T08:00:00Z", "1", cd);
  write_doc(root / "e-rahma.mizan.json", "Rahma Centre", "", "2026-H2", rahma, "2026-06-01T10:00:00Z");
  write_doc(root / "z-sanad-old.mizan.json", "Sanad Association", "SND9", "2026-H2", all("not_met"), "2026-10-01T08:00:00Z");
  write_doc(root / "f-basma.mizan.json", "Basma Network", "BSM4", "2026-H2", all("met"), "2026-06-01T10:00:00Z", "2");
  std::ofstream(root / "g-ghad.mizan.json") << "{\n  \"agency\": {\"name\": \"Ghad Secret\" \n}";
  std::ofstream(root / "notes.txt") << "not an assessment";
  return root;
}

const std::vector<std::string> kSecrets = {"Nour", "NRX1", "Sanad", "SND9", "Rahma", "Basma", "BSM4", "Ghad",
                                           "a-nour", "z-sanad", "sanad-cases", "e-rahma", "mizan-cmpwb"};

json expectation(const fs::path& rubric, const fs::path& folder, const std::string& lang, bool anon) {
  return json{{"lang", lang},
              {"anonymized", anon},
              {"rubric", rubric.string()},
              {"inputs", {folder.string()}},
              {"secrets", kSecrets},
              {"hand",
               {{"distribution", {{"1", {0, 1, 0, 2}}, {"2", {1, 1, 0, 1}}}},
                {"median", {{"1", "good"}, {"2", "medium"}}},
                {"unmet", {{"2a.m1", 1}, {"2a.a1", 1}, {"2b.a1", 1}, {"1.m1", 0}, {"2b.g1", 0}}},
                {"trend_periods", {{"Nour Relief (NRX1)", {"2025-H2", "2026-H1", "2026-H2"}}}}}}};
}

struct Fixture {
  fs::path dir = scratch_dir();
  fs::path rubric = dir / "small-rubric.json";
  fs::path folder;
  Fixture() {
    std::ofstream(rubric) << test::small_rubric_json().dump(2);
    folder = hand_made(dir / "in");
  }
  CompareResult compare(bool anon) {
    CompareOptions o;
    o.anonymize = anon;
    o.rubric_path = rubric.string();
    return compare_files(collect_assessment_files({folder.string()}), o);
  }
};

}  // namespace

TEST_CASE("comparison workbook: figures equal the hand count and a recount, English and Arabic", "[export][compare]") {
  Fixture fx;
  CompareResult r = fx.compare(false);
  REQUIRE(r.agencies.size() == 3);
  for (std::string lang : {"en", "ar"}) {
    INFO(lang);
    fs::path out = fx.dir / ("compare-" + lang + ".xlsx");
    auto rep = export_compare_workbook(r, out.string(), *parse_lang(lang), "2026-12-01");
    CHECK(rep.sheets.size() == 6);  // with Case data
    CHECK(rep.charts == 2);         // the distribution, Nour's trend
    std::string messages;
    CHECK(run_checker(out, expectation(fx.rubric, fx.folder, lang, false), messages) == 0);
    INFO(messages);
    CHECK(messages.empty());
  }
}

TEST_CASE("the checker catches a wrong figure", "[export][compare]") {
  Fixture fx;
  CompareResult r = fx.compare(false);
  fs::path out = fx.dir / "compare-wrong.xlsx";
  export_compare_workbook(r, out.string(), Lang::en, "2026-12-01");
  json e = expectation(fx.rubric, fx.folder, "en", false);
  e["hand"]["distribution"]["1"] = {0, 2, 0, 1};
  e["hand"]["unmet"]["2a.m1"] = 2;
  std::string messages;
  CHECK(run_checker(out, e, messages) != 0);
  CHECK(messages.find("Distribution 1") != std::string::npos);
  CHECK(messages.find("2a.m1") != std::string::npos);
}

TEST_CASE("anonymised workbook: no agency name, code or file name in any part", "[export][compare]") {
  Fixture fx;
  CompareResult r = fx.compare(true);
  for (std::string lang : {"en", "ar"}) {
    INFO(lang);
    fs::path out = fx.dir / ("anon-" + lang + ".xlsx");
    export_compare_workbook(r, out.string(), *parse_lang(lang), "2026-12-01");
    std::string messages;
    CHECK(run_checker(out, expectation(fx.rubric, fx.folder, lang, true), messages) == 0);
    INFO(messages);
    CHECK(messages.empty());
    // And by unzip, independently of Python: every part, searched as bytes.
    fs::path parts = fx.dir / ("parts-" + lang);
    fs::remove_all(parts);
    std::string cmd = "unzip -q -o '" + out.string() + "' -d '" + parts.string() + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    size_t n_parts = 0;
    bool has_suppressed = false;
    for (const auto& e : fs::recursive_directory_iterator(parts)) {
      if (!e.is_regular_file()) continue;
      ++n_parts;
      std::string bytes = read_all(e.path());
      for (const auto& secret : kSecrets) {
        INFO(e.path().string() << " " << secret);
        CHECK(bytes.find(secret) == std::string::npos);
      }
      has_suppressed = has_suppressed || bytes.find("&lt;5") != std::string::npos;
    }
    CHECK(n_parts > 10);
    CHECK(has_suppressed);  // the case-data counts of 3 and 2
  }
  // The plain workbook does name them (the search above can find a name).
  fs::path plain = fx.dir / "plain.xlsx";
  export_compare_workbook(fx.compare(false), plain.string(), Lang::en, "2026-12-01");
  fs::path parts = fx.dir / "parts-plain";
  fs::remove_all(parts);
  REQUIRE(std::system(("unzip -q -o '" + plain.string() + "' -d '" + parts.string() + "'").c_str()) == 0);
  CHECK(read_all(parts / "xl" / "sharedStrings.xml").find("Nour Relief (NRX1)") != std::string::npos);
}

TEST_CASE("a comparison workbook that cannot be written leaves nothing behind", "[export][compare]") {
  Fixture fx;
  CompareResult r = fx.compare(false);
  fs::path out = fx.dir / "no-such-folder" / "c.xlsx";
  CHECK_THROWS_AS(export_compare_workbook(r, out.string(), Lang::en), InputError);
  CHECK_FALSE(fs::exists(out));
  // Over an existing file: replaced whole.
  fs::path good = fx.dir / "replace.xlsx";
  std::ofstream(good) << "old";
  export_compare_workbook(r, good.string(), Lang::en);
  CHECK(fs::file_size(good) > 1000);
  for (const auto& e : fs::directory_iterator(fx.dir))
    CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}
