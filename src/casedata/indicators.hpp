#pragma once
// The case-management indicators of CONTRACT.md section 5, computed while the export
// streams past: counters only, never a row, a case id or a name.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casedata/date.hpp"
#include "casedata/fields.hpp"
#include "casedata/limits.hpp"
#include "casedata/mapping.hpp"
#include "casedata/table.hpp"

namespace mizan::casedata {

// Every indicator id, in the contract's order, then ours (cases.duplicate_ids).
const std::vector<std::string>& indicator_ids();
// Rates (fractions 0..1, null when the denominator is 0) as opposed to counts.
bool is_rate(const std::string& id);

struct RateCount {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  friend bool operator==(const RateCount& a, const RateCount& b) {
    return a.numerator == b.numerator && a.denominator == b.denominator;
  }
};

// A row that was read with a problem: where, and why — never what the cell held.
struct RowProblem {
  std::uint64_t line = 0;  // CSV line / XLSX row
  std::string column;      // the mapping's name of the column; empty for the whole row
  std::string reason;
};

struct ProblemCount {
  std::string column;
  std::string reason;
  std::int64_t count = 0;
};

enum class AgeGroup : std::uint8_t { age_0_5, age_6_11, age_12_17, age_18_plus, unknown };
const char* age_group_name(AgeGroup g);  // "0-5", "6-11", "12-17", "18+", "unknown"
AgeGroup age_group_of(int years);        // years < 0: unknown

// Cases by sex × age group × disability (yes, no, unknown): all cases and open cases.
struct Disaggregation {
  struct Cell {
    std::int64_t total = 0;
    std::int64_t open = 0;
  };
  static constexpr std::size_t kSexes = 4, kAgeGroups = 5, kDisability = 3;
  std::array<Cell, kSexes * kAgeGroups * kDisability> cells{};

  Cell& at(Sex s, AgeGroup a, std::size_t disability) {
    return cells[(static_cast<std::size_t>(s) * kAgeGroups + static_cast<std::size_t>(a)) * kDisability + disability];
  }
  const Cell& at(Sex s, AgeGroup a, std::size_t disability) const {
    return cells[(static_cast<std::size_t>(s) * kAgeGroups + static_cast<std::size_t>(a)) * kDisability + disability];
  }
  nlohmann::json to_json() const;
};

struct SourceInfo {
  std::string file;          // name without folders
  std::uint64_t bytes = 0;
  std::string format;        // "csv" or "xlsx"
  std::string encoding;      // CSV: "utf-8", "utf-16le", "utf-16be", "cp1256"
  bool bom = false;
  std::string delimiter;     // CSV: ",", ";", "\t"
  std::string sheet;         // XLSX
  Date as_of;
  std::string mapping;       // the mapping's name
};

struct IndicatorReport {
  std::int64_t rows = 0;                  // data rows (header and blank rows not counted)
  std::int64_t rows_rejected = 0;         // rows that could not be read as rows
  std::int64_t rows_without_case_id = 0;  // read, but no case_id: not a case
  std::int64_t blank_rows = 0;            // rows with every cell blank (skipped)
  std::map<std::string, std::optional<double>> indicators;  // id -> value (nullopt = null)
  std::map<std::string, RateCount> counts;                  // rate id -> numerator/denominator
  Disaggregation disaggregation;
  std::vector<RowProblem> problems;        // the first kListedProblems, in file order
  std::vector<ProblemCount> problem_counts;  // all problems, by column and reason
  std::int64_t problems_total = 0;
  bool duplicate_check_complete = true;    // false past kMaxDuplicateCheck case ids
  std::map<std::string, std::string> columns;  // field -> the mapping's name of its column
  std::vector<std::string> missing_columns;    // fields the file has no column for
  Limits limits;
  SourceInfo source;

  static constexpr std::size_t kListedProblems = 100;
  static constexpr std::size_t kMaxDuplicateCheck = 5000000;

  // {"rows": N, "indicators": {...}} as CONTRACT.md section 4, plus "counts",
  // "disaggregation", "problems", "columns", "limits", "source".
  nlohmann::json to_json() const;
};

// For sharing between agencies: counts 1..threshold-1 become the string "<5" (for 5);
// rates whose denominator is that small become null and are listed under "suppressed";
// row-level problem lines are dropped. Works on IndicatorReport::to_json() output.
nlohmann::json suppress_small(const nlohmann::json& report, int threshold = 5);

// What an assessment keeps of an import (one entry of `case_data.imports`, shape in
// src/core/evidence.hpp and docs/casedata.md): the source (file name without folders,
// format, import time, as-of date, mapping, row count), every indicator as
// {"value", "numerator", "denominator"} (rates) or a number, the limits, the
// disaggregation and the problem counts by column and reason. No line numbers, no cell.
nlohmann::json case_data_import(const IndicatorReport& report, const std::string& imported_at);
// Adds `import` to an assessment's `case_data` (creating or upgrading its shape); an earlier
// import of the same file, as-of date and mapping is replaced. Returns the new case_data.
nlohmann::json add_case_data_import(const nlohmann::json& case_data, const nlohmann::json& import);

// The streaming core: give it the header row, then every row; nothing is kept of a row.
// How a bad value affects a row: the field counts as blank (unknown) for every indicator,
// the row still counts, and the problem is recorded (line, column, reason). A row whose
// cells cannot be lined up with the header (wrong number of cells, broken quoting) is
// rejected as a whole: counted in rows and rows_rejected, and in no indicator.
class IndicatorCounter {
 public:
  // `ragged_rows`: rows may have fewer cells than the header (XLSX leaves out empty cells).
  IndicatorCounter(const CaseMapping& mapping, Date as_of, const Limits& limits, std::string file,
                   bool ragged_rows = false);
  ~IndicatorCounter();
  IndicatorCounter(const IndicatorCounter&) = delete;
  IndicatorCounter& operator=(const IndicatorCounter&) = delete;

  // Header first (throws CaseDataError when no column maps to case_id), then rows.
  // Returns true (keep reading).
  bool add(const Row& row);
  bool has_header() const;
  IndicatorReport finish();
  // A guess at the number of rows to come (before the first): sizes the duplicate check
  // (at most 8 MB on a guess).
  void expect_rows(std::uint64_t rows);

  // For a file read in two parts at once. The counter of the second part is told which
  // counter reads the first (same keyed hashes), and given the header row, before its rows.
  void continue_from(const IndicatorCounter& earlier);
  // Whether this counter can take in `later` exactly (false when, together, they hold more
  // case ids than the duplicate check keeps).
  bool can_absorb(IndicatorCounter& later);
  // Takes in the counts of `later`, whose rows come after this counter's; its line numbers
  // count from line_offset + 1. Both must have read all their rows.
  void absorb(IndicatorCounter& later, std::uint64_t line_offset);

 private:
  struct State;
  State* s_;
};

// Reads the export at `path` (CSV or XLSX, by content) with `mapping` and computes every
// indicator as of `as_of` with `limits` (see CaseMapping::apply_to for a mapping's own
// limits). `progress` gets the fraction of the file read; setting `*cancel` stops the
// work with Cancelled. Throws CaseDataError when the file cannot be used at all.
// UTF-8 CSV files of `two_parts_from` bytes or more are read in two parts at once, on two
// threads when the machine has two cores; the figures are exactly those of one pass.
constexpr std::uint64_t kTwoPartsFromBytes = 8u << 20;
IndicatorReport compute_indicators(const std::string& path, const CaseMapping& mapping, Date as_of,
                                   const Limits& limits, ProgressCallback progress = {},
                                   const std::atomic<bool>* cancel = nullptr,
                                   std::uint64_t two_parts_from = kTwoPartsFromBytes);

}  // namespace mizan::casedata
