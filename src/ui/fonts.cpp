#include "ui/fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <stb_truetype.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace mizan::ui {

namespace {

// Dear ImGui sizes a font by its ascent-to-descent span, and Noto Sans Arabic's span is
// half as tall again as Noto Sans' (room for stacked marks), so at one "pixel size" its
// letters come out a third smaller. font_span() makes the em sizes equal; this factor
// then makes both scripts *look* the same size (Arabic letters are short for their em).
constexpr float kArabicLook = 1.0f;

// Ascent minus descent in ems, from the font's hhea table; 0 when unreadable.
float font_span(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  stbtt_fontinfo info;
  if (data.empty() || !stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0))) return 0;
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
  float em = stbtt_ScaleForMappingEmToPixels(&info, 1.0f);
  return static_cast<float>(ascent - descent) * em;
}

float arabic_scale(const std::string& latin, const std::string& arabic) {
  float l = latin.empty() ? 0 : font_span(latin);
  float a = font_span(arabic);
  if (l <= 0 || a <= 0) return 1.2f;  // the built-in font or an unreadable file: a fair guess
  return a / l * kArabicLook;
}

bool readable(const std::string& file) { return !file.empty() && std::ifstream(file, std::ios::binary).good(); }

// Basic Latin, Latin-1, Latin Extended-A (names of places and people), general
// punctuation (dashes, quotes, ellipsis, bidi marks) and the euro sign.
const ImWchar kLatinRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2000, 0x206F, 0x20AC, 0x20AC, 0};
// Arabic, and the presentation forms A and B that shaping produces.
const ImWchar kArabicRanges[] = {0x0600, 0x06FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};

ImFont* add_role(ImFontAtlas& atlas, const std::string& latin, const std::string& arabic, float px) {
  ImFont* font = nullptr;
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  if (readable(latin)) {  // Dear ImGui asserts on a file it cannot open: check first
    font = atlas.AddFontFromFileTTF(latin.c_str(), px, &cfg, kLatinRanges);
  }
  if (!font) {
    ImFontConfig def;
    def.SizePixels = px;
    font = atlas.AddFontDefault(&def);
  }
  if (readable(arabic)) {
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.OversampleH = 2;
    merge.OversampleV = 1;
    // Merged glyphs keep the Latin baseline; a slight lift keeps the deep Arabic descent
    // clear of the next line.
    merge.GlyphOffset.y = -px * 0.06f;
    atlas.AddFontFromFileTTF(arabic.c_str(), px * arabic_scale(latin, arabic), &merge, kArabicRanges);
  }
  return font;
}

}  // namespace

std::vector<std::string> app_font_dirs() {
  namespace fs = std::filesystem;
  std::vector<std::string> dirs;
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    if (!p.empty() && fs::is_directory(p, ec)) dirs.push_back(p.lexically_normal().string());
  };
  if (const char* env = std::getenv("MIZAN_FONTS_DIR")) add(env);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    add(exe.parent_path() / "../share/mizan/fonts");
    add(exe.parent_path() / "fonts");
  }
#ifdef MIZAN_SOURCE_FONTS_DIR
  add(MIZAN_SOURCE_FONTS_DIR);
#endif
  return dirs;
}

std::string find_font_file(const std::string& family, bool bold) {
  struct Pattern {
    FcPattern* p;
    ~Pattern() {
      if (p) FcPatternDestroy(p);
    }
  };
  if (!FcInit()) return "";
  static const bool app_fonts_added = [] {
    // Fonts dropped into Mizan's fonts/ folder take part in the match (a laptop without
    // fonts-noto-core can be given Noto Sans Arabic by copying the files there).
    for (const std::string& dir : app_font_dirs())
      FcConfigAppFontAddDir(nullptr, reinterpret_cast<const FcChar8*>(dir.c_str()));
    return true;
  }();
  (void)app_fonts_added;
  Pattern want{FcPatternCreate()};
  FcPatternAddString(want.p, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(want.p, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddString(want.p, FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
  FcConfigSubstitute(nullptr, want.p, FcMatchPattern);
  FcDefaultSubstitute(want.p);
  FcResult result = FcResultNoMatch;
  Pattern got{FcFontMatch(nullptr, want.p, &result)};
  if (!got.p || result != FcResultMatch) return "";
  FcChar8* fam = nullptr;
  FcChar8* file = nullptr;
  if (FcPatternGetString(got.p, FC_FAMILY, 0, &fam) != FcResultMatch || family != reinterpret_cast<char*>(fam))
    return "";
  if (FcPatternGetString(got.p, FC_FILE, 0, &file) != FcResultMatch) return "";
  return reinterpret_cast<char*>(file);
}

Fonts load_fonts(ImFontAtlas& atlas, float body_px) {
  Fonts f;
  f.size = body_px;
  atlas.Clear();
  std::string latin = find_font_file("Noto Sans");
  std::string latin_bold = find_font_file("Noto Sans", true);
  std::string arabic = find_font_file("Noto Sans Arabic");
  std::string arabic_bold = find_font_file("Noto Sans Arabic", true);
  if (latin.empty()) f.warnings.push_back("font.missing_latin");
  if (arabic.empty()) f.warnings.push_back("font.missing_arabic");
  f.body = add_role(atlas, latin, arabic, body_px);
  f.heading = add_role(atlas, latin_bold.empty() ? latin : latin_bold, arabic_bold.empty() ? arabic : arabic_bold,
                       body_px * 1.25f);
  return f;
}

}  // namespace mizan::ui
