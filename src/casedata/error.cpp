#include "casedata/error.hpp"

namespace mizan::casedata {

namespace {
std::string format_error(const std::string& file, std::uint64_t line, std::uint64_t col, const std::string& column,
                         const std::string& message) {
  std::string s = file;
  if (line > 0) {
    s += ':' + std::to_string(line);
    if (col > 0) s += ':' + std::to_string(col);
  }
  s += ": ";
  if (!column.empty()) s += "column \"" + column + "\": ";
  s += message;
  return s;
}
}  // namespace

CaseDataError::CaseDataError(std::string file, std::uint64_t line, std::uint64_t col, std::string column,
                             std::string message)
    : std::runtime_error(format_error(file, line, col, column, message)),
      file_(std::move(file)),
      line_(line),
      col_(col),
      column_(std::move(column)),
      message_(std::move(message)) {}

std::string file_name_only(const std::string& path) {
  auto p = path.find_last_of("/\\");
  return p == std::string::npos ? path : path.substr(p + 1);
}

}  // namespace mizan::casedata
