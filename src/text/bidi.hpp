// Shaping and reordering of right-to-left text for a renderer that draws code points
// left to right with no shaping of its own (Dear ImGui).
//
// Pipeline (FriBidi): bidi types -> paragraph embedding levels -> per line: joining types,
// fribidi_join_arabic, fribidi_shape (mirroring + Arabic presentation forms
// U+FB50-U+FDFF, U+FE70-U+FEFC, lam-alef ligatures) -> fribidi_reorder_line -> removal
// of invisible characters (the U+FEFF a lam-alef ligature leaves, bidi controls, ZWJ/ZWNJ)
// that the renderer would otherwise draw as '?'.
//
// Limits: FriBidi shapes Arabic-script only and positions no marks (harakat are kept as
// separate zero-advance code points after their base); no Indic/complex shaping.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mizan::text {

enum class BaseDirection {
  LTR,   // English UI
  RTL,   // Arabic UI
  Auto,  // from the first strong character of each paragraph; LTR when there is none
};

// True if the text holds a strong right-to-left character (bidi class R or AL, which
// includes RLM and ALM) or an explicit RTL embedding, override or isolate (RLE, RLO, RLI).
// Invalid UTF-8 is tolerated.
bool has_rtl(std::string_view utf8);
bool has_rtl(std::u32string_view text);

// The paragraph direction the base resolves to for this text (Auto: first strong
// character, LTR if none). The UI right-aligns lines whose paragraph is RTL.
bool resolves_to_rtl(std::string_view utf8, BaseDirection base);

// One display line, logical UTF-8 in, visual-order UTF-8 out, shaped and ready to be drawn
// left to right. Text without RTL content (see has_rtl) is returned unchanged whatever the
// base direction (fast path), except that invalid UTF-8 becomes U+FFFD and invisible format
// characters are dropped. '\n' is not treated specially here: use wrap() for several lines.
std::string shape_line(std::string_view logical_utf8, BaseDirection base);

// Bidi analysis of one paragraph (text with no line break), done once so that lines cut
// from it are reordered with the paragraph's embedding levels (UAX #9: levels are resolved
// per paragraph, reordering is done per line). Used by wrap().
//
// One deviation from plain UAX #9: symbols of class ES/ET written right after a Latin
// letter (the '+' in "CPIMS+", the '-' in "COVID-19") are taken as part of the Latin word,
// so that an Arabic sentence shows "CPIMS+" and not "+CPIMS".
class BidiParagraph {
 public:
  BidiParagraph(std::u32string logical, BaseDirection base);

  const std::u32string& logical() const noexcept { return text_; }
  std::size_t size() const noexcept { return text_.size(); }
  bool rtl() const noexcept { return rtl_; }  // resolved paragraph direction

  // The shaped, visual-order code points of logical()[begin, end) displayed as one line.
  std::u32string visual(std::size_t begin, std::size_t end) const;

 private:
  std::u32string text_;
  std::vector<std::uint32_t> types_;  // FriBidiCharType, adjusted as described above
  std::vector<std::int8_t> levels_;   // FriBidiLevel
  bool rtl_ = false;
  bool bidi_ = false;  // false: no RTL content, lines are shown as they are
};

// True for the invisible format characters removed from visual output.
bool is_dropped_in_visual(char32_t c) noexcept;

}  // namespace mizan::text
