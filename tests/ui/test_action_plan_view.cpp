// The action plan view, headless: regenerating, editing owners and dates through the
// view's fields (typed through the IO state), the date check, filters, undo, the export
// and the mirrored columns in Arabic.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "ui_harness.hpp"

namespace fs = std::filesystem;
using namespace mizan;
using mizan::ui::test::Harness;

namespace {

constexpr int kEnter = 257;  // GLFW_KEY_ENTER, as the backend maps it

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("mizan-ap-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

const std::string kExample = MIZAN_SOURCE_DIR "/assets/examples/amal-2026-H2.mizan.json";

// The example (answers, no action plan) opened and the action plan shown: the view fills
// the empty plan with the proposed actions when it first shows it.
void open_plan(Harness& h) {
  ui::open_file(h.state, kExample);
  REQUIRE(h.state.messages.empty());
  REQUIRE(h.state.doc.assessment.actions.empty());
  REQUIRE_FALSE(h.state.doc.dirty);
  REQUIRE(ui::select_view(h.state, "actions"));
  h.frames(2);
  REQUIRE_FALSE(h.state.doc.assessment.actions.empty());
}

// What core's generator proposes for the example as read from its file.
size_t proposed_for_example(const Rubric& r) {
  Assessment a = load_assessment(kExample, &r).assessment;
  REQUIRE(a.actions.empty());
  return updated_action_plan(r, a).actions.size();
}

ImVec2 control(Harness& h, const std::string& key) {
  const auto& c = h.window.action_plan().controls();
  auto it = c.find(key);
  REQUIRE(it != c.end());
  return it->second.center();
}

// Clicks a text field of the view, types `text` into it and presses Enter.
void type_into(Harness& h, const std::string& key, const std::string& text) {
  h.click(control(h, key));
  h.frames(2);  // the field turns into an input and takes the keyboard
  REQUIRE(h.state.edit.id != 0);
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8(text.c_str());
  h.frame();
  io.KeyMap[ImGuiKey_Enter] = kEnter;
  io.KeysDown[kEnter] = true;
  h.frame();
  io.KeysDown[kEnter] = false;
  h.frames(2);
}

}  // namespace

TEST_CASE("opening the plan of an assessment without one shows the proposed actions", "[ui][actions][propose]") {
  Harness h;
  size_t expected = proposed_for_example(h.state.rubric);
  REQUIRE(expected > 10);
  open_plan(h);
  const Assessment& a = h.state.doc.assessment;
  CHECK(a.actions.size() == expected);
  CHECK(a.actions.size() == open_items(h.state.rubric, a).size());
  CHECK(h.window.action_plan().rows().size() == expected);  // drawn, not only stored
  CHECK(h.state.doc.dirty);  // the file changed, as with Regenerate
  // Pressing Regenerate now changes nothing: the proposal was exactly the regeneration.
  h.click(control(h, "regenerate"));
  h.frames(1);
  CHECK(h.state.doc.assessment.actions.size() == expected);
  // One undo step takes the proposal back, and the view does not propose it again.
  h.press_ctrl('Z');
  CHECK(h.state.doc.assessment.actions.empty());
  h.frames(3);
  CHECK(h.state.doc.assessment.actions.empty());
  CHECK(h.window.action_plan().rows().empty());
  h.press_ctrl('Y');
  CHECK(h.state.doc.assessment.actions.size() == expected);
}

TEST_CASE("the plan is proposed again for another document, not for one without answers", "[ui][actions][propose]") {
  Harness h;
  REQUIRE(ui::select_view(h.state, "actions"));
  h.frames(2);
  // A new assessment: nothing answered, the plan would be the whole checklist.
  CHECK(h.state.doc.assessment.actions.empty());
  CHECK_FALSE(h.state.doc.dirty);
  // The example opened while the view shows: proposed; opened again: proposed again.
  ui::open_file(h.state, kExample);
  h.frames(2);
  size_t expected = proposed_for_example(h.state.rubric);
  CHECK(h.state.doc.assessment.actions.size() == expected);
  ui::open_file(h.state, kExample);
  REQUIRE(h.state.doc.assessment.actions.empty());
  h.frames(2);
  CHECK(h.state.doc.assessment.actions.size() == expected);
}

TEST_CASE("a signed assessment without a plan shows the proposals read-only", "[ui][actions][propose][signoff]") {
  TempDir tmp;
  Harness h;
  size_t expected = proposed_for_example(h.state.rubric);
  Assessment a = load_assessment(kExample, &h.state.rubric).assessment;
  sign_off(a, "Lina", "Manager", "2026-11-20");
  std::string signed_file = (tmp.path / "signed.mizan.json").string();
  save_assessment(signed_file, a);
  ui::open_file(h.state, signed_file);
  REQUIRE(h.state.messages.empty());
  REQUIRE(ui::select_view(h.state, "actions"));
  h.frames(2);
  CHECK(h.state.doc.assessment.actions.empty());  // the signed file is not changed
  CHECK_FALSE(h.state.doc.dirty);
  CHECK(h.window.action_plan().previewing());
  CHECK(h.window.action_plan().rows().size() == expected);
  size_t idx = h.window.action_plan().rows().front().index;
  CHECK_FALSE(h.window.action_plan().edit(h.state, idx, ui::ActionField::owner, "Someone"));
  CHECK(h.state.doc.assessment.actions.empty());
}

TEST_CASE("typing an owner and a due date into the table changes the action", "[ui][actions]") {
  Harness h;
  open_plan(h);
  size_t idx = h.window.action_plan().rows().front().index;
  std::string item = h.state.doc.assessment.actions[idx].item;
  REQUIRE(h.state.doc.assessment.actions[idx].owner.empty());

  type_into(h, std::to_string(idx) + "/owner", "Case management lead");
  CHECK(h.state.doc.assessment.actions[idx].owner == "Case management lead");
  REQUIRE_FALSE(h.state.doc.assessment.audit.empty());
  CHECK(h.state.doc.assessment.audit.back().field == "action.owner");
  CHECK(h.state.doc.assessment.audit.back().item == item);

  type_into(h, std::to_string(idx) + "/due", "2026-12-31");
  CHECK(h.state.doc.assessment.actions[idx].due == "2026-12-31");
  CHECK(h.state.doc.assessment.audit.back().field == "action.due");

  // Undo takes the date back, then the owner.
  h.press_ctrl('Z');
  CHECK(h.state.doc.assessment.actions[idx].due.empty());
  CHECK(h.state.doc.assessment.actions[idx].owner == "Case management lead");
  h.press_ctrl('Z');
  CHECK(h.state.doc.assessment.actions[idx].owner.empty());
}

TEST_CASE("a due date that is not YYYY-MM-DD is refused with a visible error", "[ui][actions]") {
  for (const char* bad : {"2026-02-30", "31/12/2026", "next week"}) {
    Harness h;
    open_plan(h);
    size_t idx = h.window.action_plan().rows().front().index;
    size_t audit = h.state.doc.assessment.audit.size();
    type_into(h, std::to_string(idx) + "/due", bad);
    INFO(bad);
    CHECK(h.state.doc.assessment.actions[idx].due.empty());
    CHECK(h.state.doc.assessment.audit.size() == audit);
    REQUIRE(h.window.action_plan().date_errors().count(idx) == 1);
    CHECK(h.window.action_plan().date_errors().at(idx) == bad);
    // A good date afterwards is taken and the error goes away.
    type_into(h, std::to_string(idx) + "/due", "2027-01-15");
    CHECK(h.state.doc.assessment.actions[idx].due == "2027-01-15");
    CHECK(h.window.action_plan().date_errors().count(idx) == 0);
  }
}

TEST_CASE("the filters reduce the rows", "[ui][actions]") {
  Harness h;
  open_plan(h);
  auto& view = h.window.action_plan();
  size_t all = view.rows().size();
  REQUIRE(all > 3);
  // Two actions overdue, through the view's edit path.
  size_t first = view.rows()[0].index, second = view.rows()[1].index;
  REQUIRE(view.edit(h.state, first, ui::ActionField::due, "2020-01-01"));
  REQUIRE(view.edit(h.state, second, ui::ActionField::due, "2021-06-30"));
  REQUIRE(view.edit(h.state, second, ui::ActionField::owner, "Lina"));
  h.frames(1);
  CHECK(view.rows().size() == all);

  // "Overdue only" through a click on its checkbox.
  h.click(control(h, "filter/overdue"));
  h.frames(1);
  CHECK(view.filter().overdue_only);
  REQUIRE(view.rows().size() == 2);
  for (const auto& r : view.rows()) CHECK(r.overdue);
  h.click(control(h, "filter/overdue"));
  h.frames(1);
  CHECK(view.rows().size() == all);

  view.filter().owner = "lina";  // owners compare without case
  h.frames(1);
  REQUIRE(view.rows().size() == 1);
  CHECK(view.rows().front().index == second);
  view.filter().owner.clear();

  const std::string dim = view.rows().front().dimension;
  view.filter().dimension = dim;
  h.frames(1);
  CHECK(view.rows().size() < all);
  CHECK_FALSE(view.rows().empty());
  for (const auto& r : view.rows()) CHECK(r.dimension == dim);
  view.filter().dimension.clear();

  view.filter().status = ActionStatus::done;
  h.frames(1);
  CHECK(view.rows().empty());
}

TEST_CASE("Export to Excel writes the workbook into exports/ and says so", "[ui][actions][export]") {
  TempDir tmp;
  Harness h;
  open_plan(h);
  std::string out = h.window.action_plan().export_workbook(h.state, tmp.path.string());
  REQUIRE_FALSE(out.empty());
  CHECK(fs::path(out).parent_path().filename() == "exports");
  CHECK(fs::file_size(out) > 1000);
  REQUIRE(h.state.messages.size() == 1);
  CHECK(h.state.messages.front().title == h.state.tr("export.done_title"));
  REQUIRE_FALSE(h.state.messages.front().details.empty());
  CHECK(h.state.messages.front().details.front().find("exports") != std::string::npos);

  // A folder that cannot be made is an error in a dialog, not a crash.
  h.state.messages.clear();
  std::string blocked = (tmp.path / "a-file").string();
  { std::ofstream(blocked) << "x"; }
  CHECK(h.window.action_plan().export_workbook(h.state, blocked).empty());
  REQUIRE(h.state.messages.size() == 1);
  CHECK(h.state.messages.front().title == h.state.tr("export.error_title"));
}

TEST_CASE("in Arabic the columns of the plan run from the right", "[ui][actions][rtl]") {
  for (Lang lang : {Lang::en, Lang::ar}) {
    Harness h(lang);
    open_plan(h);
    size_t idx = h.window.action_plan().rows().front().index;
    float owner = control(h, std::to_string(idx) + "/owner").x;
    float note = control(h, std::to_string(idx) + "/note").x;
    if (lang == Lang::ar) CHECK(owner > note);
    else CHECK(owner < note);
  }
}

TEST_CASE("a signed assessment's plan cannot be edited", "[ui][actions][signoff]") {
  Harness h;
  open_plan(h);
  size_t idx = h.window.action_plan().rows().front().index;
  sign_off(h.state.doc.assessment, "Lina", "Manager", "2026-11-20");
  h.frames(1);
  h.click(control(h, std::to_string(idx) + "/owner"));
  h.frames(2);
  CHECK(h.state.edit.id == 0);  // the field did not open
  CHECK_FALSE(h.window.action_plan().edit(h.state, idx, ui::ActionField::owner, "Someone"));
  CHECK(h.state.doc.assessment.actions[idx].owner.empty());
}
