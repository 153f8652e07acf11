#include <catch2/catch.hpp>

#include "core/action_plan.hpp"
#include "core/review.hpp"
#include "fixtures.hpp"

using namespace mizan;

namespace {

void put(Assessment& a, const std::string& id, ItemStatus s, const std::string& why = "") {
  ItemAnswer ans;
  ans.status = s;
  ans.justification = why;
  set_answer(a, id, ans, "tester", "2026-11-22T10:00:00Z");
}

std::vector<std::string> items_of(const std::vector<Action>& actions) {
  std::vector<std::string> out;
  for (const auto& a : actions) out.push_back(a.item);
  return out;
}

const Action* action_for(const Assessment& a, const std::string& item) {
  for (const auto& act : a.actions)
    if (act.item == item) return &act;
  return nullptr;
}

}  // namespace

TEST_CASE("dates must be real calendar days written YYYY-MM-DD", "[action_plan]") {
  CHECK(is_valid_date("2026-11-30"));
  CHECK(is_valid_date("2024-02-29"));
  CHECK(is_valid_date("2000-02-29"));
  CHECK_FALSE(is_valid_date("2026-02-30"));
  CHECK_FALSE(is_valid_date("2025-02-29"));
  CHECK_FALSE(is_valid_date("1900-02-29"));
  CHECK_FALSE(is_valid_date("2026-04-31"));
  CHECK_FALSE(is_valid_date("2026-13-01"));
  CHECK_FALSE(is_valid_date("2026-00-10"));
  CHECK_FALSE(is_valid_date("2026-1-05"));
  CHECK_FALSE(is_valid_date("26-11-30"));
  CHECK_FALSE(is_valid_date("2026/11/30"));
  CHECK_FALSE(is_valid_date("2026-11-30 "));
  CHECK_FALSE(is_valid_date(""));
  CHECK_FALSE(is_valid_date("0000-01-01"));
  CHECK_FALSE(is_valid_date("2026-1a-01"));
  auto d = parse_date("2026-12-31");
  REQUIRE(d);
  CHECK(d->year == 2026);
  CHECK(d->month == 12);
  CHECK(d->day == 31);
  CHECK(is_valid_date(today_date()));
}

TEST_CASE("an empty assessment proposes every item, later steps marked later", "[action_plan]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  auto open = open_items(r, a);
  REQUIRE(open.size() == r.item_count());
  for (const auto& o : open) CHECK(o.later == (r.find_item(o.item)->step > 0));

  auto changes = regenerate_action_plan(r, a);
  CHECK(changes.added.size() == r.item_count());
  CHECK(items_of(a.actions).front() == "1.m1");
  CHECK(items_of(a.actions).back() == "2b.g1");
  CHECK(action_for(a, "1.m1")->priority == Priority::high);  // next step of a critical section
  CHECK(action_for(a, "1.a1")->priority == Priority::low);   // later
  CHECK(action_for(a, "1.m1")->status == ActionStatus::not_started);
}

TEST_CASE("met and N/A items get no action, and a section at good proposes nothing", "[action_plan]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  for (const Item* it : r.all_items())
    if (it->section == "1") put(a, it->id, ItemStatus::met);
  put(a, "2a.m1", ItemStatus::met);
  put(a, "2a.m2", ItemStatus::na, "no such service here");
  put(a, "2a.a1", ItemStatus::not_met);
  a.items["2b.m1"].status = ItemStatus::na;  // N/A without a justification counts as open
  regenerate_action_plan(r, a);
  CHECK(items_of(a.actions) == std::vector<std::string>{"2a.a1", "2a.g1", "2b.m1", "2b.a1", "2b.a2", "2b.g1"});
  CHECK(action_for(a, "2a.a1")->priority == Priority::medium);  // next step of a medium section
  CHECK(action_for(a, "2b.m1")->priority == Priority::high);
}

TEST_CASE("regenerating keeps what people typed and explains what it did", "[action_plan]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  regenerate_action_plan(r, a);
  // People fill in two actions; one for an unknown item is added by hand.
  for (auto& act : a.actions) {
    if (act.item == "1.m1") {
      act.owner = "Case management supervisor";
      act.due = "2026-12-15";
      act.note = "=1+1 train the team";
    }
    if (act.item == "1.m2") act.status = ActionStatus::in_progress;
  }
  Action extra;
  extra.item = "9.m1";
  extra.owner = "Director";
  a.actions.push_back(extra);

  // 1.m1 and 1.m2 (typed) and 2a.m1 (untouched) are met now.
  put(a, "1.m1", ItemStatus::met);
  put(a, "1.m2", ItemStatus::met);
  put(a, "2a.m1", ItemStatus::met);
  auto changes = regenerate_action_plan(r, a);
  CHECK(changes.added.empty());
  CHECK(changes.removed == std::vector<std::string>{"2a.m1"});
  CHECK(changes.resolved.size() == 2);
  CHECK(action_for(a, "2a.m1") == nullptr);
  REQUIRE(action_for(a, "1.m1"));
  CHECK(marked_resolved(*action_for(a, "1.m1")));
  CHECK(action_for(a, "1.m1")->owner == "Case management supervisor");
  CHECK(action_for(a, "1.m1")->note == "=1+1 train the team");
  CHECK(marked_resolved(*action_for(a, "1.m2")));
  REQUIRE(action_for(a, "9.m1"));
  CHECK(a.actions.back().item == "9.m1");  // unknown items last, kept

  // Regenerating again changes nothing.
  CHECK(regenerate_action_plan(r, a).empty());

  // The resolved mark survives the file and comes off when the item is open again.
  Assessment back = parse_assessment(assessment_to_text(a), "mem").assessment;
  CHECK(marked_resolved(*action_for(back, "1.m1")));
  put(back, "1.m1", ItemStatus::not_met);
  changes = regenerate_action_plan(r, back);
  CHECK(changes.reopened == std::vector<std::string>{"1.m1"});
  CHECK_FALSE(marked_resolved(*action_for(back, "1.m1")));
  CHECK(action_for(back, "1.m1")->due == "2026-12-15");
  // And an untouched action is proposed again for a reopened item.
  put(back, "2a.m1", ItemStatus::not_met);
  changes = regenerate_action_plan(r, back);
  CHECK(changes.added == std::vector<std::string>{"2a.m1"});
}

TEST_CASE("a signed-off assessment's plan is computed but not changed", "[action_plan]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  sign_off(a, "Reviewer", "Head of programme", "2026-11-30", "2026-11-30T10:00:00Z");
  CHECK_THROWS_AS(regenerate_action_plan(r, a), std::logic_error);
  CHECK(a.actions.empty());
  CHECK(updated_action_plan(r, a).actions.size() == r.item_count());
}

TEST_CASE("rows carry dimension, section, target level, later and overdue", "[action_plan]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  put(a, "2a.m1", ItemStatus::met);
  put(a, "2a.m2", ItemStatus::met);
  regenerate_action_plan(r, a);
  for (auto& act : a.actions) {
    if (act.item == "2a.a1") {
      act.due = "2026-11-01";
      act.owner = " Supervisor ";
    }
    if (act.item == "2a.g1") {
      act.due = "2026-11-01";
      act.status = ActionStatus::done;
    }
    if (act.item == "1.m1") act.due = "2026-12-01";
    if (act.item == "1.m2") act.owner = "supervisor";
  }
  const std::string today = "2026-11-20";
  auto rows = action_rows(r, a, today);
  REQUIRE(rows.size() == a.actions.size());
  auto row = [&](const std::string& item) {
    for (const auto& x : rows)
      if (x.action->item == item) return x;
    FAIL("no row for " << item);
    return ActionRow{};
  };
  CHECK(row("2a.a1").dimension == "2");
  CHECK(row("2a.a1").section == "2a");
  CHECK(row("2a.a1").target == Level::acceptable);
  CHECK_FALSE(row("2a.a1").later);
  CHECK(row("2a.a1").overdue);
  CHECK(row("2a.g1").later);
  CHECK(row("2a.g1").target == Level::good);
  CHECK_FALSE(row("2a.g1").overdue);  // done
  CHECK_FALSE(row("1.m1").overdue);   // not yet due
  CHECK(row("1.a1").later);

  ActionFilter f;
  f.overdue_only = true;
  CHECK(action_rows(r, a, today, f).size() == 1);
  f = {};
  f.dimension = "1";
  CHECK(action_rows(r, a, today, f).size() == 6);
  f = {};
  f.owner = "SUPERVISOR";
  CHECK(action_rows(r, a, today, f).size() == 2);
  f = {};
  f.status = ActionStatus::done;
  CHECK(action_rows(r, a, today, f).size() == 1);
  f = {};
  f.next_step_only = true;
  CHECK(action_rows(r, a, today, f).size() == 2 + 1 + 1);  // 1.m*, 2a.a1, 2b.m1
  CHECK(action_owners(a) == std::vector<std::string>{"supervisor"});  // first spelling seen
  CHECK(action_rows(r, a, "").size() == rows.size());
  for (const auto& x : action_rows(r, a, "")) CHECK_FALSE(x.overdue);
}

TEST_CASE("changing an action checks the date and records the audit trail", "[action_plan]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  regenerate_action_plan(r, a);
  Action changed = a.actions[0];
  changed.due = "2026-02-30";
  CHECK_THROWS_AS(update_action(a, 0, changed, "amal"), std::invalid_argument);
  changed.due = "2026-02-28";
  changed.owner = "Supervisor";
  changed.status = ActionStatus::in_progress;
  size_t before = a.audit.size();
  update_action(a, 0, changed, "amal", "2026-11-22T10:00:00Z");
  REQUIRE(a.audit.size() == before + 3);
  CHECK(a.audit[before].field == "action.owner");
  CHECK(a.audit[before].item == changed.item);
  CHECK(a.audit[before + 2].to == "in_progress");
  CHECK(a.actions[0].due == "2026-02-28");
  CHECK_THROWS_AS(update_action(a, 99, changed, "amal"), std::invalid_argument);
}
