// The compare view, headless: the agencies × dimensions matrix for three small assessment
// files, the anonymise switch hiding every name, one agency's trend, and 500 files drawn
// through the clipper (only the rows on screen).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "ui/compare_view.hpp"
#include "ui_harness.hpp"

namespace fs = std::filesystem;
using namespace mizan;
using namespace mizan::ui;
using mizan::ui::test::Harness;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("mizan-compare-ui-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

// An assessment of `r` where the first `steps_met` steps (m, a, g) of every section are met.
void write_assessment(const std::string& path, const Rubric& r, const std::string& name, const std::string& code,
                      const std::string& period, int steps_met) {
  nlohmann::json j;
  j["format"] = "mizan-assessment";
  j["format_version"] = 1;
  j["rubric"] = {{"id", r.id}, {"version", r.version}};
  j["agency"] = {{"name", name}, {"code", code}};
  j["period"] = period;
  nlohmann::json items = nlohmann::json::object();
  for (const auto& d : r.dimensions)
    for (const auto& sec : d.sections)
      for (int st = 0; st < 3; ++st)
        for (const auto& item : sec.steps[static_cast<size_t>(st)])
          items[item.id] = {{"status", st < steps_met ? "met" : "not_met"}};
  j["items"] = items;
  std::ofstream(path) << j.dump(2);
}

bool any_contains(const std::vector<std::string>& v, const std::string& what) {
  for (const auto& s : v)
    if (s.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the compare view draws the matrix of three agencies and anonymises them", "[ui][compare]") {
  TempDir tmp;
  Harness h(Lang::en, ImVec2(1500, 2200));
  const Rubric& r = h.state.rubric;
  write_assessment(tmp.file("amal.mizan.json"), r, "Amal Association", "AMAL", "2026-H2", 1);
  write_assessment(tmp.file("noor.mizan.json"), r, "Noor Center", "NOOR", "2026-H2", 2);
  write_assessment(tmp.file("salam.mizan.json"), r, "Salam Organisation", "SALAM", "2026-H2", 3);
  REQUIRE(select_view(h.state, "compare"));
  CompareView& v = h.window.compare();
  v.add_inputs(h.state, {tmp.path.string()});
  v.wait();
  REQUIRE(v.error().empty());
  REQUIRE(v.result());
  REQUIRE(v.result()->agencies.size() == 3);
  h.frames(2);
  size_t dims = v.result()->dimensions.size();
  CHECK(dims == 8);
  CHECK(v.drawn_cells() == static_cast<int>(3 * dims));
  CHECK(any_contains(v.drawn_agency_labels(), "Amal Association"));
  CHECK(any_contains(v.drawn_agency_labels(), "Salam Organisation"));
  // Levels as scored: all m met is medium, m and a acceptable, all three good.
  std::vector<Level> latest;
  for (const auto& a : v.result()->agencies) latest.push_back(a.latest().dimension_level[0]);
  std::sort(latest.begin(), latest.end());
  CHECK(latest == std::vector<Level>{Level::medium, Level::acceptable, Level::good});

  v.set_anonymize(h.state, true);
  v.wait();
  h.frames(2);
  REQUIRE(v.result());
  CHECK(v.result()->anonymized);
  REQUIRE(v.drawn_agency_labels().size() == 3);
  for (const char* secret : {"Amal", "AMAL", "Noor", "NOOR", "Salam", "SALAM"}) {
    INFO(secret);
    CHECK_FALSE(any_contains(v.drawn_agency_labels(), secret));
  }
  CHECK(any_contains(v.drawn_agency_labels(), "Agency A0"));
  CHECK(v.drawn_cells() == static_cast<int>(3 * dims));

  // Arabic draws the same matrix, mirrored.
  set_language(h.state, Lang::ar);
  h.frames(2);
  CHECK(v.drawn_cells() == static_cast<int>(3 * dims));
}

TEST_CASE("the compare view shows one agency's trend across periods", "[ui][compare]") {
  TempDir tmp;
  Harness h(Lang::en, ImVec2(1500, 2200));
  const Rubric& r = h.state.rubric;
  write_assessment(tmp.file("amal-1.mizan.json"), r, "Amal Association", "AMAL", "2025-H2", 0);
  write_assessment(tmp.file("amal-2.mizan.json"), r, "Amal Association", "AMAL", "2026-H1", 1);
  write_assessment(tmp.file("amal-3.mizan.json"), r, "Amal Association", "AMAL", "2026-H2", 2);
  REQUIRE(select_view(h.state, "compare"));
  CompareView& v = h.window.compare();
  v.add_inputs(h.state, {tmp.file("amal-3.mizan.json"), tmp.file("amal-1.mizan.json"), tmp.file("amal-2.mizan.json")});
  v.wait();
  REQUIRE(v.result());
  REQUIRE(v.result()->agencies.size() == 1);
  const CompareAgency& a = v.result()->agencies[0];
  REQUIRE(a.periods.size() == 3);
  CHECK(a.periods[0].period == "2025-H2");
  CHECK(a.periods[2].period == "2026-H2");
  CHECK(a.latest().dimension_trend[0] == Trend::improved);
  int before = 0;
  h.frames(2);
  before = ImGui::GetDrawData()->TotalVtxCount;
  CHECK(before > 2000);
  CHECK(v.drawn_cells() == 8);
}

TEST_CASE("500 assessments: the matrix draws only the rows on screen", "[ui][compare][scale]") {
  TempDir tmp;
  Harness h(Lang::en, ImVec2(1500, 1000));
  const Rubric& r = h.state.rubric;
  for (int i = 0; i < 500; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "agency-%03d.mizan.json", i);
    write_assessment(tmp.file(name), r, "Agency number " + std::to_string(i), "AG" + std::to_string(i), "2026-H2", i % 4);
  }
  REQUIRE(select_view(h.state, "compare"));
  CompareView& v = h.window.compare();
  v.add_inputs(h.state, {tmp.path.string()});
  v.wait();
  REQUIRE(v.result());
  REQUIRE(v.result()->agencies.size() == 500);
  h.frames(2);
  auto t0 = std::chrono::steady_clock::now();
  h.frames(10);
  double per_frame = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / 10;
  WARN("frame with 500 agencies: " << per_frame * 1000 << " ms");
  CHECK(v.drawn_cells() > 0);
  CHECK(v.drawn_cells() <= 20 * 8);  // about 14 rows on screen, not 500
  CHECK(per_frame < 0.25);           // generous: a debug build on a busy machine
}
