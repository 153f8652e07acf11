#include <catch2/catch.hpp>

#include "core/review.hpp"
#include "fixtures.hpp"

using namespace mizan;

namespace {
ItemAnswer answer(ItemStatus s, const std::string& note = "", const std::string& why = "") {
  ItemAnswer a;
  a.status = s;
  a.note = note;
  a.justification = why;
  return a;
}
void put(Assessment& a, const std::string& id, ItemStatus s, const std::string& why = "") {
  set_answer(a, id, answer(s, "", why), "tester", "2026-06-30T10:00:00Z");
}
}  // namespace

TEST_CASE("next period follows halves, quarters, months and years", "[review]") {
  CHECK(next_period("2026-H1") == "2026-H2");
  CHECK(next_period("2026-H2") == "2027-H1");
  CHECK(next_period("2026-Q4") == "2027-Q1");
  CHECK(next_period("2026-12") == "2027-01");
  CHECK(next_period("2026") == "2027");
  CHECK(next_period("spring") == "");
  CHECK(next_period("2026-H3") == "");
}

TEST_CASE("a new review carries answers over, marked, with a baseline link", "[review]") {
  Rubric r = test::small_rubric();
  Assessment prev = new_assessment(r);
  prev.agency_name = "Amal";
  prev.period = "2026-H1";
  set_answer(prev, "1.m1", answer(ItemStatus::met, "SOP signed"), "Rania");
  put(prev, "1.m2", ItemStatus::na, "no partners");
  prev.actions.push_back(Action{"1.a1", "CM lead", "2026-09-30", Priority::high, ActionStatus::in_progress, "", "", {}});
  prev.actions.push_back(Action{"2a.m1", "CM lead", "2026-05-30", Priority::low, ActionStatus::done, "", "", {}});
  sign_off(prev, "Omar", "Programme manager", "2026-07-01");

  Assessment next = new_review_from(prev, "amal-2026-H1.mizan.json", sha256_hex("bytes"), "2026-H2", "Rania");
  CHECK(next.period == "2026-H2");
  CHECK(next.baseline.period == "2026-H1");
  CHECK(next.baseline.file == "amal-2026-H1.mizan.json");
  CHECK(next.baseline.sha256.size() == 64);
  CHECK_FALSE(next.signed_off());
  CHECK(next.items.at("1.m1").note == "SOP signed");
  CHECK(next.items.at("1.m1").carried_over);
  CHECK(next.items.at("1.m2").carried_over);
  CHECK(carried_over_count(next) == 2);
  REQUIRE(next.actions.size() == 1);  // the done action stays behind
  CHECK(next.actions[0].item == "1.a1");
  // Scores are the same as the baseline's: carried answers count.
  CHECK(score(r, next).sections.at("1").level == score(r, prev).sections.at("1").level);
  // Confirming clears the mark; changing does too.
  confirm_carried_over(next, "1.m1", "Rania");
  CHECK_FALSE(next.items.at("1.m1").carried_over);
  CHECK(next.items.at("1.m1").status == ItemStatus::met);
  CHECK(next.audit.back().field == "carried_over");
  put(next, "1.m2", ItemStatus::met);
  CHECK_FALSE(next.items.at("1.m2").carried_over);
  CHECK(carried_over_count(next) == 0);
  // The round trip keeps all of it.
  auto again = parse_assessment(assessment_to_text(next), "n.json").assessment;
  CHECK(again.baseline.sha256 == next.baseline.sha256);
  CHECK(assessment_to_json(again) == assessment_to_json(next));
}

TEST_CASE("what changed against the baseline, and which changes need a reason", "[review]") {
  Rubric r = test::small_rubric();
  Assessment base = new_assessment(r);
  put(base, "1.m1", ItemStatus::met);
  put(base, "1.m2", ItemStatus::not_met);
  put(base, "1.a1", ItemStatus::met);
  put(base, "2a.m1", ItemStatus::na, "no such service");
  Assessment cur = new_review_from(base, "base.json", "", "2026-H2", "t");
  put(cur, "1.m2", ItemStatus::met);                   // improved
  put(cur, "1.a1", ItemStatus::not_met);               // fell back
  put(cur, "1.a2", ItemStatus::na, "no longer done");  // newly N/A
  put(cur, "2a.m1", ItemStatus::not_met);              // reopened
  auto changes = changes_against(r, cur, base);
  REQUIRE(changes.size() == r.item_count());
  auto kind = [&](const std::string& id) {
    for (const auto& c : changes)
      if (c.item == id) return c.kind;
    FAIL("no row for " << id);
    return ChangeKind::unchanged;
  };
  CHECK(kind("1.m1") == ChangeKind::unchanged);
  CHECK(kind("1.m2") == ChangeKind::improved);
  CHECK(kind("1.a1") == ChangeKind::fell_back);
  CHECK(kind("1.a2") == ChangeKind::newly_na);
  CHECK(kind("2a.m1") == ChangeKind::reopened);
  CHECK(kind("2b.m1") == ChangeKind::still_open);
  CHECK(changes_missing_reason(changes) == std::vector<std::string>{"1.a1", "1.a2"});
  ItemAnswer a = cur.items.at("1.a1");
  a.change_reason = "the supervisor left in May";
  set_answer(cur, "1.a1", a, "t");
  changes = changes_against(r, cur, base);
  CHECK(changes_missing_reason(changes) == std::vector<std::string>{"1.a2"});
}

TEST_CASE("explanations name the items that hold a section and what meeting them gives", "[review]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  for (auto id : {"2b.m1", "2b.g1"}) put(a, id, ItemStatus::met);
  put(a, "2b.a1", ItemStatus::not_met);
  // 2b: m passed -> medium; a1 not met, a2 unanswered; g1 already met -> meeting both gives good.
  SectionExplanation e = explain_section(*r.find_section("2b"), a);
  CHECK(e.level == Level::medium);
  CHECK(e.not_met == std::vector<std::string>{"2b.a1"});
  CHECK(e.unanswered == std::vector<std::string>{"2b.a2"});
  CHECK(e.if_met == Level::good);
  CHECK(explanation_text(r, e, Lang::en) ==
        "2b stays at medium because 2b.a1 is not met and 2b.a2 is not answered yet; meeting them would raise it to "
        "good.");
  CHECK(explanation_text(r, e, Lang::ar) ==
        "يبقى القسم \u20662b\u2069 عند المستوى متوسط لأن البند \u20662b.a1\u2069 غير مستوفى والبند \u20662b.a2\u2069 "
        "دون إجابة بعد؛ واستيفاء هذه البنود يرفعه إلى المستوى جيد.");
  put(a, "2a.m1", ItemStatus::not_met);
  put(a, "2a.m2", ItemStatus::not_met);
  SectionExplanation e2 = explain_section(*r.find_section("2a"), a);
  CHECK(explanation_text(r, e2, Lang::en) ==
        "2a stays at critical because 2a.m1 and 2a.m2 are not met; meeting them would raise it to medium.");
  for (auto id : {"1.m1", "1.m2", "1.a1", "1.a2", "1.g1", "1.g2"}) put(a, id, ItemStatus::met);
  CHECK(explanation_text(r, explain_section(*r.find_section("1"), a), Lang::en).empty());
}

TEST_CASE("merging two assessors lists exactly the items they disagree on", "[review]") {
  Rubric r = test::small_rubric();
  Assessment x = new_assessment(r), y = new_assessment(r);
  x.agency_name = y.agency_name = "Amal";
  // Agree on 1.m1 (met) and 1.m2 (na); disagree on 1.a1, 2a.m1, 2b.g1; only x answered 2a.a1.
  set_answer(x, "1.m1", answer(ItemStatus::met, "SOP seen"), "Huda");
  set_answer(y, "1.m1", answer(ItemStatus::met, "signed copy"), "Sami");
  put(x, "1.m2", ItemStatus::na, "no partners");
  put(y, "1.m2", ItemStatus::na, "no partners");
  put(x, "1.a1", ItemStatus::met);
  put(y, "1.a1", ItemStatus::not_met);
  put(x, "2a.m1", ItemStatus::not_met);
  put(y, "2a.m1", ItemStatus::na, "not relevant");
  put(x, "2b.g1", ItemStatus::met);
  put(y, "2b.g1", ItemStatus::not_met);
  put(x, "2a.a1", ItemStatus::met);

  Assessment m = merge_copies(r, {{"Huda", x}, {"Sami", y}}, "Lead", "2026-07-02T09:00:00Z");
  REQUIRE(m.conflicts.size() == 3);
  CHECK(m.conflicts[0].item == "1.a1");
  CHECK(m.conflicts[1].item == "2a.m1");
  CHECK(m.conflicts[2].item == "2b.g1");
  CHECK(m.conflicts[0].answers[0].author == "Huda");
  CHECK(m.conflicts[0].answers[1].answer.status == ItemStatus::not_met);
  CHECK(m.items.at("1.m1").note == "Huda: SOP seen\nSami: signed copy");
  CHECK(m.items.at("2a.a1").status == ItemStatus::met);
  CHECK(m.status("1.a1") == ItemStatus::unanswered);
  CHECK(m.audit.back().field == "merge");
  CHECK(m.audit.back().to.find("3 conflicts") != std::string::npos);
  // Conflicts survive a save, and signing off waits for them.
  Assessment saved = parse_assessment(assessment_to_text(m), "m.json").assessment;
  REQUIRE(saved.conflicts.size() == 3);
  CHECK(saved.conflicts[1].answers[1].answer.justification == "not relevant");
  CHECK_THROWS_AS(sign_off(m, "Lead", "Lead assessor", "2026-07-03"), std::logic_error);
  resolve_conflict(m, "2a.m1", 1, "Lead");
  CHECK(m.status("2a.m1") == ItemStatus::na);
  CHECK(m.audit.back().field == "merge_choice");
  CHECK(m.audit.back().to == "Sami");
  CHECK(m.conflicts.size() == 2);
}

TEST_CASE("a signed assessment is read-only until reopened", "[review]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  put(a, "1.m1", ItemStatus::met);
  CHECK_THROWS_AS(sign_off(a, " ", "", "2026-07-01"), std::invalid_argument);
  sign_off(a, "Omar", "Programme manager", "2026-07-01");
  CHECK(a.signed_off());
  CHECK_THROWS_AS(put(a, "1.m2", ItemStatus::met), std::logic_error);
  CHECK(a.status("1.m2") == ItemStatus::unanswered);
  Assessment saved = parse_assessment(assessment_to_text(a), "s.json").assessment;
  CHECK(saved.signed_off());
  CHECK(saved.signoff.role == "Programme manager");
  reopen(a, "Omar", "typo in 1.m2");
  CHECK_FALSE(a.signed_off());
  CHECK(a.audit.back().field == "reopened");
  put(a, "1.m2", ItemStatus::met);
  CHECK(a.status("1.m2") == ItemStatus::met);
}

TEST_CASE("sha256 of known text", "[review]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
