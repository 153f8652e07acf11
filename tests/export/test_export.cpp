// The assessment workbook: pure helpers here, and whole workbooks opened with a real
// reader (openpyxl under /usr/bin/python3, tests/export/check_workbook.py).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../core/fixtures.hpp"
#include "core/action_plan.hpp"
#include "core/atomic_file.hpp"
#include "export/assessment_workbook.hpp"
#include "export/export_command.hpp"
#include "export/workbook.hpp"

using namespace mizan;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path scratch(const std::string& name) {
  fs::path dir = fs::path(MIZAN_BINARY_DIR) / "tests" / "export" / "out" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the checker; on failure its messages are in the returned string.
int check_workbook(const fs::path& xlsx, const json& expect, std::string& messages) {
  fs::path e = xlsx;
  e.replace_extension(".expect.json");
  std::ofstream(e) << expect.dump(2);
  fs::path log = xlsx;
  log.replace_extension(".check.log");
  std::string cmd = "/usr/bin/python3 '" + std::string(MIZAN_SOURCE_DIR) + "/tests/export/check_workbook.py' '" +
                    xlsx.string() + "' '" + e.string() + "' > '" + log.string() + "' 2>&1";
  int rc = std::system(cmd.c_str());
  messages = slurp(log);
  return rc;
}

void put(Assessment& a, const std::string& id, ItemStatus s, const std::string& note = "",
         const std::string& why = "") {
  ItemAnswer ans;
  ans.status = s;
  ans.note = note;
  ans.justification = why;
  set_answer(a, id, ans, "Amal", "2026-11-22T10:00:00Z");
}

Action* action_for(Assessment& a, const std::string& item) {
  for (auto& act : a.actions)
    if (act.item == item) return &act;
  return nullptr;
}

// An assessment of the small rubric with every kind of answer and awkward text.
Assessment sample(const Rubric& r) {
  Assessment a = new_assessment(r);
  a.agency_name = "Amal Child Protection";
  a.agency_code = "AMAL";
  a.period = "2026-H2";
  a.assessment_date = "2026-11-20";
  a.assessors = {"Amal", "Karim"};
  put(a, "1.m1", ItemStatus::met, "=1+1");
  put(a, "1.m2", ItemStatus::met, "@SUM(A1)");
  put(a, "1.a1", ItemStatus::not_met, "-2");
  put(a, "2a.m1", ItemStatus::na, "+3", "no such service in this area");
  put(a, "2a.m2", ItemStatus::met);
  put(a, "2b.m1", ItemStatus::not_met);
  a.items["2b.a1"].status = ItemStatus::na;  // N/A without a reason: still open
  regenerate_action_plan(r, a);
  action_for(a, "1.a1")->owner = "Case management supervisor";
  action_for(a, "1.a1")->due = "2026-12-15";
  action_for(a, "1.a1")->note = "=HYPERLINK(\"http://x\")";
  action_for(a, "1.a2")->due = "2026-02-30";  // not a date: kept as text
  action_for(a, "2b.m1")->due = "2026-10-01";
  action_for(a, "2b.m1")->status = ActionStatus::in_progress;
  action_for(a, "2b.m1")->resources = "-training budget";
  Action unknown;
  unknown.item = "9.m1";
  unknown.note = "kept from another framework";
  a.actions.push_back(unknown);
  // An action with content whose item is met now: kept, shown as resolved.
  action_for(a, "1.g1")->owner = "Director";
  put(a, "1.g1", ItemStatus::met);
  a.case_data = json{{"rows", 120},
                     {"as_of", "2026-11-01"},
                     {"indicators",
                      {{"cases.total", 120},
                       {"consent.rate", 0.85},
                       {"caseload.max", {{"value", 31}, {"numerator", 31}, {"denominator", 1}}},
                       {"assessment.timely_rate", nullptr}}}};
  return a;
}

json expectations(const Rubric& r, const Assessment& a, Lang lang) {
  json e;
  e["lang"] = lang_id(lang);
  e["item_ids"] = json::array();
  for (const Item* it : r.all_items()) e["item_ids"].push_back(it->id);
  e["agency"] = a.agency_name;
  e["dates"] = {{"1.a1", "2026-12-15"}, {"2b.m1", "2026-10-01"}};
  e["text_dates"] = {{"1.a2", "2026-02-30"}};
  e["texts"] = {"=1+1", "@SUM(A1)", "-2", "+3", "=HYPERLINK(\"http://x\")", "-training budget"};
  e["indicators"] = !a.case_data.is_null();
  if (!a.case_data.is_null())
    e["indicator_values"] = {{"cases.total", {120, nullptr, nullptr}},
                             {"consent.rate", {0.85, nullptr, nullptr}},
                             {"caseload.max", {31, 31, 1}},
                             {"assessment.timely_rate", {nullptr, nullptr, nullptr}},
                             {"rows", {120, nullptr, nullptr}}};
  e["audit_rows"] = a.audit.size();
  return e;
}

}  // namespace

TEST_CASE("cell text stays text and within Excel's limits", "[export]") {
  using xlsx::cell_text;
  CHECK(cell_text("=1+1", "…").text == "=1+1");
  CHECK(cell_text("@SUM(A1)", "…").text == "@SUM(A1)");
  CHECK(cell_text("a\x01" "b\x1f" "c\td\r\ne\rf", "…").text == "abc\td\ne\nf");
  CHECK(cell_text("bad \xff\xfe utf8 \xc3", "…").text == "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8 \xEF\xBF\xBD");
  CHECK(cell_text("lit _x0041_ here", "…").text == "lit _x005F_x0041_ here");
  CHECK(cell_text("_x00_", "…").text == "_x00_");
  CHECK(cell_text("كلمة", "…").text == "كلمة");

  std::string arabic;
  for (int i = 0; i < 20000; ++i) arabic += "ب";  // 40,000 bytes but 20,000 characters: fits
  CHECK_FALSE(cell_text(arabic, " [cut]").truncated);

  std::string longer(40000, 'a');
  auto t = cell_text(longer, " [cut]");
  CHECK(t.truncated);
  CHECK(t.text.size() == xlsx::kMaxCellChars);
  CHECK(t.text.substr(t.text.size() - 6) == " [cut]");
  std::string emoji;
  for (int i = 0; i < 20000; ++i) emoji += "\xF0\x9F\x98\x80";  // two UTF-16 units each
  auto e = cell_text(emoji, "!");
  CHECK(e.truncated);
  CHECK(e.text.size() == 16383 * 4 + 1);
}

TEST_CASE("sheet names are made acceptable to Excel", "[export]") {
  using xlsx::sheet_name;
  CHECK(sheet_name("Action plan") == "Action plan");
  CHECK(sheet_name("a[b]:c*d?e/f\\g") == "a-b--c-d-e-f-g");
  CHECK(sheet_name("'quoted'") == "quoted");
  CHECK(sheet_name("") == "Sheet");
  CHECK(sheet_name("history") == "history-");
  CHECK(sheet_name("A very long sheet name that goes on and on") == "A very long sheet name that goe");
  CHECK(sheet_name("Summary", {"summary"}) == "Summary (2)");
  CHECK(sheet_name("Summary", {"Summary", "Summary (2)"}) == "Summary (3)");
  std::string ar = sheet_name("خطة التحسين لجميع الأبعاد والأقسام في الإطار");
  CHECK(ar == "خطة التحسين لجميع الأبعاد والأق");  // 31 characters
  CHECK(xlsx::column_letters(0) == "A");
  CHECK(xlsx::column_letters(25) == "Z");
  CHECK(xlsx::column_letters(26) == "AA");
  CHECK(xlsx::cell_ref(1, 7, true) == "$H$2");
  CHECK(xlsx::quoted_sheet("Amal's plan") == "'Amal''s plan'");
}

TEST_CASE("the English workbook passes a real reader's checks", "[export][workbook]") {
  Rubric r = test::small_rubric();
  Assessment a = sample(r);
  fs::path out = scratch("en") / "plan.xlsx";
  WorkbookOptions opt;
  opt.today = "2026-11-22";
  opt.source_file = "amal-2026-H2.mizan.json";
  WorkbookReport rep = export_assessment_workbook(r, a, out.string(), Lang::en, opt);
  CHECK(rep.sheets == std::vector<std::string>{"Summary", "Action plan", "Checklist", "Indicators", "Audit trail"});
  CHECK(rep.items == r.item_count());
  CHECK(rep.actions == updated_action_plan(r, a).actions.size());
  REQUIRE(rep.warnings.size() == 1);  // the 2026-02-30 due date
  CHECK(rep.warnings[0].find("2026-02-30") != std::string::npos);
  CHECK_FALSE(fs::exists(out.string() + ".bak"));
  std::string messages;
  CHECK(check_workbook(out, expectations(r, a, Lang::en), messages) == 0);
  INFO(messages);
  CHECK(messages.empty());
}

TEST_CASE("the Arabic workbook is right to left with Arabic names", "[export][workbook]") {
  Rubric r = test::small_rubric();
  Assessment a = sample(r);
  a.case_data = nullptr;  // no Indicators sheet then
  a.agency_name = "جمعية أمل لحماية الطفل";
  fs::path out = scratch("ar") / "plan-ar.xlsx";
  WorkbookOptions opt;
  opt.today = "2026-11-22";
  WorkbookReport rep = export_assessment_workbook(r, a, out.string(), Lang::ar, opt);
  CHECK(rep.sheets == std::vector<std::string>{"الملخص", "خطة التحسين", "قائمة التحقق", "سجل التغييرات"});
  std::string messages;
  CHECK(check_workbook(out, expectations(r, a, Lang::ar), messages) == 0);
  INFO(messages);
  CHECK(messages.empty());
}

TEST_CASE("an assessment with nothing to do and a very long note", "[export][workbook]") {
  Rubric r = test::small_rubric();
  Assessment a = new_assessment(r);
  a.agency_name = "Good agency";
  for (const Item* it : r.all_items()) put(a, it->id, ItemStatus::met);
  put(a, "1.m1", ItemStatus::met, std::string(40000, 'x'));
  fs::path out = scratch("empty") / "plan.xlsx";
  WorkbookOptions opt;
  opt.today = "2026-11-22";
  WorkbookReport rep = export_assessment_workbook(r, a, out.string(), Lang::en, opt);
  CHECK(rep.actions == 0);
  CHECK(rep.truncated_cells == 2);  // the note on the checklist and in the audit trail
  json e = expectations(r, a, Lang::en);
  e["dates"] = json::object();
  e["text_dates"] = json::object();
  e["texts"] = json::array();
  e["truncated_marker"] = " … [truncated]";
  std::string messages;
  CHECK(check_workbook(out, e, messages) == 0);
  INFO(messages);
  CHECK(messages.empty());
}

TEST_CASE("the bundled framework exports all its items", "[export][workbook][bundled]") {
  fs::path rubric_path = fs::path(MIZAN_SOURCE_DIR) / "rubric" / "cmtf-qaf.json";
  if (!fs::exists(rubric_path)) {
    WARN("rubric/cmtf-qaf.json is not there yet; skipped");
    return;
  }
  Rubric r = load_rubric(rubric_path.string());
  fs::path example = fs::path(MIZAN_SOURCE_DIR) / "assets" / "examples" / "amal-2026-H2.mizan.json";
  Assessment a = fs::exists(example) ? load_assessment(example.string(), &r).assessment : new_assessment(r);
  for (Lang lang : {Lang::en, Lang::ar}) {
    fs::path out = scratch(std::string("bundled-") + lang_id(lang)) / "plan.xlsx";
    WorkbookOptions opt;
    opt.today = "2026-11-22";
    WorkbookReport rep = export_assessment_workbook(r, a, out.string(), lang, opt);
    CHECK(rep.items == r.item_count());
    CHECK(rep.items == 135);
    json e = expectations(r, a, lang);
    e["dates"] = json::object();
    e["text_dates"] = json::object();
    e["texts"] = json::array();
    std::string messages;
    CHECK(check_workbook(out, e, messages) == 0);
    INFO(messages);
    CHECK(messages.empty());
  }
}

TEST_CASE("mizan export: default folder, exit codes, messages naming the file", "[export][command]") {
  fs::path dir = scratch("command");
  Rubric r = test::small_rubric();
  fs::path rubric = dir / "small-rubric.json";
  std::ofstream(rubric) << test::small_rubric_json().dump(2);
  fs::path assessment = dir / "amal.mizan.json";
  save_assessment(assessment.string(), sample(r));

  fs::path old = fs::current_path();
  fs::current_path(dir);
  std::ostringstream out, err;
  int rc = export_command(assessment.string(), "", "ar", rubric.string(), out, err);
  fs::current_path(old);
  INFO(err.str());
  CHECK(rc == 0);
  CHECK(fs::exists(dir / "exports" / "AMAL-2026-H2-action-plan-ar.xlsx"));
  CHECK(out.str().find("exports/AMAL-2026-H2-action-plan-ar.xlsx") != std::string::npos);

  std::ostringstream o2, e2;
  CHECK(export_command(assessment.string(), (dir / "plan.xlsx").string(), "en", rubric.string(), o2, e2) == 0);
  CHECK(fs::exists(dir / "plan.xlsx"));

  std::ostringstream o3, e3;
  CHECK(export_command(assessment.string(), (dir / "missing" / "plan.xlsx").string(), "en", rubric.string(), o3,
                       e3) == 1);
  CHECK(e3.str().find("missing") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "missing"));

  std::ofstream(dir / "broken.mizan.json") << "{\"format\": \"mizan-assessment\",\n \"format_version\": 1,\n  oops}";
  std::ostringstream o4, e4;
  CHECK(export_command((dir / "broken.mizan.json").string(), (dir / "b.xlsx").string(), "en", rubric.string(), o4,
                       e4) == 1);
  CHECK(e4.str().find("broken.mizan.json:3:") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "b.xlsx"));

  std::ostringstream o5, e5;
  CHECK(export_command(assessment.string(), (dir / "c.xlsx").string(), "fr", rubric.string(), o5, e5) == 2);
  std::ostringstream o6, e6;
  CHECK(export_command((dir / "nope.json").string(), (dir / "d.xlsx").string(), "en", rubric.string(), o6, e6) == 1);
  CHECK(e6.str().find("nope.json") != std::string::npos);
}

TEST_CASE("a failed export leaves no file and an earlier workbook intact", "[export][workbook]") {
  Rubric r = test::small_rubric();
  Assessment a = sample(r);
  fs::path dir = scratch("atomic");
  fs::path out = dir / "plan.xlsx";
  std::ofstream(out) << "previous workbook";
  // A folder where the temporary file would go makes libxlsxwriter fail at close().
  WorkbookOptions opt;
  opt.today = "2026-11-22";
  CHECK_THROWS_AS(export_assessment_workbook(r, a, (dir / "no-such-folder" / "plan.xlsx").string(), Lang::en, opt),
                  InputError);
  CHECK_FALSE(fs::exists(dir / "no-such-folder"));
  try {
    export_assessment_workbook(r, a, (dir / "no-such-folder" / "plan.xlsx").string(), Lang::en, opt);
  } catch (const InputError& e) {
    CHECK(e.problems().at(0).file == (dir / "no-such-folder" / "plan.xlsx").string());
  }
  opt.today = "2026-02-30";
  CHECK_THROWS_AS(export_assessment_workbook(r, a, out.string(), Lang::en, opt), InputError);
  CHECK(slurp(out) == "previous workbook");
  for (const auto& entry : fs::directory_iterator(dir))
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
}
