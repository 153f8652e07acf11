#include <catch2/catch.hpp>

#include "core/scoring.hpp"
#include "fixtures.hpp"

using namespace mizan;

namespace {
void put(Assessment& a, const std::string& id, ItemStatus s, const std::string& why = "") {
  ItemAnswer ans;
  ans.status = s;
  ans.justification = why;
  set_answer(a, id, ans, "tester", "2026-11-22T10:00:00Z");
}
}  // namespace

TEST_CASE("an empty assessment is critical everywhere with zero progress", "[scoring]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  Score s = score(r, a);
  REQUIRE(s.sections.size() == 3);
  for (const auto& [id, sc] : s.sections) {
    CHECK(sc.level == Level::critical);
    CHECK(sc.progress == 0.0);
  }
  CHECK(s.dimensions.at("2").level == Level::critical);
  CHECK(s.dimensions.at("2").progress == 0.0);
  CHECK(s.counts.unanswered == 6 + 4 + 4);
  CHECK(s.sections.at("2a").blocking == std::vector<std::string>{"2a.m1", "2a.m2"});
}

TEST_CASE("all met reaches good with progress 1 and dimension progress 3", "[scoring]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  for (const Item* it : r.all_items()) put(a, it->id, ItemStatus::met);
  Score s = score(r, a);
  for (const auto& [id, sc] : s.sections) {
    CHECK(sc.level == Level::good);
    CHECK(sc.progress == 1.0);
  }
  CHECK(s.dimensions.at("1").level == Level::good);
  CHECK(s.dimensions.at("1").progress == 3.0);
  CHECK(s.dimensions.at("2").progress == 3.0);
  CHECK(s.counts.met == 14);
}

TEST_CASE("items met in a higher step do not count until lower steps are complete", "[scoring]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  // Section 1: m1 met, m2 not met; every a and g item met.
  put(a, "1.m1", ItemStatus::met);
  put(a, "1.m2", ItemStatus::not_met);
  for (auto id : {"1.a1", "1.a2", "1.g1", "1.g2"}) put(a, id, ItemStatus::met);
  Score s = score(r, a);
  CHECK(s.sections.at("1").level == Level::critical);
  CHECK(s.sections.at("1").progress == Approx(0.5));
  CHECK(s.sections.at("1").blocking == std::vector<std::string>{"1.m2"});
  // Closing the gap jumps straight to good.
  put(a, "1.m2", ItemStatus::met);
  s = score(r, a);
  CHECK(s.sections.at("1").level == Level::good);
}

TEST_CASE("progress is the share of the next step met", "[scoring]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  put(a, "1.m1", ItemStatus::met);
  put(a, "1.m2", ItemStatus::met);
  put(a, "1.a1", ItemStatus::met);
  Score s = score(r, a);
  CHECK(s.sections.at("1").level == Level::medium);
  CHECK(s.sections.at("1").progress == Approx(0.5));
  CHECK(s.dimensions.at("1").progress == Approx(1.5));
}

TEST_CASE("N/A items are left out; a step of only N/A items is passed", "[scoring]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  // 2a: m1 met, m2 na -> medium; a1 na (whole step na) -> acceptable; g1 open.
  put(a, "2a.m1", ItemStatus::met);
  put(a, "2a.m2", ItemStatus::na, "no such service in this area");
  put(a, "2a.a1", ItemStatus::na, "not relevant to our caseload");
  Score s = score(r, a);
  CHECK(s.sections.at("2a").level == Level::acceptable);
  CHECK(s.sections.at("2a").progress == 0.0);
  CHECK(s.sections.at("2a").counts.na == 2);
}

TEST_CASE("N/A without a justification is refused, and scored as unanswered in files", "[scoring]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  CHECK_THROWS_AS(put(a, "2a.m1", ItemStatus::na, "  "), std::invalid_argument);
  CHECK(a.status("2a.m1") == ItemStatus::unanswered);
  // A hand-edited file may still carry one.
  a.items["2b.m1"].status = ItemStatus::na;
  CHECK(scored_status(a, "2b.m1") == ItemStatus::unanswered);
  Score s = score(r, a);
  CHECK(s.sections.at("2b").level == Level::critical);
}

TEST_CASE("a dimension stands at its lowest section and averages progress", "[scoring]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  // 2a all met -> good (3); 2b: m1 met, a1 met, a2 open -> medium with 0.5 (1.5).
  for (auto id : {"2a.m1", "2a.m2", "2a.a1", "2a.g1", "2b.m1", "2b.a1"}) put(a, id, ItemStatus::met);
  Score s = score(r, a);
  CHECK(s.sections.at("2a").level == Level::good);
  CHECK(s.sections.at("2b").level == Level::medium);
  CHECK(s.dimensions.at("2").level == Level::medium);
  CHECK(s.dimensions.at("2").progress == Approx((3.0 + 1.5) / 2));
}

TEST_CASE("set_answer records each changed field in the audit trail", "[assessment]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  ItemAnswer ans;
  ans.status = ItemStatus::not_met;
  ans.note = "no SOP yet";
  ItemAnswer before = set_answer(a, "1.m1", ans, "Rania", "2026-11-22T10:00:00Z");
  CHECK(before.status == ItemStatus::unanswered);
  REQUIRE(a.audit.size() == 2);
  CHECK(a.audit[0].field == "status");
  CHECK(a.audit[0].to == "not_met");
  CHECK(a.audit[1].field == "note");
  CHECK(a.items.at("1.m1").changed_by == "Rania");
  // Undo = put the previous answer back; the item disappears when empty again.
  set_answer(a, "1.m1", before, "Rania", "2026-11-22T10:01:00Z");
  CHECK(a.items.count("1.m1") == 0);
  CHECK(a.audit.size() == 4);
}
