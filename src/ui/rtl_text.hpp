#pragma once
// Every string the window draws goes through here: shaped and reordered by mizan_text
// (Dear ImGui draws code points left to right and knows no Arabic), wrapped in logical
// order, and cached per font, text and width so nothing is reshaped frame after frame.
#include <imgui.h>

#include <map>
#include <string>
#include <string_view>

#include "text/shaped_text_cache.hpp"

namespace mizan::ui {

// Wraps a left-to-right value (a date, a period like 2026-H2, a version, a path) in a
// directional isolate, so an Arabic sentence around it cannot reorder its digits
// ("2026-11-18" would otherwise read 18-11-2026: digits after Arabic letters are Arabic
// numbers under the bidi algorithm, and '-' does not join them).
std::string isolate_ltr(std::string_view value);

class BidiText {
 public:
  // The interface direction: the base direction of interface strings and rubric texts.
  void set_rtl(bool rtl) { rtl_ = rtl; }
  bool rtl() const { return rtl_; }
  // Forget shaped lines (their widths belong to the old font size).
  void clear() { caches_.clear(); }

  // One line in visual order, for the label of an ImGui widget. `user` text (notes, names
  // typed by people) takes its direction from its first strong letter.
  std::string visual(std::string_view logical, bool user = false);
  float width(std::string_view logical, bool user = false);
  // One line no wider than `width` once drawn: cut at a word and ended with "…" at its
  // logical end (the left in Arabic) when too long. Logical order, like its argument: give
  // it to label(), draw_line() or paragraph(), or to visual() for an ImGui widget's label
  // (shaping an already visual string again would reverse its Arabic).
  std::string elided(std::string_view logical, float width, bool user = false);

  // Draws `text` wrapped to `width` at the cursor; each line sits on the side its
  // paragraph starts from (right for Arabic), or in the middle. Advances the cursor.
  void paragraph(std::string_view text, float width, ImU32 color = 0, bool user = false, bool centered = false);
  float paragraph_height(std::string_view text, float width, bool user = false);
  // One line inside [min.x, min.x + width] at min.y, aligned to the interface's start
  // side (right in Arabic) unless `centered`. Draws into `dl` without moving the cursor.
  void draw_line(ImDrawList* dl, ImVec2 min, float width, std::string_view text, ImU32 color,
                 bool centered = false, bool user = false);
  // Cache statistics for tests.
  size_t misses() const;

 private:
  const std::vector<text::DisplayLine>& lines(std::string_view text, float width, bool user);
  text::BaseDirection base(bool user) const;
  bool rtl_ = false;
  std::map<const ImFont*, text::ShapedTextCache> caches_;  // a width is only true for its font
};

}  // namespace mizan::ui
