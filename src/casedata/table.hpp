#pragma once
// Rows of a case export, whatever the file: the readers call back once per row and keep
// nothing of a row after the call returns.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "casedata/encoding.hpp"

namespace mizan::casedata {

// One row, valid only during the callback. The first row a reader delivers is the header.
struct Row {
  std::uint64_t line = 0;            // CSV: physical line where the record starts; XLSX: row number
  const std::string_view* cells = nullptr;
  std::size_t size = 0;
  const char* malformed = nullptr;   // set when the record could not be read as a row (reason)
  std::string_view operator[](std::size_t i) const { return i < size ? cells[i] : std::string_view(); }
};

// Return false to stop reading.
using RowCallback = std::function<bool(const Row&)>;
// Fraction of the file read, 0..1 (called every block, about every megabyte).
using ProgressCallback = std::function<void(double fraction)>;

struct ReadOptions {
  Encoding encoding = Encoding::auto_detect;  // CSV only
  char delimiter = 0;                         // CSV: 0 = detect from the header (, ; tab)
  std::string sheet;                          // XLSX: empty = the first sheet
};

enum class FileKind { csv, xlsx, xls, unknown };

// What the reader found out about the file (for the report; no content).
struct TableInfo {
  FileKind kind = FileKind::csv;
  Encoding encoding = Encoding::utf8;
  bool bom = false;
  char delimiter = ',';
  std::string sheet;
  std::uint64_t bytes = 0;
};

// By content: a zip (PK\3\4) is XLSX, an OLE2 compound file is old XLS, the rest is CSV.
FileKind detect_file_kind(const std::string& path);

// Streams `path` (CSV or XLSX) row by row. Throws CaseDataError for a file that cannot be
// read, Cancelled when `*cancel` becomes true, and NotUtf8AfterAll (CSV in auto mode, see
// encoding.hpp) when the caller has to start over with Encoding::cp1256.
void read_table(const std::string& path, const ReadOptions& options, const RowCallback& row,
                const ProgressCallback& progress = {}, const std::atomic<bool>* cancel = nullptr,
                TableInfo* info = nullptr);

// The header: the first row that is not blank (empty when the file has none).
std::vector<std::string> read_header(const std::string& path, const ReadOptions& options = {});

// One part of a CSV file, for reading a large file in two parts at once (see
// compute_indicators). The second part starts at `begin`, just after a line feed, in a
// file known to be UTF-8 (`validate_utf8`: still check it), with the first part's
// delimiter. The first part (begin 0) reads the file as read_csv does, and at byte `end`
// calls `stop_at_end` once: whether the records end exactly there (no record runs across
// it), and the line number the next record would have. Returning true (only heeded when
// the records end there) stops; false reads on to the end. `end` applies to UTF-8 only.
struct CsvPart {
  static constexpr std::uint64_t kToTheEnd = ~std::uint64_t(0);
  std::uint64_t begin = 0;
  std::uint64_t end = kToTheEnd;
  char delimiter = ',';
  bool validate_utf8 = false;
  std::function<bool(bool at_record_end, std::uint64_t next_line)> stop_at_end;
};
void read_csv_part(const std::string& path, const ReadOptions& options, const CsvPart& part, const RowCallback& row,
                   const ProgressCallback& progress, const std::atomic<bool>* cancel, TableInfo* info);

// Separate entry points (read_table dispatches to them).
void read_csv(const std::string& path, const ReadOptions& options, const RowCallback& row,
              const ProgressCallback& progress, const std::atomic<bool>* cancel, TableInfo* info);
void read_xlsx(const std::string& path, const ReadOptions& options, const RowCallback& row,
               const ProgressCallback& progress, const std::atomic<bool>* cancel, TableInfo* info);

}  // namespace mizan::casedata
