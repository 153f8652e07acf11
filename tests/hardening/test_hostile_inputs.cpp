// Hostile inputs through the mizan binary: every one must end with exit 1 and a clear
// message on stderr that names the file (never a crash, a hang, an uncaught exception or a
// sanitizer report), and must leave every file of the folder as it was (no half-written
// output, no .tmp, no .bak).
//
// Tagged [slow]: the 2 GB variants (ctest -L slow). The default run keeps each case small
// enough for a sanitizer build.
#include <zip.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>

#include "support.hpp"

using namespace mizan::hardening;

namespace {

const std::string kExe = MIZAN_EXE;

RunResult run_mizan(const std::string& args, const ScratchDir& dir) {
  return run("cd " + quote(dir.path().string()) + " && " + quote(kExe) + " " + args, dir.path());
}

// What a crash, an uncaught exception or a sanitizer leaves on stderr.
bool looks_like_a_crash(const RunResult& r) {
  for (const char* s : {"terminate called", "what():", "Sanitizer", "runtime error:", "Aborted", "Segmentation",
                        "core dumped", "std::", "nlohmann", "[json.exception"})
    if (r.err.find(s) != std::string::npos) return true;
  return r.signaled;
}

// Exit 1, a message naming `file` (its name, with or without folders), nothing else changed.
void expect_refused(const std::string& args, const ScratchDir& dir, const std::string& file,
                    const std::string& say = "", double max_seconds = 60) {
  auto before = snapshot(dir.path());
  RunResult r = run_mizan(args, dir);
  INFO("mizan " << args << "\nexit " << r.code << " in " << r.seconds << " s\nstderr: " << r.err.substr(0, 2000)
                << "\nstdout: " << r.out.substr(0, 500));
  CHECK_FALSE(looks_like_a_crash(r));
  CHECK(r.code == 1);
  CHECK(r.err.find(file) != std::string::npos);
  if (!say.empty()) CHECK(r.err.find(say) != std::string::npos);
  CHECK(r.seconds < max_seconds);
  CHECK(snapshot(dir.path()) == before);
}

// Every command that reads an assessment (and those that would write one) refuses `file`.
void every_assessment_command_refuses(const ScratchDir& dir, const std::string& file, const std::string& say = "") {
  const std::string f = quote(file);
  for (const std::string& args :
       {"validate " + f, "score " + f, "score --json " + f, "explain " + f, "changes " + f, "export " + f + " -o out.xlsx",
        "new-review " + f + " -o next.mizan.json", "sign " + f + " --name 'Omar Khatib' --date 2026-11-30",
        "sign " + f + " --reopen --reason test", "merge " + f + " " + f + " --lead Rania -o merged.mizan.json"})
    expect_refused(args, dir, file, say);
}

std::string junk(unsigned seed, size_t n) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng());
  return s;
}

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// A file of `bytes` bytes on one line ("case_id" then x's), written in pieces.
void write_long_line(const fs::path& p, std::uint64_t bytes) {
  std::ofstream out(p, std::ios::binary);
  std::string block(1 << 20, 'x');
  out << "case_id,";
  for (std::uint64_t done = 8; done < bytes; done += block.size())
    out.write(block.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(block.size(), bytes - done)));
}

// A zip from (name, bytes) entries, deflated.
void write_zip(const fs::path& p, const std::vector<std::pair<std::string, std::string>>& entries) {
  int err = 0;
  zip_t* z = zip_open(p.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  for (const auto& e : entries) {
    zip_source_t* s = zip_source_buffer(z, e.second.data(), e.second.size(), 0);
    REQUIRE(s);
    zip_int64_t i = zip_file_add(z, e.first.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
    REQUIRE(i >= 0);
    zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_DEFLATE, 9);
  }
  REQUIRE(zip_close(z) == 0);
}

// Rewrites the uncompressed size the central directory declares for entries whose name
// starts with `prefix` (what a crafted bomb lies about).
void patch_declared_sizes(const fs::path& p, const std::string& prefix, std::uint32_t size) {
  std::string z = slurp(p);
  auto u16 = [&](size_t at) { return size_t(std::uint8_t(z[at])) | size_t(std::uint8_t(z[at + 1])) << 8; };
  auto u32 = [&](size_t at) { return u16(at) | u16(at + 2) << 16; };
  const size_t eocd = z.rfind(std::string("PK\x05\x06", 4));
  REQUIRE(eocd != std::string::npos);
  size_t at = u32(eocd + 16);
  int patched = 0;
  while (at + 46 <= z.size() && z.compare(at, 4, std::string("PK\x01\x02", 4)) == 0) {
    const size_t name_len = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32);
    if (z.compare(at + 46, prefix.size(), prefix) == 0) {
      for (int i = 0; i < 4; ++i) z[at + 24 + i] = static_cast<char>((size >> (8 * i)) & 0xff);
      ++patched;
    }
    at += 46 + name_len + extra + comment;
  }
  REQUIRE(patched > 0);
  spit(p, z);
}

const char* kRels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
const char* kWorkbook =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"cases\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
std::string workbook_rels(const std::string& sheet_target) {
  return "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
         "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/worksheet\" Target=\"" +
         sheet_target + "\"/></Relationships>";
}
std::string sheet(const std::string& rows) {
  return "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<sheetData>" + rows + "</sheetData></worksheet>";
}
const char* kSheetRows =
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>case_id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>status"
    "</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>C-1</t></is></c><c r=\"B2\" t=\"inlineStr\">"
    "<is><t>open</t></is></c></row>";

const std::string kValidHead =
    R"({"format": "mizan-assessment", "format_version": 1, "rubric": {"id": "cmtf-qaf", "version": "2019.08-1"},
        "agency": {"name": "Amal", "code": "AMAL"}, "period": "2026-H2", )";

}  // namespace

TEST_CASE("empty files are refused with a clear message", "[hardening][hostile]") {
  ScratchDir dir("empty");
  spit(dir / "empty.mizan.json", "");
  spit(dir / "blank.mizan.json", " \r\n\t\n");
  spit(dir / "empty.csv", "");
  spit(dir / "empty.xlsx", "");
  spit(dir / "bom-only.csv", "\xEF\xBB\xBF");
  spit(dir / "empty-mapping.json", "");
  SECTION("assessment, empty") { every_assessment_command_refuses(dir, "empty.mizan.json", "empty"); }
  SECTION("assessment, only spaces") { every_assessment_command_refuses(dir, "blank.mizan.json", "empty"); }
  SECTION("rubric") { expect_refused("validate empty.mizan.json", dir, "empty.mizan.json:1:1: the file is empty"); }
  SECTION("case data") {
    expect_refused("indicators empty.csv --as-of 2026-06-30", dir, "empty.csv", "empty");
    expect_refused("indicators bom-only.csv --as-of 2026-06-30", dir, "bom-only.csv", "empty");
    expect_refused("indicators empty.xlsx --as-of 2026-06-30", dir, "empty.xlsx", "empty");
  }
  SECTION("mapping") {
    spit(dir / "cases.csv", "case_id,status\nA,open\n");
    expect_refused("indicators cases.csv --mapping empty-mapping.json --as-of 2026-06-30", dir, "empty-mapping.json");
  }
}

TEST_CASE("binary junk is refused with a clear message", "[hardening][hostile]") {
  ScratchDir dir("junk");
  spit(dir / "junk.mizan.json", junk(1, 64 * 1024));
  spit(dir / "junk-mapping.json", junk(3, 4096));
  // Junk that starts like a zip (so it is taken for XLSX) and like an old .xls file.
  spit(dir / "junk.xlsx", "PK\x03\x04" + junk(4, 64 * 1024));
  spit(dir / "junk.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + junk(5, 4096));
  SECTION("assessment") { every_assessment_command_refuses(dir, "junk.mizan.json"); }
  SECTION("mapping") {
    spit(dir / "cases.csv", "case_id,status\nA,open\n");
    expect_refused("indicators cases.csv --mapping junk-mapping.json --as-of 2026-06-30", dir, "junk-mapping.json",
                   "not valid JSON");
  }
  SECTION("xlsx") { expect_refused("indicators junk.xlsx --as-of 2026-06-30", dir, "junk.xlsx", "XLSX"); }
  SECTION("xls") { expect_refused("indicators junk.xls --as-of 2026-06-30", dir, "junk.xls", ".xls"); }
  SECTION("csv") {
    // Junk as CSV is read as Windows-1256 text: the first "row" is no header with case_id.
    spit(dir / "junk.csv", junk(2, 64 * 1024));
    expect_refused("indicators junk.csv --as-of 2026-06-30", dir, "junk.csv");
  }
}

TEST_CASE("JSON nested 100,000 deep is refused, not a stack overflow", "[hardening][hostile]") {
  ScratchDir dir("nested");
  spit(dir / "deep.mizan.json", nested(100000));
  spit(dir / "deep-object.mizan.json", kValidHead + R"("items": {"1.m1": {"note": )" + nested(100000) + "}}}");
  spit(dir / "deep-mapping.json", R"({"columns": )" + nested(100000) + "}");
  spit(dir / "cases.csv", "case_id,status\nA,open\n");
  SECTION("array") { every_assessment_command_refuses(dir, "deep.mizan.json", "nested deeper than"); }
  SECTION("inside an assessment") {
    every_assessment_command_refuses(dir, "deep-object.mizan.json", "deep-object.mizan.json:2:");
  }
  SECTION("rubric") { expect_refused("validate deep.mizan.json", dir, "deep.mizan.json:1:65:", "nested deeper"); }
  SECTION("mapping") {
    expect_refused("indicators cases.csv --mapping deep-mapping.json --as-of 2026-06-30", dir, "deep-mapping.json");
  }
}

namespace {
void long_line_cases(std::uint64_t bytes, const char* tag) {
  ScratchDir dir(tag);
  write_long_line(dir / "long.csv", bytes);
  fs::create_symlink(dir / "long.csv", dir / "long.mizan.json");
  fs::create_symlink(dir / "long.csv", dir / "long-mapping.json");
  spit(dir / "cases.csv", "case_id,status\nA,open\n");
  SECTION("case data: one record longer than 64 MB") {
    expect_refused("indicators long.csv --as-of 2026-06-30", dir, "long.csv:1", "more than 64 MB", 120);
  }
  SECTION("assessment and rubric: over the 64 MiB file limit") {
    expect_refused("validate long.mizan.json", dir, "long.mizan.json", "the limit is 64 MiB");
    expect_refused("score long.mizan.json", dir, "long.mizan.json", "the limit is 64 MiB");
    expect_refused("export long.mizan.json -o out.xlsx", dir, "long.mizan.json", "the limit is 64 MiB");
    expect_refused("sign long.mizan.json --name Omar --date 2026-11-30", dir, "long.mizan.json", "the limit is 64 MiB");
  }
  SECTION("mapping") {
    expect_refused("indicators cases.csv --mapping long-mapping.json --as-of 2026-06-30", dir, "long-mapping.json");
  }
}
}  // namespace

TEST_CASE("a single line of 80 MB is refused with a clear limit", "[hardening][hostile]") {
  long_line_cases(80ull << 20, "line80m");
}

TEST_CASE("a single line of 2 GB is refused with a clear limit", "[hardening][hostile][slow]") {
  long_line_cases((2ull << 30) + 17, "line2g");
}

TEST_CASE("CSV with 100,000 columns is read; more is refused with a clear limit", "[hardening][hostile]") {
  ScratchDir dir("columns");
  auto wide = [&](const std::string& name, size_t cols, int rows) {
    std::ofstream out(dir / name, std::ios::binary);
    out << "case_id,status";
    for (size_t c = 2; c < cols; ++c) out << ",c" << c;
    out << "\n";
    for (int r = 0; r < rows; ++r) {
      out << "C-" << r << ",open";
      for (size_t c = 2; c < cols; ++c) out << "," << (c % 7);
      out << "\n";
    }
  };
  wide("wide.csv", 100000, 20);
  wide("wider.csv", 100001, 2);
  {
    auto before = snapshot(dir.path());
    RunResult r = run_mizan("indicators wide.csv --as-of 2026-06-30 --json", dir);
    INFO(r.err.substr(0, 2000));
    CHECK_FALSE(looks_like_a_crash(r));
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["rows"] == 20);
    CHECK(j["indicators"]["cases.open"] == 20);
    CHECK(r.seconds < 60);
    CHECK(snapshot(dir.path()) == before);
    std::cout << "100,000 columns x 20 rows (" << fs::file_size(dir / "wide.csv") << " bytes): " << r.seconds
              << " s\n";
  }
  expect_refused("indicators wider.csv --as-of 2026-06-30", dir, "wider.csv:1", "more than 100000 columns");
}

TEST_CASE("a rubric with 1,000,000 items: bounded memory and a clear answer", "[hardening][hostile]") {
  ScratchDir dir("million");
  {
    std::ofstream out(dir / "million.json", std::ios::binary);
    out << R"({"format": "mizan-rubric", "format_version": 1, "id": "big", "version": "1",
      "title": {"ar": "كبير", "en": "big"},
      "levels": {"critical": {"ar": "حرج", "en": "critical"}, "medium": {"ar": "متوسط", "en": "medium"},
                 "acceptable": {"ar": "مقبول", "en": "acceptable"}, "good": {"ar": "جيد", "en": "good"}},
      "dimensions": [{"id": "1", "name": {"ar": "ب", "en": "d"}, "sections": [{"id": "1a", "name": {"ar": "ق", "en": "s"},
      "steps": {"a": [], "g": [], "m": [)";
    for (int i = 1; i <= 1000000; ++i) out << (i > 1 ? ",\n" : "") << R"({"id":"1a.m)" << i << R"(","text":{"ar":"ن","en":"x"}})";
    out << "]}}]}]}\n";
  }
  const auto size = fs::file_size(dir / "million.json");
  auto before = snapshot(dir.path());
  RunResult r = run_mizan("validate million.json", dir);
  INFO(r.err.substr(0, 2000) << r.out.substr(0, 500));
  CHECK_FALSE(looks_like_a_crash(r));
  std::cout << "rubric with 1,000,000 items (" << size << " bytes): exit " << r.code << " in " << r.seconds
            << " s, max RSS " << r.max_rss_kb / 1024 << " MiB; " << (r.code == 0 ? r.out : r.err).substr(0, 200) << "\n";
  if (r.code == 0) {
    CHECK(r.out.find("1000000 items") != std::string::npos);
  } else {
    CHECK(r.code == 1);
    CHECK(r.err.find("million.json") != std::string::npos);
  }
  // Memory stays within a bound of the file size (the file itself is capped at 64 MiB).
  CHECK(r.max_rss_kb / 1024 < 4096);
  CHECK(snapshot(dir.path()) == before);

}

TEST_CASE("a rubric item with 1,000,000 references gives a million placed problems, not a crash",
          "[hardening][hostile]") {
  ScratchDir dir("refs");
  {
    std::ofstream out(dir / "refs.json", std::ios::binary);
    out << R"({"format": "mizan-rubric", "format_version": 1, "id": "big", "version": "1", "title": {"ar": "a", "en": "b"},
      "levels": {}, "dimensions": [{"id": "1", "name": {"ar": "a", "en": "b"}, "sections": [{"id": "1a",
      "name": {"ar": "a", "en": "b"}, "steps": {"m": [{"id": "1a.m1", "text": {"ar": "a", "en": "b"}, "references": [)";
    for (int i = 0; i < 1000000; ++i) out << (i ? "," : "") << "{}";
    out << "]}], \"a\": [], \"g\": []}}]}]}";
  }
  RunResult r = run_mizan("validate refs.json", dir);
  INFO(r.err.substr(0, 1000));
  CHECK_FALSE(looks_like_a_crash(r));
  CHECK(r.code == 1);
  CHECK(r.err.rfind("refs.json:", 0) == 0);
  std::cout << "rubric item with 1,000,000 references: exit " << r.code << " in " << r.seconds << " s, "
            << std::count(r.err.begin(), r.err.end(), '\n') << " problem lines, max RSS " << r.max_rss_kb / 1024
            << " MiB\n";
}

TEST_CASE("wrong types everywhere are reported, never a crash", "[hardening][hostile]") {
  ScratchDir dir("types");
  spit(dir / "top-array.mizan.json", "[1, 2, 3]");
  spit(dir / "top-string.mizan.json", "\"mizan-assessment\"");
  spit(dir / "top-number.mizan.json", "42");
  spit(dir / "top-null.mizan.json", "null");
  spit(dir / "format-number.mizan.json", R"({"format": 5, "format_version": 1, "rubric": {"id": 7, "version": []}})");
  spit(dir / "fields.mizan.json",
       R"({"format": "mizan-assessment", "format_version": 1.5, "rubric": "cmtf-qaf", "agency": ["x"], "period": 2026,
           "assessors": "Rania", "assessment_date": 20260520, "items": [1, 2], "actions": {"a": 1}, "audit": "none",
           "signoff": [], "baseline": 7, "conflicts": {"x": 1}, "case_data": "rows"})");
  spit(dir / "rubric-types.mizan.json",
       R"({"format": "mizan-assessment", "format_version": 1, "rubric": {"id": ["cmtf-qaf"], "version": {"v": 1}},
           "agency": {"name": 5, "code": null}, "period": "2026-H2", "items": {}})");
  spit(dir / "items.mizan.json",
       kValidHead + R"("items": {"1.m1": {"status": true, "note": 5, "evidence": {"a": 1}, "justification": []},
           "1.m2": "met", "1.m3": null, "1.a1": {"status": "maybe"}, "1.a2": {"status": "met", "changed_at": 5,
           "carried_over": "yes", "change_reason": [1]}},
           "actions": [1, {"item": 5, "owner": [], "due": {}, "priority": "urgent", "status": 3}, {"item": "1.m1", "due": "2026-02-30"}],
           "audit": [1, {"at": 5, "by": [], "item": {}, "field": null}],
           "signoff": {"name": 5, "date": []}, "conflicts": [{"item": 1, "answers": "x"}],
           "baseline": {"file": 1, "sha256": []}})");
  for (const char* f : {"top-array.mizan.json", "top-string.mizan.json", "top-number.mizan.json", "top-null.mizan.json",
                        "format-number.mizan.json", "fields.mizan.json", "rubric-types.mizan.json", "items.mizan.json"}) {
    DYNAMIC_SECTION(f) { every_assessment_command_refuses(dir, f); }
  }
  SECTION("rubric") {
    spit(dir / "rubric.json",
         R"({"format": "mizan-rubric", "format_version": "1", "id": 5, "version": null, "title": [],
             "levels": {"critical": {"ar": 1, "en": 2, "ar_long": 3, "en_long": []}, "medium": "x", "bogus": {}},
             "dimensions": [1, {"id": 2, "name": "n", "sections": {"a": 1}},
               {"id": "3", "name": {"ar": "a", "en": "b"}, "sections": [{"id": "3a", "name": {"ar": "a", "en": "b"},
                "steps": {"m": [1, {"id": 5, "text": "t", "references": {"a": 1}, "evidence": [1, {"indicator": 5,
                "op": "~", "threshold": "high"}]}], "a": {}, "g": null, "z": []}}]}]})");
    expect_refused("validate rubric.json", dir, "rubric.json:");
  }
  SECTION("mapping") {
    spit(dir / "cases.csv", "case_id,status\nA,open\n");
    int n = 0;
    for (const char* m :
         {R"([1, 2])", R"({"columns": {"case_id": 5}})", R"({"columns": [1]})", R"({"values": {"sex": {"m": 5}}})",
          R"({"values": {"sex": ["male"]}})", R"({"limits": {"caseload": "ten"}})", R"({"limits": {"caseload": 1e300}})",
          R"({"limits": {"followup_days": {"high": -3}}})", R"({"date_formats": "DD/MM/YYYY"})",
          R"({"date_formats": [5]})", R"({"encoding": 8})", R"({"delimiter": ["," ]})", R"({"sheet": 1})",
          R"({"extends": 1})", R"({"name": {}})", R"({"format_version": "1"})", R"({"format": 1})"}) {
      std::string name = "mapping" + std::to_string(++n) + ".json";
      spit(dir / name, m);
      INFO(m);
      expect_refused("indicators cases.csv --as-of 2026-06-30 --mapping " + name, dir, name);
    }
  }
}

TEST_CASE("impossible dates in case data are reported by line and column, values never quoted",
          "[hardening][hostile]") {
  ScratchDir dir("dates");
  spit(dir / "cases.csv",
       "case_id,status,risk_level,registration_date,assessment_date,date_of_birth,closure_date\n"
       "SECRET-1,open,high,0000-00-00,2026-01-02,2019-01-01,\n"
       "SECRET-2,open,high,2026-02-30,2026-03-01,2019-02-29,\n"
       "SECRET-3,closed,low,2026-01-05,2026-01-06,2019-01-01,2026-13-45\n"
       "SECRET-4,open,low,2026-01-05,2026-01-06,2019-01-01,\n");
  auto before = snapshot(dir.path());
  RunResult r = run_mizan("indicators cases.csv --as-of 2026-06-30", dir);
  INFO(r.out << r.err);
  CHECK_FALSE(looks_like_a_crash(r));
  // The file is usable: a bad date counts as unknown for its row, and the row still counts.
  CHECK(r.code == 0);
  CHECK(snapshot(dir.path()) == before);
  for (const char* place : {"cases.csv:2: registration_date", "cases.csv:3: registration_date",
                            "cases.csv:3: date_of_birth", "cases.csv:4: closure_date"})
    CHECK(r.out.find(place) != std::string::npos);
  for (const char* value : {"SECRET", "0000-00-00", "2026-02-30", "2019-02-29", "2026-13-45"})
    CHECK(r.out.find(value) == std::string::npos);

  RunResult j = run_mizan("indicators cases.csv --as-of 2026-06-30 --json", dir);
  REQUIRE(j.code == 0);
  auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["rows"] == 4);
  CHECK(doc["indicators"]["cases.total"] == 4);
  CHECK(j.out.find("SECRET") == std::string::npos);
  CHECK(j.out.find("2026-02-30") == std::string::npos);

  SECTION("an impossible --as-of is a usage error") {
    for (const char* d : {"0000-00-00", "2026-02-30", "2026-13-01", "yesterday"}) {
      RunResult u = run_mizan(std::string("indicators cases.csv --as-of ") + d, dir);
      CHECK_FALSE(looks_like_a_crash(u));
      CHECK(u.code == 2);
      CHECK(u.err.find("--as-of") != std::string::npos);
    }
  }
}

TEST_CASE("XLSX zip bombs are refused before they are unpacked", "[hardening][hostile]") {
  ScratchDir dir("zipbomb");
  SECTION("a sheet of 200 MB of zeros compressed 1000 times") {
    write_zip(dir / "bomb.xlsx", {{"_rels/.rels", kRels},
                                  {"xl/workbook.xml", kWorkbook},
                                  {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                                  {"xl/worksheets/sheet1.xml", sheet(kSheetRows) + std::string(200u << 20, ' ')}});
    CHECK(fs::file_size(dir / "bomb.xlsx") < (1u << 20));
    expect_refused("indicators bomb.xlsx --as-of 2026-06-30", dir, "bomb.xlsx", "zip bomb", 20);
  }
  SECTION("parts that each look harmless but add up to more than 1 GiB") {
    std::vector<std::pair<std::string, std::string>> e = {
        {"_rels/.rels", kRels},
        {"xl/workbook.xml", kWorkbook},
        {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
        {"xl/worksheets/sheet1.xml", sheet(kSheetRows)}};
    // 12 parts of 1 MiB that do not compress…
    for (int i = 0; i < 12; ++i) e.emplace_back("xl/media/part" + std::to_string(i) + ".bin", junk(10 + i, 1u << 20));
    write_zip(dir / "sum.xlsx", e);
    // …whose central directory claims 100 MiB each: a ratio of 100 (under the bomb limit
    // of 200), but 1.2 GiB in all.
    patch_declared_sizes(dir / "sum.xlsx", "xl/media/", 100u << 20);
    expect_refused("indicators sum.xlsx --as-of 2026-06-30", dir, "sum.xlsx", "more than 1 GiB", 30);
  }
  SECTION("a part that unpacks to more than it declares") {
    write_zip(dir / "liar.xlsx", {{"_rels/.rels", kRels},
                                  {"xl/workbook.xml", kWorkbook},
                                  {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
                                  {"xl/worksheets/sheet1.xml", sheet(std::string(kSheetRows) + std::string(8u << 20, ' '))}});
    patch_declared_sizes(dir / "liar.xlsx", "xl/worksheets/", 4000);
    expect_refused("indicators liar.xlsx --as-of 2026-06-30", dir, "liar.xlsx", "", 30);
  }
}

TEST_CASE("XLSX path-traversal entries and targets never reach outside the workbook", "[hardening][hostile]") {
  ScratchDir dir("traversal");
  fs::create_directories(dir / "inside");
  spit(dir / "secret.xml", sheet(kSheetRows));  // a file a traversal could reach
  SECTION("a sheet target that climbs out") {
    write_zip(dir / "inside/climb.xlsx", {{"_rels/.rels", kRels},
                                          {"xl/workbook.xml", kWorkbook},
                                          {"xl/_rels/workbook.xml.rels", workbook_rels("../../../../secret.xml")},
                                          {"../../secret.xml", sheet(kSheetRows)}});
    expect_refused("indicators inside/climb.xlsx --as-of 2026-06-30", dir, "climb.xlsx", "sheet part missing");
  }
  SECTION("an absolute target") {
    write_zip(dir / "inside/abs.xlsx", {{"_rels/.rels", kRels},
                                        {"xl/workbook.xml", kWorkbook},
                                        {"xl/_rels/workbook.xml.rels", workbook_rels("/etc/passwd")}});
    expect_refused("indicators inside/abs.xlsx --as-of 2026-06-30", dir, "abs.xlsx", "sheet part missing");
  }
  SECTION("entries named ../ and / are never written anywhere") {
    write_zip(dir / "inside/entries.xlsx", {{"../../../evil.xml", "x"},
                                            {"/tmp/evil.xml", "x"},
                                            {"_rels/.rels", kRels},
                                            {"xl/workbook.xml", kWorkbook},
                                            {"xl/_rels/workbook.xml.rels", workbook_rels("../../../evil.xml")}});
    expect_refused("indicators inside/entries.xlsx --as-of 2026-06-30", dir, "entries.xlsx", "sheet part missing");
    CHECK_FALSE(fs::exists(dir.path().parent_path() / "evil.xml"));
  }
  SECTION("a workbook part behind a DOCTYPE (entity expansion) is refused") {
    write_zip(dir / "inside/dtd.xlsx",
              {{"_rels/.rels", kRels},
               {"xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\">"
                                   "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><workbook>&b;</workbook>"},
               {"xl/_rels/workbook.xml.rels", workbook_rels("worksheets/sheet1.xml")},
               {"xl/worksheets/sheet1.xml", sheet(kSheetRows)}});
    expect_refused("indicators inside/dtd.xlsx --as-of 2026-06-30", dir, "dtd.xlsx", "document type declaration");
  }
}

TEST_CASE("an assessment from a newer Mizan is refused politely and left untouched", "[hardening][hostile]") {
  ScratchDir dir("newer");
  // Everything else about it is fine, and it has fields this Mizan does not know.
  const std::string text = R"({
  "format": "mizan-assessment",
  "format_version": 2,
  "rubric": {"id": "cmtf-qaf", "version": "2019.08-1"},
  "agency": {"name": "منظمة الأمل", "code": "AMAL"},
  "period": "2026-H2",
  "items": {"1.m1": {"status": "met", "confidence": 0.9}},
  "weights": {"1.m1": 2}
}
)";
  spit(dir / "future.mizan.json", text);
  every_assessment_command_refuses(dir, "future.mizan.json", "newer Mizan");
  CHECK(slurp(dir / "future.mizan.json") == text);
  SECTION("the message says which version") {
    RunResult r = run_mizan("score future.mizan.json", dir);
    CHECK(r.err.find("future.mizan.json:3:") != std::string::npos);
    CHECK(r.err.find("format_version 2") != std::string::npos);
  }
}
