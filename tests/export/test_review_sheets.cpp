// The review sheets of the assessment workbook (Sign-off, What changed, Explanations),
// opened with a real reader: tests/export/check_review_sheets.py under /usr/bin/python3
// (Debian's openpyxl). Expectations come from core (changes_against, explanation_text);
// the checker recomputes what it can from the files themselves.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../core/fixtures.hpp"
#include "core/review.hpp"
#include "export/assessment_sheets.hpp"
#include "export/assessment_workbook.hpp"
#include "export/export_command.hpp"

using namespace mizan;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kSource = MIZAN_SOURCE_DIR;
const fs::path kExamples = kSource / "assets" / "examples";
const fs::path kRubric = kSource / "rubric" / "cmtf-qaf.json";

fs::path scratch(const std::string& name) {
  fs::path dir = fs::path(MIZAN_BINARY_DIR) / "tests" / "export" / "out" / ("review-" + name);
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

int check_review(const fs::path& xlsx, const json& expect, std::string& messages) {
  fs::path e = xlsx;
  e.replace_extension(".review-expect.json");
  std::ofstream(e) << expect.dump(2);
  fs::path log = xlsx;
  log.replace_extension(".review-check.log");
  std::string cmd = "/usr/bin/python3 '" + (kSource / "tests" / "export" / "check_review_sheets.py").string() + "' '" +
                    xlsx.string() + "' '" + e.string() + "' > '" + log.string() + "' 2>&1";
  int rc = std::system(cmd.c_str());
  messages = slurp(log);
  return rc;
}

// The rows the What changed sheet shows: what `mizan changes --json` lists.
json shown_changes(const std::vector<ItemChange>& changes) {
  json rows = json::array();
  for (const auto& c : changes)
    if (c.kind != ChangeKind::unchanged || c.carried_over)
      rows.push_back({{"item", c.item},
                      {"before", status_id(c.before)},
                      {"after", status_id(c.after)},
                      {"change", change_kind_id(c.kind)},
                      {"carried_over", c.carried_over},
                      {"needs_reason", c.needs_reason()},
                      {"reason", c.reason}});
  return rows;
}

json explanations(const Rubric& r, const Assessment& a, Lang lang) {
  json out = json::object();
  for (const auto& d : r.dimensions)
    for (const auto& s : d.sections) {
      std::string text = explanation_text(r, explain_section(s, a), lang);
      if (!text.empty()) out[s.id] = text;
    }
  return out;
}

std::string good_name(const Rubric& r, Lang lang) {
  const std::string& n = r.level_name(Level::good).get(lang);
  return n.empty() ? "good" : n;
}

// Everything the checker needs for `a` (saved as `file`) compared with `baseline_file`.
json expectations(const Rubric& r, const Assessment& a, const fs::path& file, const fs::path& baseline_file,
                  const std::string& state, const WorkbookReport& rep, Lang lang) {
  json e;
  e["lang"] = lang_id(lang);
  e["sheets"] = rep.sheets;
  e["assessment_file"] = file.string();
  e["current"] = file.string();
  e["baseline"] = baseline_file.empty() ? json(nullptr) : json(baseline_file.string());
  e["baseline_state"] = state;
  e["changes"] = json::array();
  if (state == "ok" || state == "changed")
    e["changes"] = shown_changes(changes_against(r, a, load_assessment(baseline_file.string(), &r).assessment));
  e["explanations"] = explanations(r, a, lang);
  e["good"] = good_name(r, lang);
  e["signoff"] = {{"status", "not_signed"}};
  e["texts"] = json::array();
  return e;
}

WorkbookOptions review_options(const fs::path& file) {
  WorkbookOptions o;
  o.today = "2026-11-25";
  o.review_sheets = true;
  o.assessment_file = file.string();
  o.source_file = file.filename().string();
  return o;
}

bool has_warning(const WorkbookReport& rep, const std::string& part) {
  for (const auto& w : rep.warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("where the baseline file is looked for", "[export][review]") {
  CHECK(xlsx::baseline_candidates("", "a/b.json").empty());
  CHECK(xlsx::baseline_candidates("/abs/h1.json", "a/b.json") == std::vector<std::string>{"/abs/h1.json"});
  CHECK(xlsx::baseline_candidates("h1.json", "dir/h2.json") == std::vector<std::string>{"dir/h1.json", "h1.json"});
  CHECK(xlsx::baseline_candidates("old/h1.json", "dir/h2.json") ==
        std::vector<std::string>{"dir/old/h1.json", "old/h1.json", "dir/h1.json"});
  CHECK(xlsx::baseline_candidates("h1.json", "h2.json") == std::vector<std::string>{"h1.json"});
}

TEST_CASE("the example's review sheets against 2026-H1: what changed and explanations and sign-off", "[export][review]") {
  if (!fs::exists(kRubric) || !fs::exists(kExamples / "amal-2026-H2.mizan.json")) {
    WARN("the framework or the example is not there; skipped");
    return;
  }
  Rubric r = load_rubric(kRubric.string());
  fs::path file = kExamples / "amal-2026-H2.mizan.json";
  fs::path base = kExamples / "amal-2026-H1.mizan.json";
  Assessment a = load_assessment(file.string(), &r).assessment;
  // The fixture holds what the checks rely on.
  auto changes = changes_against(r, a, load_assessment(base.string(), &r).assessment);
  int with_reason = 0;
  for (const auto& c : changes)
    if ((c.item == "5b.a2" || c.item == "2c.g1") && c.needs_reason() && !c.reason.empty()) ++with_reason;
  REQUIRE(with_reason == 2);
  REQUIRE(explanations(r, a, Lang::en).contains("2a"));

  for (Lang lang : {Lang::en, Lang::ar}) {
    fs::path out = scratch(std::string("example-") + lang_id(lang)) / "amal.xlsx";
    WorkbookReport rep = export_assessment_workbook(r, a, out.string(), lang, review_options(file));
    if (lang == Lang::en)
      CHECK(rep.sheets == std::vector<std::string>{"Summary", "Sign-off", "What changed", "Explanations", "Action plan",
                                                   "Checklist", "Audit trail"});
    else
      CHECK(rep.sheets == std::vector<std::string>{"الملخص", "الاعتماد", "ما الذي تغيّر", "تفسير المستويات",
                                                   "خطة التحسين", "قائمة التحقق", "سجل التغييرات"});
    CHECK(rep.warnings.empty());
    json e = expectations(r, a, file, base, "ok", rep, lang);
    CHECK(e["changes"].size() > 2);
    e["explain_names"] = {{"2a", json::array({"2a.a1", "2a.a3"})}};
    std::string messages;
    CHECK(check_review(out, e, messages) == 0);
    INFO(messages);
    CHECK(messages.empty());
  }
}

TEST_CASE("a baseline that is missing or unreadable or has changed is said on the sheet", "[export][review]") {
  if (!fs::exists(kRubric) || !fs::exists(kExamples / "amal-2026-H2.mizan.json")) {
    WARN("the framework or the example is not there; skipped");
    return;
  }
  Rubric r = load_rubric(kRubric.string());

  SECTION("missing: no rows, a warning, the workbook still written") {
    fs::path dir = scratch("missing");
    fs::copy_file(kExamples / "amal-2026-H2.mizan.json", dir / "amal-2026-H2.mizan.json");
    fs::path file = dir / "amal-2026-H2.mizan.json";
    Assessment a = load_assessment(file.string(), &r).assessment;
    fs::path out = dir / "amal.xlsx";
    WorkbookReport rep = export_assessment_workbook(r, a, out.string(), Lang::en, review_options(file));
    CHECK(has_warning(rep, "not found"));
    CHECK(std::find(rep.sheets.begin(), rep.sheets.end(), "What changed") != rep.sheets.end());
    json e = expectations(r, a, file, "", "missing", rep, Lang::en);
    std::string messages;
    CHECK(check_review(out, e, messages) == 0);
    INFO(messages);
    CHECK(messages.empty());
  }
  SECTION("unreadable: not an assessment; nothing of its text reaches the workbook") {
    fs::path dir = scratch("unreadable");
    fs::copy_file(kExamples / "amal-2026-H2.mizan.json", dir / "amal-2026-H2.mizan.json");
    std::ofstream(dir / "amal-2026-H1.mizan.json") << "secretword-1234 not json";
    fs::path file = dir / "amal-2026-H2.mizan.json";
    Assessment a = load_assessment(file.string(), &r).assessment;
    fs::path out = dir / "amal.xlsx";
    WorkbookReport rep = export_assessment_workbook(r, a, out.string(), Lang::en, review_options(file));
    CHECK(has_warning(rep, "cannot be read"));
    CHECK_FALSE(has_warning(rep, "secretword"));
    json e = expectations(r, a, file, "", "unreadable", rep, Lang::en);
    e["forbidden"] = json::array({"secretword"});
    std::string messages;
    CHECK(check_review(out, e, messages) == 0);
    INFO(messages);
    CHECK(messages.empty());
  }
  SECTION("changed: the SHA-256 differs, the rows are against the file as it is") {
    fs::path dir = scratch("changed");
    fs::copy_file(kExamples / "amal-2026-H2.mizan.json", dir / "amal-2026-H2.mizan.json");
    std::string h1 = slurp(kExamples / "amal-2026-H1.mizan.json");
    std::ofstream(dir / "amal-2026-H1.mizan.json", std::ios::binary) << h1 << "\n";
    fs::path file = dir / "amal-2026-H2.mizan.json";
    Assessment a = load_assessment(file.string(), &r).assessment;
    fs::path out = dir / "amal.xlsx";
    WorkbookReport rep = export_assessment_workbook(r, a, out.string(), Lang::ar, review_options(file));
    CHECK(has_warning(rep, "SHA-256 differs"));
    json e = expectations(r, a, file, dir / "amal-2026-H1.mizan.json", "changed", rep, Lang::ar);
    CHECK_FALSE(e["changes"].empty());
    std::string messages;
    CHECK(check_review(out, e, messages) == 0);
    INFO(messages);
    CHECK(messages.empty());
  }
}

TEST_CASE("a signed then reopened file and a fall back without a reason", "[export][review]") {
  if (!fs::exists(kRubric) || !fs::exists(kExamples / "amal-2026-H2.mizan.json")) {
    WARN("the framework or the example is not there; skipped");
    return;
  }
  Rubric r = load_rubric(kRubric.string());
  fs::path dir = scratch("signed");
  fs::copy_file(kExamples / "amal-2026-H1.mizan.json", dir / "amal-2026-H1.mizan.json");
  Assessment a = load_assessment((kExamples / "amal-2026-H2.mizan.json").string(), &r).assessment;
  Assessment base = load_assessment((dir / "amal-2026-H1.mizan.json").string(), &r).assessment;
  // An item met in 2026-H1 falls back with no reason; a reason that looks like a formula.
  std::string fallen;
  for (const Item* it : r.all_items())
    if (base.status(it->id) == ItemStatus::met && a.status(it->id) == ItemStatus::met) {
      fallen = it->id;
      break;
    }
  REQUIRE(!fallen.empty());
  a.items[fallen].status = ItemStatus::not_met;
  a.items[fallen].change_reason = "";
  a.items["5b.a2"].change_reason = "=SUM(A1:A9)";
  fs::path file = dir / "amal-2026-H2.mizan.json";

  sign_off(a, "Omar Khatib", "Programme manager", "2026-11-25", "2026-11-25T09:00:00Z");
  save_assessment(file.string(), a);
  fs::path out = dir / "signed.xlsx";
  WorkbookReport rep = export_assessment_workbook(r, a, out.string(), Lang::en, review_options(file));
  CHECK(rep.warnings.empty());
  json e = expectations(r, a, file, dir / "amal-2026-H1.mizan.json", "ok", rep, Lang::en);
  auto missing = changes_missing_reason(changes_against(r, a, base));
  CHECK(std::find(missing.begin(), missing.end(), fallen) != missing.end());
  e["signoff"] = {{"status", "signed"}, {"name", "Omar Khatib"}, {"role", "Programme manager"}, {"date", "2026-11-25"}};
  e["texts"] = json::array({"=SUM(A1:A9)"});
  std::string messages;
  CHECK(check_review(out, e, messages) == 0);
  INFO(messages);
  CHECK(messages.empty());

  reopen(a, "Rania Haddad", "@correction: 1.a1 was mistyped", "2026-11-26T08:00:00Z");
  save_assessment(file.string(), a);
  out = dir / "reopened.xlsx";
  rep = export_assessment_workbook(r, a, out.string(), Lang::ar, review_options(file));
  e = expectations(r, a, file, dir / "amal-2026-H1.mizan.json", "ok", rep, Lang::ar);
  e["signoff"] = {{"status", "reopened"}};
  e["texts"] = json::array({"=SUM(A1:A9)", "@correction: 1.a1 was mistyped"});
  CHECK(check_review(out, e, messages) == 0);
  INFO(messages);
  CHECK(messages.empty());
}

TEST_CASE("without a baseline no What changed sheet and at good nothing to explain", "[export][review]") {
  Rubric r = test::small_rubric();
  fs::path dir = scratch("small");
  Assessment a = new_assessment(r);
  a.agency_name = "Amal";
  a.items["1.m1"].status = ItemStatus::met;
  a.items["2a.m1"].status = ItemStatus::not_met;
  a.items["2a.m2"].status = ItemStatus::na;  // no written reason: counts as not answered
  fs::path file = dir / "small.mizan.json";
  save_assessment(file.string(), a);
  for (Lang lang : {Lang::en, Lang::ar}) {
    fs::path out = dir / (std::string("small-") + lang_id(lang) + ".xlsx");
    WorkbookReport rep = export_assessment_workbook(r, a, out.string(), lang, review_options(file));
    CHECK(rep.sheets.size() == 6);
    json e = expectations(r, a, file, "", "none", rep, lang);
    CHECK(e["explanations"].size() == 3);
    std::string messages;
    CHECK(check_review(out, e, messages) == 0);
    INFO(messages);
    CHECK(messages.empty());
  }

  for (const Item* it : r.all_items()) a.items[it->id].status = ItemStatus::met;
  save_assessment(file.string(), a);
  fs::path out = dir / "all-good.xlsx";
  WorkbookReport rep = export_assessment_workbook(r, a, out.string(), Lang::en, review_options(file));
  json e = expectations(r, a, file, "", "none", rep, Lang::en);
  CHECK(e["explanations"].empty());
  std::string messages;
  CHECK(check_review(out, e, messages) == 0);
  INFO(messages);
  CHECK(messages.empty());

  // Without review_sheets the workbook keeps its five sheets.
  WorkbookOptions plain;
  plain.today = "2026-11-25";
  rep = export_assessment_workbook(r, a, (dir / "plain.xlsx").string(), Lang::en, plain);
  CHECK(rep.sheets == std::vector<std::string>{"Summary", "Action plan", "Checklist", "Audit trail"});
}

TEST_CASE("mizan export writes the review sheets with the file's SHA-256", "[export][review][command]") {
  if (!fs::exists(kRubric) || !fs::exists(kExamples / "amal-2026-H2.mizan.json")) {
    WARN("the framework or the example is not there; skipped");
    return;
  }
  fs::path dir = scratch("command");
  for (const char* name : {"amal-2026-H1.mizan.json", "amal-2026-H2.mizan.json"})
    fs::copy_file(kExamples / name, dir / name);
  fs::path file = dir / "amal-2026-H2.mizan.json";
  fs::path out = dir / "amal-ar.xlsx";
  std::ostringstream o, err;
  int rc = export_command(file.string(), out.string(), "ar", kRubric.string(), o, err);
  INFO(err.str());
  REQUIRE(rc == 0);
  CHECK(err.str().empty());
  CHECK(o.str().find("ما الذي تغيّر") != std::string::npos);

  Rubric r = load_rubric(kRubric.string());
  Assessment a = load_assessment(file.string(), &r).assessment;
  WorkbookReport rep;
  rep.sheets = {"الملخص", "الاعتماد", "ما الذي تغيّر", "تفسير المستويات", "خطة التحسين", "قائمة التحقق",
                "سجل التغييرات"};
  json e = expectations(r, a, file, dir / "amal-2026-H1.mizan.json", "ok", rep, Lang::ar);
  e["explain_names"] = {{"2a", json::array({"2a.a1", "2a.a3"})}};
  std::string messages;
  CHECK(check_review(out, e, messages) == 0);
  INFO(messages);
  CHECK(messages.empty());

  // The baseline gone: the export still succeeds and warns, naming the assessment.
  fs::remove(dir / "amal-2026-H1.mizan.json");
  std::ostringstream o2, e2;
  CHECK(export_command(file.string(), out.string(), "en", kRubric.string(), o2, e2) == 0);
  CHECK(e2.str().find("amal-2026-H2.mizan.json") != std::string::npos);
  CHECK(e2.str().find("not found") != std::string::npos);
}
