// Shaped, wrapped lines kept between frames, so the UI does not re-shape every string in
// every frame. Keyed by (text, max_width, base direction); least recently used entries go
// first once the bound is reached. Clear it when the font or the scale changes (the
// measure function then gives other widths).
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/bidi.hpp"
#include "text/wrap.hpp"

namespace mizan::text {

class ShapedTextCache {
 public:
  explicit ShapedTextCache(std::size_t capacity = 2048);

  // wrap(text, max_width, measure, base), computed on a miss. max_width <= 0: no wrapping
  // (one line per '\n'), and measure may then be empty. The reference stays valid until the
  // next call to get() or clear().
  const std::vector<DisplayLine>& get(std::string_view text, float max_width, BaseDirection base,
                                      const MeasureFn& measure);

  void clear();
  std::size_t size() const noexcept { return entries_.size(); }
  std::size_t capacity() const noexcept { return capacity_; }
  std::size_t hits() const noexcept { return hits_; }
  std::size_t misses() const noexcept { return misses_; }

 private:
  struct Key {
    std::string_view text;  // views the owning Entry's string (or the caller's, for lookups)
    float max_width;
    BaseDirection base;
    bool operator==(const Key& other) const noexcept;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept;
  };
  struct Entry {
    std::string text;
    float max_width;
    BaseDirection base;
    std::vector<DisplayLine> lines;
  };

  std::size_t capacity_;
  std::list<Entry> entries_;  // most recently used first; nodes never move
  std::unordered_map<Key, std::list<Entry>::iterator, KeyHash> index_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

}  // namespace mizan::text
