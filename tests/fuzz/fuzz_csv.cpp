// Fuzzes the CSV reader (encodings, BOMs, delimiters, RFC 4180 quoting, the SSE2 fast path
// and the careful path) and the indicators computed from what it reads. The first byte
// chooses the encoding and the delimiter; the rest is the file.
// Any bytes must give rows or a CaseDataError (naming the file, never quoting a cell) —
// no crash, no other exception, no sanitizer report. What is checked on every input:
//  - rows come in order of their line numbers, each within the file's line count;
//  - every cell is valid UTF-8 (the reader decodes whatever the encoding to UTF-8), except
//    when the caller insists on UTF-8 (a mapping's "encoding": "utf-8"): then cells are the
//    file's bytes as they are (they are only compared, never shown);
//  - the header read_header() returns is the first non-blank row read_table() delivers;
//  - the indicators account for every data row: rows = cases + rejected + without case_id.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "casedata/encoding.hpp"
#include "casedata/error.hpp"
#include "casedata/indicators.hpp"
#include "casedata/mapping.hpp"
#include "casedata/table.hpp"
#include "fuzz_support.hpp"

using namespace mizan::casedata;

namespace {

mizan::fuzz::ScratchFile& scratch() {
  static mizan::fuzz::ScratchFile f(".csv");
  return f;
}

void check_error(const CaseDataError& e) {
  if (e.file() != file_name_only(scratch().path())) {
    std::fprintf(stderr, "error names %s, not the file\n", e.file().c_str());
    std::abort();
  }
  if (e.message().empty()) std::abort();
}

// Reads the whole file; returns false when the reader refused it (CaseDataError).
bool read_all(const std::string& path, ReadOptions o, std::vector<std::vector<std::string>>* first_rows,
              std::uint64_t* rows) {
  std::uint64_t last_line = 0;
  auto cb = [&](const Row& r) {
    if (r.line < last_line || r.line == 0) {
      std::fprintf(stderr, "row line %llu after %llu\n", (unsigned long long)r.line, (unsigned long long)last_line);
      std::abort();
    }
    last_line = r.line;
    ++*rows;
    for (std::size_t i = 0; i < r.size && o.encoding != Encoding::utf8; ++i)
      if (!is_valid_utf8(r.cells[i])) {
        std::fprintf(stderr, "cell %zu of line %llu is not UTF-8\n", i, (unsigned long long)r.line);
        std::abort();
      }
    if (first_rows && first_rows->size() < 4 && !r.malformed)
      first_rows->emplace_back(r.cells, r.cells + r.size);
    return true;
  };
  try {
    try {
      read_table(path, o, cb);
    } catch (const NotUtf8AfterAll&) {
      if (o.encoding != Encoding::auto_detect) std::abort();  // only auto mode starts over
      o.encoding = Encoding::cp1256;
      last_line = 0;
      *rows = 0;
      if (first_rows) first_rows->clear();
      read_table(path, o, cb);
    }
  } catch (const CaseDataError& e) {
    check_error(e);
    return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const Encoding encodings[] = {Encoding::auto_detect, Encoding::auto_detect, Encoding::utf8,
                                       Encoding::utf16le,     Encoding::utf16be,     Encoding::cp1256};
  static const char delimiters[] = {0, 0, ',', ';', '\t', '|'};
  ReadOptions o;
  o.encoding = encodings[data[0] % 6];
  o.delimiter = delimiters[(data[0] / 6) % 6];
  const std::string& path = scratch().write(data + 1, size - 1);

  std::vector<std::vector<std::string>> first;
  std::uint64_t rows = 0;
  const bool ok = read_all(path, o, &first, &rows);

  if (ok) {
    // read_header: the first row that is not blank.
    std::vector<std::string> header;
    try {
      header = read_header(path, o);
    } catch (const CaseDataError& e) {
      std::fprintf(stderr, "read_table read the file but read_header refused it: %s\n", e.what());
      std::abort();
    } catch (const NotUtf8AfterAll&) {
      std::abort();  // read_header starts over itself
    }
    if (!header.empty()) {
      bool found = false;
      for (const auto& r : first) found |= r == header;
      if (!found && first.size() < 4) {
        std::fprintf(stderr, "read_header gave a row read_table never delivered\n");
        std::abort();
      }
    }
  }

  // The indicators, with the canonical mapping and with one guessed from the header.
  CaseMapping m = CaseMapping::canonical();
  m.read_options() = o;
  try {
    const IndicatorReport r = compute_indicators(path, m, Date::from_ymd(2026, 6, 30), Limits{});
    const auto cases = r.indicators.at("cases.total");
    if (!cases || r.rows != static_cast<std::int64_t>(*cases) + r.rows_rejected + r.rows_without_case_id) {
      std::fprintf(stderr, "rows %lld != cases + rejected %lld + without id %lld\n", (long long)r.rows,
                   (long long)r.rows_rejected, (long long)r.rows_without_case_id);
      std::abort();
    }
    if (r.problems.size() > IndicatorReport::kListedProblems) std::abort();
    (void)suppress_small(r.to_json()).dump();
  } catch (const CaseDataError& e) {
    check_error(e);
  }
  return 0;
}
