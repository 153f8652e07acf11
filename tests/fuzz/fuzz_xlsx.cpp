// Fuzzes the XLSX reader: the zip container (libzip, with the zip-bomb guard) and the XML
// parts it reads with expat (relationships, workbook, styles, shared strings, the sheet).
// Two kinds of input:
//  - bytes starting with "PK": taken as the .xlsx file itself (zip-level damage);
//  - anything else: the XML parts of a workbook separated by lines "====" in this order —
//    _rels/.rels, xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/styles.xml,
//    xl/sharedStrings.xml, xl/worksheets/sheet1.xml — packed into a valid zip here, so the
//    fuzzer mutates the XML and not only the compressed bytes. An empty part is left out.
// Any input must give rows or a CaseDataError naming the file — no crash, no other
// exception, no sanitizer report. Checked: rows have at most Excel's 16384 cells, every
// cell is valid UTF-8 (expat decodes to UTF-8), and the indicators account for every row.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
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
  static mizan::fuzz::ScratchFile f(".xlsx");
  return f;
}

const char* const kParts[] = {"_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                              "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"};

void pack(std::string_view text, const std::string& path) {
  std::vector<std::string> parts;
  const std::string_view sep = "\n====\n";
  while (parts.size() < 6) {
    const auto p = text.find(sep);
    parts.emplace_back(text.substr(0, p));
    if (p == std::string_view::npos) break;
    text.remove_prefix(p + sep.size());
  }
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z) std::abort();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) continue;
    zip_source_t* s = zip_source_buffer(z, parts[i].data(), parts[i].size(), 0);
    if (!s || zip_file_add(z, kParts[i], s, ZIP_FL_OVERWRITE) < 0) std::abort();
  }
  // (An archive with no entry is not written at all: the readers then find no file.)
  if (zip_close(z) != 0) std::abort();
}

void check_error(const CaseDataError& e) {
  if (e.file() != file_name_only(scratch().path()) || e.message().empty()) {
    std::fprintf(stderr, "bad error: file \"%s\" message \"%s\"\n", e.file().c_str(), e.message().c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = scratch().path();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
    scratch().write(data, size);
  } else {
    std::remove(path.c_str());
    pack(text, path);
  }

  try {
    read_xlsx(path, ReadOptions{}, [&](const Row& r) {
      if (r.size > 16384) std::abort();
      for (std::size_t i = 0; i < r.size; ++i)
        if (!is_valid_utf8(r.cells[i])) {
          std::fprintf(stderr, "cell %zu of row %llu is not UTF-8\n", i, (unsigned long long)r.line);
          std::abort();
        }
      return true;
    }, {}, nullptr, nullptr);
  } catch (const CaseDataError& e) {
    check_error(e);
  }

  try {
    const IndicatorReport r = compute_indicators(path, CaseMapping::canonical(), Date::from_ymd(2026, 6, 30), Limits{});
    const auto cases = r.indicators.at("cases.total");
    if (!cases || r.rows != static_cast<std::int64_t>(*cases) + r.rows_rejected + r.rows_without_case_id) std::abort();
    (void)r.to_json().dump();
  } catch (const CaseDataError& e) {
    check_error(e);
  }
  return 0;
}
