#pragma once
// Comparing assessments (issue 7): many agencies side by side, and one agency across its
// review periods. A plain data structure that the workbook (export/compare_workbook.hpp),
// the command line (`mizan compare`) and the window's compare view all read.
//
//   auto files = collect_assessment_files({"reviews/"});        // *.mizan.json, recursively
//   CompareResult r = compare_files(files, {/*anonymize*/ true});
//   r.agencies[i].periods.back()   // the agency's latest period: levels, progress, items
//
// Rules (docs/compare.md):
// - Files are taken in sorted path order. Files that cannot be read are left out with their
//   problem (line:col). The rubric compared is the id+version most files use (a tie: the
//   one of the first such file); files on another rubric or version are left out, by name.
// - Agency = agency.code, else agency.name (a file with neither is left out).
// - Duplicates (same agency and period): the file with the latest change wins (the latest
//   of items' changed_at, audit entries' at and the sign-off's at; ISO 8601 UTC compared
//   as text); a tie goes to the last in sorted path order. The other is left out and said
//   aloud in `warnings`.
// - Periods are ordered by the month they end, then the month they start:
//   YYYY (Jan–Dec), YYYY-H1 (Jan–Jun), YYYY-H2 (Jul–Dec), YYYY-Qn, YYYY-MM. Periods of any
//   other shape come after them, in text order.
// - Anonymised: agencies are "A01", "A02"… in the sorted order of SHA-256(salt, agency)
//   where the salt is the SHA-256 of every used file's bytes, so codes are the same for the
//   same set of files but cannot be worked out from a list of agency names. File names
//   become "File 001"…; problem messages lose quoted text; no agency name or code from the
//   files is kept anywhere in the result. Case-data counts from 1 to 4 become "<5".
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/rubric.hpp"
#include "core/scoring.hpp"

namespace mizan {

struct CompareOptions {
  bool anonymize = false;
  std::string rubric_path;     // empty: found by the rubric id+version most files use
  int small_count_limit = 5;   // anonymised: counts 1..limit-1 become "<limit"
};

enum class FileUse { used, duplicate, other_rubric, unreadable, no_agency };
const char* file_use_id(FileUse u);  // "used", "duplicate", "other_rubric", "unreadable", "no_agency"

struct CompareFile {
  std::string path;    // as found (never shown when anonymised)
  std::string label;   // as shown: the path, or "File 007" when anonymised
  FileUse use = FileUse::used;
  Text reason;         // why it was left out (empty when used); uses labels only
  std::string agency;  // the shown agency name ("" when unknown or unreadable)
  std::string period;
  std::string rubric;  // "id version" as the file says
  std::string last_change;      // ISO 8601, the latest change recorded in the file
  std::optional<size_t> winner;  // duplicate: the file used instead (index in files)
  int unknown_items = 0;         // item ids the rubric does not know (kept, not scored)
};

// A case-data figure, possibly suppressed when anonymised.
struct Figure {
  bool present = false;
  bool suppressed = false;  // shown as "<5"
  double value = 0;
};
struct CaseFigure {
  std::string id;  // indicator id, or "rows"
  Figure value, numerator, denominator;
};

// Against the same agency's previous period, per dimension: the level decides; at the
// same level, dimension progress (0..3) does (changes under 0.005 are "unchanged").
enum class Trend { first, improved, unchanged, fell_back };
const char* trend_id(Trend t);  // "first", "improved", "unchanged", "fell_back"

// One used file: one agency in one period.
struct ComparePeriod {
  std::string period;
  size_t file = 0;                       // index in CompareResult::files
  std::vector<Level> dimension_level;    // CompareResult::dimensions order
  std::vector<double> dimension_progress;  // 0..3
  std::vector<Trend> dimension_trend;
  std::vector<Level> section_level;      // CompareResult::sections order
  std::vector<double> section_progress;  // 0..1
  std::vector<ItemStatus> items;         // CompareResult::items order, as scored (na without reason = unanswered)
  Counts counts;
  std::vector<CaseFigure> case_data;     // numbers only, the last import of the file
};

struct CompareAgency {
  std::string name;  // shown name: "name (code)", name or code; "" when anonymised
  std::string code;  // anonymised code ("A01"), or the file's agency code
  std::vector<ComparePeriod> periods;  // ordered by period; back() is the latest
  const ComparePeriod& latest() const { return periods.back(); }
};

struct Distribution {
  std::array<int, kLevelCount> count{};  // agencies at each level
  std::optional<Level> median;           // lower median; none without agencies
};

struct UnmetItem {
  size_t item = 0;          // index in CompareResult::items
  int not_met = 0;          // agencies whose latest period has it not met
  int unanswered = 0;       // … unanswered (counts as not met in scoring)
  int na = 0;               // … not applicable
  int applicable = 0;       // agencies - na
  int not_met_any_period = 0;  // assessments (all periods) with it not met
};

struct CompareResult {
  Rubric rubric;  // the rubric compared
  bool anonymized = false;
  std::vector<const Dimension*> dimensions;  // into rubric, framework order
  std::vector<const Section*> sections;
  std::vector<const Item*> items;
  std::vector<CompareFile> files;         // every file, sorted by path
  std::vector<CompareAgency> agencies;    // by name (by code when anonymised)
  std::vector<Distribution> dimension_distribution;  // latest period per agency
  std::vector<Distribution> section_distribution;
  std::vector<UnmetItem> unmet;  // items not met or unanswered somewhere, most often first
  std::vector<std::string> periods;  // every period seen, in order
  std::vector<std::string> warnings;  // said aloud: duplicates, files left out (labels only)

  size_t used_files() const;
  CompareResult() = default;
  CompareResult(const CompareResult& o) { *this = o; }
  CompareResult& operator=(const CompareResult& o);  // re-points dimensions/sections/items
  CompareResult(CompareResult&&) = default;
  CompareResult& operator=(CompareResult&&) = default;
};

// "Agency A01" / "الجهة A01" when anonymised, else the name.
std::string agency_label(const CompareAgency& a, bool anonymized, Lang lang);

// Sort key of a period (docs above); periods of other shapes get {1, 0, 0}.
struct PeriodKey {
  int unknown = 0;  // 0 known shape, 1 other
  int end = 0;      // year * 12 + last month
  int start = 0;    // year * 12 + first month
  bool operator<(const PeriodKey& o) const;
};
PeriodKey period_key(const std::string& period);
bool period_before(const std::string& a, const std::string& b);

// Every *.mizan.json under the folders (recursively, sorted) and every file named, once.
// Throws InputError naming an input that does not exist or a folder that cannot be read.
std::vector<std::string> collect_assessment_files(const std::vector<std::string>& inputs);

// A file's content, or why it could not be read.
struct CompareSource {
  std::string path;
  std::string text;
  std::string read_error;  // non-empty: the file could not be read
};

// Compare. Throws InputError only when nothing can be compared (no file, rubric not found).
CompareResult compare_files(const std::vector<std::string>& paths, const CompareOptions& options = {});
CompareResult compare_sources(std::vector<CompareSource> sources, const CompareOptions& options = {});
// With the rubric already loaded (tests, the window).
CompareResult compare_sources(std::vector<CompareSource> sources, const Rubric& rubric,
                              const CompareOptions& options = {});

}  // namespace mizan
