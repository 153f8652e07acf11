// The bundled framework (rubric/cmtf-qaf.json): its shape as CONTRACT.md section 1 fixes it.
#include <catch2/catch.hpp>
#include <array>
#include <map>
#include <set>

#include "core/rubric.hpp"

using namespace mizan;

namespace {
const Rubric& framework() {
  static const Rubric r = load_rubric(std::string(MIZAN_SOURCE_DIR) + "/rubric/cmtf-qaf.json");
  return r;
}
}  // namespace

TEST_CASE("the framework has 8 dimensions, 17 sections and 135 items", "[framework]") {
  const Rubric& r = framework();
  CHECK(r.id == "cmtf-qaf");
  REQUIRE(r.dimensions.size() == 8);
  std::vector<std::string> ids;
  for (const auto& d : r.dimensions)
    for (const auto& s : d.sections) ids.push_back(s.id);
  CHECK(ids == std::vector<std::string>{"1", "2", "2a", "2b", "2c", "2d", "2e", "2f", "3", "4", "5a", "5b", "5c",
                                        "5d", "6", "7", "8"});
  CHECK(r.item_count() == 135);
}

TEST_CASE("every step of every section has items, numbered from 1", "[framework]") {
  for (const auto& d : framework().dimensions)
    for (const auto& s : d.sections)
      for (int st = 0; st < 3; ++st) {
        INFO(s.id << " step " << kStepIds[st]);
        CHECK_FALSE(s.steps[st].empty());
        for (size_t n = 0; n < s.steps[st].size(); ++n)
          CHECK(s.steps[st][n].id == s.id + "." + std::string(1, kStepIds[st]) + std::to_string(n + 1));
      }
}

TEST_CASE("every item is bilingual and free of Word artefacts", "[framework]") {
  for (const Item* it : framework().all_items()) {
    INFO(it->id);
    CHECK_FALSE(it->text.ar.empty());
    CHECK_FALSE(it->text.en.empty());
    for (const char* junk : {"[", "]", "footnote", "bookmark", "\t"}) {
      CHECK(it->text.ar.find(junk) == std::string::npos);
      CHECK(it->text.en.find(junk) == std::string::npos);
    }
    // Arabic text is Arabic: it holds letters of the Arabic block (UTF-8 lead bytes D8-DB).
    bool arabic = false;
    for (unsigned char c : it->text.ar) arabic |= (c >= 0xD8 && c <= 0xDB);
    CHECK(arabic);
  }
}

TEST_CASE("5b.a2 is the caseload item", "[framework]") {
  const Item* it = framework().find_item("5b.a2");
  REQUIRE(it != nullptr);
  CHECK(it->text.ar.find("25") != std::string::npos);
  CHECK(it->text.en.find("25") != std::string::npos);
}

TEST_CASE("level names are bilingual", "[framework]") {
  const Rubric& r = framework();
  CHECK(r.level_name(Level::critical).ar == "حرج");
  CHECK(r.level_name(Level::good).ar == "جيد");
  CHECK(r.level_name(Level::acceptable).en == "Acceptable");
}

TEST_CASE("item counts per section and step match the framework's cells", "[framework]") {
  // Counted from the seed's table text: items per cell (m = critical->medium,
  // a = medium->acceptable, g = acceptable->good); `[  ] [  ]` in 2a.a counts once.
  const std::map<std::string, std::array<size_t, 3>> expected = {
      {"1", {5, 6, 6}},  {"2", {3, 3, 3}},  {"2a", {4, 4, 4}}, {"2b", {1, 1, 1}}, {"2c", {2, 2, 2}},
      {"2d", {2, 2, 2}}, {"2e", {3, 4, 3}}, {"2f", {2, 2, 2}}, {"3", {3, 3, 3}},  {"4", {3, 3, 3}},
      {"5a", {3, 3, 3}}, {"5b", {2, 2, 2}}, {"5c", {1, 1, 1}}, {"5d", {1, 1, 1}}, {"6", {1, 1, 1}},
      {"7", {5, 5, 5}},  {"8", {3, 3, 3}}};
  size_t total = 0;
  for (const auto& [id, counts] : expected) {
    const Section* s = framework().find_section(id);
    REQUIRE(s != nullptr);
    for (int st = 0; st < 3; ++st) {
      INFO(id << " step " << kStepIds[st]);
      CHECK(s->steps[st].size() == counts[st]);
      total += counts[st];
    }
  }
  CHECK(total == 135);
}
