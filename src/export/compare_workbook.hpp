#pragma once
// The comparison workbook (issue 7): Matrix (agencies × dimensions and sections, cells
// coloured by level as in the assessment workbook), Distribution (agencies per level per
// dimension, the median, a native column chart), Trends (each agency across its periods,
// native line charts), Unmet items (most often not met, with the item text), Case data
// (when any file holds case-data aggregates; small counts suppressed when anonymised) and
// Files (which files were used or left out, and why). Arabic: right-to-left sheets with
// Arabic names and headers. Sheets and columns: docs/compare.md.
#include <string>
#include <vector>

#include "core/compare.hpp"

namespace mizan {

struct CompareWorkbookReport {
  std::vector<std::string> sheets;  // names as written
  size_t charts = 0;
  size_t trend_charts_left_out = 0;  // agencies beyond kMaxTrendCharts (their rows are written)
  size_t truncated_cells = 0;
};

// Line charts drawn on the Trends sheet at most (one per agency with two periods or more).
constexpr size_t kMaxTrendCharts = 200;

// Writes atomically (a temporary file renamed over `out_path`); throws InputError naming
// out_path when it cannot be written. `today` (YYYY-MM-DD) is shown as the export date;
// empty = today.
CompareWorkbookReport export_compare_workbook(const CompareResult& r, const std::string& out_path, Lang lang,
                                              const std::string& today = "");

}  // namespace mizan
