// A large CSV file is read in two parts at once (compute_indicators, two_parts_from): the
// figures, problems and line numbers must be exactly those of one pass, whatever falls at
// the middle of the file. Each case compares the two ways on the same file.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "support.hpp"

using namespace casedata_test;

namespace {

const char* const kAsOf = "2026-06-30";
constexpr std::uint64_t kOnePass = std::numeric_limits<std::uint64_t>::max();

// A deterministic mix of everything the counter looks at: open and closed cases, ids
// repeated far apart (duplicates across the middle), caseworkers and supervisors shared by
// both halves, blanks, bad values, bad dates, rows of the wrong width, quoted cells.
std::string cases_csv(int n, std::uint32_t seed) {
  std::uint32_t x = seed;
  auto next = [&](std::uint32_t k) {
    x = x * 1664525u + 1013904223u;
    return (x >> 8) % k;
  };
  auto date = [&](int year) {
    return std::to_string(year) + "-0" + std::to_string(1 + next(9)) + "-1" + std::to_string(next(10));
  };
  const char* risks[] = {"high", "medium", "low", "", "severe"};
  const char* yesno[] = {"yes", "no", "", "Yes ", "maybe"};
  const char* reasons[] = {"needs_met", "death", "relocated", "other", ""};
  std::string csv = kHeader;
  for (int i = 0; i < n; ++i) {
    const std::string id = next(50) == 0 ? "" : "C" + std::to_string(next(3) == 0 ? next(n / 4 + 1) : i);
    const bool open = next(3) != 0;
    std::string line = id + ",cw" + std::to_string(next(40)) + ",sup" + std::to_string(next(7)) + "," +
                       (next(2) ? "female" : "male") + "," + (next(5) ? std::to_string(next(19)) : "x") + ",," +
                       yesno[next(5)] + "," + (next(30) ? date(2025) : "2025-02-30") + "," + risks[next(5)] + "," +
                       yesno[next(5)] + "," + date(2025) + "," + (next(4) ? date(2026) : "") + "," + yesno[next(5)] +
                       "," + (open && next(2) ? date(2026) : "") + "," + (open ? "open" : "closed") + "," +
                       (open ? "" : date(2025)) + "," + (open ? "" : reasons[next(5)]) + "," + yesno[next(5)] + "," +
                       (open || next(2) ? "" : date(2026));
    if (next(40) == 0) line += ",extra";                        // the wrong width
    if (next(60) == 0) line = "\"" + id + "\"" + line.substr(id.size());  // a quoted id
    csv += line + "\n";
    if (next(80) == 0) csv += ",,,,,,,,,,,,,,,,,,\n";           // a blank row
  }
  return csv;
}

void same_both_ways(const std::string& name, const std::string& csv) {
  const std::string p = write_file(name, csv);
  const CaseMapping m = CaseMapping::canonical();
  const Date as_of = *Date::parse_iso(kAsOf);
  const IndicatorReport one = compute_indicators(p, m, as_of, m.apply_to(Limits{}), {}, nullptr, kOnePass);
  const IndicatorReport two = compute_indicators(p, m, as_of, m.apply_to(Limits{}), {}, nullptr, 1);
  CHECK(two.to_json() == one.to_json());
}

}  // namespace

TEST_CASE("two parts at once give the figures of one pass", "[indicators][two-parts]") {
  const std::string csv = cases_csv(6000, 7);
  const auto r = indicators_of("two-parts-plain-check.csv", csv, kAsOf);
  REQUIRE(r.problems_total > 200);  // problems in both halves, more than are listed
  REQUIRE(r.rows_rejected > 0);
  REQUIRE(value(r, "cases.duplicate_ids") > 0);
  for (std::uint32_t seed : {7u, 8u, 9u}) same_both_ways("two-parts-" + std::to_string(seed) + ".csv", cases_csv(6000, seed));
}

TEST_CASE("two parts: a quoted cell with line breaks across the middle", "[indicators][two-parts]") {
  // The first line feed past the middle is inside a quoted cell: the second part would
  // start inside it, so the first part reads on alone.
  std::string head = cases_csv(2000, 11);
  std::string tail = cases_csv(2000, 12).substr(kHeader.size());
  std::string note(4000, 'n');
  for (std::size_t i = 0; i < note.size(); i += 50) note[i] = '\n';
  std::string quoted = "Q1,cw1,sup1,female,3,,no,2025-01-10,high,yes,2025-01-11,,,,open,,,,\"" + note + "\"\n";
  same_both_ways("two-parts-quoted.csv", head + quoted + tail);
  // The same with the quoted cell a little before and after the middle.
  same_both_ways("two-parts-quoted-early.csv", head + quoted + tail + tail.substr(0, 3000));
  same_both_ways("two-parts-quoted-late.csv", head + tail.substr(0, 3000) + quoted + tail);
}

TEST_CASE("two parts: not UTF-8 after the middle, blank lines before the header, tiny files",
          "[indicators][two-parts]") {
  // A Windows-1256 byte in the second half: the file is read again as Windows-1256.
  std::string csv = cases_csv(3000, 21);
  csv.insert(csv.size() - 500, "\xE3\xD1\xCD\xC8\xC7");
  same_both_ways("two-parts-cp1256.csv", csv);
  // The middle before the header: one pass.
  same_both_ways("two-parts-blank-top.csv", std::string(5000, '\n') + cases_csv(50, 22));
  same_both_ways("two-parts-header-only.csv", kHeader);
  same_both_ways("two-parts-one-row.csv", kHeader + "A1,cw1,sup1,,,,,,,,,,,,open,,,,\n");
  same_both_ways("two-parts-no-final-newline.csv", cases_csv(500, 23) + "Z9,cw1,sup1,,,,,,,,,,,,open,,,,");
  // CRLF line ends, BOM.
  std::string crlf;
  for (char c : cases_csv(2000, 24)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  same_both_ways("two-parts-crlf-bom.csv", "\xEF\xBB\xBF" + crlf);
}

TEST_CASE("two parts: progress covers both parts and never goes back", "[indicators][two-parts]") {
  const std::string p = write_file("two-parts-progress.csv", cases_csv(20000, 31));
  const CaseMapping m = CaseMapping::canonical();
  std::vector<double> seen;
  compute_indicators(
      p, m, *Date::parse_iso(kAsOf), m.apply_to(Limits{}), [&](double f) { seen.push_back(f); }, nullptr, 1);
  REQUIRE(!seen.empty());
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i] >= 0.0);
    CHECK(seen[i] <= 1.0);
    if (i > 0) CHECK(seen[i] >= seen[i - 1]);
  }
}
