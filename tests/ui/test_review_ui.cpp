// The review cycle in the window, headless: carried-over answers confirmed from the
// checklist, what changed against the baseline with its reasons, the sign-off that makes
// the file read-only (and reopening it), and the lead's pick of merge conflicts.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include <unistd.h>

#include "core/review.hpp"
#include "ui_harness.hpp"

namespace fs = std::filesystem;
using namespace mizan;
using mizan::ui::test::Harness;

namespace {

constexpr int kEnter = 257;  // GLFW_KEY_ENTER

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("mizan-review-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

const std::string kH1 = MIZAN_SOURCE_DIR "/assets/examples/amal-2026-H1.mizan.json";
const std::string kH2 = MIZAN_SOURCE_DIR "/assets/examples/amal-2026-H2.mizan.json";

void click_at(Harness& h, const std::map<std::string, ui::ScreenRect>& controls, const std::string& key) {
  auto it = controls.find(key);
  INFO("control " << key);
  REQUIRE(it != controls.end());
  h.click(it->second.center());
}

// A new period started from the H1 example, saved next to a copy of it and opened.
void open_new_period(Harness& h, const TempDir& tmp) {
  fs::copy_file(kH1, tmp.file("amal-2026-H1.mizan.json"));
  Assessment prev = load_assessment(kH1).assessment;
  Assessment next = new_review_from(prev, "amal-2026-H1.mizan.json", sha256_file(kH1), "2026-H2", "test");
  save_assessment(tmp.file("amal-2026-H2.mizan.json"), next);
  ui::open_file(h.state, tmp.file("amal-2026-H2.mizan.json"));
  REQUIRE(h.state.messages.empty());
  REQUIRE(carried_over_count(h.state.doc.assessment) > 0);
}

std::vector<std::string> carried_in(const Harness& h, const std::string& section) {
  std::vector<std::string> ids;
  for (const auto& step : h.state.rubric.find_section(section)->steps)
    for (const auto& it : step)
      if (const ItemAnswer* a = h.state.doc.assessment.answer(it.id); a && a->carried_over) ids.push_back(it.id);
  return ids;
}

}  // namespace

TEST_CASE("confirming a carried-over item in the checklist clears its mark", "[ui][review][carry]") {
  TempDir tmp;
  Harness h;
  open_new_period(h, tmp);
  REQUIRE(ui::select_view(h.state, "checklist:2a"));
  h.frames(2);
  auto carried = carried_in(h, "2a");
  REQUIRE(carried.size() >= 2);
  const std::string id = carried.front();
  ItemStatus status = h.state.doc.assessment.status(id);
  int before = carried_over_count(h.state.doc.assessment);

  click_at(h, h.window.checklist().cards().controls, id + "/confirm");
  CHECK_FALSE(h.state.doc.assessment.answer(id)->carried_over);
  CHECK(h.state.doc.assessment.status(id) == status);  // confirmed as it stands
  CHECK(carried_over_count(h.state.doc.assessment) == before - 1);
  CHECK(h.state.doc.assessment.audit.back().field == "carried_over");
  h.frames(1);
  CHECK(h.window.checklist().cards().controls.count(id + "/confirm") == 0);  // the mark is gone

  h.press_ctrl('Z');  // undo brings the mark back
  CHECK(h.state.doc.assessment.answer(id)->carried_over);

  // "Confirm all in this section" clears the section and nothing else.
  h.frames(1);
  click_at(h, h.window.checklist().cards().controls, "section/confirm_all");
  CHECK(carried_in(h, "2a").empty());
  CHECK(carried_over_count(h.state.doc.assessment) == before - static_cast<int>(carried.size()));
  h.frames(1);
  CHECK(h.window.checklist().cards().controls.count("section/confirm_all") == 0);
}

TEST_CASE("what changed lists the changes against the baseline and takes a reason", "[ui][review][changes]") {
  Harness h;
  ui::open_file(h.state, kH2);
  REQUIRE(h.state.messages.empty());
  REQUIRE(ui::select_view(h.state, "changes"));
  h.frames(2);
  auto& view = h.window.review();
  CHECK(view.baseline_problem().empty());
  // The same comparison core makes (the CLI's `mizan changes`).
  Assessment base = load_assessment(kH1).assessment;
  auto expected = changes_against(h.state.rubric, h.state.doc.assessment, base);
  REQUIRE(view.changes().size() == expected.size());
  int improved = 0;
  for (const auto& c : view.changes()) improved += c.kind == ChangeKind::improved;
  CHECK(improved == 8);

  // Something met in H1 falls back now: it is listed and asks for a reason.
  std::string id;
  for (const auto& c : view.changes())
    if (c.kind == ChangeKind::unchanged && c.after == ItemStatus::met) {
      id = c.item;
      break;
    }
  REQUIRE_FALSE(id.empty());
  ItemAnswer now = *h.state.doc.assessment.answer(id);
  now.status = ItemStatus::not_met;
  REQUIRE(ui::change_item(h.state, id, now));
  h.frames(2);
  auto missing = changes_missing_reason(view.changes());
  REQUIRE(std::find(missing.begin(), missing.end(), id) != missing.end());

  click_at(h, view.controls(), "reason/" + id);
  h.frames(2);
  REQUIRE(h.state.edit.id != 0);
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8("The supervisor post is vacant");
  h.frame();
  io.KeyMap[ImGuiKey_Enter] = kEnter;
  io.KeysDown[kEnter] = true;
  h.frame();
  io.KeysDown[kEnter] = false;
  h.frames(2);
  CHECK(h.state.doc.assessment.answer(id)->change_reason == "The supervisor post is vacant");
  missing = changes_missing_reason(view.changes());
  CHECK(std::find(missing.begin(), missing.end(), id) == missing.end());
}

TEST_CASE("a file without its baseline says so instead of listing nothing", "[ui][review][changes]") {
  TempDir tmp;
  Harness h;
  fs::copy_file(kH2, tmp.file("alone.mizan.json"));
  ui::open_file(h.state, tmp.file("alone.mizan.json"));
  REQUIRE(ui::select_view(h.state, "changes"));
  h.frames(2);
  CHECK(h.window.review().changes().empty());
  CHECK(h.window.review().baseline_problem().find("amal-2026-H1.mizan.json") != std::string::npos);
}

TEST_CASE("signing through the form makes the file read-only; reopening asks and is recorded",
          "[ui][review][signoff]") {
  Harness h;
  ui::open_file(h.state, kH2);
  REQUIRE(ui::select_view(h.state, "review"));
  h.frames(2);
  auto& view = h.window.review();
  click_at(h, view.controls(), "tab/signoff");
  h.frames(1);
  view.sign_name = "Lina Haddad";
  view.sign_role = "Programme manager";
  view.sign_date = "2026-11-20";
  h.frames(1);
  click_at(h, view.controls(), "sign");
  REQUIRE(h.state.doc.assessment.signed_off());
  CHECK(h.state.doc.assessment.signoff.name == "Lina Haddad");
  CHECK(h.state.doc.assessment.signoff.date == "2026-11-20");

  // A status click on the checklist changes nothing now.
  REQUIRE(ui::select_view(h.state, "checklist:2a"));
  h.frames(2);
  const std::string id = h.state.rubric.find_section("2a")->steps[0].front().id;
  ItemStatus before = h.state.doc.assessment.status(id);
  ItemStatus other = before == ItemStatus::met ? ItemStatus::not_met : ItemStatus::met;
  size_t audit = h.state.doc.assessment.audit.size();
  REQUIRE(h.click_status(id, other == ItemStatus::met ? "met" : "not_met"));
  CHECK(h.state.doc.assessment.status(id) == before);
  CHECK(h.state.doc.assessment.audit.size() == audit);

  // The banner's Reopen asks first; Cancel leaves it signed.
  click_at(h, view.controls(), "reopen");
  h.frames(2);
  CHECK(view.reopen_asked());
  click_at(h, view.controls(), "reopen/cancel");
  h.frames(1);
  CHECK(h.state.doc.assessment.signed_off());
  CHECK_FALSE(view.reopen_asked());

  click_at(h, view.controls(), "reopen");
  h.frames(2);
  ImGui::GetIO().AddInputCharactersUTF8("A late correction");
  h.frame();
  click_at(h, view.controls(), "reopen/confirm");
  CHECK_FALSE(h.state.doc.assessment.signed_off());
  CHECK(h.state.doc.assessment.audit.back().field == "reopened");
  CHECK(h.state.doc.assessment.audit.back().to == "A late correction");
  h.frames(1);
  REQUIRE(h.click_status(id, other == ItemStatus::met ? "met" : "not_met"));
  CHECK(h.state.doc.assessment.status(id) == other);
}

TEST_CASE("the lead picks an answer for each merge conflict", "[ui][review][merge]") {
  TempDir tmp;
  Harness h;
  const Rubric& r = h.state.rubric;
  Assessment huda = load_assessment(kH1).assessment;
  Assessment sami = huda;
  // Three items on which they disagree.
  std::vector<std::string> ids;
  for (const auto* item : r.all_items()) {
    const ItemAnswer* a = huda.answer(item->id);
    if (!a || (a->status != ItemStatus::met && a->status != ItemStatus::not_met)) continue;
    ItemAnswer b = *a;
    b.status = a->status == ItemStatus::met ? ItemStatus::not_met : ItemStatus::met;
    b.note = "seen by Sami";
    sami.items[item->id] = b;
    ids.push_back(item->id);
    if (ids.size() == 3) break;
  }
  REQUIRE(ids.size() == 3);
  Assessment merged = merge_copies(r, {{"Huda", huda}, {"Sami", sami}}, "Lead");
  REQUIRE(merged.conflicts.size() == 3);
  save_assessment(tmp.file("merged.mizan.json"), merged);
  ui::open_file(h.state, tmp.file("merged.mizan.json"));
  REQUIRE(h.state.doc.assessment.conflicts.size() == 3);

  REQUIRE(ui::select_view(h.state, "review"));
  h.frames(2);
  auto& view = h.window.review();
  click_at(h, view.controls(), "tab/conflicts");
  h.frames(1);
  for (const auto& id : ids) {
    CHECK(view.controls().count("conflict/" + id + "/0") == 1);
    CHECK(view.controls().count("conflict/" + id + "/1") == 1);
  }
  // Sign-off waits for the conflicts.
  view.sign_name = "Lead";
  CHECK_FALSE(view.sign(h.state));
  CHECK_FALSE(h.state.doc.assessment.signed_off());
  h.state.messages.clear();

  click_at(h, view.controls(), "conflict/" + ids[1] + "/1");  // Sami's answer
  CHECK(h.state.doc.assessment.conflicts.size() == 2);
  CHECK(h.state.doc.assessment.status(ids[1]) == sami.status(ids[1]));
  CHECK(h.state.doc.assessment.answer(ids[1])->note == "seen by Sami");
  CHECK(h.state.doc.assessment.audit.back().field == "merge_choice");
  CHECK(h.state.doc.assessment.audit.back().to == "Sami");
  h.frames(1);
  CHECK(view.controls().count("conflict/" + ids[1] + "/1") == 0);

  click_at(h, view.controls(), "conflict/" + ids[0] + "/0");  // Huda's
  h.frames(1);  // the list moved up
  click_at(h, view.controls(), "conflict/" + ids[2] + "/0");
  CHECK(h.state.doc.assessment.conflicts.empty());
  CHECK(h.state.doc.assessment.status(ids[0]) == huda.status(ids[0]));
  CHECK(view.sign(h.state));
}
