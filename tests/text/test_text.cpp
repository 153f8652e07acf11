// Tests of the right-to-left text layer. Expected visual sequences are worked out by hand
// from the Arabic joining rules and UAX #9, not copied from the output.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "text/bidi.hpp"
#include "text/shaped_text_cache.hpp"
#include "text/utf8.hpp"
#include "text/wrap.hpp"

using namespace mizan::text;

namespace {

std::u32string visual32(std::string_view logical, BaseDirection base = BaseDirection::RTL) {
  return utf8_to_utf32(shape_line(logical, base));
}

float code_points(std::string_view utf8) { return static_cast<float>(utf8_to_utf32(utf8).size()); }

std::vector<std::string> split_words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

}  // namespace

TEST_CASE("UTF-8 round trip of valid text", "[text][utf8]") {
  const std::string s = "Mizan ميزان ✓ \xF0\x9F\x98\x80";  // ASCII, Arabic, BMP symbol, emoji
  const std::u32string cps = utf8_to_utf32(s);
  CHECK(cps == U"Mizan ميزان ✓ \U0001F600");
  CHECK(utf32_to_utf8(cps) == s);
  CHECK(utf8_to_utf32("").empty());
}

TEST_CASE("Invalid UTF-8 becomes U+FFFD, one per maximal subpart", "[text][utf8]") {
  const char32_t R = replacement_character;
  CHECK(utf8_to_utf32("a\x80z") == std::u32string{U'a', R, U'z'});              // stray continuation
  CHECK(utf8_to_utf32("a\xD8") == std::u32string{U'a', R});                     // truncated at end
  CHECK(utf8_to_utf32("\xE2\x82" "A") == std::u32string{R, U'A'});              // truncated, resumes
  CHECK(utf8_to_utf32("\xC0\xAF") == std::u32string{R, R});                     // overlong '/'
  CHECK(utf8_to_utf32("\xE0\x80\xAF") == std::u32string{R, R, R});              // overlong, 3 bytes
  CHECK(utf8_to_utf32("\xED\xA0\x80") == std::u32string{R, R, R});              // surrogate D800
  CHECK(utf8_to_utf32("\xF4\x90\x80\x80") == std::u32string{R, R, R, R});       // > U+10FFFF
  CHECK(utf8_to_utf32("\xF5\xFF") == std::u32string{R, R});
  CHECK(utf8_to_utf32("\xF0\x9F\x98") == std::u32string{R});                    // truncated 4-byte
  CHECK(utf8_to_utf32("\xD9\x84\xD8") == std::u32string{U'\u0644', R});         // lam, then cut
  CHECK(utf32_to_utf8(std::u32string{0xD800}) == "\xEF\xBF\xBD");
  CHECK(utf32_to_utf8(std::u32string{0x110000}) == "\xEF\xBF\xBD");
}

TEST_CASE("Invalid UTF-8 through shaping and wrapping does not crash", "[text][utf8][bidi][wrap]") {
  const std::string bad = "\xD8\xA8\xD8\xA7\xD8\xA8 \xD8 \xFF\xC0 CPIMS \xE2\x82";  // باب, then junk
  const std::u32string v = visual32(bad);
  CHECK(v.find(replacement_character) != std::u32string::npos);
  CHECK(v.find(U"\uFE8F\uFE8E\uFE91") != std::u32string::npos);  // باب still shaped
  const std::string shaped = shape_line(bad, BaseDirection::RTL);
  CHECK(utf32_to_utf8(utf8_to_utf32(shaped)) == shaped);  // well-formed UTF-8 out

  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 40);
  const std::string pieces[] = {"\xD9\x84\xD8\xA7", " ", "(", "25", "A", "\xD8", "\x80"};
  for (int round = 0; round < 500; ++round) {
    std::string s;
    const int n = length(rng);
    for (int i = 0; i < n; ++i) {
      if (byte(rng) < 128) s += static_cast<char>(byte(rng));
      else s += pieces[static_cast<std::size_t>(byte(rng)) % 7];
    }
    const std::string shaped = shape_line(s, BaseDirection::RTL);
    REQUIRE(utf32_to_utf8(utf8_to_utf32(shaped)) == shaped);
    for (const DisplayLine& line : wrap(s, 5.0f, code_points, BaseDirection::Auto)) {
      REQUIRE(utf32_to_utf8(utf8_to_utf32(line.visual)) == line.visual);
      REQUIRE(code_points(line.visual) <= 5.0f);
    }
  }
}

TEST_CASE("has_rtl finds strong right-to-left characters only", "[text][bidi]") {
  CHECK_FALSE(has_rtl(""));
  CHECK_FALSE(has_rtl("CPIMS+ (v2) 25%"));
  CHECK_FALSE(has_rtl("café – naïve"));
  CHECK_FALSE(has_rtl("١٢٣"));  // Arabic-Indic digits are AN, not strong
  CHECK(has_rtl("25 حالة"));
  CHECK(has_rtl("Hello שלום"));
  CHECK(has_rtl("abc\u200F"));  // RLM is class R
  CHECK(has_rtl("\xFF\xD8\xA8"));  // invalid bytes around a beh
}

TEST_CASE("Lam-alef becomes one ligature and leaves no U+FEFF", "[text][bidi][shaping]") {
  CHECK(visual32("لا") == U"\uFEFB");
  // seen initial FEB3, lam-alef final FEFC, meem isolated FEE1 (alef does not join left);
  // visual order is reversed
  CHECK(visual32("سلام") == U"\uFEE1\uFEFC\uFEB3");
  const std::u32string sentence = visual32("لا إله إلا الله، السلام عليكم");
  CHECK(sentence.find(U'\uFEFF') == std::u32string::npos);
  CHECK(sentence.find(U'\uFEFB') != std::u32string::npos);
}

TEST_CASE("Arabic letters take their positional forms, in visual order", "[text][bidi][shaping]") {
  // beh initial FE91, alef final FE8E, beh isolated FE8F (alef is right-joining only)
  CHECK(visual32("باب") == U"\uFE8F\uFE8E\uFE91");
  // beh initial FE91, yeh medial FEF4, teh final FE96
  CHECK(visual32("بيت") == U"\uFE96\uFEF4\uFE91");
  // the same in an LTR paragraph: an Arabic run is still reversed
  CHECK(visual32("بيت", BaseDirection::LTR) == U"\uFE96\uFEF4\uFE91");
}

TEST_CASE("Digits before an Arabic word in an RTL line", "[text][bidi]") {
  // logical: 2 5 space hah alef lam teh-marbuta. Levels: digits 2, space and letters 1.
  // Visual: the whole line reversed, then "25" back to LTR. حالة: hah initial FEA3,
  // alef final FE8E, lam initial FEDF (after alef), teh marbuta final FE94.
  // "25" is read first, so it is the rightmost run: last in the visual string.
  CHECK(visual32("25 حالة") == U"\uFE94\uFEDF\uFE8E\uFEA3 25");
  // with an LTR base the number comes first on the left
  CHECK(visual32("25 حالة", BaseDirection::LTR) == U"25 \uFE94\uFEDF\uFE8E\uFEA3");
}

TEST_CASE("Brackets are mirrored in RTL text", "[text][bidi]") {
  // logical "(مثل …)": the '(' that opens the RTL run is drawn at its right end as ')'.
  // مثل: meem initial FEE3, theh medial FE9C, lam final FEDE.
  CHECK(visual32("(مثل …)") == U"(… \uFEDE\uFE9C\uFEE3)");
  // Not mirrored, the string would be ")… لثم(".
  const std::u32string v = visual32("الحالات (المغلقة)");
  CHECK(v.front() == U'(');
  CHECK(v.find(U')') != std::u32string::npos);
  CHECK(v.find(U')') > v.find(U'('));
}

TEST_CASE("Latin words with symbols keep their order inside Arabic", "[text][bidi]") {
  // نظام: noon initial FEE7, zah medial FEC8, alef final FE8E, meem isolated FEE1
  CHECK(visual32("نظام CPIMS+") == U"CPIMS+ \uFEE1\uFE8E\uFEC8\uFEE7");
  // plain UAX #9 would give "+CPIMS"
  CHECK(visual32("CPIMS+ نظام") == U"\uFEE1\uFE8E\uFEC8\uFEE7 CPIMS+");
  const std::u32string v = visual32("حالات (CPIMS+) مغلقة");
  CHECK(v.find(U"(CPIMS+)") != std::u32string::npos);
  CHECK(visual32("COVID-19 وباء").find(U"COVID-19") != std::u32string::npos);
  // percent after digits in Arabic stays on the reading-end side, as Arabic writes it
  CHECK(visual32("نسبة 25%").substr(0, 3) == U"%25");
}

TEST_CASE("English passes through unchanged whatever the base direction", "[text][bidi]") {
  for (const char* s : {"Hello, world!", "CPIMS+ (v2) 25%", "café – naïve (x)", "", "  a  b  "}) {
    CHECK(shape_line(s, BaseDirection::RTL) == s);
    CHECK(shape_line(s, BaseDirection::LTR) == s);
    CHECK(shape_line(s, BaseDirection::Auto) == s);
  }
}

TEST_CASE("Base direction: LTR, RTL, and Auto from the first strong character", "[text][bidi]") {
  // عالم: ain initial FECB, alef final FE8E, lam initial FEDF, meem final FEE2
  const std::u32string alam = U"\uFEE2\uFEDF\uFE8E\uFECB";
  CHECK(visual32("Hello عالم", BaseDirection::LTR) == U"Hello " + alam);
  CHECK(visual32("Hello عالم", BaseDirection::Auto) == U"Hello " + alam);
  CHECK(visual32("Hello عالم", BaseDirection::RTL) == alam + U" Hello");
  CHECK(visual32("عالم Hello", BaseDirection::Auto) == U"Hello " + alam);
  CHECK(resolves_to_rtl("عالم Hello", BaseDirection::Auto));
  CHECK_FALSE(resolves_to_rtl("Hello عالم", BaseDirection::Auto));
  CHECK_FALSE(resolves_to_rtl("123", BaseDirection::Auto));
  CHECK(resolves_to_rtl("Hello", BaseDirection::RTL));
}

TEST_CASE("Invisible format characters are dropped from visual output", "[text][bidi]") {
  const std::u32string v = visual32("\u200Fبا\u200Db\u202Bج\u202C\uFEFF");
  for (char32_t c : {U'\u200F', U'\u200D', U'\u202B', U'\u202C', U'\uFEFF'}) {
    CHECK(v.find(c) == std::u32string::npos);
  }
  CHECK(v.find(U'b') != std::u32string::npos);
}

TEST_CASE("Wrapping a long Arabic sentence in logical order", "[text][wrap]") {
  const std::string sentence =
      "يجب أن تكون جميع الحالات المسجلة في النظام مراجعة من قبل المشرف كل شهر";
  const float max = 20.0f;
  const std::vector<DisplayLine> lines = wrap(sentence, max, code_points, BaseDirection::RTL);
  REQUIRE(lines.size() >= 3);
  std::string joined;
  for (const DisplayLine& line : lines) {
    CHECK(code_points(line.visual) <= max);
    CHECK(line.rtl);
    CHECK(line.visual == shape_line(line.logical, BaseDirection::RTL));
    CHECK(line.logical.front() != ' ');
    CHECK(line.logical.back() != ' ');
    joined += (joined.empty() ? "" : " ") + line.logical;
  }
  CHECK(joined == sentence);
  CHECK(split_words(lines.front().logical) == std::vector<std::string>{"يجب", "أن", "تكون", "جميع"});
  // greedy: the next word would not have fitted on any line
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string next_word = split_words(lines[i + 1].logical).front();
    CHECK(code_points(shape_line(lines[i].logical + " " + next_word, BaseDirection::RTL)) > max);
  }
  CHECK(wrap_logical(sentence, max, code_points, BaseDirection::RTL).size() == lines.size());
}

TEST_CASE("Candidates are measured in their shaped form", "[text][wrap]") {
  // each "لا" is one ligature once shaped: "ﻻ ﻻ ﻻ ﻻ" is 7 code points, logical is 11
  const auto lines = wrap("لا لا لا لا", 7.0f, code_points, BaseDirection::RTL);
  REQUIRE(lines.size() == 1);
  CHECK(utf8_to_utf32(lines[0].visual) == U"\uFEFB \uFEFB \uFEFB \uFEFB");
  std::vector<std::string> seen;
  wrap("سلام عليكم", 5.0f, [&](std::string_view s) { seen.emplace_back(s); return code_points(s); },
       BaseDirection::RTL);
  REQUIRE_FALSE(seen.empty());
  for (const std::string& s : seen) CHECK(utf8_to_utf32(s).find(U'\uFEFF') == std::u32string::npos);
}

TEST_CASE("A word wider than the line is split", "[text][wrap]") {
  CHECK(wrap_logical("abcdefghij", 4.0f, code_points) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(wrap_logical("go abcdefghij x", 4.0f, code_points) ==
        std::vector<std::string>{"go", "abcd", "efgh", "ij x"});
  // Arabic: pieces in logical order, each shaped on its own
  const std::string word = "والمستشفيات";  // 11 letters
  const auto lines = wrap(word, 4.0f, code_points, BaseDirection::RTL);
  REQUIRE(lines.size() == 3);
  std::string joined;
  for (const auto& line : lines) {
    CHECK(code_points(line.visual) <= 4.0f);
    joined += line.logical;
  }
  CHECK(joined == word);
  CHECK(lines[0].logical == "والم");
  // "والم": waw isolated FEED, alef-lam: alef isolated FE8D, lam initial FEDF, meem final FEE2
  CHECK(utf8_to_utf32(lines[0].visual) == U"\uFEE2\uFEDF\uFE8D\uFEED");
  // a width nothing fits in still makes progress, one character per line
  CHECK(wrap_logical("abc", 0.5f, code_points).size() == 3);
}

TEST_CASE("Explicit newlines always break", "[text][wrap]") {
  CHECK(wrap_logical("one\ntwo", 100.0f, code_points) == std::vector<std::string>{"one", "two"});
  CHECK(wrap_logical("one\r\n\ntwo\n", 100.0f, code_points) ==
        std::vector<std::string>{"one", "", "two", ""});
  CHECK(wrap_logical("", 10.0f, code_points) == std::vector<std::string>{""});
  // no width limit: only newlines break, and no measure is needed
  CHECK(wrap_logical("a b c d e f\ng", 0.0f, nullptr) == std::vector<std::string>{"a b c d e f", "g"});
  // each paragraph resolves its own direction with Auto
  const auto lines = wrap("Hello\nمرحبا", 0.0f, nullptr, BaseDirection::Auto);
  REQUIRE(lines.size() == 2);
  CHECK_FALSE(lines[0].rtl);
  CHECK(lines[1].rtl);
}

TEST_CASE("English wraps at spaces and is left unchanged", "[text][wrap]") {
  CHECK(wrap_logical("the quick brown fox", 9.0f, code_points) ==
        std::vector<std::string>{"the quick", "brown fox"});
  CHECK(wrap_logical("  indented text", 100.0f, code_points) ==
        std::vector<std::string>{"  indented text"});
}

TEST_CASE("A line keeps its paragraph's direction", "[text][wrap]") {
  // the second line starts with a Latin word but belongs to an Arabic paragraph
  const auto lines = wrap("مرحبا بكم في CPIMS+ اليوم", 12.0f, code_points, BaseDirection::Auto);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].logical == "CPIMS+ اليوم");
  CHECK(lines[1].rtl);
  // RTL paragraph: the Latin word, read first, is the rightmost run
  CHECK(utf8_to_utf32(lines[1].visual).substr(5) == U" CPIMS+");
}

TEST_CASE("ShapedTextCache returns the cached lines without re-shaping", "[text][cache]") {
  int calls = 0;
  const MeasureFn measure = [&](std::string_view s) { ++calls; return code_points(s); };
  ShapedTextCache cache(8);
  const std::string text = "يجب أن تكون جميع الحالات المسجلة";
  const std::vector<DisplayLine> first = cache.get(text, 10.0f, BaseDirection::RTL, measure);
  const int calls_after_first = calls;
  CHECK(calls_after_first > 0);
  const std::vector<DisplayLine>& again = cache.get(text, 10.0f, BaseDirection::RTL, measure);
  CHECK(calls == calls_after_first);
  REQUIRE(again.size() == first.size());
  for (std::size_t i = 0; i < first.size(); ++i) CHECK(again[i].visual == first[i].visual);
  CHECK(cache.hits() == 1);
  CHECK(cache.misses() == 1);
  CHECK(first.size() == wrap(text, 10.0f, code_points, BaseDirection::RTL).size());

  // width and direction are part of the key
  CHECK(cache.get(text, 20.0f, BaseDirection::RTL, measure).size() < first.size());
  cache.get(text, 10.0f, BaseDirection::LTR, measure);
  CHECK(cache.size() == 3);
  CHECK(cache.misses() == 3);

  cache.clear();
  CHECK(cache.size() == 0);
  cache.get(text, 10.0f, BaseDirection::RTL, measure);
  CHECK(cache.misses() == 4);
}

TEST_CASE("ShapedTextCache stays within its bound, least recently used out first", "[text][cache]") {
  ShapedTextCache cache(3);
  const auto get = [&](const std::string& s) { return cache.get(s, 0.0f, BaseDirection::RTL, nullptr); };
  get("واحد");
  get("اثنان");
  get("ثلاثة");
  get("واحد");  // hit: now the most recently used
  CHECK(cache.hits() == 1);
  get("أربعة");  // evicts "اثنان"
  CHECK(cache.size() == 3);
  get("واحد");
  get("ثلاثة");
  CHECK(cache.hits() == 3);
  get("اثنان");  // was evicted
  CHECK(cache.misses() == 5);
  for (int i = 0; i < 50; ++i) get("كلمة " + std::to_string(i));
  CHECK(cache.size() == 3);
  CHECK(cache.capacity() == 3);
  // the text is copied: the key does not dangle when the caller's string goes away
  {
    std::string temporary = "نص مؤقت";
    get(temporary);
    temporary.assign(temporary.size(), 'x');
  }
  CHECK(get("نص مؤقت").front().logical == "نص مؤقت");
  CHECK(cache.hits() == 4);
}

TEST_CASE("Item ids between LRI and PDI read left to right inside Arabic", "[text][bidi]") {
  // Without isolates, "1.g6" in Arabic is split at the dot and shows as "g6.1".
  CHECK(visual32("البند 1.g6 غير").find(U"1.g6") == std::u32string::npos);
  const std::u32string v = visual32("البند \u20661.g6\u2069 غير");
  CHECK(v.find(U"1.g6") != std::u32string::npos);
  CHECK(v.find(U'\u2066') == std::u32string::npos);  // the marks themselves are not drawn
  CHECK(v.find(U'\u2069') == std::u32string::npos);
}
