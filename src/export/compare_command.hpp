#pragma once
// mizan compare FILE|DIR… -o FILE.xlsx [--anonymize] [--lang ar|en]
#include <iosfwd>
#include <string>
#include <vector>

namespace mizan {

// Compares the assessment files named and found (recursively, *.mizan.json) under the
// folders named, and writes the comparison workbook (export/compare_workbook.hpp) to
// `out_path` atomically. Files left out (unreadable, another rubric or version, no agency,
// duplicate agency and period) are said on `err` with their path and why, and listed on
// the Files sheet. Returns 0 when the workbook was written; 1 when an input does not exist,
// nothing can be compared, the rubric is not found or the workbook cannot be written
// (nothing is left under the output name); 2 for an unknown language or no input.
int compare_command(const std::vector<std::string>& inputs, const std::string& out_path, bool anonymize,
                    const std::string& lang, std::ostream& out, std::ostream& err);

}  // namespace mizan
