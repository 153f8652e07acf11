#include "text/shaped_text_cache.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

namespace mizan::text {

bool ShapedTextCache::Key::operator==(const Key& other) const noexcept {
  // Bitwise width comparison: the same float from the same layout hits, and NaN cannot
  // make an entry unreachable.
  return text == other.text && base == other.base &&
         std::memcmp(&max_width, &other.max_width, sizeof max_width) == 0;
}

std::size_t ShapedTextCache::KeyHash::operator()(const Key& key) const noexcept {
  std::uint32_t bits = 0;
  static_assert(sizeof bits == sizeof key.max_width);
  std::memcpy(&bits, &key.max_width, sizeof bits);
  std::size_t h = std::hash<std::string_view>{}(key.text);
  h ^= (static_cast<std::size_t>(bits) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  h ^= (static_cast<std::size_t>(key.base) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  return h;
}

ShapedTextCache::ShapedTextCache(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

const std::vector<DisplayLine>& ShapedTextCache::get(std::string_view text, float max_width,
                                                     BaseDirection base, const MeasureFn& measure) {
  if (!(max_width > 0.0f)) max_width = 0.0f;  // every "no limit" width (and NaN) shares one entry
  if (auto found = index_.find(Key{text, max_width, base}); found != index_.end()) {
    ++hits_;
    entries_.splice(entries_.begin(), entries_, found->second);
    return found->second->lines;
  }
  ++misses_;
  std::vector<DisplayLine> lines = wrap(text, max_width, measure, base);
  if (entries_.size() >= capacity_) {
    const Entry& oldest = entries_.back();
    index_.erase(Key{oldest.text, oldest.max_width, oldest.base});
    entries_.pop_back();
  }
  entries_.push_front(Entry{std::string(text), max_width, base, std::move(lines)});
  const Entry& entry = entries_.front();
  index_.emplace(Key{entry.text, entry.max_width, entry.base}, entries_.begin());
  return entry.lines;
}

void ShapedTextCache::clear() {
  index_.clear();
  entries_.clear();
}

}  // namespace mizan::text
