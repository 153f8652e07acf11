// Evidence rules of the rubric against stored case-data aggregates, and small-count
// suppression for shared outputs.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/evidence.hpp"
#include "support.hpp"

using nlohmann::json;
using namespace mizan;

namespace {

const Rubric& rubric() {
  static const Rubric r = load_rubric(std::string(MIZAN_SOURCE_DIR) + "/rubric/cmtf-qaf.json");
  return r;
}

EvidenceRule rule(const std::string& id, const std::string& op, double t) {
  EvidenceRule r;
  r.indicator = id;
  r.op = op;
  r.threshold = t;
  return r;
}

// case_data as `mizan indicators --attach` writes it.
json stored(const json& indicators) {
  return json{{"format", "mizan-case-data"},
              {"format_version", 1},
              {"imports", json::array({json{{"file", "cases.csv"}, {"rows", 40}, {"indicators", indicators}}})}};
}

}  // namespace

TEST_CASE("shared_count writes counts below 5 as <5", "[evidence][privacy]") {
  CHECK(shared_count(0) == "0");
  CHECK(shared_count(1) == "<5");
  CHECK(shared_count(4) == "<5");
  CHECK(shared_count(5) == "5");
  CHECK(shared_count(1234) == "1234");
  CHECK_FALSE(is_small_count(0));
  CHECK(is_small_count(3));
  CHECK_FALSE(is_small_count(-2));
}

TEST_CASE("a rate rule: supports met, suggests not met, no data", "[evidence]") {
  const EvidenceRule r = rule("consent.rate", ">=", 0.8);
  // 34 of 40 = 85% >= 80%: supports met.
  const auto met = evaluate_evidence(r, stored({{"consent.rate", {{"value", 0.85}, {"numerator", 34}, {"denominator", 40}}}}));
  CHECK(met.verdict == EvidenceVerdict::supports_met);
  CHECK(met.figure_text == "85.0% (34 of 40)");
  // 30 of 40 = 75% < 80%: suggests not met.
  const auto low = evaluate_evidence(r, stored({{"consent.rate", {{"value", 0.75}, {"numerator", 30}, {"denominator", 40}}}}));
  CHECK(low.verdict == EvidenceVerdict::suggests_not_met);
  CHECK(low.figure_text == "75.0% (30 of 40)");
  // Exactly at the threshold holds for >=.
  CHECK(evaluate_evidence(r, stored({{"consent.rate", 0.8}})).verdict == EvidenceVerdict::supports_met);
  // Denominator 0 (null), missing indicator, no case data at all: no data.
  const auto zero = evaluate_evidence(r, stored({{"consent.rate", {{"value", nullptr}, {"numerator", 0}, {"denominator", 0}}}}));
  CHECK(zero.verdict == EvidenceVerdict::no_data);
  CHECK(zero.figure_text == "no data (0 cases)");
  CHECK(evaluate_evidence(r, stored({{"risk.recorded_rate", 1.0}})).verdict == EvidenceVerdict::no_data);
  CHECK(evaluate_evidence(r, json()).verdict == EvidenceVerdict::no_data);
  CHECK(evaluate_evidence(r, json::object()).verdict == EvidenceVerdict::no_data);
  // Counts without a value: the value follows from them (9 of 10 = 90%).
  CHECK(evaluate_evidence(r, stored({{"consent.rate", {{"numerator", 9}, {"denominator", 10}}}})).verdict ==
        EvidenceVerdict::supports_met);
}

TEST_CASE("the latest import decides; other stored shapes are read too", "[evidence]") {
  const EvidenceRule r = rule("consent.rate", ">=", 0.8);
  json cd = stored({{"consent.rate", 0.5}});
  cd["imports"].push_back(json{{"file", "later.csv"}, {"indicators", {{"consent.rate", 0.9}}}});
  CHECK(evaluate_evidence(r, cd).verdict == EvidenceVerdict::supports_met);
  CHECK(evaluate_evidence(r, json{{"indicators", {{"consent.rate", 0.5}}}}).verdict ==
        EvidenceVerdict::suggests_not_met);                                              // one import
  CHECK(evaluate_evidence(r, json{{"consent.rate", 0.95}}).verdict == EvidenceVerdict::supports_met);  // bare map
  CHECK(evaluate_evidence(r, json::array({json{{"indicators", {{"consent.rate", 0.1}}}}})).verdict ==
        EvidenceVerdict::suggests_not_met);                                              // a list
  // Text where a number belongs is no data, never shown.
  const auto text = evaluate_evidence(r, stored({{"consent.rate", "Huda Alkhatib"}}));
  CHECK(text.verdict == EvidenceVerdict::no_data);
  CHECK(text.figure_text.find("Huda") == std::string::npos);
}

TEST_CASE("the rubric's evidence rules for 5b.a2 (caseloads and supervision)", "[evidence]") {
  const Item* item = rubric().find_item("5b.a2");
  REQUIRE(item);
  REQUIRE(item->evidence.size() >= 2);
  // Every caseworker within 25 and every supervisor within 6: supports met.
  const json ok = stored({{"caseload.over_limit", 0}, {"caseload.max", 22}, {"supervision.over_limit", 0},
                          {"supervision.max", 5}});
  const auto f = evaluate_item_evidence(*item, ok);
  REQUIRE(f.size() == item->evidence.size());
  for (const auto& e : f) CHECK(e.verdict == EvidenceVerdict::supports_met);
  CHECK(combined_verdict(f) == EvidenceVerdict::supports_met);
  // One caseworker with 31 open cases: suggests not met, whatever else holds.
  const json over = stored({{"caseload.over_limit", 1}, {"caseload.max", 31}, {"supervision.over_limit", 0},
                            {"supervision.max", 5}});
  const auto g = evaluate_item_evidence(*item, over);
  CHECK(combined_verdict(g) == EvidenceVerdict::suggests_not_met);
  bool shown = false;
  for (const auto& e : g)
    if (e.indicator == "caseload.max") shown = e.figure_text == "31";
  CHECK(shown);
  // No supervisor column (null supervision figures), caseloads fine: not enough to say met.
  const json partial = stored({{"caseload.over_limit", 0}, {"caseload.max", 20}, {"supervision.over_limit", nullptr},
                               {"supervision.max", nullptr}});
  CHECK(combined_verdict(evaluate_item_evidence(*item, partial)) == EvidenceVerdict::no_data);
  CHECK(combined_verdict({}) == EvidenceVerdict::no_data);
}

TEST_CASE("every evidence rule in the rubric names a contract indicator", "[evidence]") {
  const auto& ids = casedata_test::indicator_ids();
  int rules = 0;
  for (const Item* it : rubric().all_items())
    for (const auto& r : it->evidence) {
      ++rules;
      INFO(it->id << " " << r.indicator);
      CHECK(std::find(ids.begin(), ids.end(), r.indicator) != ids.end());
    }
  // At least the items the issue names.
  for (const char* id : {"5b.a2", "2a.m3", "2a.a3", "2b.m1", "2.g2", "2c.m1", "2c.a2", "2e.m1", "2e.a3", "2f.a1",
                         "2f.a2", "2f.g1", "1.g4"}) {
    INFO(id);
    REQUIRE(rubric().find_item(id));
    CHECK_FALSE(rubric().find_item(id)->evidence.empty());
  }
  CHECK(rules >= 13);
}

TEST_CASE("evidence from an attached import, end to end", "[evidence][attach]") {
  using namespace casedata_test;
  // 4 cases, consent yes in 3 (75%): 2a.m3 (>= 80%) is suggested not met.
  const std::string csv = kHeader + "A1,,,,,,,,,yes,,,,,open,,,,\n" + "A2,,,,,,,,,yes,,,,,open,,,,\n" +
                          "A3,,,,,,,,,نعم,,,,,open,,,,\n" + "A4,,,,,,,,,no,,,,,open,,,,\n";
  const auto rep = indicators_of("evidence.csv", csv, "2026-06-30");
  const json cd = add_case_data_import(json(), case_data_import(rep, "2026-06-30T12:00:00Z"));
  const Item* item = rubric().find_item("2a.m3");
  REQUIRE(item);
  const auto f = evaluate_item_evidence(*item, cd);
  REQUIRE(f.size() == 1);
  CHECK(f[0].verdict == EvidenceVerdict::suggests_not_met);
  CHECK(f[0].figure_text == "75.0% (3 of 4)");
  CHECK(figure_text("consent.rate", f[0].figure, /*shared=*/true) == "suppressed (<5 cases)");
  // Closure items have no closed cases here: no data, not a verdict.
  CHECK(combined_verdict(evaluate_item_evidence(*rubric().find_item("2f.a2"), cd)) == EvidenceVerdict::no_data);
}
