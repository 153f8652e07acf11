// Clicking the status controls of the checklist, headless, and what it does to the
// assessment and its score.
#include <catch2/catch.hpp>

#include "ui_harness.hpp"

using namespace mizan;
using mizan::ui::test::Harness;

namespace {

std::vector<std::string> step_items(const Rubric& r, const std::string& section, int step) {
  std::vector<std::string> ids;
  for (const auto& it : r.find_section(section)->steps[static_cast<size_t>(step)]) ids.push_back(it.id);
  return ids;
}

Harness& open_section(Harness& h, const std::string& section) {
  REQUIRE(h.state.has_rubric);
  REQUIRE(ui::select_view(h.state, "checklist:" + section));
  h.frames(2);
  return h;
}

}  // namespace

TEST_CASE("clicking Met on an item records it and rescores", "[ui][clicks]") {
  Harness h;
  open_section(h, "2a");
  const std::string id = step_items(h.state.rubric, "2a", 0).front();
  REQUIRE(h.state.doc.assessment.status(id) == ItemStatus::unanswered);
  int met_before = h.state.doc.score().counts.met;

  REQUIRE(h.click_status(id, "met"));
  CHECK(h.state.doc.assessment.status(id) == ItemStatus::met);
  CHECK(h.state.doc.score().counts.met == met_before + 1);
  CHECK(h.state.doc.dirty);
  REQUIRE_FALSE(h.state.doc.assessment.audit.empty());
  CHECK(h.state.doc.assessment.audit.back().item == id);

  REQUIRE(h.click_status(id, "not_met"));
  CHECK(h.state.doc.assessment.status(id) == ItemStatus::not_met);
  REQUIRE(h.click_status(id, "unanswered"));
  CHECK(h.state.doc.assessment.status(id) == ItemStatus::unanswered);
}

TEST_CASE("ticking every item of the first step through clicks raises the section to medium", "[ui][clicks]") {
  for (Lang lang : {Lang::en, Lang::ar}) {
    Harness h(lang);
    open_section(h, "2a");
    REQUIRE(h.state.doc.score().sections.at("2a").level == Level::critical);
    for (const auto& id : step_items(h.state.rubric, "2a", 0)) {
      CHECK(h.state.doc.score().sections.at("2a").level == Level::critical);
      REQUIRE(h.click_status(id, "met"));
    }
    CHECK(h.state.doc.score().sections.at("2a").level == Level::medium);
    CHECK(h.state.doc.score().sections.at("2a").progress == Approx(0.0));
  }
}

TEST_CASE("N/A is not set without a written reason", "[ui][clicks][na]") {
  Harness h;
  open_section(h, "2a");
  const std::string id = step_items(h.state.rubric, "2a", 0).front();
  REQUIRE(h.click_status(id, "na"));
  // The reason is asked for first; the answer stays as it was.
  CHECK(h.state.doc.assessment.status(id) == ItemStatus::unanswered);
  CHECK(h.window.checklist().cards().na_item == id);
  CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
  CHECK_FALSE(h.state.doc.dirty);

  // Through the command as well: core refuses, the user gets a message, nothing changes.
  ItemAnswer bare;
  bare.status = ItemStatus::na;
  CHECK_FALSE(ui::change_item(h.state, id, bare));
  CHECK(h.state.doc.assessment.status(id) == ItemStatus::unanswered);
  CHECK_FALSE(h.state.messages.empty());

  ItemAnswer reasoned = bare;
  reasoned.justification = "No refugee caseload in this area";
  CHECK(ui::change_item(h.state, id, reasoned));
  CHECK(h.state.doc.assessment.status(id) == ItemStatus::na);
}

TEST_CASE("Ctrl+Z and Ctrl+Y undo and redo item changes", "[ui][undo]") {
  Harness h;
  open_section(h, "2b");
  auto ids = step_items(h.state.rubric, "2b", 0);
  REQUIRE(h.click_status(ids[0], "met"));
  REQUIRE(h.click_status(ids[0], "not_met"));
  CHECK(h.state.doc.assessment.status(ids[0]) == ItemStatus::not_met);

  h.press_ctrl('Z');
  CHECK(h.state.doc.assessment.status(ids[0]) == ItemStatus::met);
  h.press_ctrl('Z');
  CHECK(h.state.doc.assessment.status(ids[0]) == ItemStatus::unanswered);
  CHECK_FALSE(h.state.doc.undo_stack().can_undo());
  h.press_ctrl('Y');
  CHECK(h.state.doc.assessment.status(ids[0]) == ItemStatus::met);
  // Undo follows the change to its section.
  REQUIRE(ui::select_view(h.state, "checklist:1"));
  h.press_ctrl('Z');
  CHECK(h.state.section == "2b");
}

TEST_CASE("a signed-off assessment does not change through clicks", "[ui][clicks]") {
  Harness h;
  h.state.doc.assessment.signoff = SignOff{"Lina", "Manager", "2026-11-20", "2026-11-20T10:00:00Z"};
  open_section(h, "2a");
  const std::string id = step_items(h.state.rubric, "2a", 0).front();
  REQUIRE(h.click_status(id, "met"));
  CHECK(h.state.doc.assessment.status(id) == ItemStatus::unanswered);
}

TEST_CASE("in English the status controls sit left of the item text, Met first", "[ui][rtl]") {
  Harness en(Lang::en);
  open_section(en, "2a");
  const std::string id = step_items(en.state.rubric, "2a", 0).front();
  auto en_met = en.window.checklist().cards().controls.at(id + "/met");
  auto en_open = en.window.checklist().cards().controls.at(id + "/unanswered");
  CHECK(en_met.min.x < en_open.min.x);  // English: Met first, from the left
  CHECK(en_met.max.x < 1600 / 2);       // and on the left of the text
}

TEST_CASE("in Arabic the layout is mirrored", "[ui][rtl]") {
  Harness ar(Lang::ar);
  open_section(ar, "2a");
  const std::string id = step_items(ar.state.rubric, "2a", 0).front();
  auto met = ar.window.checklist().cards().controls.at(id + "/met");
  auto open = ar.window.checklist().cards().controls.at(id + "/unanswered");
  CHECK(met.min.x > open.min.x);  // Met first, from the right
  CHECK(open.min.x > 1600 / 2);   // the controls on the right side of the text
  REQUIRE(ar.click_status(id, "met"));
  CHECK(ar.state.doc.assessment.status(id) == ItemStatus::met);
}
