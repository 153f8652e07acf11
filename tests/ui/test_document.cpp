// The document behind the window: undo, saving and opening, autosave, settings, and
// errors that never cost the open work.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "core/atomic_file.hpp"
#include "ui/app_commands.hpp"
#include "ui/details_view.hpp"
#include "ui/document.hpp"
#include "ui/file_browser.hpp"
#include "ui/settings.hpp"

namespace fs = std::filesystem;
using namespace mizan;
using namespace mizan::ui;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("mizan-ui-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

Rubric bundled() { return load_rubric(find_rubric()); }

ItemAnswer answer(ItemStatus st) {
  ItemAnswer a;
  a.status = st;
  return a;
}

}  // namespace

TEST_CASE("undo and redo walk item changes back and forth", "[ui][document]") {
  Rubric r = bundled();
  Document d = new_document(r);
  d.set_answer(r, "2a.m1", answer(ItemStatus::met), "t");
  d.set_answer(r, "2a.m2", answer(ItemStatus::not_met), "t");
  CHECK(d.undo(r, "t") == "2a.m2");
  CHECK(d.assessment.status("2a.m2") == ItemStatus::unanswered);
  CHECK(d.undo(r, "t") == "2a.m1");
  CHECK(d.undo(r, "t").empty());
  CHECK(d.redo(r, "t") == "2a.m1");
  CHECK(d.assessment.status("2a.m1") == ItemStatus::met);
  // A new change forgets what was undone.
  d.set_answer(r, "1.m1", answer(ItemStatus::met), "t");
  CHECK_FALSE(d.undo_stack().can_redo());
}

TEST_CASE("a change that changes nothing is not recorded", "[ui][document]") {
  Rubric r = bundled();
  Document d = new_document(r);
  d.set_answer(r, "2a.m1", answer(ItemStatus::unanswered), "t");
  CHECK_FALSE(d.dirty);
  CHECK_FALSE(d.undo_stack().can_undo());
}

TEST_CASE("saving writes the file atomically and opening reads it back", "[ui][document]") {
  TempDir tmp;
  Rubric r = bundled();
  Document d = new_document(r);
  d.assessment.agency_name = "منظمة الأمل";
  d.assessment.period = "2026-H2";
  d.set_answer(r, "2a.m1", answer(ItemStatus::met), "t");
  std::string path = tmp.file("amal.mizan.json");
  write_autosave(d, path + ".autosave");
  save_document(d, path);
  CHECK_FALSE(d.dirty);
  CHECK_FALSE(fs::exists(path + ".autosave"));  // a save makes the autosave pointless
  Document back = open_document(path, r);
  CHECK(back.assessment.agency_name == "منظمة الأمل");
  CHECK(back.assessment.status("2a.m1") == ItemStatus::met);
  CHECK(back.score().sections.at("2a").counts.met == 1);
}

TEST_CASE("an autosave newer than its file is offered for recovery", "[ui][document][autosave]") {
  TempDir tmp;
  AppState s;
  s.rubric = bundled();
  s.has_rubric = true;
  s.doc = new_document(s.rubric);
  std::string path = tmp.file("a.mizan.json");
  REQUIRE(save_as(s, path));
  CHECK_FALSE(autosave_is_newer(path));
  REQUIRE(change_item(s, "2a.m1", answer(ItemStatus::met)));
  s.settings.autosave_seconds = 5;
  autosave_if_due(s, 100.0);  // the first change is seen at t=100
  CHECK_FALSE(fs::exists(path + ".autosave"));
  CHECK(autosave_wait(s, 101.0) == Approx(4.0));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // file times must differ
  autosave_if_due(s, 105.5);
  REQUIRE(fs::exists(path + ".autosave"));
  CHECK(autosave_is_newer(path));
  CHECK(autosave_wait(s, 106.0) < 0);  // nothing new to write

  // The next run opens the file and is offered the autosaved work.
  AppState next;
  next.rubric = s.rubric;
  next.has_rubric = true;
  next.doc = new_document(next.rubric);
  open_file(next, path);
  CHECK(next.recover_offer == path);
  CHECK(next.doc.assessment.status("2a.m1") == ItemStatus::unanswered);
  recover_autosave(next, path);
  CHECK(next.doc.assessment.status("2a.m1") == ItemStatus::met);
  CHECK(next.doc.dirty);
  CHECK(next.doc.path == path);
}

TEST_CASE("a bad file gives a message with its problems and keeps the open work", "[ui][document][errors]") {
  TempDir tmp;
  AppState s;
  s.rubric = bundled();
  s.has_rubric = true;
  s.doc = new_document(s.rubric);
  REQUIRE(change_item(s, "2a.m1", answer(ItemStatus::met)));
  for (const char* bad : {"{ not json", "{\"format\": \"mizan-assessment\", \"format_version\": 99}", ""}) {
    std::string path = tmp.file("bad.mizan.json");
    std::ofstream(path) << bad;
    s.messages.clear();
    open_file(s, path);
    REQUIRE(s.messages.size() == 1);
    CHECK_FALSE(s.messages.front().details.empty());
    CHECK(s.doc.assessment.status("2a.m1") == ItemStatus::met);
    CHECK(s.doc.dirty);
  }
  s.messages.clear();
  open_file(s, tmp.file("missing.mizan.json"));
  CHECK(s.messages.size() == 1);
  // Saving where it cannot be written: a message, and the work is still unsaved.
  s.messages.clear();
  CHECK_FALSE(save_as(s, tmp.file("no/such/folder/x.mizan.json")));
  CHECK(s.messages.size() == 1);
  CHECK(s.doc.dirty);
}

TEST_CASE("closing with unsaved changes asks first", "[ui][document]") {
  AppState s;
  s.rubric = bundled();
  s.has_rubric = true;
  s.doc = new_document(s.rubric);
  request(s, PendingStep::quit);
  CHECK(s.quit_confirmed);  // nothing to lose
  s.quit_confirmed = false;
  REQUIRE(change_item(s, "2a.m1", answer(ItemStatus::met)));
  request(s, PendingStep::quit);
  CHECK(s.ask_unsaved);
  CHECK_FALSE(s.quit_confirmed);
  continue_pending(s);  // "don't save"
  CHECK(s.quit_confirmed);
}

TEST_CASE("settings are remembered and a damaged file costs only the choices", "[ui][settings]") {
  TempDir tmp;
  std::string file = tmp.file("mizan/settings.json");
  Settings s;
  s.lang = "ar";
  add_recent(s, tmp.file("a.mizan.json"));
  add_recent(s, tmp.file("b.mizan.json"));
  add_recent(s, tmp.file("a.mizan.json"));
  s.extra["from_a_newer_mizan"] = 1;
  save_settings(file, s);
  Settings back = load_settings(file);
  CHECK(back.lang == "ar");
  REQUIRE(back.recent.size() == 2);
  CHECK(back.recent.front() == tmp.file("a.mizan.json"));
  CHECK(back.extra.value("from_a_newer_mizan", 0) == 1);
  std::ofstream(file) << "{ damaged";
  CHECK(load_settings(file).lang.empty());
  CHECK(load_settings(tmp.file("none.json")).autosave_seconds == 60);
}

TEST_CASE("the file browser lists folders and assessments", "[ui][browser]") {
  TempDir tmp;
  fs::create_directories(tmp.path / "2026");
  std::ofstream(tmp.file("b.mizan.json")) << "{}";
  std::ofstream(tmp.file("a.mizan.json")) << "{}";
  std::ofstream(tmp.file("notes.txt")) << "";
  std::ofstream(tmp.file("other.json")) << "{}";
  std::ofstream(tmp.file(".hidden.mizan.json")) << "{}";
  auto list = list_folder(tmp.path.string(), false);
  REQUIRE(list.size() == 3);
  CHECK((list[0].folder && list[0].name == "2026"));
  CHECK(list[1].name == "a.mizan.json");
  CHECK(list[2].name == "b.mizan.json");
  CHECK(list_folder(tmp.path.string(), true).size() == 4);
  CHECK(list_folder(tmp.file("missing"), false).empty());
  CHECK(assessment_file_name("amal-2026-H2") == "amal-2026-H2.mizan.json");
  CHECK(assessment_file_name("x.json") == "x.json");
}

TEST_CASE("review periods and dates are checked in the details form", "[ui][details]") {
  CHECK(valid_period("2026-H2"));
  CHECK(valid_period("2026-Q3"));
  CHECK(valid_period("2026-07"));
  CHECK(valid_period("2026"));
  CHECK_FALSE(valid_period("2026-H3"));
  CHECK_FALSE(valid_period("H2-2026"));
  CHECK(valid_date("2026-11-20"));
  CHECK_FALSE(valid_date("20/11/2026"));
  CHECK_FALSE(valid_date("2026-13-01"));
}

TEST_CASE("work on a never-saved assessment is autosaved and offered back", "[ui][document][autosave]") {
  TempDir tmp;
  AppState s;
  s.autosave_dir = tmp.path.string();
  start_up(s, "");
  REQUIRE(s.has_rubric);
  CHECK(s.recover_offer.empty());
  REQUIRE(change_item(s, "3.m1", answer(ItemStatus::not_met)));
  s.settings.autosave_seconds = 1;
  autosave_if_due(s, 10.0);
  autosave_if_due(s, 11.5);
  REQUIRE(fs::exists(tmp.file("untitled.mizan.json.autosave")));

  AppState next;
  next.autosave_dir = tmp.path.string();
  start_up(next, "");
  REQUIRE(next.recover_offer == untitled_stand_in(next));
  recover_autosave(next, next.recover_offer);
  CHECK(next.doc.path.empty());  // still untitled: saving asks for a name
  CHECK(next.doc.dirty);
  CHECK(next.doc.assessment.status("3.m1") == ItemStatus::not_met);
  // Saved under a name, the untitled autosave has served its purpose.
  REQUIRE(save_as(next, tmp.file("named.mizan.json")));
  CHECK_FALSE(fs::exists(tmp.file("untitled.mizan.json.autosave")));
}
