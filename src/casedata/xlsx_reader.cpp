// XLSX through libzip and expat: the workbook, its relationships, the styles (to tell date
// cells from numbers) and the shared strings are read first; the sheet itself is streamed,
// decompressed and parsed a block at a time, one row delivered at a time.
#include <expat.h>
#include <zip.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <sys/stat.h>

#include "casedata/date.hpp"
#include "casedata/error.hpp"
#include "casedata/table.hpp"

namespace mizan::casedata {

namespace {

constexpr std::uint64_t kMaxTotal = 1ull << 30;  // a workbook unpacking to more is refused
constexpr std::uint64_t kMaxRatio = 200;          // compression ratio of a zip bomb
constexpr std::uint64_t kRatioFloor = 1u << 20;   // small entries may compress as they like
constexpr std::size_t kChunk = 1 << 16;

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  const auto p = n.rfind(':');
  return p == std::string_view::npos ? n : n.substr(p + 1);
}

const char* attr(const XML_Char** atts, std::string_view want) {
  for (int i = 0; atts[i]; i += 2)
    if (local_name(atts[i]) == want) return atts[i + 1];
  return nullptr;
}

class Zip {
 public:
  Zip(const std::string& path, const std::string& file) : file_(file) {
    int err = 0;
    z_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (!z_) {
      zip_error_t ze;
      zip_error_init_with_code(&ze, err);
      std::string msg = std::string("not a readable XLSX workbook: ") + zip_error_strerror(&ze);
      zip_error_fini(&ze);
      throw CaseDataError(file_, msg);
    }
    // A refusal below throws from the constructor, where the destructor does not run:
    // the archive is closed here (fuzz_xlsx found the leak of handle and descriptor).
    try {
      refuse_bombs();
    } catch (...) {
      zip_discard(z_);
      z_ = nullptr;
      throw;
    }
  }
  ~Zip() {
    if (z_) zip_discard(z_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

 private:
  // Zip-bomb guard: refuse before inflating anything.
  void refuse_bombs() const {
    const zip_int64_t n = zip_get_num_entries(z_, 0);
    std::uint64_t total = 0;
    for (zip_int64_t i = 0; i < n; ++i) {
      zip_stat_t st;
      zip_stat_init(&st);
      if (zip_stat_index(z_, static_cast<zip_uint64_t>(i), 0, &st) != 0) continue;
      if (!(st.valid & ZIP_STAT_SIZE)) continue;
      total += st.size;
      const bool ratio_bad = (st.valid & ZIP_STAT_COMP_SIZE) && st.size > kRatioFloor &&
                             (st.comp_size == 0 || st.size / st.comp_size > kMaxRatio);
      if (ratio_bad)
        throw CaseDataError(file_, "refused: a part of the workbook is compressed more than 200 times "
                                   "(a zip bomb?)");
      if (total > kMaxTotal) throw CaseDataError(file_, "refused: the workbook would unpack to more than 1 GiB");
    }
  }

 public:

  bool has(const std::string& name) const { return zip_name_locate(z_, name.c_str(), 0) >= 0; }

  std::uint64_t size(const std::string& name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z_, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return 0;
    return st.size;
  }

  // Feeds the entry to `sink` in chunks; `sink` returns false to stop early.
  template <class Sink>
  void stream(const std::string& name, Sink&& sink) {
    zip_file_t* f = zip_fopen(z_, name.c_str(), 0);
    if (!f) throw CaseDataError(file_, "the workbook has no part " + name);
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> guard(f, zip_fclose);
    const std::uint64_t declared = size(name);
    std::uint64_t got = 0;
    std::vector<char> buf(kChunk);
    while (true) {
      const zip_int64_t n = zip_fread(f, buf.data(), buf.size());
      if (n < 0) throw CaseDataError(file_, "the workbook is damaged (cannot unpack " + name + ")");
      if (n == 0) break;
      got += static_cast<std::uint64_t>(n);
      if (got > declared || got > kMaxTotal)
        throw CaseDataError(file_, "refused: " + name + " unpacks to more than it declares");
      if (!sink(buf.data(), static_cast<std::size_t>(n), got, declared)) return;
    }
    sink(nullptr, 0, got, declared);
  }

 private:
  std::string file_;
  zip_t* z_ = nullptr;
};

// A little expat driver: `H` has start(name, atts), end(name), text(s, len).
template <class H>
class Xml {
 public:
  Xml(H& h, std::string file, std::string part) : h_(h), file_(std::move(file)), part_(std::move(part)) {
    p_ = XML_ParserCreate(nullptr);
    XML_SetUserData(p_, this);
    XML_SetElementHandler(p_, &Xml::on_start, &Xml::on_end);
    XML_SetCharacterDataHandler(p_, &Xml::on_text);
    XML_SetStartDoctypeDeclHandler(p_, &Xml::on_doctype);
  }
  ~Xml() { XML_ParserFree(p_); }
  Xml(const Xml&) = delete;
  Xml& operator=(const Xml&) = delete;

  // Returns false once the handler asked to stop. An exception thrown by the handler is
  // carried across expat (C code, no unwinding through it) and thrown again here.
  bool feed(const char* data, std::size_t n, bool last) {
    if (stopped_) return false;
    const auto status = XML_Parse(p_, data, static_cast<int>(n), last ? 1 : 0);
    if (failure_) std::rethrow_exception(failure_);
    if (status == XML_STATUS_ERROR) {
      if (stopped_ && !doctype_) return false;
      const std::string what = doctype_ ? "a document type declaration is not allowed"
                                        : std::string(XML_ErrorString(XML_GetErrorCode(p_)));
      throw CaseDataError(file_, XML_GetCurrentLineNumber(p_), XML_GetCurrentColumnNumber(p_) + 1, {},
                          "damaged workbook part " + part_ + ": " + what);
    }
    return !stopped_;
  }
  void stop() {
    stopped_ = true;
    XML_StopParser(p_, XML_FALSE);
  }

 private:
  template <class F>
  void guarded(F&& f) {
    if (failure_) return;
    try {
      if (!f()) stop();
    } catch (...) {
      failure_ = std::current_exception();
      stop();
    }
  }
  static void XMLCALL on_start(void* ud, const XML_Char* name, const XML_Char** atts) {
    auto* x = static_cast<Xml*>(ud);
    x->guarded([&] { return x->h_.start(local_name(name), atts); });
  }
  static void XMLCALL on_end(void* ud, const XML_Char* name) {
    auto* x = static_cast<Xml*>(ud);
    x->guarded([&] { return x->h_.end(local_name(name)); });
  }
  static void XMLCALL on_text(void* ud, const XML_Char* s, int len) {
    auto* x = static_cast<Xml*>(ud);
    x->guarded([&] {
      x->h_.text(s, static_cast<std::size_t>(len));
      return true;
    });
  }
  static void XMLCALL on_doctype(void* ud, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* x = static_cast<Xml*>(ud);
    x->doctype_ = true;
    x->stop();
  }
  H& h_;
  std::string file_, part_;
  XML_Parser p_;
  bool stopped_ = false, doctype_ = false;
  std::exception_ptr failure_;
};

template <class H>
void parse_part(Zip& zip, const std::string& file, const std::string& part, H& h) {
  Xml<H> xml(h, file, part);
  zip.stream(part, [&](const char* d, std::size_t n, std::uint64_t, std::uint64_t) {
    return xml.feed(d ? d : "", n, d == nullptr);
  });
}

// ---- workbook.xml and relationships -------------------------------------------------

struct Rels {
  std::map<std::string, std::string> target_by_id;
  std::string office_document, shared_strings, styles;
  bool start(std::string_view n, const XML_Char** a) {
    if (n != "Relationship") return true;
    const char* id = attr(a, "Id");
    const char* type = attr(a, "Type");
    const char* target = attr(a, "Target");
    if (!target) return true;
    if (id) target_by_id[id] = target;
    std::string_view t = type ? type : "";
    auto ends = [&](std::string_view s) { return t.size() >= s.size() && t.substr(t.size() - s.size()) == s; };
    if (ends("/officeDocument")) office_document = target;
    if (ends("/sharedStrings")) shared_strings = target;
    if (ends("/styles")) styles = target;
    return true;
  }
  bool end(std::string_view) { return true; }
  void text(const char*, std::size_t) {}
};

struct Workbook {
  struct Sheet {
    std::string name, rel_id;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  bool start(std::string_view n, const XML_Char** a) {
    if (n == "sheet") {
      const char* name = attr(a, "name");
      const char* id = attr(a, "id");  // r:id
      sheets.push_back({name ? name : "", id ? id : ""});
    } else if (n == "workbookPr") {
      const char* v = attr(a, "date1904");
      date1904 = v && (std::strcmp(v, "1") == 0 || std::strcmp(v, "true") == 0);
    }
    return true;
  }
  bool end(std::string_view) { return true; }
  void text(const char*, std::size_t) {}
};

// "worksheets/sheet1.xml" relative to the workbook's folder, or "/xl/…" from the root.
std::string resolve(const std::string& base_dir, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string dir = base_dir;
  std::string t = target;
  while (t.compare(0, 3, "../") == 0) {
    t = t.substr(3);
    if (!dir.empty()) dir.pop_back();
    const auto p = dir.rfind('/');
    dir = p == std::string::npos ? "" : dir.substr(0, p + 1);
  }
  return dir + t;
}

// ---- styles: which cell formats are dates -----------------------------------------

bool format_code_is_date(std::string_view code) {
  bool d = false, y = false, m = false, hs = false;
  bool quoted = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else if (c == '[') {
      const auto e = code.find(']', i);
      if (e == std::string_view::npos) break;
      i = e;
    } else if (c == ';') {
      break;  // the positive-number section decides
    } else {
      const char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      d |= l == 'd';
      y |= l == 'y';
      m |= l == 'm';
      hs |= l == 'h' || l == 's';
    }
  }
  return d || y || (m && !hs);
}

bool builtin_format_is_date(long id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

struct Styles {
  std::map<long, bool> custom_is_date;
  std::vector<bool> xf_is_date;
  int depth_cell_xfs = 0;
  bool start(std::string_view n, const XML_Char** a) {
    if (n == "numFmt") {
      const char* id = attr(a, "numFmtId");
      const char* code = attr(a, "formatCode");
      if (id && code) custom_is_date[std::strtol(id, nullptr, 10)] = format_code_is_date(code);
    } else if (n == "cellXfs") {
      depth_cell_xfs = 1;
    } else if (n == "xf" && depth_cell_xfs) {
      const char* id = attr(a, "numFmtId");
      const long f = id ? std::strtol(id, nullptr, 10) : 0;
      const auto it = custom_is_date.find(f);
      xf_is_date.push_back(it != custom_is_date.end() ? it->second : builtin_format_is_date(f));
    }
    return true;
  }
  bool end(std::string_view n) {
    if (n == "cellXfs") depth_cell_xfs = 0;
    return true;
  }
  void text(const char*, std::size_t) {}
};

// ---- shared strings, packed in one arena ------------------------------------------

struct SharedStrings {
  std::string arena;
  std::vector<std::uint64_t> offsets;  // string i is arena[offsets[i], offsets[i+1])
  bool in_si = false, in_t = false;
  int in_rph = 0;
  bool start_el(std::string_view n) {
    if (n == "si") {
      in_si = true;
      offsets.push_back(arena.size());
    } else if (n == "rPh") {
      ++in_rph;
    } else if (n == "t") {
      in_t = true;
    }
    return true;
  }
  bool start(std::string_view n, const XML_Char**) { return start_el(n); }
  bool end(std::string_view n) {
    if (n == "si") in_si = false;
    if (n == "rPh") --in_rph;
    if (n == "t") in_t = false;
    return true;
  }
  void text(const char* s, std::size_t len) {
    if (in_si && in_t && in_rph == 0) arena.append(s, len);
  }
  std::size_t count() const { return offsets.size(); }
  std::string_view get(std::size_t i) const {
    const std::uint64_t b = offsets[i];
    const std::uint64_t e = i + 1 < offsets.size() ? offsets[i + 1] : arena.size();
    return std::string_view(arena).substr(b, e - b);
  }
};

// ---- the sheet ------------------------------------------------------------------------

constexpr std::size_t kMaxCols = 16384;

struct SheetReader {
  SheetReader(const SharedStrings& s, const Styles& st, bool d1904, const RowCallback& c, std::string f)
      : sst(s), styles(st), date1904(d1904), cb(c), file(std::move(f)) {}
  const SharedStrings& sst;
  const Styles& styles;
  bool date1904;
  const RowCallback& cb;
  std::string file;

  std::vector<std::string> cells;
  std::vector<std::string_view> views;
  std::size_t width = 0;  // cells used in this row
  std::uint64_t row_num = 0;
  bool in_row = false;
  // current cell
  std::size_t col = 0, next_col = 0;
  std::string type;
  long style = -1;
  std::string val;
  bool in_v = false, in_is = false, in_t = false;
  int in_rph = 0;

  static std::size_t column_of(const char* ref) {
    std::size_t c = 0;
    for (const char* p = ref; *p; ++p) {
      if (*p >= 'A' && *p <= 'Z')
        c = c * 26 + static_cast<std::size_t>(*p - 'A' + 1);
      else if (*p >= 'a' && *p <= 'z')
        c = c * 26 + static_cast<std::size_t>(*p - 'a' + 1);
      else
        break;
      if (c > kMaxCols) return kMaxCols + 1;
    }
    return c == 0 ? 0 : c - 1;
  }

  bool start(std::string_view n, const XML_Char** a) {
    if (n == "row") {
      const char* r = attr(a, "r");
      row_num = r ? std::strtoull(r, nullptr, 10) : row_num + 1;
      in_row = true;
      for (std::size_t i = 0; i < width; ++i) cells[i].clear();
      width = 0;
      next_col = 0;
    } else if (n == "c" && in_row) {
      const char* r = attr(a, "r");
      col = r ? column_of(r) : next_col;
      if (col >= kMaxCols)
        throw CaseDataError(file, row_num, 0, {}, "a cell lies beyond Excel's last column");
      next_col = col + 1;
      const char* t = attr(a, "t");
      type = t ? t : "n";
      const char* s = attr(a, "s");
      style = s ? std::strtol(s, nullptr, 10) : -1;
      val.clear();
    } else if (n == "v") {
      in_v = true;
    } else if (n == "is") {
      in_is = true;
    } else if (n == "t" && in_is) {
      in_t = true;
    } else if (n == "rPh") {
      ++in_rph;
    }
    return true;
  }

  void finish_cell() {
    if (col >= cells.size()) cells.resize(col + 1);
    std::string& out = cells[col];
    out.clear();
    if (type == "s" && val.empty()) {
      // <c t="s"/> with no value: an empty cell
    } else if (type == "s") {
      char* e = nullptr;
      const unsigned long long i = std::strtoull(val.c_str(), &e, 10);
      if (e == val.c_str() || i >= sst.count())
        throw CaseDataError(file, row_num, col + 1, {}, "a cell refers to a shared string that does not exist");
      out.assign(sst.get(static_cast<std::size_t>(i)));
    } else if (type == "inlineStr" || type == "str") {
      out = val;
    } else if (type == "b") {
      out = val == "1" ? "TRUE" : (val == "0" ? "FALSE" : val);
    } else if (type == "e") {
      // an Excel error value (#N/A, #REF!): no value
    } else if (type == "d") {
      out = val.size() >= 10 ? val.substr(0, 10) : val;
    } else {  // a number
      const bool is_date = style >= 0 && static_cast<std::size_t>(style) < styles.xf_is_date.size() &&
                           styles.xf_is_date[static_cast<std::size_t>(style)];
      if (is_date && !val.empty()) {
        char* e = nullptr;
        const double v = std::strtod(val.c_str(), &e);
        const auto d = (e && *e == 0) ? date_from_excel_serial(v, date1904) : std::nullopt;
        out = d ? d->iso() : val;
      } else {
        out = val;
      }
    }
    if (!out.empty() && col + 1 > width) width = col + 1;
  }

  bool end(std::string_view n) {
    if (n == "v") {
      in_v = false;
    } else if (n == "is") {
      in_is = false;
    } else if (n == "t") {
      in_t = false;
    } else if (n == "rPh") {
      --in_rph;
    } else if (n == "c" && in_row) {
      finish_cell();
    } else if (n == "row") {
      in_row = false;
      if (views.size() < width) views.resize(width);
      for (std::size_t i = 0; i < width; ++i) views[i] = cells[i];
      Row r;
      r.line = row_num;
      r.cells = views.data();
      r.size = width;
      if (width > 0 && !cb(r)) return false;
    }
    return true;
  }

  void text(const char* s, std::size_t len) {
    if (in_v || (in_is && in_t && in_rph == 0)) val.append(s, len);
  }
};

}  // namespace

void read_xlsx(const std::string& path, const ReadOptions& options, const RowCallback& row,
               const ProgressCallback& progress, const std::atomic<bool>* cancel, TableInfo* info) {
  const std::string file = file_name_only(path);
  Zip zip(path, file);

  Rels root;
  std::string workbook_path = "xl/workbook.xml";
  if (zip.has("_rels/.rels")) {
    parse_part(zip, file, "_rels/.rels", root);
    if (!root.office_document.empty()) workbook_path = resolve("", root.office_document);
  }
  if (!zip.has(workbook_path)) throw CaseDataError(file, "not an XLSX workbook (no workbook part)");
  const auto slash = workbook_path.rfind('/');
  const std::string base = slash == std::string::npos ? "" : workbook_path.substr(0, slash + 1);
  const std::string rels_path = base + "_rels/" + workbook_path.substr(slash + 1) + ".rels";

  Workbook wb;
  parse_part(zip, file, workbook_path, wb);
  Rels rels;
  if (zip.has(rels_path)) parse_part(zip, file, rels_path, rels);
  if (wb.sheets.empty()) throw CaseDataError(file, "the workbook has no sheet");

  const Workbook::Sheet* sheet = &wb.sheets.front();
  if (!options.sheet.empty()) {
    sheet = nullptr;
    for (const auto& s : wb.sheets)
      if (s.name == options.sheet) sheet = &s;
    if (!sheet) {
      std::string names;
      for (const auto& s : wb.sheets) names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
      throw CaseDataError(file, "no sheet named \"" + options.sheet + "\" (the workbook has " + names + ")");
    }
  }
  const auto target = rels.target_by_id.find(sheet->rel_id);
  const std::string sheet_path =
      target != rels.target_by_id.end() ? resolve(base, target->second) : base + "worksheets/sheet1.xml";
  if (!zip.has(sheet_path)) throw CaseDataError(file, "the workbook is damaged (sheet part missing)");

  Styles styles;
  const std::string styles_path = rels.styles.empty() ? base + "styles.xml" : resolve(base, rels.styles);
  if (zip.has(styles_path)) parse_part(zip, file, styles_path, styles);
  SharedStrings sst;
  const std::string sst_path =
      rels.shared_strings.empty() ? base + "sharedStrings.xml" : resolve(base, rels.shared_strings);
  if (zip.has(sst_path)) parse_part(zip, file, sst_path, sst);

  SheetReader reader(sst, styles, wb.date1904, row, file);
  Xml<SheetReader> xml(reader, file, sheet_path);
  zip.stream(sheet_path, [&](const char* d, std::size_t n, std::uint64_t got, std::uint64_t total) {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled();
    const bool more = xml.feed(d ? d : "", n, d == nullptr);
    if (progress && total > 0) progress(static_cast<double>(got) / static_cast<double>(total));
    return more;
  });

  if (info) {
    info->kind = FileKind::xlsx;
    info->encoding = Encoding::utf8;
    info->bom = false;
    info->delimiter = 0;
    info->sheet = sheet->name;
    struct stat st {};
    info->bytes = ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
  }
}

}  // namespace mizan::casedata
