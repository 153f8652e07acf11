#pragma once
// Small open-addressing hash tables for 64-bit keys, for counting without keeping any text:
// caseworkers and supervisors are counted by a keyed hash of their code, case ids are
// checked for duplicates the same way. Key 0 is reserved (hashes are never 0).
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace mizan::casedata::detail {

inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ULL;
  x ^= x >> 33;
  return x;
}

// A keyed hash of a string (the key is random per import, so hashes mean nothing outside
// it). With `fold_case`, ASCII letters are compared without case.
inline std::uint64_t hash_text(std::string_view s, std::uint64_t seed, bool fold_case = false) {
  std::uint64_t h = seed ^ (s.size() * 0x9E3779B97F4A7C15ULL);
  const char* p = s.data();
  std::size_t n = s.size();
  auto fold = [&](std::uint64_t w) {
    if (!fold_case) return w;
    // Sets bit 5 of every byte in 'A'..'Z', eight bytes at once.
    const std::uint64_t ones = 0x0101010101010101ULL;
    const std::uint64_t low7 = w & (0x7F * ones);
    const std::uint64_t ge_a = low7 + (0x80 - 'A') * ones;
    const std::uint64_t gt_z = low7 + (0x80 - 'Z' - 1) * ones;
    const std::uint64_t upper = ge_a & ~gt_z & ~w & (0x80 * ones);
    return w | (upper >> 2);
  };
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ fold(w)) * 0x9FB21C651E98DF25ULL;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ fold(w)) * 0x9FB21C651E98DF25ULL;
  }
  h = mix64(h);
  return h ? h : 1;
}

// key -> 32-bit value, key and value side by side (one cache line per probe).
class FlatMap {
 public:
  explicit FlatMap(unsigned bits = 10) { reset(bits); }
  // The value for `key`, inserted as 0 if new.
  std::uint32_t& operator[](std::uint64_t key) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    std::size_t i = slot(key);
    while (true) {
      Slot& e = slots_[i];
      if (e.key == key) return e.val;
      if (e.key == 0) {
        e.key = key;
        ++count_;
        return e.val;
      }
      i = (i + 1) & mask_;
    }
  }
  void prefetch(std::uint64_t key) const { __builtin_prefetch(&slots_[slot(key)]); }
  std::size_t size() const { return count_; }
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& e : slots_)
      if (e.key) f(e.key, e.val);
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t val = 0;
  };
  std::size_t slot(std::uint64_t key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_); }
  void reset(unsigned bits) {
    slots_.assign(std::size_t(1) << bits, Slot{});
    mask_ = slots_.size() - 1;
    shift_ = 64 - bits;
    bits_ = bits;
    count_ = 0;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    reset(bits_ + 1);
    for (const Slot& e : old) {
      if (!e.key) continue;
      std::size_t j = slot(e.key);
      while (slots_[j].key) j = (j + 1) & mask_;
      slots_[j] = e;
      ++count_;
    }
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0, count_ = 0;
  unsigned shift_ = 54, bits_ = 10;
};

// A set of keys, at most `max_entries` of them (then it stops taking new ones).
class FlatSet {
 public:
  explicit FlatSet(std::size_t max_entries, unsigned bits = 12) : max_entries_(max_entries) { reset(bits); }

  void prefetch(std::uint64_t key) const { __builtin_prefetch(&keys_[slot(key)]); }
  // False when the key was present already.
  bool insert(std::uint64_t key) {
    std::size_t i = slot(key);
    while (keys_[i]) {
      if (keys_[i] == key) return false;
      i = (i + 1) & mask_;
    }
    if (full_) return true;
    if (count_ >= max_entries_) {
      full_ = true;
      return true;
    }
    keys_[i] = key;
    ++count_;
    if (count_ * 10 > keys_.size() * 7) grow();
    return true;
  }
  bool full() const { return full_; }
  std::size_t size() const { return count_; }

 private:
  std::size_t slot(std::uint64_t key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_); }
  void reset(unsigned bits) {
    keys_.assign(std::size_t(1) << bits, 0);
    mask_ = keys_.size() - 1;
    shift_ = 64 - bits;
    bits_ = bits;
    count_ = 0;
  }
  void grow() {
    std::vector<std::uint64_t> k = std::move(keys_);
    reset(bits_ + 1);
    for (std::uint64_t key : k) {
      if (!key) continue;
      std::size_t j = slot(key);
      while (keys_[j]) j = (j + 1) & mask_;
      keys_[j] = key;
      ++count_;
    }
  }
  std::vector<std::uint64_t> keys_;
  std::size_t max_entries_, mask_ = 0, count_ = 0;
  unsigned shift_ = 52, bits_ = 12;
  bool full_ = false;
};

}  // namespace mizan::casedata::detail
