#include "text/bidi.hpp"

#include <fribidi.h>

#include <algorithm>
#include <type_traits>

#include "text/utf8.hpp"

namespace mizan::text {

static_assert(std::is_same_v<FriBidiCharType, std::uint32_t>);
static_assert(sizeof(FriBidiLevel) == sizeof(std::int8_t));
static_assert(sizeof(FriBidiChar) == sizeof(char32_t));

namespace {

constexpr FriBidiFlags kFlags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;

bool is_rtl_type(FriBidiCharType t) {
  return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL || t == FRIBIDI_TYPE_RLE ||
         t == FRIBIDI_TYPE_RLO || t == FRIBIDI_TYPE_RLI;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

FriBidiParType to_fribidi(BaseDirection base) {
  switch (base) {
    case BaseDirection::LTR: return FRIBIDI_PAR_LTR;
    case BaseDirection::RTL: return FRIBIDI_PAR_RTL;
    case BaseDirection::Auto: break;
  }
  return FRIBIDI_PAR_ON;
}

// "CPIMS+", "COVID-19", "C#": ES/ET symbols glued to the end of a Latin word stay with it
// (see the header). Only when what follows is not right-to-left, so "A+ب" is left alone.
void attach_symbols_to_latin_words(std::vector<FriBidiCharType>& types) {
  const std::size_t n = types.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (types[i] != FRIBIDI_TYPE_LTR) continue;
    std::size_t j = i + 1;
    while (j < n && (types[j] == FRIBIDI_TYPE_ES || types[j] == FRIBIDI_TYPE_ET)) ++j;
    if (j == i + 1) continue;
    const bool rtl_follows = j < n && (types[j] == FRIBIDI_TYPE_RTL || types[j] == FRIBIDI_TYPE_AL ||
                                       types[j] == FRIBIDI_TYPE_AN);
    if (!rtl_follows) std::fill(types.begin() + i + 1, types.begin() + j, FRIBIDI_TYPE_LTR);
    i = j - 1;
  }
}

std::u32string drop_invisible(std::u32string s) {
  s.erase(std::remove_if(s.begin(), s.end(), is_dropped_in_visual), s.end());
  return s;
}

}  // namespace

bool is_dropped_in_visual(char32_t c) noexcept {
  return c == 0xFEFF                      // fill left by lam-alef ligatures; BOM / ZWNBSP
         || (c >= 0x200B && c <= 0x200F)  // ZWSP, ZWNJ, ZWJ, LRM, RLM
         || (c >= 0x202A && c <= 0x202E)  // LRE, RLE, PDF, LRO, RLO
         || (c >= 0x2066 && c <= 0x2069)  // LRI, RLI, FSI, PDI
         || c == 0x061C;                  // ALM
}

bool has_rtl(std::u32string_view text) {
  return std::any_of(text.begin(), text.end(), [](char32_t c) {
    return c >= 0x80 && is_rtl_type(fribidi_get_bidi_type(static_cast<FriBidiChar>(c)));
  });
}

bool has_rtl(std::string_view utf8) {
  if (is_ascii(utf8)) return false;
  return has_rtl(utf8_to_utf32(utf8));
}

bool resolves_to_rtl(std::string_view utf8, BaseDirection base) {
  if (base != BaseDirection::Auto) return base == BaseDirection::RTL;
  if (is_ascii(utf8)) return false;
  return BidiParagraph(utf8_to_utf32(utf8), base).rtl();
}

std::string shape_line(std::string_view logical_utf8, BaseDirection base) {
  if (is_ascii(logical_utf8)) return std::string(logical_utf8);
  BidiParagraph paragraph(utf8_to_utf32(logical_utf8), base);
  return utf32_to_utf8(paragraph.visual(0, paragraph.size()));
}

BidiParagraph::BidiParagraph(std::u32string logical, BaseDirection base)
    : text_(std::move(logical)) {
  bidi_ = has_rtl(text_);
  rtl_ = base == BaseDirection::RTL;
  if (!bidi_) return;

  const auto len = static_cast<FriBidiStrIndex>(text_.size());
  const auto* str = reinterpret_cast<const FriBidiChar*>(text_.data());
  types_.resize(text_.size());
  fribidi_get_bidi_types(str, len, types_.data());
  std::vector<FriBidiBracketType> brackets(text_.size());
  fribidi_get_bracket_types(str, len, types_.data(), brackets.data());
  attach_symbols_to_latin_words(types_);

  levels_.resize(text_.size());
  FriBidiParType par = to_fribidi(base);
  const FriBidiLevel max_level = fribidi_get_par_embedding_levels_ex(
      types_.data(), brackets.data(), len, &par, reinterpret_cast<FriBidiLevel*>(levels_.data()));
  if (max_level == 0) {  // FriBidi failed (out of memory): show the text as it is
    bidi_ = false;
    return;
  }
  rtl_ = FRIBIDI_IS_RTL(par);
}

std::u32string BidiParagraph::visual(std::size_t begin, std::size_t end) const {
  end = std::min(end, text_.size());
  if (begin >= end) return {};
  std::u32string line = text_.substr(begin, end - begin);
  if (!bidi_) return drop_invisible(std::move(line));

  const auto len = static_cast<FriBidiStrIndex>(line.size());
  auto* str = reinterpret_cast<FriBidiChar*>(line.data());
  const FriBidiCharType* types = types_.data() + begin;
  // Reordering rewrites levels (rule L1), so each line works on its own copy.
  std::vector<FriBidiLevel> levels(levels_.begin() + static_cast<std::ptrdiff_t>(begin),
                                   levels_.begin() + static_cast<std::ptrdiff_t>(end));
  // Joining per line: a word cut by the line break shows each piece in its own forms.
  std::vector<FriBidiArabicProp> joining(line.size());
  fribidi_get_joining_types(str, len, joining.data());
  fribidi_join_arabic(types, len, levels.data(), joining.data());
  fribidi_shape(kFlags, levels.data(), len, joining.data(), str);
  if (fribidi_reorder_line(kFlags, types, len, 0, rtl_ ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR,
                           levels.data(), str, nullptr) == 0) {
    return drop_invisible(text_.substr(begin, end - begin));  // FriBidi failed
  }
  return drop_invisible(std::move(line));
}

}  // namespace mizan::text
