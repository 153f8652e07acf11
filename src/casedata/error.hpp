#pragma once
// Errors of the case-data layer. A message names the file and the place (line, column) and
// never quotes a cell: exports carry children's names and ids, and messages end up in
// dialogs, terminals and logs.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace mizan::casedata {

// The input cannot be used at all (unreadable file, no case_id column, broken mapping…).
class CaseDataError : public std::runtime_error {
 public:
  // `line`: 1-based line (CSV, JSON) or row (XLSX), 0 when unknown. `col`: 1-based column
  // number, 0 when unknown. `column`: a column name the mapping knows, or empty.
  CaseDataError(std::string file, std::uint64_t line, std::uint64_t col, std::string column,
                std::string message);
  CaseDataError(std::string file, std::string message) : CaseDataError(std::move(file), 0, 0, {}, std::move(message)) {}

  const std::string& file() const { return file_; }
  std::uint64_t line() const { return line_; }
  std::uint64_t col() const { return col_; }
  const std::string& column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  std::uint64_t line_;
  std::uint64_t col_;
  std::string column_;
  std::string message_;
};

// Thrown when the caller's cancel flag was set; nothing of the partial result survives.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

// "dir/a/cases.csv" -> "cases.csv"
std::string file_name_only(const std::string& path);

}  // namespace mizan::casedata
