// The language files: every key translated, the placeholders the same in both, every key
// the code uses present; and every glyph that shaped Arabic needs is in the font.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "text/utf8.hpp"
#include "ui_harness.hpp"

using namespace mizan;

namespace {

std::set<std::string> placeholders(const std::string& s) {
  std::set<std::string> out;
  static const std::regex re("\\{[0-9]\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

}  // namespace

TEST_CASE("every interface string is translated", "[ui][lang]") {
  auto en = ui::language_file(Lang::en);
  auto ar = ui::language_file(Lang::ar);
  REQUIRE(en.size() > 50);
  for (const auto& [key, text] : en) {
    INFO("key " << key);
    REQUIRE(ar.count(key) == 1);
    CHECK_FALSE(text.empty());
    CHECK_FALSE(ar.at(key).empty());
    CHECK(placeholders(text) == placeholders(ar.at(key)));
  }
  for (const auto& [key, text] : ar) {
    INFO("key " << key << " is in ar.json but not in en.json");
    CHECK(en.count(key) == 1);
  }
}

TEST_CASE("every key the interface code uses is in the language files", "[ui][lang]") {
  auto en = ui::language_file(Lang::en);
  std::set<std::string> prefixes;
  for (const auto& [key, text] : en) prefixes.insert(key.substr(0, key.find('.')));
  // Keys are written out in full in the code ("menu.save"), except the statuses, which
  // are put together from status_key(); those are checked by name.
  static const std::regex key_re("\"([a-z_]+)\\.([a-z_]+)\"");
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(MIZAN_SOURCE_DIR "/src/ui")) {
    std::ifstream in(entry.path());
    std::stringstream buf;
    buf << in.rdbuf();
    std::string src = buf.str();
    for (auto it = std::sregex_iterator(src.begin(), src.end(), key_re); it != std::sregex_iterator(); ++it) {
      if (!prefixes.count((*it)[1].str())) continue;
      // A default file name ("mapping.json") looks like a key but is not one.
      static const std::set<std::string> extensions{"json", "csv", "xlsx", "png"};
      if (extensions.count((*it)[2].str())) continue;
      std::string key = (*it)[1].str() + "." + (*it)[2].str();
      INFO(entry.path().filename().string() << " uses " << key);
      CHECK(en.count(key) == 1);
      ++seen;
    }
  }
  CHECK(seen > 50);
  for (const char* st : {"met", "not_met", "na", "unanswered"}) CHECK(en.count(std::string("status.") + st) == 1);
}

TEST_CASE("shaped Arabic of the rubric and the interface has a glyph for every character", "[ui][lang][fonts]") {
  ui::test::Harness h(Lang::ar);
  REQUIRE(h.state.fonts.warnings.empty());  // fonts-noto-core is a dependency
  ImFont* font = h.state.fonts.body;
  std::vector<std::string> texts;
  for (const auto* item : h.state.rubric.all_items()) texts.push_back(item->text.ar);
  for (const auto& d : h.state.rubric.dimensions) {
    texts.push_back(d.name.ar);
    for (const auto& s : d.sections) texts.push_back(s.name.ar);
  }
  for (const auto& [key, text] : ui::language_file(Lang::ar)) texts.push_back(text);
  ImGui::NewFrame();  // visual() measures with the current font
  size_t missing = 0;
  std::string example;
  for (const auto& t : texts) {
    std::string v = h.state.text.visual(t);
    for (char32_t c : text::utf8_to_utf32(v)) {
      if (c == '\n' || font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
      if (missing++ == 0) example = t;
    }
  }
  ImGui::EndFrame();
  INFO("first text with a missing glyph: " << example);
  CHECK(missing == 0);
}

TEST_CASE("fonts/ folders take part in the font search", "[ui][fonts]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "mizan-test-fonts-dir";
  fs::create_directories(dir);
  setenv("MIZAN_FONTS_DIR", dir.c_str(), 1);
  auto dirs = ui::app_font_dirs();
  CHECK(std::find(dirs.begin(), dirs.end(), dir.lexically_normal().string()) != dirs.end());
  // The source tree's fonts/ (it holds the README) is searched too.
  CHECK(std::find(dirs.begin(), dirs.end(), (fs::path(MIZAN_SOURCE_DIR) / "fonts").lexically_normal().string()) !=
        dirs.end());
  fs::remove_all(dir);
  auto without = ui::app_font_dirs();  // a folder that does not exist is left out
  CHECK(std::find(without.begin(), without.end(), dir.lexically_normal().string()) == without.end());
  unsetenv("MIZAN_FONTS_DIR");
}
