// Comparing assessments (issue 7): figures against a hand count on small hand-made
// assessments of the small test rubric, the duplicate rule, rubric versions, period order,
// anonymisation and bad files.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "core/compare.hpp"
#include "fixtures.hpp"

using nlohmann::json;
using namespace mizan;
namespace fs = std::filesystem;

namespace {

// An assessment of the small rubric: items given as id -> status ("na" gets a reason).
std::string doc(const std::string& name, const std::string& code, const std::string& period,
                const std::map<std::string, std::string>& items, const std::string& changed_at = "2026-06-01T10:00:00Z",
                const std::string& version = "1", const json& case_data = nullptr) {
  json d = {{"format", "mizan-assessment"},
            {"format_version", 1},
            {"rubric", {{"id", "test-rubric"}, {"version", version}}},
            {"agency", {{"name", name}, {"code", code}}},
            {"period", period},
            {"items", json::object()}};
  for (const auto& [id, st] : items) {
    json it = {{"status", st}, {"changed_at", changed_at}, {"changed_by", "tester"}};
    if (st == "na") it["justification"] = "not offered here";
    d["items"][id] = it;
  }
  if (!case_data.is_null()) d["case_data"] = case_data;
  return d.dump(1);
}

const std::vector<std::string> kAll = {"1.m1", "1.m2", "1.a1", "1.a2", "1.g1", "1.g2", "2a.m1", "2a.m2",
                                       "2a.a1", "2a.g1", "2b.m1", "2b.a1", "2b.a2", "2b.g1"};

std::map<std::string, std::string> all(const std::string& st) {
  std::map<std::string, std::string> m;
  for (const auto& id : kAll) m[id] = st;
  return m;
}

const json kCaseData = {{"rows", 3},
                        {"as_of", "2026-11-01"},
                        {"source", "sanad-cases.csv"},
                        {"indicators",
                         {{"cases.total", 3},
                          {"cases.open", 12},
                          {"cases.closed", 0},
                          {"caseload.median", 2.5},
                          {"consent.rate", {{"value", 0.6667}, {"numerator", 2}, {"denominator", 3}}},
                          {"risk.recorded_rate", {{"value", 0.9}, {"numerator", 45}, {"denominator", 50}}}}}};

// The set of hand-made files (paths chosen so path order differs from period order).
std::vector<CompareSource> sources() {
  auto sanad = all("met");
  sanad["2b.g1"] = "na";
  std::map<std::string, std::string> nour_h2 = {{"1.m1", "met"},  {"1.m2", "met"},     {"1.a1", "met"},
                                                {"2a.m1", "met"}, {"2a.m2", "met"},    {"2a.a1", "not_met"},
                                                {"2b.m1", "met"}, {"2b.a1", "not_met"}};
  auto rahma = all("met");
  rahma["2a.m1"] = "not_met";
  return {
      {"in/a-nour-2026-H2.mizan.json", doc("Nour Relief", "NRX1", "2026-H2", nour_h2), ""},
      {"in/b-nour-2025-H2.mizan.json", doc("Nour Relief", "NRX1", "2025-H2", all("met"), "2025-12-01T10:00:00Z"), ""},
      {"in/c-nour-2026-H1.mizan.json", doc("Nour Relief", "NRX1", "2026-H1", {{"1.m1", "met"}}), ""},
      {"in/d-sanad.mizan.json", doc("Sanad Association", "SND9", "2026-H2", sanad, "2026-11-02T08:00:00Z", "1", kCaseData), ""},
      {"in/e-rahma.mizan.json", doc("Rahma Centre", "", "2026-H2", rahma), ""},
      // Older duplicate of Sanad 2026-H2, later in path order: loses on its last change.
      {"in/z-sanad-old.mizan.json", doc("Sanad Association", "SND9", "2026-H2", all("not_met"), "2026-10-01T08:00:00Z"), ""},
      // Another version of the rubric: left out by name.
      {"in/f-other-version.mizan.json", doc("Basma Network", "BSM4", "2026-H2", all("met"), "2026-06-01T10:00:00Z", "2"), ""},
      // Broken JSON: left out with line:col.
      {"in/g-broken.mizan.json", "{\n  \"format\": \"mizan-assessment\",\n  \"agency\": {\"name\": \"Ghad Secret\" \n}", ""},
      // No agency at all.
      {"in/h-nobody.mizan.json", doc("", "", "2026-H2", all("met")), ""},
      // Could not be read from disk.
      {"in/i-missing.mizan.json", "", "cannot open the file"},
  };
}

const CompareFile& file_named(const CompareResult& r, const std::string& path) {
  for (const auto& f : r.files)
    if (f.path == path) return f;
  FAIL("no file " << path);
  return r.files.front();
}

// Every string of the result a view or an export could show.
std::string everything_shown(const CompareResult& r) {
  std::string s;
  for (const auto& f : r.files)
    s += f.label + "|" + f.reason.en + "|" + f.reason.ar + "|" + f.agency + "|" + f.period + "|" + f.rubric + "\n";
  for (const auto& a : r.agencies) {
    s += a.name + "|" + a.code + "|" + agency_label(a, r.anonymized, Lang::en) + "\n";
    for (const auto& p : a.periods) {
      s += p.period + "\n";
      for (const auto& c : p.case_data) s += c.id + "\n";
    }
  }
  for (const auto& w : r.warnings) s += w + "\n";
  for (const auto& p : r.periods) s += p + "\n";
  return s;
}

}  // namespace

TEST_CASE("periods are ordered by the month they end, then the month they start", "[compare]") {
  std::vector<std::string> p = {"2026-H1", "foo", "2025", "2026-Q1", "2025-H2", "2026-03", "2025-Q4", "2024-H2", ""};
  std::sort(p.begin(), p.end(), period_before);
  CHECK(p == std::vector<std::string>{"2024-H2", "2025", "2025-H2", "2025-Q4", "2026-Q1", "2026-03", "2026-H1", "", "foo"});
  CHECK(period_key("2026-H3").unknown == 1);
  CHECK(period_key("2026-Q5").unknown == 1);
  CHECK(period_key("2026-13").unknown == 1);
  CHECK(period_before("2025-H2", "2026-H1"));
  CHECK_FALSE(period_before("2026-H1", "2025-H2"));
}

TEST_CASE("matrix, distribution and unmet items match a hand count", "[compare]") {
  Rubric rubric = test::small_rubric();
  CompareResult r = compare_sources(sources(), rubric);

  // Three agencies compared, by name; Nour with its three periods in period order.
  REQUIRE(r.agencies.size() == 3);
  CHECK(r.agencies[0].name == "Nour Relief (NRX1)");
  CHECK(r.agencies[1].name == "Rahma Centre");
  CHECK(r.agencies[2].name == "Sanad Association (SND9)");
  CHECK(r.used_files() == 5);
  CHECK(r.periods == std::vector<std::string>{"2025-H2", "2026-H1", "2026-H2"});

  const CompareAgency& nour = r.agencies[0];
  REQUIRE(nour.periods.size() == 3);
  CHECK(nour.periods[0].period == "2025-H2");
  CHECK(nour.periods[1].period == "2026-H1");
  CHECK(nour.periods[2].period == "2026-H2");
  // 2025-H2: all met -> good; 2026-H1: only 1.m1 -> critical (1: 0.5 of its m step);
  // 2026-H2: 1 medium (a step half met), 2a medium (0 of a), 2b medium (0 of a).
  CHECK(nour.periods[0].dimension_level == std::vector<Level>{Level::good, Level::good});
  CHECK(nour.periods[1].dimension_level == std::vector<Level>{Level::critical, Level::critical});
  CHECK(nour.periods[1].section_progress[0] == Approx(0.5));
  const ComparePeriod& nl = nour.latest();
  CHECK(nl.dimension_level == std::vector<Level>{Level::medium, Level::medium});
  CHECK(nl.section_level == std::vector<Level>{Level::medium, Level::medium, Level::medium});
  CHECK(nl.section_progress[0] == Approx(0.5));
  CHECK(nl.dimension_progress[0] == Approx(1.5));
  CHECK(nl.dimension_progress[1] == Approx(1.0));
  // Trends: fell back from 2025-H2 to 2026-H1, improved to 2026-H2.
  CHECK(nour.periods[0].dimension_trend == std::vector<Trend>{Trend::first, Trend::first});
  CHECK(nour.periods[1].dimension_trend == std::vector<Trend>{Trend::fell_back, Trend::fell_back});
  CHECK(nour.periods[2].dimension_trend == std::vector<Trend>{Trend::improved, Trend::improved});

  const ComparePeriod& rahma = r.agencies[1].latest();
  CHECK(rahma.dimension_level == std::vector<Level>{Level::good, Level::critical});
  CHECK(rahma.section_level == std::vector<Level>{Level::good, Level::critical, Level::good});
  CHECK(rahma.section_progress[1] == Approx(0.5));
  const ComparePeriod& sanad = r.agencies[2].latest();
  CHECK(sanad.dimension_level == std::vector<Level>{Level::good, Level::good});  // N/A 2b.g1 passes

  // Distribution (latest of each): dimension 1 = medium 1, good 2, median good;
  // dimension 2 = critical 1, medium 1, good 1, median medium.
  REQUIRE(r.dimension_distribution.size() == 2);
  CHECK(r.dimension_distribution[0].count == std::array<int, 4>{0, 1, 0, 2});
  CHECK(r.dimension_distribution[0].median == Level::good);
  CHECK(r.dimension_distribution[1].count == std::array<int, 4>{1, 1, 0, 1});
  CHECK(r.dimension_distribution[1].median == Level::medium);
  REQUIRE(r.section_distribution.size() == 3);
  CHECK(r.section_distribution[1].count == std::array<int, 4>{1, 1, 0, 1});  // 2a
  CHECK(r.section_distribution[2].count == std::array<int, 4>{0, 1, 0, 2});  // 2b

  // Unmet: 2a.m1 (Rahma), 2a.a1 and 2b.a1 (Nour) once each, in framework order; then the
  // items Nour left unanswered. The duplicate (everything not met) is not counted.
  REQUIRE(r.unmet.size() >= 3);
  auto id_of = [&](size_t k) { return r.items[r.unmet[k].item]->id; };
  CHECK(id_of(0) == "2a.m1");
  CHECK(id_of(1) == "2a.a1");
  CHECK(id_of(2) == "2b.a1");
  for (size_t k = 0; k < 3; ++k) {
    CHECK(r.unmet[k].not_met == 1);
    CHECK(r.unmet[k].not_met_any_period == 1);
  }
  std::map<std::string, UnmetItem> by_id;
  for (const auto& u : r.unmet) by_id[r.items[u.item]->id] = u;
  CHECK(by_id.count("1.m1") == 0);  // met by every agency in every period
  REQUIRE(by_id.count("2b.g1"));
  CHECK(by_id["2b.g1"].not_met == 0);
  CHECK(by_id["2b.g1"].unanswered == 1);  // Nour
  CHECK(by_id["2b.g1"].na == 1);          // Sanad
  CHECK(by_id["2b.g1"].applicable == 2);
  CHECK(by_id["1.a2"].unanswered == 1);
  CHECK(by_id["1.a2"].not_met == 0);
}

TEST_CASE("duplicates, other rubric versions, bad files and missing agencies are said aloud", "[compare]") {
  Rubric rubric = test::small_rubric();
  CompareResult r = compare_sources(sources(), rubric);
  REQUIRE(r.files.size() == 10);
  // Files in sorted path order.
  CHECK(r.files[0].path == "in/a-nour-2026-H2.mizan.json");
  CHECK(r.files[9].path == "in/z-sanad-old.mizan.json");

  const CompareFile& old = file_named(r, "in/z-sanad-old.mizan.json");
  CHECK(old.use == FileUse::duplicate);
  REQUIRE(old.winner);
  CHECK(r.files[*old.winner].path == "in/d-sanad.mizan.json");
  CHECK(old.reason.en.find("in/d-sanad.mizan.json") != std::string::npos);
  CHECK(old.reason.en.find("2026-11-02T08:00:00Z") != std::string::npos);
  CHECK(file_named(r, "in/d-sanad.mizan.json").use == FileUse::used);

  const CompareFile& other = file_named(r, "in/f-other-version.mizan.json");
  CHECK(other.use == FileUse::other_rubric);
  CHECK(other.reason.en.find("test-rubric 2") != std::string::npos);
  CHECK(other.reason.en.find("test-rubric 1") != std::string::npos);

  const CompareFile& broken = file_named(r, "in/g-broken.mizan.json");
  CHECK(broken.use == FileUse::unreadable);
  CHECK(broken.reason.en.find("4:2: not valid JSON") != std::string::npos);
  CHECK(file_named(r, "in/h-nobody.mizan.json").use == FileUse::no_agency);
  CHECK(file_named(r, "in/i-missing.mizan.json").use == FileUse::unreadable);
  CHECK(file_named(r, "in/i-missing.mizan.json").reason.en.find("cannot open the file") != std::string::npos);

  // Every file left out is in the warnings, by name.
  size_t left_out = 0;
  for (const auto& f : r.files) {
    if (f.use == FileUse::used) continue;
    ++left_out;
    bool said = false;
    for (const auto& w : r.warnings) said = said || w.rfind(f.path + ": left out: ", 0) == 0;
    CHECK(said);
  }
  CHECK(left_out == 5);
}

TEST_CASE("a tie on the last change goes to the last file in path order", "[compare]") {
  Rubric rubric = test::small_rubric();
  std::vector<CompareSource> s = {
      {"x/2.mizan.json", doc("Hayat", "HYT", "2026-H1", all("met")), ""},
      {"x/1.mizan.json", doc("Hayat", "HYT", "2026-H1", all("not_met")), ""},
  };
  CompareResult r = compare_sources(s, rubric);
  REQUIRE(r.agencies.size() == 1);
  CHECK(r.files[r.agencies[0].latest().file].path == "x/2.mizan.json");
  CHECK(r.agencies[0].latest().dimension_level[0] == Level::good);
  CHECK(r.files[0].use == FileUse::duplicate);
  CHECK(r.files[0].reason.en.find("later in path order") != std::string::npos);
}

TEST_CASE("the rubric most files use is compared when none is given", "[compare]") {
  // Three files on the bundled framework's version, one on another: the other is left out.
  std::string real = read_text_file(find_rubric());
  Rubric bundled = parse_rubric(real, "cmtf-qaf.json");
  auto on = [&](const std::string& code, const std::string& version) {
    json d = {{"format", "mizan-assessment"}, {"format_version", 1},
              {"rubric", {{"id", bundled.id}, {"version", version}}},
              {"agency", {{"name", "Agency " + code}, {"code", code}}}, {"period", "2026-H2"},
              {"items", json::object()}};
    return d.dump();
  };
  std::vector<CompareSource> s = {{"a.mizan.json", on("A1", bundled.version), ""},
                                  {"b.mizan.json", on("B1", "1999.01"), ""},
                                  {"c.mizan.json", on("C1", bundled.version), ""}};
  CompareResult r = compare_sources(s);
  CHECK(r.rubric.version == bundled.version);
  CHECK(r.agencies.size() == 2);
  CHECK(r.files[1].use == FileUse::other_rubric);
  CHECK(r.files[1].reason.en.find("1999.01") != std::string::npos);
}

TEST_CASE("anonymised: codes instead of names, file numbers, small counts suppressed", "[compare]") {
  Rubric rubric = test::small_rubric();
  CompareOptions o;
  o.anonymize = true;
  CompareResult r = compare_sources(sources(), rubric, o);
  REQUIRE(r.agencies.size() == 3);
  std::string shown = everything_shown(r);
  for (const char* secret : {"Nour", "NRX1", "Sanad", "SND9", "Rahma", "Basma", "BSM4", "Ghad Secret", "nour", "sanad",
                             "in/", ".mizan.json"})
    CHECK(shown.find(secret) == std::string::npos);
  // Codes A01..A03, sorted, each agency once; labels in both languages.
  CHECK(r.agencies[0].code == "A01");
  CHECK(r.agencies[1].code == "A02");
  CHECK(r.agencies[2].code == "A03");
  for (const auto& a : r.agencies) CHECK(a.name.empty());
  CHECK(agency_label(r.agencies[0], true, Lang::en) == "Agency A01");
  CHECK(agency_label(r.agencies[0], true, Lang::ar) == "الجهة A01");
  CHECK(r.files[0].label == "File 001");
  // The same files give the same codes.
  CompareResult again = compare_sources(sources(), rubric, o);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(again.agencies[i].code == r.agencies[i].code);
    CHECK(again.agencies[i].periods.size() == r.agencies[i].periods.size());
  }
  // The agency with three periods is still the one with three periods (Nour).
  int three = 0;
  for (const auto& a : r.agencies) three += a.periods.size() == 3;
  CHECK(three == 1);

  // Case data of Sanad: counts 1..4 and rates over them are "<5"; others kept.
  const ComparePeriod* sanad = nullptr;
  for (const auto& a : r.agencies)
    if (!a.latest().case_data.empty()) sanad = &a.latest();
  REQUIRE(sanad);
  std::map<std::string, CaseFigure> cd;
  for (const auto& c : sanad->case_data) cd[c.id] = c;
  CHECK(cd.count("as_of") == 0);   // text is never carried
  CHECK(cd.count("source") == 0);
  CHECK(cd["rows"].value.suppressed);
  CHECK(cd["cases.total"].value.suppressed);
  CHECK(cd["cases.total"].value.value == 0);  // the figure itself is gone
  CHECK_FALSE(cd["cases.open"].value.suppressed);
  CHECK(cd["cases.open"].value.value == 12);
  CHECK_FALSE(cd["cases.closed"].value.suppressed);  // 0 is not a small count
  CHECK_FALSE(cd["caseload.median"].value.suppressed);
  CHECK(cd["consent.rate"].value.suppressed);
  CHECK(cd["consent.rate"].numerator.suppressed);
  CHECK(cd["consent.rate"].denominator.suppressed);
  CHECK_FALSE(cd["risk.recorded_rate"].value.suppressed);
  CHECK(cd["risk.recorded_rate"].numerator.value == 45);

  // Not anonymised: the same figures are kept.
  CompareResult plain = compare_sources(sources(), rubric);
  for (const auto& a : plain.agencies)
    for (const auto& c : a.latest().case_data) CHECK_FALSE(c.value.suppressed);
}

TEST_CASE("anonymised problem messages keep no quoted file content", "[compare]") {
  Rubric rubric = test::small_rubric();
  CompareOptions o;
  o.anonymize = true;
  std::vector<CompareSource> s = {
      {"Secret-Agency-file.mizan.json", "{\"format\": \"mizan-assessment\", \"format_version\": 1, \"period\": AMALX}", ""},
      {"ok.mizan.json", doc("Wafa", "WFA", "2026-H1", all("met")), ""},
      {"bad-status.mizan.json",
       "{\"format\": \"mizan-assessment\", \"format_version\": 1, \"items\": {\"1.m1\": {\"status\": \"KARAMA\"}}}", ""}};
  CompareResult r = compare_sources(s, rubric, o);
  std::string shown = everything_shown(r);
  CHECK(shown.find("AMALX") == std::string::npos);
  CHECK(shown.find("KARAMA") == std::string::npos);
  CHECK(shown.find("Secret") == std::string::npos);
  CHECK(shown.find("WFA") == std::string::npos);
  CHECK(r.files[0].reason.en.find("not valid JSON") != std::string::npos);  // the problem is still said
}

TEST_CASE("files are found in folders recursively, once, in path order", "[compare]") {
  fs::path d = fs::temp_directory_path() / ("mizan-compare-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d / "sub" / "deeper");
  for (const char* name : {"b.mizan.json", "sub/a.mizan.json", "sub/deeper/c.mizan.json", "notes.json", "sub/x.txt"})
    std::ofstream(d / name) << "{}";
  auto files = collect_assessment_files({d.string(), (d / "b.mizan.json").string(), (d / "notes.json").string()});
  REQUIRE(files.size() == 4);  // notes.json named explicitly is taken; sub/x.txt is not
  CHECK(files[0] == (d / "b.mizan.json").generic_string());
  CHECK(files[1] == (d / "notes.json").generic_string());
  CHECK(files[2] == (d / "sub/a.mizan.json").generic_string());
  CHECK(files[3] == (d / "sub/deeper/c.mizan.json").generic_string());
  CHECK_THROWS_AS(collect_assessment_files({(d / "nope").string()}), InputError);
  fs::remove_all(d);
}

TEST_CASE("a result copies with its pointers into its own rubric", "[compare]") {
  Rubric rubric = test::small_rubric();
  CompareResult copy;
  {
    CompareResult r = compare_sources(sources(), rubric);
    copy = r;
  }
  REQUIRE(copy.dimensions.size() == 2);
  CHECK(copy.dimensions[0] == &copy.rubric.dimensions[0]);
  CHECK(copy.items[copy.unmet[0].item]->id == "2a.m1");
}
