// Date formats a case export uses, and invalid dates as row problems.
#include <catch2/catch.hpp>

#include "casedata/date.hpp"
#include "support.hpp"

using namespace casedata_test;

namespace {
std::string iso(const std::optional<Date>& d) { return d ? d->iso() : std::string("none"); }
}  // namespace

TEST_CASE("the default date formats", "[dates]") {
  const DateParser p;
  CHECK(iso(p.parse("2026-03-05")) == "2026-03-05");                // ISO
  CHECK(iso(p.parse("05/03/2026")) == "2026-03-05");                // dd/mm/yyyy
  CHECK(iso(p.parse("5/3/2026")) == "2026-03-05");                  // one-digit day and month
  CHECK(iso(p.parse("05-Mar-2026")) == "2026-03-05");               // dd-Mon-yyyy
  CHECK(iso(p.parse("05-MAR-2026")) == "2026-03-05");
  CHECK(iso(p.parse("5-march-2026")) == "2026-03-05");
  CHECK(iso(p.parse("05 Mar 2026")) == "2026-03-05");
  CHECK(iso(p.parse("05-مارس-2026")) == "2026-03-05");              // Arabic month name
  CHECK(iso(p.parse("05-آذار-2026")) == "2026-03-05");              // Levantine month name
  CHECK(iso(p.parse("٢٠٢٦-٠٣-٠٥")) == "2026-03-05");                // Arabic-Indic digits
  CHECK(iso(p.parse("2026-03-05 10:30")) == "2026-03-05");          // time dropped
  CHECK(iso(p.parse("2026-03-05T10:30:00Z")) == "2026-03-05");
  CHECK(iso(p.parse("05.03.2026")) == "2026-03-05");
  CHECK(iso(p.parse("2026/03/05")) == "2026-03-05");
  // Excel serials written as text: 46086 days after 1899-12-30 is 2026-03-05.
  CHECK(iso(p.parse("46086")) == "2026-03-05");
  CHECK(iso(p.parse("46086.75")) == "2026-03-05");
  CHECK(iso(p.parse("45351")) == "2024-02-29");
}

TEST_CASE("invalid dates are not dates", "[dates]") {
  const DateParser p;
  for (const char* s : {"0000-00-00", "2026-02-30", "2025-02-29", "31/04/2026", "2026-13-01", "2026-00-10",
                        "32/01/2026", "05-Foo-2026", "yesterday", "2026-3-5x", "1850-01-01", "20260305",
                        "12", "05-Marchx-2026"})
    CHECK(iso(p.parse(s)) == "none");
  CHECK(iso(p.parse("2024-02-29")) == "2024-02-29");  // a real leap day
}

TEST_CASE("Excel serial numbers", "[dates]") {
  CHECK(iso(date_from_excel_serial(1)) == "1900-01-01");
  CHECK(iso(date_from_excel_serial(59)) == "1900-02-28");
  CHECK(iso(date_from_excel_serial(60)) == "none");  // Excel's 1900-02-29, which never was
  CHECK(iso(date_from_excel_serial(61)) == "1900-03-01");
  CHECK(iso(date_from_excel_serial(46086)) == "2026-03-05");
  CHECK(iso(date_from_excel_serial(46086, true)) == "2030-03-06");  // 1904 system: +1462 days
  CHECK(iso(date_from_excel_serial(-1)) == "none");
}

TEST_CASE("a mapping's own date formats", "[dates]") {
  const DateParser us({"MM/DD/YYYY"});
  CHECK(iso(us.parse("03/05/2026")) == "2026-03-05");
  CHECK(iso(us.parse("2026-03-05")) == "none");
  CHECK_THROWS_AS(DateParser({"QQ/YYYY"}), std::invalid_argument);
}

TEST_CASE("every date format through the indicators; invalid dates are row problems", "[dates][indicators]") {
  // Six cases registered the same day in different spellings, each assessed the next day
  // (ISO): all six count in assessment.timely_rate (high risk, due in 1 day).
  std::string csv = kHeader;
  const char* regs[] = {"2026-03-05", "05/03/2026", "05-Mar-2026", "46086", "٠٥/٠٣/٢٠٢٦", "5 March 2026"};
  int n = 0;
  for (const char* r : regs)
    csv += "D" + std::to_string(++n) + ",,,,,,," + r + ",high,,2026-03-06,,,,open,,,,\n";
  // Two invalid dates: lines 8 and 9 (header is line 1).
  csv += "D7,,,,,,,0000-00-00,high,,2026-03-06,,,,open,,,,\n";
  csv += "D8,,,,,,,2026-02-30,high,,2026-03-06,,,,open,,,,\n";
  const auto rep = indicators_of("dates.csv", csv, "2026-06-30");
  CHECK(value(rep, "cases.total") == 8);
  CHECK(rep.counts.at("assessment.timely_rate").denominator == 6);  // the invalid ones have no registration date
  CHECK(rep.counts.at("assessment.timely_rate").numerator == 6);
  REQUIRE(rep.problems.size() == 2);
  CHECK(rep.problems[0].line == 8);
  CHECK(rep.problems[1].line == 9);
  CHECK(rep.problems[0].column == "registration_date");
  CHECK(rep.problems[0].reason.find("date") != std::string::npos);
}
