// Case data in the window, headless: the import job on a CSV written here (aggregates in
// case_data, nothing of a row), Cancel (through the API in mid-file, and clicked in the
// view), errors naming line and column, the mapping editor's guess, the indicators view,
// and the evidence box beside an item that has a rule.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "core/evidence.hpp"
#include "core/review.hpp"
#include "ui/casedata_view.hpp"
#include "ui/import_job.hpp"
#include "ui_harness.hpp"

namespace fs = std::filesystem;
using namespace mizan;
using namespace mizan::ui;
using mizan::ui::test::Harness;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("mizan-casedata-ui-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

// Ten cases, full of values that must never reach the assessment: case ids, children's
// names, phone numbers. Hand counts: consent yes 7 of 10 (rows 5, 7, 10 say no); disability
// recorded 8 of 10 (rows 5 and 9 blank); open 8; girls 0-5 with a disability 2 (rows 1, 6),
// girls 0-5 without 1 (row 2); boys 6-11 without a disability 2 (rows 7, 8).
const char* kCsv =
    "case_id,child_name,phone,caseworker,supervisor,sex,age,disability,registration_date,risk_level,consent,status\r\n"
    "CASE-ZZ-001,SECRETNAME Hala,+962799911101,cw1,sup1,female,4,yes,2026-01-10,high,yes,open\r\n"
    "CASE-ZZ-002,SECRETNAME Rana,+962799911102,cw1,sup1,female,4,no,2026-01-11,medium,yes,open\r\n"
    "CASE-ZZ-003,\"SECRETNAME, Lina\",+962799911103,cw1,sup1,أنثى,9,no,2026-01-12,low,نعم,open\r\n"
    "CASE-ZZ-004,SECRETNAME Dana,+962799911104,cw2,sup1,female,13,لا,2026-01-13,high,yes,closed\r\n"
    "CASE-ZZ-005,SECRETNAME Sara,+962799911105,cw2,sup1,female,16,,2026-01-14,high,no,open\r\n"
    "CASE-ZZ-006,\"SECRETNAME\nMaya\",+962799911106,cw2,sup1,female,2,yes,2026-01-15,low,yes,open\r\n"
    "CASE-ZZ-007,SECRETNAME Omar,+962799911107,cw3,sup2,male,7,no,2026-01-16,medium,لا,open\r\n"
    "CASE-ZZ-008,SECRETNAME Ali,+962799911108,cw3,sup2,ذكر,11,no,2026-01-17,medium,yes,closed\r\n"
    "CASE-ZZ-009,SECRETNAME Sami,+962799911109,cw3,sup2,male,17,,2026-01-18,low,yes,open\r\n"
    "CASE-ZZ-010,SECRETNAME Zaid,+962799911110,cw3,sup2,male,5,no,2026-01-19,high,no,open\r\n";

std::string write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

// A big export (about 40 MB), so an import is still reading when it is cancelled.
std::string write_big(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out << "case_id,caseworker,supervisor,sex,age,disability,registration_date,risk_level,consent,status\n";
  std::string row;
  for (int i = 0; i < 600000; ++i) {
    row = "C" + std::to_string(i) + ",cw" + std::to_string(i % 40) + ",sup" + std::to_string(i % 7) +
          (i % 2 ? ",female," : ",male,") + std::to_string(i % 18) + ",no,2026-01-10,high,yes,open\n";
    out << row;
  }
  return path;
}

double figure(const nlohmann::json& cd, const std::string& id) {
  IndicatorFigure f = case_data_figure(cd, id);
  REQUIRE(f.value);
  return *f.value;
}

// Runs frames until the import has finished and the window has taken its result.
void finish(Harness& h) {
  h.window.casedata().job().wait();
  h.frames(2);
}

}  // namespace

TEST_CASE("the import job reads a CSV into the assessment's case_data, aggregates only", "[ui][casedata]") {
  TempDir tmp;
  std::string csv = write(tmp.file("cases.csv"), kCsv);
  Harness h;
  REQUIRE(h.state.doc.assessment.case_data.is_null());
  h.window.casedata().import_file(h.state, csv);
  CHECK(h.window.casedata().job().running());
  finish(h);
  REQUIRE(h.window.casedata().job().state() == ImportState::done);

  const nlohmann::json& cd = h.state.doc.assessment.case_data;
  const nlohmann::json* imp = current_case_data_import(cd);
  REQUIRE(imp);
  CHECK((*imp)["file"] == "cases.csv");
  CHECK((*imp)["rows"] == 10);
  CHECK((*imp)["mapping"] == "canonical");
  CHECK(figure(cd, "cases.total") == 10);
  CHECK(figure(cd, "cases.open") == 8);
  CHECK(figure(cd, "consent.rate") == Approx(0.7));
  CHECK(figure(cd, "disability.recorded_rate") == Approx(0.8));
  IndicatorFigure consent = case_data_figure(cd, "consent.rate");
  CHECK(consent.numerator == 7);
  CHECK(consent.denominator == 10);

  // Nothing of a row: no case id, name or phone number anywhere in what is stored.
  std::string stored = assessment_to_text(h.state.doc.assessment);
  CHECK(stored.find("CASE-ZZ") == std::string::npos);
  CHECK(stored.find("SECRETNAME") == std::string::npos);
  CHECK(stored.find("79991110") == std::string::npos);
  CHECK(stored.find("Hala") == std::string::npos);

  // Through the document: dirty, audited, undoable and redoable.
  CHECK(h.state.doc.dirty);
  REQUIRE_FALSE(h.state.doc.assessment.audit.empty());
  CHECK(h.state.doc.assessment.audit.back().field == "case_data");
  CHECK(h.state.doc.assessment.audit.back().to.find("cases.csv") != std::string::npos);
  undo(h.state);
  CHECK(current_case_data_import(h.state.doc.assessment.case_data) == nullptr);
  redo(h.state);
  CHECK(figure(h.state.doc.assessment.case_data, "consent.rate") == Approx(0.7));
}

TEST_CASE("the import keeps the window drawing and reports progress", "[ui][casedata]") {
  TempDir tmp;
  std::string big = write_big(tmp.file("big.csv"));
  Harness h;
  REQUIRE(select_view(h.state, "indicators"));
  h.window.casedata().import_file(h.state, big);
  int frames = 0;
  double last = 0;
  bool moved = false;
  while (h.window.casedata().job().running() && frames < 100000) {
    h.frame();  // the UI thread is never blocked by the import
    ++frames;
    double p = h.window.casedata().job().progress();
    CHECK(p >= last);
    if (p > 0 && p < 1) moved = true;
    last = p;
  }
  CHECK(frames > 1);
  CHECK(moved);
  h.frames(1);
  REQUIRE(h.window.casedata().job().state() == ImportState::done);
  CHECK(figure(h.state.doc.assessment.case_data, "cases.total") == 600000);
}

TEST_CASE("cancel stops an import in the middle of the file and changes nothing", "[ui][casedata][cancel]") {
  TempDir tmp;
  std::string big = write_big(tmp.file("big.csv"));
  ImportJob job;
  ImportRequest r;
  r.path = big;
  job.start(std::move(r));
  // Wait until it is reading rows, then cancel: the reader checks at every block.
  for (int i = 0; i < 20000 && job.progress() == 0.0; ++i) std::this_thread::sleep_for(std::chrono::microseconds(100));
  REQUIRE(job.progress() > 0.0);
  job.cancel();
  job.wait();
  CHECK(job.state() == ImportState::cancelled);
  CHECK(job.report().rows == 0);
}

TEST_CASE("Cancel clicked in the indicators view stops the import", "[ui][casedata][cancel]") {
  TempDir tmp;
  std::string csv = write(tmp.file("cases.csv"), kCsv);
  Harness h;
  REQUIRE(select_view(h.state, "indicators"));
  // Hold the worker between header and rows until the click has been made.
  std::promise<void> clicked;
  std::shared_future<void> go = clicked.get_future().share();
  ImportRequest r;
  r.path = csv;
  r.mapping = casedata::CaseMapping::canonical();
  r.before_rows = [go] { go.wait(); };
  h.window.casedata().job().start(std::move(r));
  h.frames(2);
  CasedataView& v = h.window.casedata();
  REQUIRE(v.cancel_max.x > v.cancel_min.x);
  h.click(ImVec2((v.cancel_min.x + v.cancel_max.x) / 2, (v.cancel_min.y + v.cancel_max.y) / 2));
  clicked.set_value();
  finish(h);
  CHECK(v.job().state() == ImportState::cancelled);
  CHECK(h.state.doc.assessment.case_data.is_null());
  CHECK_FALSE(h.state.doc.dirty);
}

TEST_CASE("a bad export is a message naming line and column, never content", "[ui][casedata][errors]") {
  TempDir tmp;
  // A quote left open: the rest of the file is one field.
  std::string bad = write(tmp.file("broken.csv"),
                          "case_id,child_name,consent\nC1,SECRETNAME One,yes\nC2,\"SECRETNAME Two,yes\n");
  Harness h;
  h.window.casedata().import_file(h.state, bad);
  finish(h);
  INFO("state " << static_cast<int>(h.window.casedata().job().state()));
  bool failed = h.window.casedata().job().state() == ImportState::failed;
  if (failed) {
    REQUIRE_FALSE(h.state.messages.empty());
    const Message& m = h.state.messages.back();
    REQUIRE(m.details.size() == 1);
    CHECK(m.details[0].rfind("broken.csv:", 0) == 0);
    CHECK(m.details[0].find("SECRETNAME") == std::string::npos);
  } else {
    // The reader may count the broken record as a rejected row instead: still no content.
    REQUIRE(h.window.casedata().job().state() == ImportState::done);
    std::string stored = assessment_to_text(h.state.doc.assessment);
    CHECK(stored.find("SECRETNAME") == std::string::npos);
  }

  // A file with no case_id column at all goes to the mapping editor, not to an error.
  std::string other = write(tmp.file("other.csv"), "Name,Telephone\nSECRETNAME,123\n");
  h.window.casedata().import_file(h.state, other);
  finish(h);
  CHECK(h.window.casedata().job().state() == ImportState::needs_mapping);
  CHECK(h.window.casedata().editor().is_open());
}

TEST_CASE("the mapping editor guesses Arabic and English headers and imports with them", "[ui][casedata][mapping]") {
  TempDir tmp;
  std::string csv = write(tmp.file("arabic.csv"),
                          "رقم الحالة,اسم الطفل,الجنس,العمر,الموافقة,Case Status\n"
                          "X-1,SECRETNAME,أنثى,4,نعم,open\n"
                          "X-2,SECRETNAME,ذكر,9,لا,open\n"
                          "X-3,SECRETNAME,أنثى,12,نعم,closed\n"
                          "X-4,SECRETNAME,ذكر,15,نعم,open\n");
  Harness h;
  h.window.casedata().import_file(h.state, csv);
  finish(h);
  REQUIRE(h.window.casedata().job().state() == ImportState::needs_mapping);
  MappingEditor& ed = h.window.casedata().editor();
  REQUIRE(ed.is_open());
  using casedata::Field;
  CHECK(ed.columns()[index(Field::case_id)] == 0);
  CHECK(ed.columns()[index(Field::sex)] == 2);
  CHECK(ed.columns()[index(Field::consent)] == 4);
  h.frames(2);  // the dialog draws (Arabic headers shaped in its combos)

  // The user fixes what the guess could not know: "Case Status" is the status.
  ed.columns()[index(Field::status)] = 5;
  casedata::CaseMapping m = ed.mapping();
  CHECK(m.columns(Field::status) == std::vector<std::string>{"Case Status"});
  ed.save(tmp.file("agency.mapping.json"));
  casedata::CaseMapping back = casedata::CaseMapping::load(tmp.file("agency.mapping.json"));
  CHECK(back.columns(Field::status) == std::vector<std::string>{"Case Status"});
  CHECK(back.columns(Field::case_id) == std::vector<std::string>{"رقم الحالة"});

  // Importing with it (what the dialog's Import button starts).
  ImportRequest r;
  r.path = csv;
  r.mapping = m;
  r.check_header = false;
  h.window.casedata().job().start(std::move(r));
  finish(h);
  REQUIRE(h.window.casedata().job().state() == ImportState::done);
  const nlohmann::json& cd = h.state.doc.assessment.case_data;
  CHECK(figure(cd, "cases.total") == 4);
  CHECK(figure(cd, "cases.open") == 3);
  CHECK(figure(cd, "consent.rate") == Approx(0.75));
}

TEST_CASE("the indicators view lists every indicator and the disaggregation", "[ui][casedata][view]") {
  TempDir tmp;
  std::string csv = write(tmp.file("cases.csv"), kCsv);
  for (Lang lang : {Lang::en, Lang::ar}) {
    Harness h(lang, ImVec2(1400, 2400));
    REQUIRE(select_view(h.state, "indicators"));
    h.frames(2);
    int empty_vtx = ImGui::GetDrawData()->TotalVtxCount;
    size_t misses_before = h.state.text.misses();
    h.window.casedata().import_file(h.state, csv);
    finish(h);
    // Drawn: many more glyphs than the empty view, and the strings the view shapes
    // include each indicator's name and the value of the consent rate.
    CHECK(ImGui::GetDrawData()->TotalVtxCount > empty_vtx + 3000);
    CHECK(h.state.text.misses() > misses_before);
    for (const auto& id : casedata::indicator_ids()) {
      INFO(id);
      CHECK(h.state.tr("ind." + id) != "ind." + id);  // every indicator has a name
    }
  }
  CHECK(indicator_value_text("consent.rate", 0.7) == "70.0%");
  CHECK(indicator_value_text("caseload.max", 31) == "31");
  CHECK(indicator_value_text("caseload.median", 12.5) == "12.5");
}

TEST_CASE("an item with an evidence rule shows the figure and the suggestion", "[ui][casedata][evidence]") {
  TempDir tmp;
  std::string csv = write(tmp.file("cases.csv"), kCsv);
  Harness h(Lang::en, ImVec2(1400, 4000));
  const Item* item = h.state.rubric.find_item("2a.m3");  // consent recorded, at least 80 %
  REQUIRE(item);
  REQUIRE_FALSE(item->evidence.empty());
  REQUIRE(select_view(h.state, "checklist:2a"));
  h.frames(2);
  int before = ImGui::GetDrawData()->TotalVtxCount;
  h.window.casedata().import_file(h.state, csv);
  finish(h);
  h.frames(2);
  // consent.rate is 0.7 < 0.8: the data suggests "not met", and the box is drawn.
  auto findings = evaluate_item_evidence(*item, h.state.doc.assessment.case_data);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].figure.value == Approx(0.7));
  CHECK(combined_verdict(findings) == EvidenceVerdict::suggests_not_met);
  CHECK(ImGui::GetDrawData()->TotalVtxCount > before + 400);
  // The person still decides: the answer is untouched by the import.
  CHECK(h.state.doc.assessment.status("2a.m3") == ItemStatus::unanswered);
  // Ticking it met against the data is allowed (and draws the "differs" note).
  REQUIRE(h.click_status("2a.m3", "met"));
  CHECK(h.state.doc.assessment.status("2a.m3") == ItemStatus::met);
  h.frames(2);
}

TEST_CASE("importing the example export as `mizan gui --cases` does gives the indicators of casedata",
          "[ui][casedata][cases-option]") {
  const std::string csv = MIZAN_SOURCE_DIR "/assets/examples/cases/amal-cases-2026-11.csv";
  const casedata::Date as_of = *casedata::Date::parse_iso("2026-11-30");
  casedata::CaseMapping canonical = casedata::CaseMapping::canonical();
  casedata::IndicatorReport direct = casedata::compute_indicators(csv, canonical, as_of, canonical.apply_to(casedata::Limits{}));
  REQUIRE(direct.rows == 60);

  Harness h;
  ui::open_file(h.state, MIZAN_SOURCE_DIR "/assets/examples/amal-2026-H2.mizan.json");
  REQUIRE(h.state.messages.empty());
  REQUIRE(current_case_data_import(h.state.doc.assessment.case_data) == nullptr);
  h.window.casedata().set_as_of(as_of);
  // Before any frame, as the window shell does it.
  CHECK(h.window.casedata().import_and_wait(h.state, csv, "canonical") == ImportState::done);
  CHECK(h.state.messages.empty());
  CHECK(h.state.doc.dirty);
  const nlohmann::json& cd = h.state.doc.assessment.case_data;
  const nlohmann::json* imp = current_case_data_import(cd);
  REQUIRE(imp);
  CHECK((*imp)["file"] == "amal-cases-2026-11.csv");
  CHECK((*imp)["as_of"] == "2026-11-30");
  CHECK((*imp)["rows"] == 60);
  size_t compared = 0;
  for (const auto& [id, value] : direct.indicators) {
    INFO(id);
    IndicatorFigure f = case_data_figure(cd, id);
    REQUIRE(f.value.has_value() == value.has_value());
    if (value) CHECK(*f.value == Approx(*value));
    ++compared;
  }
  CHECK(compared == casedata::indicator_ids().size());
  CHECK(figure(cd, "consent.rate") == Approx(0.75));  // 45 of 60, as the view shows it
  // The first frame shows it, and no case id of the export is stored or drawn.
  REQUIRE(ui::select_view(h.state, "indicators"));
  h.frames(2);
  CHECK(assessment_to_text(h.state.doc.assessment).find("AMAL-0001") == std::string::npos);
  CHECK(assessment_to_text(h.state.doc.assessment).find("AMAL-CW01") == std::string::npos);

  SECTION("the Arabic export does not suit the canonical mapping: the mapping editor opens") {
    const std::string ar = MIZAN_SOURCE_DIR "/assets/examples/cases/amal-cases-2026-11-arabic.csv";
    CHECK(h.window.casedata().import_and_wait(h.state, ar, "canonical") == ImportState::needs_mapping);
  }
  SECTION("with the Arabic mapping file it gives the same figures") {
    const std::string ar = MIZAN_SOURCE_DIR "/assets/examples/cases/amal-cases-2026-11-arabic.csv";
    CHECK(h.window.casedata().import_and_wait(h.state, ar, MIZAN_SOURCE_DIR "/assets/mappings/amal-arabic.json") ==
          ImportState::done);
    CHECK(figure(h.state.doc.assessment.case_data, "consent.rate") == Approx(0.75));
  }
  SECTION("a mapping file that cannot be read starts nothing and says why") {
    CHECK(h.window.casedata().import_and_wait(h.state, csv, "/nonexistent/mapping.json") == ImportState::idle);
    CHECK(h.state.messages.size() == 1);
  }
  SECTION("a signed assessment refuses the import") {
    sign_off(h.state.doc.assessment, "Lina", "Manager", "2026-11-20");
    CHECK(h.window.casedata().import_and_wait(h.state, csv, "canonical") == ImportState::idle);
    CHECK(h.state.messages.size() == 1);
  }
}
