#pragma once
// Helpers of the case-data tests: scratch files, rows as strings, the mizan binary.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "casedata/error.hpp"
#include "casedata/indicators.hpp"
#include "casedata/mapping.hpp"
#include "casedata/table.hpp"

namespace casedata_test {

namespace fs = std::filesystem;
using namespace mizan::casedata;

inline fs::path scratch() {
  fs::path d = fs::temp_directory_path() / ("mizan-casedata-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

inline std::string write_file(const std::string& name, const std::string& bytes) {
  const fs::path p = scratch() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

inline std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct ReadRows {
  std::vector<std::vector<std::string>> rows;  // header included
  std::vector<std::uint64_t> lines;
  std::vector<std::string> malformed;  // reason per row ("" when fine)
  TableInfo info;
};

inline ReadRows read_all(const std::string& path, ReadOptions o = {}) {
  ReadRows r;
  auto cb = [&](const Row& row) {
    r.rows.emplace_back();
    for (std::size_t i = 0; i < row.size; ++i) r.rows.back().emplace_back(row.cells[i]);
    r.lines.push_back(row.line);
    r.malformed.emplace_back(row.malformed ? row.malformed : "");
    return true;
  };
  try {
    read_table(path, o, cb, {}, nullptr, &r.info);
  } catch (const NotUtf8AfterAll&) {
    r = ReadRows{};
    o.encoding = Encoding::cp1256;
    read_table(path, o, cb, {}, nullptr, &r.info);
  }
  return r;
}

// Canonical header of CONTRACT.md section 5.
inline const std::string kHeader =
    "case_id,caseworker,supervisor,sex,age,date_of_birth,disability,registration_date,risk_level,consent,"
    "assessment_date,case_plan_date,case_plan_approved,last_followup_date,status,closure_date,closure_reason,"
    "closure_approved,post_closure_review_date\n";

inline IndicatorReport indicators_of(const std::string& name, const std::string& csv, const std::string& as_of,
                                     const CaseMapping& m = CaseMapping::canonical(), Limits lim = Limits{}) {
  const std::string p = write_file(name, csv);
  return compute_indicators(p, m, *Date::parse_iso(as_of), m.apply_to(lim));
}

inline double value(const IndicatorReport& r, const std::string& id) {
  const auto it = r.indicators.find(id);
  if (it == r.indicators.end() || !it->second) return -1.0;  // "null" in these tests
  return *it->second;
}
inline bool is_null(const IndicatorReport& r, const std::string& id) {
  const auto it = r.indicators.find(id);
  return it != r.indicators.end() && !it->second;
}

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q += c;
  }
  return q + "'";
}

inline Run run_command(const std::string& cmd_line) {
  const fs::path d = scratch();
  const std::string cmd = cmd_line + " >" + (d / "out").string() + " 2>" + (d / "err").string();
  const int st = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  r.out = slurp((d / "out").string());
  r.err = slurp((d / "err").string());
  return r;
}

inline Run run_mizan(const std::string& args) { return run_command(std::string(MIZAN_EXE) + " " + args); }

}  // namespace casedata_test
