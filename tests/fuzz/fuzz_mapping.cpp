// Fuzzes column mappings: the mapping file reader (JSON with comments, every key and value
// checked) and, for inputs that are not a mapping, the header guesser (normal forms of
// English and Arabic header names). Any bytes must give a mapping or a CaseDataError that
// names the file — no crash, no other exception, no sanitizer report. Checked:
//  - a mapping that loads survives its own JSON form: from_json(to_json(m)) writes the
//    same JSON again, and binds a header to the same columns;
//  - it can be used: a small fixed case file is read with it (its date formats, value
//    spellings and limits) and every data row is accounted for;
//  - guess_mapping gives each header column to at most one field, and its mapping binds
//    the header it was guessed from to exactly those columns.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "casedata/error.hpp"
#include "casedata/indicators.hpp"
#include "casedata/mapping.hpp"
#include "fuzz_support.hpp"

using namespace mizan::casedata;

namespace {

mizan::fuzz::ScratchFile& mapping_file() {
  static mizan::fuzz::ScratchFile f(".mapping.json");
  return f;
}
mizan::fuzz::ScratchFile& cases_file() {
  static mizan::fuzz::ScratchFile f(".cases.csv");
  return f;
}

// Canonical names and Primero's, so that most mappings find their columns.
const char kCases[] =
    "case_id,caseworker,supervisor,sex,age,date_of_birth,disability,registration_date,risk_level,consent,"
    "assessment_date,case_plan_date,case_plan_approved,last_followup_date,status,closure_date,closure_reason,"
    "closure_approved,post_closure_review_date,owned_by,date_case_plan,disability_type,short_id\n"
    "C1,w1,s1,male,7,2019-01-02,yes,2026-01-05,high,yes,2026-01-06,2026-01-10,yes,2026-06-01,open,,,,,w1,"
    "2026-01-10,visual,C1\n"
    "C2,w2,s1,F,15,,no,05/02/2026,MEDIUM,نعم,2026-02-20,,,2026-03-01,closed,2026-03-30,needs_met,yes,"
    "2026-06-29,w2,,,C2\n"
    "C3,w1,s2,ذكر,٣,,,2026-02-30,منخفض,لا,0000-00-00,45000,approved,12 Mar 2026,مغلقة,2026-04-01,death,no,,w1,"
    ",,C3\n"
    ",w3,,,,,,,,,,,,,,,,,,,,,\n";

void check_error(const CaseDataError& e, const std::string& file) {
  if (e.file() != file || e.message().empty()) {
    std::fprintf(stderr, "bad error: file \"%s\" message \"%s\"\n", e.file().c_str(), e.message().c_str());
    std::abort();
  }
}

std::vector<std::string_view> views(const std::vector<std::string>& v) {
  return std::vector<std::string_view>(v.begin(), v.end());
}

void check_guess(const std::vector<std::string>& header) {
  MappingGuess g = guess_mapping(header);
  std::set<std::size_t> cols;
  std::set<Field> fields;
  for (const auto& c : g.columns) {
    if (c.column >= header.size() || c.header != header[c.column]) std::abort();
    if (!cols.insert(c.column).second || !fields.insert(c.field).second) {
      std::fprintf(stderr, "guess_mapping gave a column or field twice\n");
      std::abort();
    }
  }
  if (g.columns.size() + g.missing.size() != kFieldCount) std::abort();
  const ColumnBinding b = g.mapping.bind(views(header));
  for (const auto& c : g.columns) {
    if (!b.has(c.field)) {
      std::fprintf(stderr, "the guessed mapping does not find its own column for %s\n", field_name(c.field));
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  cases_file().write(kCases, sizeof kCases - 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = mapping_file().write(data, size);
  const std::string name = file_name_only(path);
  CaseMapping m;
  try {
    m = CaseMapping::load(path);
  } catch (const CaseDataError& e) {
    check_error(e, name);
    // Not a mapping: take the bytes as a header line instead.
    std::vector<std::string> header;
    std::string_view s(reinterpret_cast<const char*>(data), size);
    while (header.size() < 64) {
      const auto p = s.find_first_of(",\n");
      header.emplace_back(s.substr(0, p));
      if (p == std::string_view::npos) break;
      s.remove_prefix(p + 1);
    }
    check_guess(header);
    return 0;
  }

  // The JSON form reads back to the same mapping.
  const nlohmann::json j = m.to_json();
  CaseMapping again;
  try {
    again = CaseMapping::from_json(j, "again.json");
  } catch (const CaseDataError& e) {
    std::fprintf(stderr, "a mapping's own JSON does not read back: %s\n%s\n", e.what(), j.dump(1).c_str());
    std::abort();
  }
  if (again.to_json() != j) {
    std::fprintf(stderr, "to_json -> from_json -> to_json changed:\n%s\n---\n%s\n", j.dump(1).c_str(),
                 again.to_json().dump(1).c_str());
    std::abort();
  }
  if (!(again.apply_to(Limits{}) == m.apply_to(Limits{}))) std::abort();

  // Used on a small export.
  const std::vector<std::string> header = {"case_id", "owned_by", "Sex", "registration_date", "short_id", "status"};
  const ColumnBinding b1 = m.bind(views(header)), b2 = again.bind(views(header));
  for (Field f : all_fields())
    if (b1.columns[index(f)] != b2.columns[index(f)]) std::abort();
  try {
    const IndicatorReport r = compute_indicators(cases_file().path(), m, Date::from_ymd(2026, 6, 30), m.apply_to(Limits{}));
    const auto cases = r.indicators.at("cases.total");
    if (!cases || r.rows != static_cast<std::int64_t>(*cases) + r.rows_rejected + r.rows_without_case_id) std::abort();
    (void)r.to_json().dump();
  } catch (const CaseDataError& e) {
    // A mapping may look for columns the file does not have, or read it as UTF-16.
    check_error(e, file_name_only(cases_file().path()));
  }
  return 0;
}
