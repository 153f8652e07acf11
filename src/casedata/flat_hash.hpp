#pragma once
// Small open-addressing hash tables for 64-bit keys, for counting without keeping any text:
// caseworkers and supervisors are counted by a keyed hash of their code, case ids are
// checked for duplicates the same way. Key 0 is reserved (hashes are never 0).
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace mizan::casedata::detail {

// Zero-filled slots for a table. The tables are probed at random, so a large one (2 MB
// and more: a million case ids take 16 MB) is mapped on its own and asks for transparent
// huge pages: with 4 KB pages nearly every probe would also miss the TLB, and filling
// the table would take a page fault per 4 KB. Freed tables go straight back to the system.
template <class T>
class TableSlots {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  TableSlots() = default;
  explicit TableSlots(std::size_t n) : n_(n), bytes_(n * sizeof(T)) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes_ >= kHuge) {
      // Over-allocate by 2 MB to align the table to a huge page, then give back the rest.
      const std::size_t len = bytes_ + kHuge;
      void* m = mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (m == MAP_FAILED) throw std::bad_alloc();
      const auto base = reinterpret_cast<std::uintptr_t>(m);
      const std::uintptr_t start = (base + kHuge - 1) & ~static_cast<std::uintptr_t>(kHuge - 1);
      if (start > base) munmap(m, start - base);
      if (base + len > start + bytes_) munmap(reinterpret_cast<void*>(start + bytes_), base + len - start - bytes_);
      p_ = reinterpret_cast<T*>(start);
      madvise(p_, bytes_, MADV_HUGEPAGE);  // a hint: without it the table still works
      mapped_ = true;
      // Anonymous memory comes zero-filled. Write to every page now: a table's first touch
      // is often a read, which maps the shared zero page, and the write after it would cost
      // a second fault and a TLB flush on every CPU the process runs on.
      auto* bytes = reinterpret_cast<volatile char*>(p_);
      for (std::size_t i = 0; i < bytes_; i += 4096) bytes[i] = 0;
      return;
    }
#endif
    p_ = static_cast<T*>(std::calloc(n, sizeof(T)));
    if (!p_ && n) throw std::bad_alloc();
  }
  ~TableSlots() { release(); }
  TableSlots(TableSlots&& o) noexcept { *this = std::move(o); }
  TableSlots& operator=(TableSlots&& o) noexcept {
    if (this != &o) {
      release();
      p_ = std::exchange(o.p_, nullptr);
      n_ = std::exchange(o.n_, 0);
      bytes_ = std::exchange(o.bytes_, 0);
      mapped_ = std::exchange(o.mapped_, false);
    }
    return *this;
  }
  TableSlots(const TableSlots&) = delete;
  TableSlots& operator=(const TableSlots&) = delete;

  T& operator[](std::size_t i) { return p_[i]; }
  const T& operator[](std::size_t i) const { return p_[i]; }
  std::size_t size() const { return n_; }
  const T* begin() const { return p_; }
  const T* end() const { return p_ + n_; }

 private:
  static constexpr std::size_t kHuge = std::size_t(2) << 20;
  void release() {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (mapped_) {
      munmap(p_, bytes_);
      p_ = nullptr;
      return;
    }
#endif
    std::free(p_);
    p_ = nullptr;
  }
  T* p_ = nullptr;
  std::size_t n_ = 0, bytes_ = 0;
  bool mapped_ = false;
};

inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDULL;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ULL;
  x ^= x >> 33;
  return x;
}

// The n < 8 bytes at p as the low bytes of a word (the rest zero), as memcpy into a zeroed
// word gives on a little-endian machine, but in a few loads rather than a call to memcpy.
inline std::uint64_t load_partial(const char* p, std::size_t n) {
  auto byte = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i); };
  if (n >= 4) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return lo | (static_cast<std::uint64_t>(hi) << (8 * (n - 4)));
#else
    std::uint64_t w = 0;
    for (std::size_t i = 0; i < n; ++i) w |= byte(i);
    return w;
#endif
  }
  if (n == 0) return 0;
  return byte(0) | byte(n / 2) | byte(n - 1);
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
  if (n > 0) h = (h ^ fold(load_partial(p, n))) * 0x9FB21C651E98DF25ULL;
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
  struct Slot {  // zero-filled: empty
    std::uint64_t key;
    std::uint32_t val;
  };
  std::size_t slot(std::uint64_t key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_); }
  void reset(unsigned bits) {
    slots_ = TableSlots<Slot>(std::size_t(1) << bits);
    mask_ = slots_.size() - 1;
    shift_ = 64 - bits;
    bits_ = bits;
    count_ = 0;
  }
  void grow() {
    TableSlots<Slot> old = std::move(slots_);
    reset(bits_ + 1);
    for (const Slot& e : old) {
      if (!e.key) continue;
      std::size_t j = slot(e.key);
      while (slots_[j].key) j = (j + 1) & mask_;
      slots_[j] = e;
      ++count_;
    }
  }
  TableSlots<Slot> slots_;
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
  // Room for about n keys from the start, so the table need not grow (and copy) on the way.
  void reserve(std::size_t n) {
    unsigned bits = bits_;
    while ((std::size_t(1) << bits) * 7 < n * 10) ++bits;
    if (bits > bits_ && count_ == 0) reset(bits);
  }
  bool contains(std::uint64_t key) const {
    for (std::size_t i = slot(key); keys_[i]; i = (i + 1) & mask_)
      if (keys_[i] == key) return true;
    return false;
  }
  template <class F>
  void for_each(F&& f) const {
    for_each_in(0, keys_.size(), f);
  }
  // The keys in slots [from, to) of slot_count().
  template <class F>
  void for_each_in(std::size_t from, std::size_t to, F&& f) const {
    for (std::size_t i = from; i < to; ++i)
      if (keys_[i]) f(keys_[i]);
  }
  std::size_t slot_count() const { return keys_.size(); }
  bool full() const { return full_; }
  std::size_t size() const { return count_; }

 private:
  std::size_t slot(std::uint64_t key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_); }
  void reset(unsigned bits) {
    keys_ = TableSlots<std::uint64_t>(std::size_t(1) << bits);
    mask_ = keys_.size() - 1;
    shift_ = 64 - bits;
    bits_ = bits;
    count_ = 0;
  }
  void grow() {
    TableSlots<std::uint64_t> k = std::move(keys_);
    reset(bits_ + 1);
    for (std::uint64_t key : k) {
      if (!key) continue;
      std::size_t j = slot(key);
      while (keys_[j]) j = (j + 1) & mask_;
      keys_[j] = key;
      ++count_;
    }
  }
  TableSlots<std::uint64_t> keys_;
  std::size_t max_entries_, mask_ = 0, count_ = 0;
  unsigned shift_ = 52, bits_ = 12;
  bool full_ = false;
};

}  // namespace mizan::casedata::detail
