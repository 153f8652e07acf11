// Each indicator of CONTRACT.md section 5 on a small hand-made file. The expected numbers
// are worked out by hand in the comments, case by case; as-of date 2026-06-30 throughout.
#include <catch2/catch.hpp>
#include <map>

#include "support.hpp"

using namespace casedata_test;

namespace {

const char* const kAsOf = "2026-06-30";

// One CSV line in the canonical column order from {field: value}.
std::string row(const std::map<std::string, std::string>& v) {
  std::string line;
  for (Field f : all_fields()) {
    if (f != Field::case_id) line += ',';
    const auto it = v.find(field_name(f));
    if (it != v.end()) line += it->second;
  }
  return line + "\n";
}

}  // namespace

TEST_CASE("cases.total, cases.open, cases.closed, cases.duplicate_ids", "[indicators]") {
  std::string csv = kHeader;
  csv += row({{"case_id", "A1"}, {"status", "open"}});
  csv += row({{"case_id", "A2"}, {"status", "closed"}});
  csv += row({{"case_id", "A3"}});                                  // no status: a case, neither
  csv += row({{"status", "open"}, {"sex", "male"}});                // no case_id: not a case
  csv += row({{"case_id", "A5"}, {"status", " Closed "}});          // case and spaces
  csv += row({{"case_id", "A6"}, {"status", "مفتوحة"}});            // Arabic "open"
  csv += row({{"case_id", "A1"}, {"status", "closed"}});            // a duplicate id
  csv += ",,,,,,,,,,,,,,,,,,\n";                                     // a blank row: skipped
  const auto r = indicators_of("cases.csv", csv, kAsOf);
  // Rows: 7 data rows (the blank one is not a row). Cases: A1 A2 A3 A5 A6 A1 = 6.
  CHECK(r.rows == 7);
  CHECK(r.blank_rows == 1);
  CHECK(r.rows_without_case_id == 1);
  CHECK(value(r, "cases.total") == 6);
  CHECK(value(r, "cases.open") == 2);    // A1, A6
  CHECK(value(r, "cases.closed") == 3);  // A2, A5, A1 (second)
  CHECK(value(r, "cases.duplicate_ids") == 1);
  // The row without a case id is reported with its line (header = line 1, so line 5).
  REQUIRE_FALSE(r.problems.empty());
  CHECK(r.problems[0].line == 5);
  CHECK(r.problems[0].column == "case_id");
}

TEST_CASE("caseload.caseworkers, caseload.max, caseload.median, caseload.over_limit", "[indicators]") {
  std::string csv = kHeader;
  // cw1: open A1, A2 and (as "CW1", same code in another case) A3 -> 3 open; one closed.
  csv += row({{"case_id", "A1"}, {"caseworker", "cw1"}, {"status", "open"}});
  csv += row({{"case_id", "A2"}, {"caseworker", "cw1"}, {"status", "open"}});
  csv += row({{"case_id", "A3"}, {"caseworker", "CW1"}, {"status", "open"}});
  csv += row({{"case_id", "A4"}, {"caseworker", "cw1"}, {"status", "closed"}});
  // cw2: 1 open. cw4: 2 open. cw3: closed only -> not counted.
  csv += row({{"case_id", "B1"}, {"caseworker", "cw2"}, {"status", "open"}});
  csv += row({{"case_id", "C1"}, {"caseworker", "cw4"}, {"status", "open"}});
  csv += row({{"case_id", "C2"}, {"caseworker", "cw4"}, {"status", "open"}});
  csv += row({{"case_id", "D1"}, {"caseworker", "cw3"}, {"status", "closed"}});
  // An open case with no caseworker counts nowhere here.
  csv += row({{"case_id", "E1"}, {"status", "open"}});
  // Loads: cw1 3, cw2 1, cw4 2 -> caseworkers 3, max 3, median of {1,2,3} = 2.
  const auto r = indicators_of("caseload.csv", csv, kAsOf);
  CHECK(value(r, "caseload.caseworkers") == 3);
  CHECK(value(r, "caseload.max") == 3);
  CHECK(value(r, "caseload.median") == 2);
  CHECK(value(r, "caseload.over_limit") == 0);  // limit 25
  // With a caseload limit of 2 only cw1 (3) is over it.
  Limits tight;
  tight.caseload = 2;
  const auto t = indicators_of("caseload2.csv", csv, kAsOf, CaseMapping::canonical(), tight);
  CHECK(value(t, "caseload.over_limit") == 1);
  // Even number of caseworkers: loads {1, 4} -> median (1 + 4) / 2 = 2.5.
  std::string even = kHeader;
  even += row({{"case_id", "X1"}, {"caseworker", "a"}, {"status", "open"}});
  for (int i = 0; i < 4; ++i) even += row({{"case_id", "Y" + std::to_string(i)}, {"caseworker", "b"}, {"status", "open"}});
  const auto e = indicators_of("caseload3.csv", even, kAsOf);
  CHECK(value(e, "caseload.median") == 2.5);
  CHECK(value(e, "caseload.max") == 4);
}

TEST_CASE("supervision.max and supervision.over_limit", "[indicators]") {
  std::string csv = kHeader;
  // sup1 over open cases: cw1 (twice), cw2, cw3, and cw4 once -> {cw1, cw2, cw3, cw4} = 4.
  csv += row({{"case_id", "1"}, {"caseworker", "cw1"}, {"supervisor", "sup1"}, {"status", "open"}});
  csv += row({{"case_id", "2"}, {"caseworker", "cw1"}, {"supervisor", "sup1"}, {"status", "open"}});
  csv += row({{"case_id", "3"}, {"caseworker", "cw2"}, {"supervisor", "sup1"}, {"status", "open"}});
  csv += row({{"case_id", "4"}, {"caseworker", "cw3"}, {"supervisor", "sup1"}, {"status", "open"}});
  csv += row({{"case_id", "5"}, {"caseworker", "cw4"}, {"supervisor", "sup1"}, {"status", "open"}});
  // sup2: cw4 -> 1; cw6 is under sup2 only with a closed case -> not counted.
  csv += row({{"case_id", "6"}, {"caseworker", "cw4"}, {"supervisor", "sup2"}, {"status", "open"}});
  csv += row({{"case_id", "7"}, {"caseworker", "cw6"}, {"supervisor", "sup2"}, {"status", "closed"}});
  // cw5 open with no supervisor: no supervisor to count it under.
  csv += row({{"case_id", "8"}, {"caseworker", "cw5"}, {"status", "open"}});
  const auto r = indicators_of("supervision.csv", csv, kAsOf);
  CHECK(value(r, "supervision.max") == 4);
  CHECK(value(r, "supervision.over_limit") == 0);  // limit 6
  Limits tight;
  tight.caseworkers_per_supervisor = 3;  // sup1 (4) is over; sup2 (1) is not
  const auto t = indicators_of("supervision2.csv", csv, kAsOf, CaseMapping::canonical(), tight);
  CHECK(value(t, "supervision.over_limit") == 1);
}

TEST_CASE("consent.rate", "[indicators]") {
  std::string csv = kHeader;
  for (const char* v : {"yes", "نعم", "no", "لا", "", "maybe", "Y"})
    csv += row({{"case_id", std::string("K") + v}, {"consent", v}});
  // 7 cases; yes, نعم, Y are consent -> 3 / 7. "maybe" (line 7) is a problem.
  const auto r = indicators_of("consent.csv", csv, kAsOf);
  CHECK(r.counts.at("consent.rate").numerator == 3);
  CHECK(r.counts.at("consent.rate").denominator == 7);
  CHECK(value(r, "consent.rate") == Approx(3.0 / 7.0));
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 7);
  CHECK(r.problems[0].column == "consent");
}

TEST_CASE("risk.recorded_rate", "[indicators]") {
  std::string csv = kHeader;
  int i = 0;
  for (const char* v : {"high", "medium", "Low", "عالي", "", "urgent"})
    csv += row({{"case_id", "R" + std::to_string(++i)}, {"risk_level", v}});
  // Valid: high, medium, Low, عالي -> 4 / 6.
  const auto r = indicators_of("risk.csv", csv, kAsOf);
  CHECK(r.counts.at("risk.recorded_rate").numerator == 4);
  CHECK(r.counts.at("risk.recorded_rate").denominator == 6);
  CHECK(value(r, "risk.recorded_rate") == Approx(4.0 / 6.0));
}

TEST_CASE("assessment.timely_rate", "[indicators]") {
  std::string csv = kHeader;
  auto add = [&](const char* id, const char* risk, const char* reg, const char* ass) {
    csv += row({{"case_id", id}, {"risk_level", risk}, {"registration_date", reg}, {"assessment_date", ass}});
  };
  add("B1", "high", "2026-01-01", "2026-01-02");    // 1 day, due 1: timely
  add("B2", "high", "2026-01-01", "2026-01-03");    // 2 > 1: late
  add("B3", "medium", "2026-01-01", "2026-01-04");  // 3, due 3: timely
  add("B4", "low", "2026-01-01", "2026-01-09");     // 8 > 7: late
  add("B5", "low", "2026-01-01", "2026-01-08");     // 7, due 7: timely
  add("B6", "", "2026-01-01", "2026-01-02");        // no risk: not counted
  add("B7", "high", "2026-01-01", "");              // no assessment: not counted
  add("B8", "medium", "2026-02-30", "2026-03-01");  // no valid registration: not counted
  // 3 timely of 5.
  const auto r = indicators_of("assessment.csv", csv, kAsOf);
  CHECK(r.counts.at("assessment.timely_rate").numerator == 3);
  CHECK(r.counts.at("assessment.timely_rate").denominator == 5);
  CHECK(value(r, "assessment.timely_rate") == Approx(0.6));
  // A mapping's own limits: medium due after 2 days makes B3 late -> 2 / 5.
  const auto m = CaseMapping::from_json(
      nlohmann::json{{"name", "strict"}, {"limits", {{"assessment_due_days", {{"medium", 2}}}}}});
  const auto s = indicators_of("assessment2.csv", csv, kAsOf, m);
  CHECK(s.counts.at("assessment.timely_rate").numerator == 2);
}

TEST_CASE("case_plan.rate and case_plan.approved_rate", "[indicators]") {
  std::string csv = kHeader;
  auto add = [&](const char* id, const char* ass, const char* cp, const char* ok) {
    csv += row({{"case_id", id}, {"assessment_date", ass}, {"case_plan_date", cp}, {"case_plan_approved", ok}});
  };
  add("C1", "2026-01-05", "2026-01-10", "yes");
  add("C2", "2026-01-05", "", "");
  add("C3", "2026-01-05", "2026-01-12", "no");
  add("C4", "", "2026-01-12", "approved");        // a plan without an assessment date
  add("C5", "2026-01-05", "0000-00-00", "yes");   // not a date: no plan date
  // case_plan.rate: over C1 C2 C3 C5 (assessed), with a plan: C1 C3 -> 2 / 4.
  // approved_rate: over C1 C3 C4 (plan date), approved: C1, C4 -> 2 / 3.
  const auto r = indicators_of("plan.csv", csv, kAsOf);
  CHECK(r.counts.at("case_plan.rate").numerator == 2);
  CHECK(r.counts.at("case_plan.rate").denominator == 4);
  CHECK(value(r, "case_plan.rate") == Approx(0.5));
  CHECK(r.counts.at("case_plan.approved_rate").numerator == 2);
  CHECK(r.counts.at("case_plan.approved_rate").denominator == 3);
  CHECK(value(r, "case_plan.approved_rate") == Approx(2.0 / 3.0));
}

TEST_CASE("followup.timely_rate", "[indicators]") {
  std::string csv = kHeader;
  auto add = [&](const char* id, const char* st, const char* risk, const char* reg, const char* fu) {
    csv += row({{"case_id", id}, {"status", st}, {"risk_level", risk}, {"registration_date", reg},
                {"last_followup_date", fu}});
  };
  add("F1", "open", "high", "2026-01-01", "2026-06-23");   // 7 days before D, at most 7: timely
  add("F2", "open", "high", "2026-01-01", "2026-06-22");   // 8 > 7: late
  add("F3", "open", "medium", "2026-06-20", "");           // none: since registration, 10 <= 14: timely
  add("F4", "open", "low", "2026-01-01", "2026-05-31");    // 30 <= 30: timely
  add("F5", "open", "low", "", "");                        // no date at all: counted, late
  add("F6", "closed", "high", "2026-01-01", "2026-06-29"); // closed: not counted
  add("F7", "open", "", "2026-01-01", "2026-06-29");       // no risk level: not counted
  // 3 timely of 5.
  const auto r = indicators_of("followup.csv", csv, kAsOf);
  CHECK(r.counts.at("followup.timely_rate").numerator == 3);
  CHECK(r.counts.at("followup.timely_rate").denominator == 5);
  CHECK(value(r, "followup.timely_rate") == Approx(0.6));
}

TEST_CASE("closure.valid_reason_rate and closure.approved_rate", "[indicators]") {
  std::string csv = kHeader;
  auto add = [&](const char* id, const char* st, const char* why, const char* ok) {
    csv += row({{"case_id", id}, {"status", st}, {"closure_reason", why}, {"closure_approved", ok}});
  };
  add("G1", "closed", "needs_met", "yes");
  add("G2", "closed", "death", "no");
  add("G3", "closed", "other", "approved");   // not a valid reason
  add("G4", "closed", "", "نعم");
  add("G5", "open", "needs_met", "yes");      // open: not counted
  add("G6", "closed", "Lost contact", "true");
  // Closed: G1 G2 G3 G4 G6 = 5. Valid reasons: G1 G2 G6 = 3 -> 0.6.
  // Approved: G1, G3 (approved), G4 (نعم), G6 (true) = 4 -> 0.8.
  const auto r = indicators_of("closure.csv", csv, kAsOf);
  CHECK(r.counts.at("closure.valid_reason_rate").numerator == 3);
  CHECK(r.counts.at("closure.valid_reason_rate").denominator == 5);
  CHECK(value(r, "closure.valid_reason_rate") == Approx(0.6));
  CHECK(r.counts.at("closure.approved_rate").numerator == 4);
  CHECK(value(r, "closure.approved_rate") == Approx(0.8));
}

TEST_CASE("closure.post_review_rate", "[indicators]") {
  std::string csv = kHeader;
  auto add = [&](const char* id, const char* st, const char* cd, const char* pcr) {
    csv += row({{"case_id", id}, {"status", st}, {"closure_date", cd}, {"post_closure_review_date", pcr}});
  };
  add("H1", "closed", "2026-03-01", "2026-06-01");  // closed 121 days before D; review 92 days after: good
  add("H2", "closed", "2026-03-01", "2026-05-29");  // review 89 days after: too early
  add("H3", "closed", "2026-04-01", "2026-06-30");  // closed exactly 90 days before D; review +90: good
  add("H4", "closed", "2026-04-02", "2026-06-30");  // closed 89 days before D: not yet due, not counted
  add("H5", "closed", "2026-01-10", "");            // due, no review
  add("H6", "open", "2026-01-01", "2026-05-01");    // open: not counted
  // Counted: H1 H2 H3 H5 = 4; good: H1 H3 -> 0.5.
  const auto r = indicators_of("review.csv", csv, kAsOf);
  CHECK(r.counts.at("closure.post_review_rate").numerator == 2);
  CHECK(r.counts.at("closure.post_review_rate").denominator == 4);
  CHECK(value(r, "closure.post_review_rate") == Approx(0.5));
}

TEST_CASE("disability.recorded_rate and the disaggregation", "[indicators]") {
  std::string csv = kHeader;
  csv += row({{"case_id", "P1"}, {"sex", "female"}, {"age", "3"}, {"disability", "yes"}, {"status", "open"}});
  csv += row({{"case_id", "P2"}, {"sex", "F"}, {"age", "5"}, {"disability", "no"}, {"status", "closed"}});
  csv += row({{"case_id", "P3"}, {"sex", "ذكر"}, {"age", "6"}, {"disability", "نعم"}, {"status", "open"}});
  // Born 2014-07-01: 11 on 2026-06-30 (the birthday is tomorrow).
  csv += row({{"case_id", "P4"}, {"sex", "male"}, {"date_of_birth", "2014-07-01"}, {"status", "open"}});
  csv += row({{"case_id", "P5"}, {"sex", "أنثى"}, {"age", "17"}, {"disability", "unknown"}});
  csv += row({{"case_id", "P6"}, {"age", "18"}, {"disability", "maybe"}});
  // Recorded (yes/no): P1 P2 P3 -> 3 / 6 ("unknown" is blank, "maybe" a problem).
  const auto r = indicators_of("disability.csv", csv, kAsOf);
  CHECK(r.counts.at("disability.recorded_rate").numerator == 3);
  CHECK(r.counts.at("disability.recorded_rate").denominator == 6);
  CHECK(value(r, "disability.recorded_rate") == Approx(0.5));
  const auto& d = r.disaggregation;
  // disability index: 0 yes, 1 no, 2 unknown
  CHECK(d.at(Sex::female, AgeGroup::age_0_5, 0).total == 1);  // P1
  CHECK(d.at(Sex::female, AgeGroup::age_0_5, 0).open == 1);
  CHECK(d.at(Sex::female, AgeGroup::age_0_5, 1).total == 1);  // P2
  CHECK(d.at(Sex::female, AgeGroup::age_0_5, 1).open == 0);
  CHECK(d.at(Sex::male, AgeGroup::age_6_11, 0).total == 1);   // P3
  CHECK(d.at(Sex::male, AgeGroup::age_6_11, 2).total == 1);   // P4, age from date of birth
  CHECK(d.at(Sex::female, AgeGroup::age_12_17, 2).total == 1);  // P5
  CHECK(d.at(Sex::unknown, AgeGroup::age_18_plus, 2).total == 1);  // P6
  std::int64_t sum = 0;
  for (const auto& c : d.cells) sum += c.total;
  CHECK(sum == 6);
  const auto j = d.to_json();
  CHECK(j["by_sex"]["female"]["total"] == 3);
  CHECK(j["by_age_group"]["0-5"]["total"] == 2);
  CHECK(j["by_disability"]["yes"]["total"] == 2);
}

TEST_CASE("denominator 0 gives null", "[indicators][null]") {
  // Header only: no cases at all.
  const auto empty = indicators_of("empty.csv", kHeader, kAsOf);
  CHECK(empty.rows == 0);
  CHECK(value(empty, "cases.total") == 0);
  for (const auto& id : indicator_ids())
    if (is_rate(id)) CHECK(is_null(empty, id));
  CHECK(is_null(empty, "caseload.max"));
  CHECK(is_null(empty, "caseload.median"));
  CHECK(is_null(empty, "supervision.max"));
  // Open cases only, no dates: closure rates, timeliness and plan rates have no denominator,
  // while consent, risk and disability (over all cases) do.
  std::string csv = kHeader;
  csv += row({{"case_id", "N1"}, {"status", "open"}, {"consent", "yes"}});
  csv += row({{"case_id", "N2"}, {"status", "open"}});
  const auto r = indicators_of("nulls.csv", csv, kAsOf);
  for (const char* id : {"closure.valid_reason_rate", "closure.approved_rate", "closure.post_review_rate",
                         "assessment.timely_rate", "case_plan.rate", "case_plan.approved_rate",
                         "followup.timely_rate"})
    CHECK(is_null(r, id));
  CHECK(value(r, "consent.rate") == Approx(0.5));
  CHECK(value(r, "risk.recorded_rate") == 0);
  const auto j = r.to_json();
  CHECK(j["indicators"]["closure.approved_rate"].is_null());
  CHECK(j["indicators"]["consent.rate"] == 0.5);
}

TEST_CASE("rows that cannot be read are counted and reported by line and reason", "[indicators][problems]") {
  std::string csv = kHeader;
  csv += row({{"case_id", "Q1"}, {"status", "open"}});  // line 2
  csv += "Q2,too,few,cells\n";                          // line 3: rejected
  csv += row({{"case_id", "Q3"}, {"status", "opn"}});   // line 4: bad value, the row still counts
  csv += row({{"case_id", "Q4"}, {"age", "two"}});      // line 5
  csv += "Q5,\"unclosed,,,\n";                          // line 6: rejected (quote never closed)
  const auto r = indicators_of("problems.csv", csv, kAsOf);
  CHECK(r.rows == 5);
  CHECK(r.rows_rejected == 2);
  CHECK(value(r, "cases.total") == 3);  // Q1 Q3 Q4; the rejected rows count in no indicator
  REQUIRE(r.problems.size() == 4);
  CHECK(r.problems[0].line == 3);
  CHECK(r.problems[0].column.empty());
  CHECK(r.problems[0].reason.find("number of cells") != std::string::npos);
  CHECK(r.problems[1].line == 4);
  CHECK(r.problems[1].column == "status");
  CHECK(r.problems[2].line == 5);
  CHECK(r.problems[2].column == "age");
  CHECK(r.problems[3].line == 6);
  CHECK(r.problems_total == 4);
}

TEST_CASE("messy real-world shape: BOM, CRLF, Arabic values, extra columns, multi-line notes", "[indicators]") {
  // Same cases as a clean file, but as an Arabic Excel user's export would look.
  std::string clean = kHeader;
  clean += row({{"case_id", "M1"}, {"caseworker", "cw1"}, {"sex", "female"}, {"consent", "yes"}, {"status", "open"},
                {"risk_level", "high"}, {"registration_date", "2026-06-01"}, {"last_followup_date", "2026-06-28"}});
  clean += row({{"case_id", "M2"}, {"caseworker", "cw1"}, {"sex", "male"}, {"consent", "no"}, {"status", "closed"},
                {"closure_reason", "needs_met"}, {"closure_approved", "yes"}, {"closure_date", "2026-01-15"}});
  std::string messy =
      "\xEF\xBB\xBF" "child_name,case_id,phone,caseworker,sex,consent,status,risk_level,registration_date,"
      "last_followup_date,closure_reason,closure_approved,closure_date,notes\r\n"
      "\"Huda, Ali\",M1,+963 944 000 111,cw1,أنثى,نعم,مفتوحة,عالي,01/06/2026,28-Jun-2026,,,,\"line 1\r\nline 2\"\r\n"
      "Omar,M2,0933,cw1,ذكر,لا,مغلقة,,,,needs_met,نعم,15/01/2026,\"said \"\"fine\"\"\"\r\n";
  const auto a = indicators_of("clean.csv", clean, kAsOf);
  const auto b = indicators_of("messy.csv", messy, kAsOf);
  CHECK(b.problems_total == 0);
  CHECK(b.rows == 2);
  for (const auto& id : indicator_ids()) {
    INFO(id);
    CHECK(a.indicators.at(id) == b.indicators.at(id));
  }
  CHECK(value(b, "followup.timely_rate") == 1);  // 2 days since the follow-up, high allows 7
  CHECK(value(b, "consent.rate") == 0.5);
}

TEST_CASE("the primero mapping reads Primero's column names and values", "[indicators][mapping]") {
  // CSV export: `id` (UUID) then internal field names, lookup ids as values.
  const std::string csv =
      "id,case_id,case_id_display,owned_by,sex,age,disability_type,registration_date,risk_level,"
      "consent_for_services,assessment_requested_on,date_case_plan,approval_status_case_plan,status,"
      "date_closure,closure_reason,approval_status_closure,name\n"
      "u-1,long-1,c1,cw_amal,female,7,physical_disability,2026-05-01,high,true,2026-05-02,2026-05-10,approved,"
      "open,,,,Sara\n"
      "u-2,long-2,c2,cw_amal,male,12,,2026-01-01,low,false,2026-01-20,,,closed,2026-02-01,death_of_child,"
      "approved,Adam\n"
      "u-3,long-3,c3,cw_omar,male,4,,2026-01-01,medium,true,,,,closed,2026-02-01,other,pending,Zaid\n"
      "u-4,long-4,c4,cw_omar,female,9,,2026-01-01,medium,true,,,,transferred,,,,Lina\n";
  const auto r = indicators_of("primero.csv", csv, kAsOf, CaseMapping::primero());
  CHECK(r.problems_total == 0);                       // transferred is no problem
  CHECK(value(r, "cases.total") == 4);
  CHECK(value(r, "cases.open") == 1);
  CHECK(value(r, "cases.closed") == 2);
  CHECK(value(r, "consent.rate") == Approx(0.75));    // true, false, true, true
  CHECK(value(r, "disability.recorded_rate") == Approx(0.25));  // only a type recorded counts
  CHECK(value(r, "assessment.timely_rate") == Approx(0.5));     // c1 1 day (high, ok); c2 19 days (low, late)
  CHECK(value(r, "case_plan.approved_rate") == 1);
  CHECK(value(r, "closure.valid_reason_rate") == Approx(0.5));  // death_of_child yes, other no
  CHECK(value(r, "closure.approved_rate") == Approx(0.5));      // approved, pending
  CHECK(r.columns.at("case_id") == "case_id");
  CHECK(r.columns.at("caseworker") == "owned_by");
}

TEST_CASE("a custom mapping file: columns, values, date formats", "[indicators][mapping]") {
  const std::string mapping = write_file("agency.json", R"({
    "format": "mizan-case-mapping", "format_version": 1, "name": "agency",
    "columns": {"case_id": "File no.", "status": "File status", "consent": "Consent given",
                "registration_date": "Opened", "risk_level": "Risk", "assessment_date": "Assessed"},
    "values": {"status": {"active": "open", "archived": "closed"}, "consent": {"signed": "yes"}},
    "date_formats": ["MM/DD/YYYY"]
  })");
  const std::string csv =
      "File no.,File status,Consent given,Opened,Risk,Assessed\n"
      "1,active,signed,03/01/2026,high,03/02/2026\n"
      "2,archived,,03/01/2026,high,03/05/2026\n";
  const auto m = CaseMapping::load(mapping);
  const auto r = indicators_of("agency.csv", csv, kAsOf, m);
  CHECK(value(r, "cases.open") == 1);
  CHECK(value(r, "cases.closed") == 1);
  CHECK(value(r, "consent.rate") == 0.5);
  CHECK(value(r, "assessment.timely_rate") == 0.5);  // 1 day ok, 4 days late (high: 1)
  // Mistakes in a mapping file name the place.
  const std::string bad = write_file("bad.json", "{\"columns\": {\"case_idd\": \"x\"}}");
  try {
    CaseMapping::load(bad);
    FAIL("no error");
  } catch (const CaseDataError& e) {
    CHECK(std::string(e.what()).find("bad.json") != std::string::npos);
    CHECK(std::string(e.what()).find("/columns/case_idd") != std::string::npos);
  }
}

TEST_CASE("the example exports: Arabic headers and values give the same figures", "[indicators][examples]") {
  const std::string dir = std::string(MIZAN_SOURCE_DIR) + "/assets/";
  const Date d = *Date::parse_iso("2026-11-30");
  const auto en = compute_indicators(dir + "examples/cases/amal-cases-2026-11.csv", CaseMapping::canonical(), d, Limits{});
  const auto m = CaseMapping::load(dir + "mappings/amal-arabic.json");
  const auto ar = compute_indicators(dir + "examples/cases/amal-cases-2026-11-arabic.csv", m, d, m.apply_to(Limits{}));
  // The guessed mapping finds every Arabic column by itself.
  const auto guess = guess_mapping(read_header(dir + "examples/cases/amal-cases-2026-11-arabic.csv"));
  CHECK(guess.missing.empty());
  const auto gu = compute_indicators(dir + "examples/cases/amal-cases-2026-11-arabic.csv", guess.mapping, d, Limits{});
  CHECK(en.rows == 60);
  CHECK(en.problems_total == 0);
  CHECK(ar.problems_total == 0);
  CHECK(ar.source.bom);
  for (const auto& id : indicator_ids()) {
    INFO(id);
    CHECK(en.indicators.at(id) == ar.indicators.at(id));
    CHECK(en.indicators.at(id) == gu.indicators.at(id));
  }
  CHECK(en.counts == ar.counts);
}
