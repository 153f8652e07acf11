#include "text/wrap.hpp"

#include <fribidi.h>

#include "text/utf8.hpp"

namespace mizan::text {
namespace {

bool is_break_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x1680 || (c >= 0x2000 && c <= 0x2006) ||
         (c >= 0x2008 && c <= 0x200A) || c == 0x205F || c == 0x3000;
}

// May a line be cut just before text[i]? Not before a combining mark, not around a joiner.
bool can_split_before(const std::u32string& text, std::size_t i) {
  const char32_t c = text[i];
  const char32_t prev = text[i - 1];
  if (c == 0x200C || c == 0x200D || prev == 0x200C || prev == 0x200D) return false;
  return fribidi_get_bidi_type(static_cast<FriBidiChar>(c)) != FRIBIDI_TYPE_NSM;
}

class ParagraphWrapper {
 public:
  ParagraphWrapper(std::u32string text, BaseDirection base, float max_width, const MeasureFn& measure)
      : paragraph_(std::move(text), base), max_width_(max_width), measure_(measure) {}

  void run(std::vector<DisplayLine>& out) {
    const std::u32string& text = paragraph_.logical();
    const std::size_t n = text.size();
    if (n == 0) {
      emit(out, 0, 0);
      return;
    }
    std::size_t pos = 0;
    while (pos < n) {
      std::size_t end = word_end(pos);  // includes spaces before the first word
      if (!fits(pos, end)) {
        end = split_point(pos, end);
        emit(out, pos, end);
        pos = end;  // inside a word: no spaces to skip
        continue;
      }
      for (;;) {
        const std::size_t next = skip_spaces(end);
        if (next == n) break;
        const std::size_t candidate = word_end(next);
        if (!fits(pos, candidate)) break;
        end = candidate;
      }
      emit(out, pos, end);
      pos = skip_spaces(end);
    }
  }

 private:
  std::size_t skip_spaces(std::size_t i) const {
    const std::u32string& text = paragraph_.logical();
    while (i < text.size() && is_break_space(text[i])) ++i;
    return i;
  }

  std::size_t word_end(std::size_t i) const {
    const std::u32string& text = paragraph_.logical();
    i = skip_spaces(i);
    while (i < text.size() && !is_break_space(text[i])) ++i;
    return i;
  }

  bool fits(std::size_t begin, std::size_t end) const {
    if (max_width_ <= 0.0f || !measure_) return true;
    return measure_(utf32_to_utf8(paragraph_.visual(begin, end))) <= max_width_;
  }

  // The longest prefix of [begin, end) that fits, cut where allowed; at least one cut unit.
  std::size_t split_point(std::size_t begin, std::size_t end) const {
    const std::u32string& text = paragraph_.logical();
    std::size_t best = 0;
    for (std::size_t cut = begin + 1; cut < end; ++cut) {
      if (!can_split_before(text, cut)) continue;
      if (!fits(begin, cut)) break;
      best = cut;
    }
    if (best != 0) return best;
    std::size_t cut = begin + 1;  // nothing fits: one unit anyway
    while (cut < end && !can_split_before(text, cut)) ++cut;
    return cut;
  }

  void emit(std::vector<DisplayLine>& out, std::size_t begin, std::size_t end) const {
    DisplayLine line;
    line.visual = utf32_to_utf8(paragraph_.visual(begin, end));
    line.logical = utf32_to_utf8(paragraph_.logical().substr(begin, end - begin));
    line.rtl = paragraph_.rtl();
    out.push_back(std::move(line));
  }

  BidiParagraph paragraph_;
  float max_width_;
  const MeasureFn& measure_;
};

}  // namespace

std::vector<DisplayLine> wrap(std::string_view utf8, float max_width, const MeasureFn& measure,
                              BaseDirection base) {
  std::vector<DisplayLine> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t newline = utf8.find('\n', start);
    std::string_view paragraph = utf8.substr(start, newline == std::string_view::npos
                                                        ? std::string_view::npos
                                                        : newline - start);
    if (!paragraph.empty() && paragraph.back() == '\r') paragraph.remove_suffix(1);
    ParagraphWrapper(utf8_to_utf32(paragraph), base, max_width, measure).run(lines);
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return lines;
}

std::vector<std::string> wrap_logical(std::string_view utf8, float max_width,
                                      const MeasureFn& measure, BaseDirection base) {
  std::vector<std::string> visual;
  for (DisplayLine& line : wrap(utf8, max_width, measure, base)) visual.push_back(std::move(line.visual));
  return visual;
}

}  // namespace mizan::text
