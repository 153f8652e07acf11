// The readers: CSV encodings and RFC 4180 quoting, XLSX written by libxlsxwriter and
// openpyxl, and that memory does not grow with the number of rows.
#include <xlsxwriter.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "casedata/error.hpp"
#include "support.hpp"

using namespace casedata_test;

namespace {

std::string utf16(const std::u16string& s, bool le, bool bom) {
  std::string out;
  if (bom) out += le ? std::string("\xFF\xFE") : std::string("\xFE\xFF");
  for (char16_t c : s) {
    const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
    out += le ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

const std::vector<std::string> kArabicRow = {"A-1", "أنثى", "نعم"};

long rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

}  // namespace

TEST_CASE("CSV in UTF-8 without BOM, LF line ends", "[csv][encoding]") {
  auto r = read_all(write_file("u8.csv", "case_id,sex,consent\nA-1,أنثى,نعم\n"));
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0] == std::vector<std::string>{"case_id", "sex", "consent"});
  CHECK(r.rows[1] == kArabicRow);
  CHECK(r.info.encoding == Encoding::utf8);
  CHECK_FALSE(r.info.bom);
}

TEST_CASE("CSV in UTF-8 with BOM, CRLF line ends", "[csv][encoding]") {
  auto r = read_all(write_file("u8bom.csv", "\xEF\xBB\xBF" "case_id,sex,consent\r\nA-1,أنثى,نعم\r\n"));
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0][0] == "case_id");  // the BOM is not part of the first header cell
  CHECK(r.rows[1] == kArabicRow);     // and no \r is left at the end of a line
  CHECK(r.info.encoding == Encoding::utf8);
  CHECK(r.info.bom);
  CHECK(r.lines == std::vector<std::uint64_t>{1, 2});
}

TEST_CASE("CSV with a UTF-8 BOM and broken bytes: the bad bytes become '?', the rest is read", "[csv][encoding]") {
  // Found by fuzz_csv: a cell that was not UTF-8 went through, so cells could reach the
  // window and workbooks as invalid UTF-8. \xFF can never be UTF-8; \xD8 opens a
  // two-byte sequence that a comma breaks; "\xE2\x82" is cut short by the end of the line.
  auto r = read_all(write_file("u8bom-bad.csv", "\xEF\xBB\xBF" "case_id,sex,consent\nA-1,\xFF" "x,\xD8,\xE2\x82\n"
                                                "A-2,أنثى,نعم\n"));
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0] == std::vector<std::string>{"case_id", "sex", "consent"});
  CHECK(r.rows[1] == std::vector<std::string>{"A-1", "?x", "?", "??"});
  CHECK(r.rows[2] == std::vector<std::string>{"A-2", "أنثى", "نعم"});
  for (const auto& row : r.rows)
    for (const auto& cell : row) CHECK(is_valid_utf8(cell));
  CHECK(r.info.encoding == Encoding::utf8);
}

TEST_CASE("repairing UTF-8 keeps valid text and carries a sequence across blocks", "[csv][encoding]") {
  Utf8Validator v;
  std::string a = "\xD8\xA3\xD9";  // "أ" and the first byte of "ن"
  std::string b = "\x86\xC0z";      // the rest of "ن", then a byte that is never UTF-8
  CHECK(v.repair(a.data(), a.size()) == 0);
  CHECK(v.repair(b.data(), b.size()) == 1);
  CHECK(a + b == "\xD8\xA3\xD9\x86?z");
  CHECK(v.complete());
}

TEST_CASE("CSV in UTF-16 LE and BE with BOM", "[csv][encoding]") {
  const std::u16string text = u"case_id,sex,consent\r\nA-1,أنثى,نعم\r\n";
  for (bool le : {true, false}) {
    auto r = read_all(write_file(le ? "u16le.csv" : "u16be.csv", utf16(text, le, true)));
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0][0] == "case_id");
    CHECK(r.rows[1] == kArabicRow);
    CHECK(r.info.encoding == (le ? Encoding::utf16le : Encoding::utf16be));
    CHECK(r.info.bom);
  }
}

TEST_CASE("CSV in Windows-1256 (Arabic Excel)", "[csv][encoding]") {
  // أنثى = C3 E4 CB EC, نعم = E4 DA E3 in code page 1256.
  const std::string bytes = "case_id,sex,consent\r\nA-1,\xC3\xE4\xCB\xEC,\xE4\xDA\xE3\r\n";
  auto r = read_all(write_file("cp1256.csv", bytes));
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[1] == kArabicRow);
  CHECK(r.info.encoding == Encoding::cp1256);
}

TEST_CASE("Windows-1256 detected even when the Arabic starts after the first megabyte", "[csv][encoding]") {
  std::string bytes = "case_id,sex,consent\n";
  while (bytes.size() < (1u << 20) + 5000) bytes += "B-22,male,yes\n";
  bytes += "A-1,\xC3\xE4\xCB\xEC,\xE4\xDA\xE3\n";
  auto r = read_all(write_file("cp1256-late.csv", bytes));
  REQUIRE(r.rows.size() >= 3);
  CHECK(r.rows.back() == kArabicRow);
  CHECK(r.info.encoding == Encoding::cp1256);
  // And through the indicators: the Arabic values are understood after the restart.
  const auto rep = compute_indicators(write_file("cp1256-late2.csv", bytes), CaseMapping::canonical(),
                                      *Date::parse_iso("2026-06-30"), Limits{});
  CHECK(rep.source.encoding == "cp1256");
  CHECK(rep.counts.at("consent.rate").numerator == rep.counts.at("consent.rate").denominator);
}

TEST_CASE("RFC 4180 quoting: commas, doubled quotes, line breaks", "[csv][quoting]") {
  const std::string csv =
      "case_id,note,sex\r\n"
      "A-1,\"Smith, John\",male\r\n"          // comma inside quotes
      "A-2,\"he said \"\"no\"\"\",female\r\n"  // doubled quotes
      "A-3,\"line one\r\nline two\nline three\",male\r\n"  // CRLF and LF inside quotes
      "A-4,\"\",female\r\n"                   // empty quoted field
      "\"A-5\",plain,\"male\"\r\n"            // every field quoted
      "A-6,last,female";                      // no line end at the end of the file
  auto r = read_all(write_file("quoting.csv", csv));
  REQUIRE(r.rows.size() == 7);
  CHECK(r.rows[1] == std::vector<std::string>{"A-1", "Smith, John", "male"});
  CHECK(r.rows[2] == std::vector<std::string>{"A-2", "he said \"no\"", "female"});
  CHECK(r.rows[3] == std::vector<std::string>{"A-3", "line one\r\nline two\nline three", "male"});
  CHECK(r.rows[4] == std::vector<std::string>{"A-4", "", "female"});
  CHECK(r.rows[5] == std::vector<std::string>{"A-5", "plain", "male"});
  CHECK(r.rows[6] == std::vector<std::string>{"A-6", "last", "female"});
  // Line numbers are physical lines where the record starts: A-3 spans lines 4-6.
  CHECK(r.lines == std::vector<std::uint64_t>{1, 2, 3, 4, 7, 8, 9});
  for (const auto& m : r.malformed) CHECK(m.empty());
}

TEST_CASE("quoted fields across the reader's block boundaries", "[csv][quoting]") {
  std::string csv = "case_id,note,sex\n";
  const int n = 40000;  // about 2.4 MB: several 1 MB blocks
  for (int i = 0; i < n; ++i)
    csv += "C" + std::to_string(i) + ",\"a, \"\"b\"\"\nsecond line of the note\",female\n";
  auto r = read_all(write_file("blocks.csv", csv));
  REQUIRE(r.rows.size() == static_cast<std::size_t>(n) + 1);
  bool all_ok = true;
  for (std::size_t i = 1; i < r.rows.size(); ++i)
    all_ok = all_ok && r.rows[i].size() == 3 && r.rows[i][1] == "a, \"b\"\nsecond line of the note" &&
             r.rows[i][2] == "female" && r.lines[i] == 2 * i;
  CHECK(all_ok);
  CHECK(r.rows.back()[0] == "C" + std::to_string(n - 1));
}

TEST_CASE("semicolon and tab delimiters are detected; blank lines are skipped", "[csv]") {
  auto semi = read_all(write_file("semi.csv", "case_id;sex;note\nA-1;male;\"x;y\"\n\nA-2;female;z\n"));
  REQUIRE(semi.rows.size() == 3);
  CHECK(semi.info.delimiter == ';');
  CHECK(semi.rows[1] == std::vector<std::string>{"A-1", "male", "x;y"});
  CHECK(semi.lines[2] == 4);
  auto tab = read_all(write_file("tab.csv", "case_id\tsex\nA-1\tmale\n"));
  REQUIRE(tab.rows.size() == 2);
  CHECK(tab.info.delimiter == '\t');
  CHECK(tab.rows[1] == std::vector<std::string>{"A-1", "male"});
}

TEST_CASE("a quote never closed makes a malformed row, not a crash", "[csv][quoting]") {
  auto r = read_all(write_file("unclosed.csv", "case_id,note\nA-1,ok\nA-2,\"never closed\nA-3,lost\n"));
  REQUIRE(r.rows.size() == 3);
  CHECK(r.malformed[1].empty());
  CHECK_FALSE(r.malformed[2].empty());
  CHECK(r.lines[2] == 3);
}

TEST_CASE("old .xls files and missing files are clear errors", "[csv][xlsx]") {
  const std::string xls = write_file("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest");
  try {
    read_all(xls);
    FAIL("no error");
  } catch (const CaseDataError& e) {
    CHECK(std::string(e.what()).find("old.xls") != std::string::npos);
    CHECK(std::string(e.what()).find(".xlsx") != std::string::npos);
  }
  CHECK_THROWS_AS(read_all((scratch() / "no-such.csv").string()), CaseDataError);
  CHECK_THROWS_AS(read_all(write_file("broken.xlsx", "PK\x03\x04 not really a zip")), CaseDataError);
}

TEST_CASE("XLSX written by libxlsxwriter: shared strings, numbers, dates, the named sheet", "[xlsx]") {
  const std::string path = (scratch() / "lxw.xlsx").string();
  {
    lxw_workbook* wb = workbook_new(path.c_str());
    REQUIRE(wb);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Cases");
    const char* head[] = {"case_id", "sex", "age", "registration_date", "consent"};
    for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), head[c], nullptr);
    worksheet_write_string(ws, 1, 0, "A-1", nullptr);
    worksheet_write_string(ws, 1, 1, "أنثى", nullptr);
    worksheet_write_number(ws, 1, 2, 7, nullptr);
    lxw_datetime d1 = {2026, 3, 5, 0, 0, 0};
    worksheet_write_datetime(ws, 1, 3, &d1, date);
    worksheet_write_string(ws, 1, 4, "نعم", nullptr);
    // Row 3 leaves sex and consent empty (XLSX omits empty cells).
    worksheet_write_string(ws, 2, 0, "A-2", nullptr);
    worksheet_write_number(ws, 2, 2, 12.5, nullptr);
    lxw_datetime d2 = {2024, 2, 29, 0, 0, 0};
    worksheet_write_datetime(ws, 2, 3, &d2, date);
    lxw_worksheet* other = workbook_add_worksheet(wb, "Staff");
    worksheet_write_string(other, 0, 0, "caseworker", nullptr);
    worksheet_write_string(other, 1, 0, "cw-9", nullptr);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  }
  auto r = read_all(path);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.info.kind == FileKind::xlsx);
  CHECK(r.info.sheet == "Cases");
  CHECK(r.rows[0] == std::vector<std::string>{"case_id", "sex", "age", "registration_date", "consent"});
  CHECK(r.rows[1] == std::vector<std::string>{"A-1", "أنثى", "7", "2026-03-05", "نعم"});
  REQUIRE(r.rows[2].size() >= 4);
  CHECK(r.rows[2][0] == "A-2");
  CHECK(r.rows[2][1].empty());
  CHECK(r.rows[2][2] == "12.5");
  CHECK(r.rows[2][3] == "2024-02-29");
  CHECK(r.lines == std::vector<std::uint64_t>{1, 2, 3});

  ReadOptions o;
  o.sheet = "Staff";
  auto staff = read_all(path, o);
  REQUIRE(staff.rows.size() == 2);
  CHECK(staff.rows[1][0] == "cw-9");
  o.sheet = "Nope";
  try {
    read_all(path, o);
    FAIL("no error");
  } catch (const CaseDataError& e) {
    CHECK(std::string(e.what()).find("Cases") != std::string::npos);  // names the sheets there are
  }
}

TEST_CASE("XLSX with inline strings (libxlsxwriter constant-memory mode)", "[xlsx]") {
  const std::string path = (scratch() / "inline.xlsx").string();
  {
    lxw_workbook_options opt = {};
    opt.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &opt);
    REQUIRE(wb);
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, "case_id", nullptr);
    worksheet_write_string(ws, 0, 1, "status", nullptr);
    worksheet_write_string(ws, 1, 0, "A-1", nullptr);
    worksheet_write_string(ws, 1, 1, "مفتوحة", nullptr);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  }
  // Check that the file really uses inline strings, then read it.
  const auto listing = run_command("unzip -p " + shell_quote(path) + " xl/worksheets/sheet1.xml");
  if (listing.code == 0) CHECK(listing.out.find("inlineStr") != std::string::npos);
  auto r = read_all(path);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[1] == std::vector<std::string>{"A-1", "مفتوحة"});
}

TEST_CASE("XLSX written by openpyxl: dates, numbers, Arabic", "[xlsx]") {
  const std::string path = (scratch() / "openpyxl.xlsx").string();
  const std::string script = write_file("make_xlsx.py",
                                        "import sys, datetime\n"
                                        "from openpyxl import Workbook\n"
                                        "wb = Workbook()\n"
                                        "ws = wb.active\n"
                                        "ws.title = 'Export'\n"
                                        "ws.append(['case_id', 'sex', 'age', 'registration_date', 'consent'])\n"
                                        "ws.append(['A-1', 'ذكر', 4, datetime.date(2026, 3, 5), 'لا'])\n"
                                        "ws.append(['A-2', 'female', 15, datetime.datetime(2025, 12, 31, 16, 45), 'yes'])\n"
                                        "wb.create_sheet('Other').append(['x'])\n"
                                        "wb.save(sys.argv[1])\n");
  const auto made = run_command(std::string(MIZAN_PYTHON) + " " + shell_quote(script) + " " + shell_quote(path));
  REQUIRE(made.code == 0);
  auto r = read_all(path);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.info.sheet == "Export");
  CHECK(r.rows[1] == std::vector<std::string>{"A-1", "ذكر", "4", "2026-03-05", "لا"});
  CHECK(r.rows[2] == std::vector<std::string>{"A-2", "female", "15", "2025-12-31", "yes"});
}

TEST_CASE("memory does not grow with the number of rows", "[csv][memory]") {
  // 400,000 rows (~30 MB) read twice as many rows as 200,000: resident memory after the
  // larger read must not have grown by anything like the file's size.
  auto make = [](const std::string& name, int n) {
    std::string path = (scratch() / name).string();
    std::ofstream out(path, std::ios::binary);
    out << "case_id,caseworker,supervisor,sex,age,status,note\n";
    for (int i = 0; i < n; ++i)
      out << "CP-" << i << ",cw" << (i % 97) << ",sup" << (i % 13) << ",female," << (i % 18)
          << ",open,\"free text, long enough to matter\"\n";
    return path;
  };
  const std::string small = make("mem-small.csv", 200000), big = make("mem-big.csv", 400000);
  auto count = [](const std::string& p) {
    std::uint64_t n = 0;
    read_table(p, {}, [&](const Row&) {
      ++n;
      return true;
    });
    return n;
  };
  CHECK(count(small) == 200001);
  const long before = rss_kb();
  CHECK(count(big) == 400001);
  const long after = rss_kb();
  // The big file is ~30 MB; the reader's buffers are a few MB at most.
  CHECK(after - before < 8 * 1024);
}
