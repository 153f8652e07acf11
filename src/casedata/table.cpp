#include <cstdio>
#include <cstring>

#include "casedata/error.hpp"
#include "casedata/table.hpp"

namespace mizan::casedata {

FileKind detect_file_kind(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return FileKind::unknown;
  unsigned char b[8] = {0};
  const std::size_t n = std::fread(b, 1, sizeof b, f);
  std::fclose(f);
  if (n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) return FileKind::xlsx;
  if (n >= 8 && std::memcmp(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) return FileKind::xls;
  return FileKind::csv;
}

void read_table(const std::string& path, const ReadOptions& options, const RowCallback& row,
                const ProgressCallback& progress, const std::atomic<bool>* cancel, TableInfo* info) {
  switch (detect_file_kind(path)) {
    case FileKind::xlsx:
      read_xlsx(path, options, row, progress, cancel, info);
      break;
    case FileKind::xls:
      throw CaseDataError(file_name_only(path),
                          "old Excel .xls format: save it as .xlsx or CSV (UTF-8) and import that");
    case FileKind::unknown:
    case FileKind::csv:
      read_csv(path, options, row, progress, cancel, info);
      break;
  }
}

std::vector<std::string> read_header(const std::string& path, const ReadOptions& options) {
  std::vector<std::string> header;
  auto grab = [&](const Row& r) {
    if (r.malformed) return true;
    bool blank = true;
    for (std::size_t i = 0; i < r.size && blank; ++i)
      for (char c : r.cells[i])
        if (c != ' ' && c != '\t' && c != '\r') {
          blank = false;
          break;
        }
    if (blank) return true;
    header.assign(r.cells, r.cells + r.size);
    return false;
  };
  try {
    read_table(path, options, grab);
  } catch (const NotUtf8AfterAll&) {
    ReadOptions o = options;
    o.encoding = Encoding::cp1256;
    header.clear();
    read_table(path, o, grab);
  }
  return header;
}

}  // namespace mizan::casedata
