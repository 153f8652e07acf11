// `mizan indicators` as scripts use it, --attach, and privacy: no row value in any output.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "support.hpp"

using namespace casedata_test;
using nlohmann::json;

namespace {

const std::string kSrc = MIZAN_SOURCE_DIR;
const std::string kExample = kSrc + "/assets/examples/amal-2026-H2.mizan.json";

std::string copy_example(const std::string& name) { return write_file(name, slurp(kExample)); }

// A case export whose every data cell is a secret: names, phone numbers, case ids, in
// every column, in good rows and in rows that cannot be read.
struct Secrets {
  std::string csv;
  std::vector<std::string> values;
};

Secrets secret_export() {
  Secrets s;
  s.csv = "case_id,child_name,phone,caseworker,supervisor,sex,age,date_of_birth,disability,registration_date,"
          "risk_level,consent,assessment_date,status,closure_reason,notes\r\n";
  auto secret = [&](const std::string& kind, int i) {
    std::string v = kind + "-" + std::to_string(1000 + i);
    s.values.push_back(v);
    return v;
  };
  for (int i = 0; i < 12; ++i) {
    std::string line;
    // Good rows: an id, a name, a phone, and secret values in fields that expect codes.
    line += secret("CASEID-Zx", i) + ",\"Huda " + secret("Alkhatib", i) + "\"," + secret("+963944", i) + ",";
    line += secret("Caseworker Rana", i) + "," + secret("Supervisor Fadi", i) + ",";
    line += secret("SEXVAL", i) + "," + secret("AGEVAL", i) + "," + secret("DOBVAL", i) + ",";
    line += secret("DISVAL", i) + "," + secret("REGVAL", i) + "," + secret("RISKVAL", i) + ",";
    line += secret("CONSENTVAL", i) + "," + secret("ASSVAL", i) + "," + secret("STATUSVAL", i) + ",";
    line += secret("REASONVAL", i) + ",\"" + secret("Note about Qusay", i) + "\nsecond line\"\r\n";
    s.csv += line;
  }
  // Rows that cannot be read: too few cells, and a quote never closed.
  s.csv += secret("CASEID-short", 1) + "," + secret("Name Short", 1) + "\r\n";
  s.csv += secret("CASEID-unclosed", 2) + ",\"" + secret("Name Unclosed", 2) + ",x,y\r\n";
  return s;
}

void check_clean(const std::string& text, const std::vector<std::string>& secrets, const std::string& what) {
  for (const auto& v : secrets) {
    INFO(what << " must not contain " << v);
    CHECK(text.find(v) == std::string::npos);
  }
  // Nor the distinctive pieces of them.
  for (const char* piece : {"Alkhatib", "+963944", "Rana", "Fadi", "Qusay", "CASEID", "VAL-"}) {
    INFO(what << " must not contain " << piece);
    CHECK(text.find(piece) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("mizan indicators --json prints {rows, indicators} with every contract id", "[cli]") {
  const std::string csv = kHeader +
                          "A1,cw1,s1,female,7,,no,2026-06-01,high,yes,2026-06-02,2026-06-05,yes,2026-06-28,open,,,,\n"
                          "A2,cw1,s1,male,12,,yes,2026-01-01,low,no,2026-01-20,,,,closed,2026-02-01,death,yes,\n";
  const auto r = run_mizan("indicators " + shell_quote(write_file("cli.csv", csv)) + " --as-of 2026-06-30 --json");
  REQUIRE(r.code == 0);
  const json j = json::parse(r.out);
  CHECK(j["rows"] == 2);
  REQUIRE(j["indicators"].is_object());
  for (const char* id :
       {"cases.total", "cases.open", "cases.closed", "caseload.caseworkers", "caseload.max", "caseload.median",
        "caseload.over_limit", "supervision.max", "supervision.over_limit", "consent.rate", "risk.recorded_rate",
        "assessment.timely_rate", "case_plan.rate", "case_plan.approved_rate", "followup.timely_rate",
        "closure.valid_reason_rate", "closure.approved_rate", "closure.post_review_rate",
        "disability.recorded_rate"}) {
    INFO(id);
    REQUIRE(j["indicators"].contains(id));
    CHECK((j["indicators"][id].is_number() || j["indicators"][id].is_null()));
  }
  CHECK(j["indicators"]["cases.total"] == 2);
  CHECK(j["indicators"]["consent.rate"] == 0.5);
  // A2 closed 149 days before D with no review: 0 of 1.
  CHECK(j["indicators"]["closure.post_review_rate"] == 0);
  // A1 assessed in 1 day (high: 1), A2 in 19 (low: 7): 1 of 2.
  CHECK(j["indicators"]["assessment.timely_rate"] == 0.5);
  CHECK(j["indicators"]["caseload.max"] == 1);
}

TEST_CASE("mizan indicators: usage and input errors, exit codes", "[cli]") {
  const std::string ok = write_file("ok.csv", kHeader + "A1,,,,,,,,,,,,,,open,,,,\n");
  CHECK(run_mizan("indicators " + shell_quote(ok) + " --as-of 2026-02-30 --json").code == 2);
  CHECK(run_mizan("indicators").code == 2);
  const auto missing = run_mizan("indicators " + shell_quote((scratch() / "nope.csv").string()) + " --json");
  CHECK(missing.code == 1);
  CHECK(missing.err.find("nope.csv") != std::string::npos);
  CHECK(missing.out.empty());
  const auto no_id = run_mizan("indicators " + shell_quote(write_file("noid.csv", "name,age\nX,3\n")) + " --json");
  CHECK(no_id.code == 1);
  CHECK(no_id.err.find("noid.csv:1") != std::string::npos);
  CHECK(no_id.err.find("case_id") != std::string::npos);
  const auto bad_map = run_mizan("indicators " + shell_quote(ok) + " --mapping nosuchmapping --json");
  CHECK(bad_map.code == 1);
  CHECK(bad_map.err.find("nosuchmapping") != std::string::npos);
}

TEST_CASE("mizan indicators lists unreadable rows by line and reason", "[cli][problems]") {
  const std::string csv = kHeader + "A1,,,,,,,,,,,,,,open,,,,\n" + "A2,short\n" + "A3,,,,,,,2026-02-30,,,,,,,open,,,,\n";
  const auto r = run_mizan("indicators " + shell_quote(write_file("bad-rows.csv", csv)) + " --as-of 2026-06-30 --json");
  REQUIRE(r.code == 0);
  const json j = json::parse(r.out);
  CHECK(j["rows"] == 3);
  CHECK(j["problems"]["rows_rejected"] == 1);
  REQUIRE(j["problems"]["listed"].size() == 2);
  CHECK(j["problems"]["listed"][0]["line"] == 3);
  CHECK(j["problems"]["listed"][1]["line"] == 4);
  CHECK(j["problems"]["listed"][1]["column"] == "registration_date");
  const auto text = run_mizan("indicators " + shell_quote(write_file("bad-rows2.csv", csv)) + " --as-of 2026-06-30");
  REQUIRE(text.code == 0);
  CHECK(text.out.find("bad-rows2.csv:3:") != std::string::npos);
  CHECK(text.out.find("bad-rows2.csv:4: registration_date") != std::string::npos);
}

TEST_CASE("privacy: no name, phone or case id reaches any output", "[cli][privacy]") {
  const Secrets s = secret_export();
  const std::string path = write_file("secret.csv", s.csv);
  for (const char* mapping : {"canonical", "auto"}) {
    for (const char* mode : {"--json", "", "--json --shared"}) {
      const auto r = run_mizan("indicators " + shell_quote(path) + " --as-of 2026-06-30 --mapping " + mapping + " " + mode);
      INFO(mapping << " " << mode);
      REQUIRE(r.code == 0);
      check_clean(r.out, s.values, "stdout");
      check_clean(r.err, s.values, "stderr");
    }
  }
  // The report still says what went wrong: every value in the wrong form, two rows unreadable.
  const auto r = run_mizan("indicators " + shell_quote(path) + " --as-of 2026-06-30 --json");
  const json j = json::parse(r.out);
  CHECK(j["rows"] == 14);
  CHECK(j["problems"]["rows_rejected"] == 2);
  CHECK(j["indicators"]["cases.total"] == 12);
  CHECK(j["problems"]["total"].get<int>() > 12);

  // Errors: a file whose header lacks case_id, with secrets in its rows.
  const std::string no_id = write_file("secret-noid.csv", "child_name,phone\n" + s.values[1] + "," + s.values[2] + "\n");
  const auto e = run_mizan("indicators " + shell_quote(no_id) + " --json");
  CHECK(e.code == 1);
  check_clean(e.out + e.err, s.values, "error message");
  // A header whose quote is never closed: the message names the place, not the text.
  const auto bad_header = run_mizan("indicators " + shell_quote(write_file("secret-badheader.csv",
                                 "\"" + s.values[3] + ",x\n")) + " --json");
  CHECK(bad_header.code == 1);
  check_clean(bad_header.out + bad_header.err, s.values, "error message");
}

TEST_CASE("attach: stores the aggregates (never rows) in the assessment", "[cli][attach][privacy]") {
  const Secrets s = secret_export();
  const std::string cases = write_file("attach-cases.csv", s.csv);
  const std::string a = copy_example("attach.mizan.json");
  const auto r = run_mizan("indicators " + shell_quote(cases) + " --as-of 2026-06-30 --json --attach " + shell_quote(a));
  REQUIRE(r.code == 0);
  CHECK(json::parse(r.out)["rows"] == 14);  // stdout stays the JSON report
  const std::string saved = slurp(a);
  check_clean(saved, s.values, "assessment");
  const json doc = json::parse(saved);
  const json& cd = doc["case_data"];
  CHECK(cd["format"] == "mizan-case-data");
  REQUIRE(cd["imports"].size() == 1);
  const json& imp = cd["imports"][0];
  CHECK(imp["file"] == "attach-cases.csv");  // the name only, no folders
  CHECK(imp["rows"] == 14);
  CHECK(imp["as_of"] == "2026-06-30");
  CHECK(imp["mapping"] == "canonical");
  CHECK(std::regex_match(imp["imported_at"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  CHECK(imp["indicators"]["cases.total"] == 12);
  CHECK(imp["indicators"]["consent.rate"]["denominator"] == 12);
  CHECK(imp["indicators"]["consent.rate"]["numerator"] == 0);
  CHECK_FALSE(imp["problems"].contains("listed"));  // no line numbers either
  // The rest of the assessment is kept.
  const json before = json::parse(slurp(kExample));
  CHECK(doc["items"] == before["items"]);
  CHECK(doc["agency"] == before["agency"]);

  // Attaching again the same file and date replaces that import; another date adds one.
  REQUIRE(run_mizan("indicators " + shell_quote(cases) + " --as-of 2026-06-30 --attach " + shell_quote(a)).code == 0);
  CHECK(json::parse(slurp(a))["case_data"]["imports"].size() == 1);
  REQUIRE(run_mizan("indicators " + shell_quote(cases) + " --as-of 2026-07-31 --attach " + shell_quote(a)).code == 0);
  const json two = json::parse(slurp(a))["case_data"]["imports"];
  REQUIRE(two.size() == 2);
  CHECK(two[1]["as_of"] == "2026-07-31");
  // The assessment still validates and scores.
  CHECK(run_mizan("score " + shell_quote(a) + " --json").code == 0);
}

TEST_CASE("attach: refuses a signed-off assessment and leaves it untouched", "[cli][attach]") {
  const std::string a = copy_example("signed.mizan.json");
  REQUIRE(run_mizan("sign " + shell_quote(a) + " --name Reviewer --role Director --date 2026-07-01").code == 0);
  const std::string before = slurp(a);
  const std::string cases = write_file("signed-cases.csv", kHeader + "A1,,,,,,,,,,,,,,open,,,,\n");
  const auto r = run_mizan("indicators " + shell_quote(cases) + " --as-of 2026-06-30 --attach " + shell_quote(a));
  CHECK(r.code == 1);
  CHECK(r.err.find("signed.mizan.json") != std::string::npos);
  CHECK(r.err.find("signed off") != std::string::npos);
  CHECK(slurp(a) == before);
  // A cases file that cannot be read leaves the assessment alone too.
  const std::string b = copy_example("unread.mizan.json");
  const std::string b_before = slurp(b);
  CHECK(run_mizan("indicators " + shell_quote(write_file("x.csv", "nothing,here\n")) + " --attach " + shell_quote(b)).code == 1);
  CHECK(slurp(b) == b_before);
}

TEST_CASE("mizan indicators reads XLSX like CSV", "[cli][xlsx]") {
  const std::string path = (scratch() / "cli.xlsx").string();
  const std::string script = write_file("cli_xlsx.py",
      "import sys, datetime\n"
      "from openpyxl import Workbook\n"
      "wb = Workbook(); ws = wb.active\n"
      "ws.append(['case_id', 'status', 'consent', 'registration_date', 'assessment_date', 'risk_level'])\n"
      "ws.append(['A1', 'مفتوحة', 'نعم', datetime.date(2026, 6, 1), datetime.date(2026, 6, 2), 'high'])\n"
      "ws.append(['A2', 'closed', 'no', datetime.date(2026, 6, 1), datetime.date(2026, 6, 5), 'high'])\n"
      "wb.save(sys.argv[1])\n");
  REQUIRE(run_command(std::string(MIZAN_PYTHON) + " " + shell_quote(script) + " " + shell_quote(path)).code == 0);
  const auto r = run_mizan("indicators " + shell_quote(path) + " --as-of 2026-06-30 --json");
  REQUIRE(r.code == 0);
  const json j = json::parse(r.out);
  CHECK(j["rows"] == 2);
  CHECK(j["indicators"]["cases.open"] == 1);
  CHECK(j["indicators"]["consent.rate"] == 0.5);
  CHECK(j["indicators"]["assessment.timely_rate"] == 0.5);  // 1 day ok, 4 days late
  CHECK(j["source"]["format"] == "xlsx");
}

TEST_CASE("shared: writes counts below 5 as <5", "[cli][privacy]") {
  // 3 closed cases, 7 open; 2 of the closed ones approved.
  std::string csv = kHeader;
  for (int i = 0; i < 7; ++i) csv += "O" + std::to_string(i) + ",,,,,,,,,yes,,,,,open,,,,\n";
  for (int i = 0; i < 3; ++i)
    csv += "C" + std::to_string(i) + ",,,,,,,,,yes,,,,,closed,,," + (i < 2 ? "yes" : "no") + ",\n";
  const std::string path = write_file("shared.csv", csv);
  const auto r = run_mizan("indicators " + shell_quote(path) + " --as-of 2026-06-30 --json --shared");
  REQUIRE(r.code == 0);
  const json j = json::parse(r.out);
  CHECK(j["rows"] == 10);
  CHECK(j["indicators"]["cases.open"] == 7);
  CHECK(j["indicators"]["cases.closed"] == "<5");
  CHECK(j["indicators"]["closure.approved_rate"].is_null());  // over 3 closed cases: hidden
  CHECK(j["counts"]["closure.approved_rate"]["numerator"] == "<5");
  CHECK(j["indicators"]["consent.rate"] == 1);  // over 10 cases: shown
  CHECK_FALSE(j["problems"].contains("listed"));
  const auto t = run_mizan("indicators " + shell_quote(path) + " --as-of 2026-06-30 --shared");
  REQUIRE(t.code == 0);
  CHECK(t.out.find("<5") != std::string::npos);
  const auto plain = run_mizan("indicators " + shell_quote(path) + " --as-of 2026-06-30 --json");
  CHECK(json::parse(plain.out)["indicators"]["cases.closed"] == 3);
}
