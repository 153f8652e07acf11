// Fuzzes the right-to-left text layer with arbitrary bytes (invalid UTF-8 included):
// decoding/encoding, RTL detection, shaping and reordering of a line, wrapping at a width,
// and the shaped-line cache. The first two bytes choose the base direction and the width.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/bidi.hpp"
#include "text/shaped_text_cache.hpp"
#include "text/utf8.hpp"
#include "text/wrap.hpp"

using namespace mizan::text;

namespace {

// Every code point is 7 units wide, marks and joiners 0: like a monospace font.
float measure(std::string_view visual) {
  float w = 0;
  for (char32_t c : utf8_to_utf32(visual)) w += (c >= 0x300 && c < 0x370) || c == 0x200D ? 0.f : 7.f;
  return w;
}

bool valid_utf8(std::u32string_view u) {
  for (char32_t c : u)
    if (c == replacement_character) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const BaseDirection bases[3] = {BaseDirection::LTR, BaseDirection::RTL, BaseDirection::Auto};
  BaseDirection base = bases[data[0] % 3];
  float width = static_cast<float>(data[1]) - 8.f;  // some <= 0: no width limit
  std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

  std::u32string u = utf8_to_utf32(text);
  std::string back = utf32_to_utf8(u);
  // Decoding never fails, and valid UTF-8 survives the round trip byte for byte.
  if (utf8_to_utf32(back) != u) std::abort();
  if (valid_utf8(u) && back != text) std::abort();

  (void)has_rtl(text);
  (void)has_rtl(std::u32string_view(u));
  (void)resolves_to_rtl(text, base);
  std::string line = shape_line(text, base);
  // The output is always valid UTF-8.
  if (utf32_to_utf8(utf8_to_utf32(line)) != line) std::abort();

  std::vector<DisplayLine> lines = wrap(text, width, measure, base);
  if (lines.empty()) std::abort();
  for (const auto& l : lines)
    if (utf32_to_utf8(utf8_to_utf32(l.visual)) != l.visual) std::abort();
  (void)wrap_logical(text, width, MeasureFn(), base);

  static ShapedTextCache cache(8);
  const auto& cached = cache.get(text, width, base, measure);
  if (cached.size() != lines.size()) std::abort();
  for (size_t i = 0; i < lines.size(); ++i)
    if (cached[i].visual != lines[i].visual) std::abort();
  return 0;
}
