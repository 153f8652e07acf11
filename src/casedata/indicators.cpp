#include "casedata/indicators.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <random>
#include <system_error>
#include <thread>

#include <sys/stat.h>

#include "casedata/error.hpp"
#include "casedata/flat_hash.hpp"

namespace mizan::casedata {

const std::vector<std::string>& indicator_ids() {
  static const std::vector<std::string> k = {
      "cases.total",          "cases.open",           "cases.closed",           "caseload.caseworkers",
      "caseload.max",         "caseload.median",      "caseload.over_limit",    "supervision.max",
      "supervision.over_limit", "consent.rate",       "risk.recorded_rate",     "assessment.timely_rate",
      "case_plan.rate",       "case_plan.approved_rate", "followup.timely_rate", "closure.valid_reason_rate",
      "closure.approved_rate", "closure.post_review_rate", "disability.recorded_rate", "cases.duplicate_ids"};
  return k;
}

bool is_rate(const std::string& id) { return id.size() >= 4 && id.compare(id.size() - 4, 4, "rate") == 0; }

const char* age_group_name(AgeGroup g) {
  switch (g) {
    case AgeGroup::age_0_5: return "0-5";
    case AgeGroup::age_6_11: return "6-11";
    case AgeGroup::age_12_17: return "12-17";
    case AgeGroup::age_18_plus: return "18+";
    case AgeGroup::unknown: return "unknown";
  }
  return "unknown";
}

AgeGroup age_group_of(int years) {
  if (years < 0) return AgeGroup::unknown;
  if (years <= 5) return AgeGroup::age_0_5;
  if (years <= 11) return AgeGroup::age_6_11;
  if (years <= 17) return AgeGroup::age_12_17;
  return AgeGroup::age_18_plus;
}

namespace {

const char* const kSexNames[4] = {"male", "female", "other", "unknown"};
const char* const kDisabilityNames[3] = {"yes", "no", "unknown"};

// Fixed reasons: a problem never quotes the cell.
const char* const kBadDate = "not a date in a format the mapping accepts";
const char* const kBadYesNo = "not yes or no";
const char* const kBadSex = "not male, female, other or unknown";
const char* const kBadRisk = "not high, medium or low";
const char* const kBadStatus = "not open or closed";
const char* const kBadAge = "not an age in years (0 to 120)";
const char* const kDobAfterAsOf = "date of birth after the as-of date";
const char* const kNoCaseId = "case_id is blank: the row is not counted as a case";
const char* const kWidth = "the row has a different number of cells than the header";

const char* bad_value_reason(FieldKind k) {
  switch (k) {
    case FieldKind::yes_no: return kBadYesNo;
    case FieldKind::sex: return kBadSex;
    case FieldKind::risk: return kBadRisk;
    case FieldKind::status: return kBadStatus;
    default: return kBadDate;
  }
}

constexpr int kUnknown = -1;   // blank, or a value that was not understood
constexpr int kInvalidReason = -3;  // a closure reason outside the contract's list

std::uint64_t random_seed() {
  std::random_device rd;
  return (static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^ 0x5DEECE66DULL;
}

// The bytes of a cell of at most 16 bytes as two words: with the length they identify it.
// Overlapping loads from the cell itself, never past its end and never via the stack.
struct ShortKey {
  std::uint64_t a, b;
};
inline std::uint64_t load8(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline std::uint64_t load4(const char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}
[[gnu::always_inline]] inline ShortKey short_key(std::string_view v) {  // v.size() <= 16
  const char* p = v.data();
  const std::size_t n = v.size();
  if (n >= 8) return {load8(p), load8(p + n - 8)};
  if (n >= 4) return {load4(p) | (load4(p + n - 4) << 32), 0};
  if (n > 0)
    return {static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
                static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
                static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16,
            0};
  return {0, 0};
}

bool parse_age(std::string_view v, int& years) {
  char buf[32];
  bool ascii = true;  // the usual case, without a call
  for (char c : v) ascii &= static_cast<unsigned char>(c) < 0x80;
  std::string_view a = ascii ? v : ascii_digits(v, buf, sizeof buf);
  std::size_t i = 0;
  int n = 0;
  while (i < a.size() && a[i] >= '0' && a[i] <= '9') {
    n = n * 10 + (a[i] - '0');
    if (n > 1000) return false;
    ++i;
  }
  if (i == 0) return false;
  if (i < a.size() && (a[i] == '.' || a[i] == ',')) {
    ++i;
    while (i < a.size() && a[i] >= '0' && a[i] <= '9') ++i;
  }
  if (i != a.size() || n > 120) return false;
  years = n;
  return true;
}

}  // namespace

// A date or none in one register. std::optional<Date> comes back from a call through the
// stack, in two parts read back as one: a store-forwarding stall for every date cell.
class MaybeDate {
 public:
  MaybeDate() = default;
  MaybeDate(std::optional<Date> d) : days_(d ? d->days : kNone) {}  // NOLINT: implicit on purpose
  static MaybeDate from_days(std::int32_t days) {  // detail::kNoDay: none
    MaybeDate m;
    m.days_ = days;
    return m;
  }
  explicit operator bool() const { return days_ != kNone; }
  bool has_value() const { return days_ != kNone; }
  Date operator*() const { return Date{days_}; }

 private:
  static constexpr std::int32_t kNone = detail::kNoDay;  // no date reaches it (years 1900–9999)
  std::int32_t days_ = kNone;
};

struct IndicatorCounter::State {
  State(const CaseMapping& mp, Date d, const Limits& l, std::string f, bool ragged_rows)
      : m(mp), as_of(d), lim(l), file(std::move(f)), ragged(ragged_rows),
        iso_first(mp.dates().iso_first()), ids(IndicatorReport::kMaxDuplicateCheck, 16), seed(random_seed()) {
    as_of.ymd(ay, am, ad);
  }

  const CaseMapping& m;
  Date as_of;
  Limits lim;
  std::string file;
  bool ragged;
  bool iso_first;  // the mapping reads YYYY-MM-DD first
  int ay = 0, am = 0, ad = 0;

  bool have_header = false;
  std::size_t width = 0;
  ColumnBinding bind;

  // Where each field is read from: its only column, or kNone (no column), or kMany
  // (several, the first non-blank wins: see bind.columns).
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  static constexpr std::size_t kMany = static_cast<std::size_t>(-2);
  std::array<std::size_t, kFieldCount> only{};

  // A small memo per enumerated field: values repeat ("yes", "open"…) row after row. Open
  // addressing without eviction: the first spellings seen stay; a field with very many
  // spellings (not a list of codes) looks the rest up each time.
  struct Memo {
    std::uint64_t a = 0, b = 0;
    std::uint8_t len = 0xFF;  // 0xFF: empty slot
    int code = 0;
  };
  static constexpr std::size_t kMemoSlots = 16, kMemoProbes = 4;
  std::array<std::array<Memo, kMemoSlots>, kFieldCount> memo{};

  // counters
  std::int64_t rows = 0, rejected = 0, no_id = 0, blank = 0, cases = 0, open = 0, closed = 0, dups = 0;
  RateCount consent, risk, assess, plan, plan_ok, follow, reason, closure_ok, review, disability;
  Disaggregation dis;
  // Open cases per caseworker, caseworkers per supervisor: counted by keyed hashes of the
  // codes. The hash tables outgrow the caches, so each row's keys are queued and their
  // slots prefetched; the queue is worked off a few rows later.
  detail::FlatMap caseworker_open{10}, supervisor_caseworkers{8};
  detail::FlatSet pairs{std::size_t(-1), 10};
  detail::FlatSet ids;
  std::uint64_t seed;
  struct Pending {
    std::uint64_t id, caseworker, supervisor, pair;  // 0 = none
  };
  static constexpr std::size_t kQueue = 16;
  std::array<Pending, kQueue> queue{};
  std::size_t queued = 0;

  void enqueue(const Pending& p) {
    if (queued == kQueue) drain();
    if (p.id) ids.prefetch(p.id);
    if (p.caseworker) caseworker_open.prefetch(p.caseworker);
    if (p.pair) {
      pairs.prefetch(p.pair);
      supervisor_caseworkers.prefetch(p.supervisor);
    }
    queue[queued++] = p;
  }
  void drain() {
    for (std::size_t i = 0; i < queued; ++i) {
      const Pending& p = queue[i];
      if (p.id) dups += ids.insert(p.id) ? 0 : 1;
      if (p.caseworker) caseworker_open[p.caseworker]++;
      if (p.pair && pairs.insert(p.pair)) {
        supervisor_caseworkers[p.supervisor]++;
        if (later_part) new_pairs.push_back({p.pair, p.supervisor});
      }
    }
    queued = 0;
  }
  // The counter of a second part keeps its (caseworker, supervisor) pairs with their
  // supervisor, to count them once more when taken in by the first part's counter.
  bool later_part = false;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> new_pairs;

  void absorb(State& b, std::uint64_t line_offset) {
    drain();
    b.drain();
    rows += b.rows;
    rejected += b.rejected;
    no_id += b.no_id;
    blank += b.blank;
    cases += b.cases;
    open += b.open;
    closed += b.closed;
    // Duplicates within each part, plus every id of the second part seen in the first.
    dups += b.dups;
    // Both tables are only read now: two threads share the probing when it is worth it.
    auto seen_in_first = [&](std::size_t from, std::size_t to) {
      std::int64_t n = 0;
      std::array<std::uint64_t, 32> ahead{};  // each key's slot is prefetched 32 keys before it is probed
      std::size_t k = 0;
      b.ids.for_each_in(from, to, [&](std::uint64_t key) {
        ids.prefetch(key);
        std::uint64_t& slot = ahead[k++ % ahead.size()];
        if (slot) n += ids.contains(slot) ? 1 : 0;
        slot = key;
      });
      for (std::uint64_t key : ahead)
        if (key) n += ids.contains(key) ? 1 : 0;
      return n;
    };
    const std::size_t slots = b.ids.slot_count(), half = slots / 2;
    std::thread t;
    std::int64_t upper = 0;
    if (b.ids.size() >= 100000) {
      try {
        t = std::thread([&] { upper = seen_in_first(half, slots); });
      } catch (const std::system_error&) {
        // no second thread: this one probes it all
      }
    }
    dups += seen_in_first(0, t.joinable() ? half : slots);
    if (t.joinable()) {
      t.join();
      dups += upper;
    }
    for (auto [rc, brc] : {std::pair{&consent, &b.consent}, {&risk, &b.risk}, {&assess, &b.assess},
                           {&plan, &b.plan}, {&plan_ok, &b.plan_ok}, {&follow, &b.follow}, {&reason, &b.reason},
                           {&closure_ok, &b.closure_ok}, {&review, &b.review}, {&disability, &b.disability}}) {
      rc->numerator += brc->numerator;
      rc->denominator += brc->denominator;
    }
    for (std::size_t i = 0; i < dis.cells.size(); ++i) {
      dis.cells[i].total += b.dis.cells[i].total;
      dis.cells[i].open += b.dis.cells[i].open;
    }
    b.caseworker_open.for_each([&](std::uint64_t key, std::uint32_t n) { caseworker_open[key] += n; });
    for (const auto& [pair, supervisor] : b.new_pairs)
      if (pairs.insert(pair)) supervisor_caseworkers[supervisor]++;
    problems += b.problems;
    for (const auto& [key, n] : b.tally) tally[key] += n;
    for (RowProblem& p : b.listed) {
      if (listed.size() >= IndicatorReport::kListedProblems) break;
      p.line += line_offset;
      listed.push_back(std::move(p));
    }
  }

  // problems
  std::map<std::pair<int, const char*>, std::int64_t> tally;
  std::vector<RowProblem> listed;
  std::int64_t problems = 0;

  // Rare: kept out of the loop over rows.
  [[gnu::cold, gnu::noinline]] void problem(std::uint64_t line, int field, const char* reason) {
    ++problems;
    ++tally[{field, reason}];
    if (listed.size() < IndicatorReport::kListedProblems)
      listed.push_back({line, field >= 0 ? bind.column_name[static_cast<std::size_t>(field)] : std::string(), reason});
  }

  // The trimmed value of a field (empty: blank, or no column). The helpers called for every
  // cell are forced inline, their rare cases kept out of line.
  [[gnu::always_inline]] std::string_view value(const Row& r, Field f) const {
    const std::size_t c = only[index(f)];
    if (__builtin_expect(c == kMany, 0)) return first_nonblank(r, f);
    return c < r.size ? trim(r.cells[c]) : std::string_view();
  }
  [[gnu::noinline]] std::string_view first_nonblank(const Row& r, Field f) const {
    for (std::size_t c : bind.columns[index(f)]) {
      if (c >= r.size) continue;
      const std::string_view v = trim(r.cells[c]);
      if (!v.empty()) return v;
    }
    return {};
  }

  static std::size_t memo_slot(const ShortKey& k, std::size_t len) {
    return static_cast<std::size_t>(((k.a ^ k.b) + len) * 0x9E3779B97F4A7C15ULL >> 60);
  }
  [[gnu::always_inline]] int code_of(Field f, std::string_view v) {
    if (v.size() <= 16) {
      const ShortKey k = short_key(v);
      const Memo& slot = memo[index(f)][memo_slot(k, v.size())];
      if (slot.len == v.size() && slot.a == k.a && slot.b == k.b) return slot.code;
    }
    return code_of_slow(f, v);
  }
  [[gnu::noinline]] int code_of_slow(Field f, std::string_view v) {
    if (v.size() > 16) return m.values(f).lookup(v);
    const ShortKey k = short_key(v);
    auto& slots = memo[index(f)];
    const std::size_t h = memo_slot(k, v.size());
    for (std::size_t i = 0; i < kMemoProbes; ++i) {
      Memo& slot = slots[(h + i) % kMemoSlots];
      if (slot.len == v.size() && slot.a == k.a && slot.b == k.b) return slot.code;
      if (slot.len == 0xFF) {
        slot = {k.a, k.b, static_cast<std::uint8_t>(v.size()), m.values(f).lookup(v)};
        return slot.code;
      }
    }
    return m.values(f).lookup(v);
  }

  // Canonical code, or kUnknown (blank or not understood — the latter reported).
  [[gnu::always_inline]] int enumerated(const Row& r, Field f) {
    const std::string_view v = value(r, f);
    if (v.empty()) return kUnknown;
    const int code = code_of(f, v);
    if (code >= 0) return code;
    if (code == ValueTable::kNoMatch) problem(r.line, static_cast<int>(index(f)), bad_value_reason(field_kind(f)));
    return kUnknown;
  }

  // Dates: YYYY-MM-DD is read directly when the mapping tries it first (as DateParser::parse
  // does). Other spellings repeat too (a few hundred distinct days in a year of cases): a
  // direct-mapped memo of spellings up to 16 bytes saves parsing most of them. Only dates
  // are kept here, and the memo lives as long as the import.
  struct DateMemo {
    std::uint64_t a = 0, b = 0;
    std::uint8_t len = 0xFF;
    bool ok = false;
    Date d;
  };
  std::vector<DateMemo> date_memo = std::vector<DateMemo>(1024);

  [[gnu::always_inline]] MaybeDate date(const Row& r, Field f) {
    const std::string_view v = value(r, f);
    if (v.empty()) return MaybeDate();
    if (iso_first && v.size() == 10)
      if (const std::int32_t days = detail::iso_days(v); days != detail::kNoDay) return MaybeDate::from_days(days);
    return date_slow(r, f, v);
  }
  [[gnu::noinline]] MaybeDate date_slow(const Row& r, Field f, std::string_view v) {
    const MaybeDate d = parse_date(v);
    if (!d) problem(r.line, static_cast<int>(index(f)), kBadDate);
    return d;
  }
  MaybeDate parse_date(std::string_view v) {
    if (v.size() > 16) return m.dates().parse(v);
    const ShortKey k = short_key(v);
    const std::size_t h = static_cast<std::size_t>(
        (((k.a + v.size()) * 0x9E3779B97F4A7C15ULL) ^ (k.b * 0xC2B2AE3D27D4EB4FULL)) >> 54);
    DateMemo& e = date_memo[h];
    if (e.len == v.size() && e.a == k.a && e.b == k.b) return e.ok ? MaybeDate(e.d) : MaybeDate();
    const auto d = m.dates().parse(v);
    e.a = k.a;
    e.b = k.b;
    e.len = static_cast<std::uint8_t>(v.size());
    e.ok = d.has_value();
    e.d = d.value_or(Date{});
    return d;
  }

  static bool all_blank(const Row& r) {
    for (std::size_t i = 0; i < r.size; ++i)
      if (!trim(r.cells[i]).empty()) return false;
    return true;
  }

  void header(const Row& r) {
    std::vector<std::string_view> h(r.cells, r.cells + r.size);
    bind = m.bind(h);
    for (std::size_t f = 0; f < kFieldCount; ++f)
      only[f] = bind.columns[f].empty() ? kNone : bind.columns[f].size() == 1 ? bind.columns[f][0] : kMany;
    width = r.size;
    have_header = true;
    if (!bind.has(Field::case_id)) {
      std::string looked;
      for (const auto& n : m.columns(Field::case_id)) looked += (looked.empty() ? "\"" : ", \"") + n + "\"";
      throw CaseDataError(file, r.line, 0, {},
                          "no case_id column in the header (mapping \"" + m.name() + "\" looks for " +
                              (looked.empty() ? std::string("nothing") : looked) +
                              "); is this the right mapping, and is the first line the header?");
    }
  }

  void row(const Row& r) {
    ++rows;
    if (r.malformed) {
      ++rejected;
      problem(r.line, -1, r.malformed);
      return;
    }
    if (r.size != width && !(ragged && r.size < width)) {
      bool extra_blank = r.size > width;
      for (std::size_t i = width; extra_blank && i < r.size; ++i) extra_blank = trim(r.cells[i]).empty();
      if (!extra_blank) {
        if (all_blank(r)) {
          --rows;
          ++blank;
        } else {
          ++rejected;
          problem(r.line, -1, kWidth);
        }
        return;
      }
    }
    const std::string_view id = value(r, Field::case_id);
    if (id.empty()) {
      if (all_blank(r)) {
        --rows;
        ++blank;
      } else {
        ++no_id;
        problem(r.line, static_cast<int>(index(Field::case_id)), kNoCaseId);
      }
      return;
    }
    ++cases;
    Pending pending{detail::hash_text(id, seed), 0, 0, 0};

    const int st = enumerated(r, Field::status);
    const bool is_open = st == static_cast<int>(Status::open);
    const bool is_closed = st == static_cast<int>(Status::closed);
    open += is_open;
    closed += is_closed;

    const int rk = enumerated(r, Field::risk_level);
    const int sx = enumerated(r, Field::sex);
    const int ds = enumerated(r, Field::disability);
    const int cs = enumerated(r, Field::consent);
    const int pa = enumerated(r, Field::case_plan_approved);
    const int ca = enumerated(r, Field::closure_approved);
    int why = kUnknown;
    if (const std::string_view v = value(r, Field::closure_reason); !v.empty()) {
      const int c = code_of(Field::closure_reason, v);
      why = c >= 0 ? c : (c == ValueTable::kBlank ? kUnknown : kInvalidReason);
    }
    const auto reg = date(r, Field::registration_date);
    const auto ass = date(r, Field::assessment_date);
    const auto cp = date(r, Field::case_plan_date);
    const auto fu = date(r, Field::last_followup_date);
    const auto cd = date(r, Field::closure_date);
    const auto pcr = date(r, Field::post_closure_review_date);
    const auto dob = date(r, Field::date_of_birth);

    int years = -1;
    if (const std::string_view v = value(r, Field::age); !v.empty()) {
      if (!parse_age(v, years)) {
        years = -1;
        problem(r.line, static_cast<int>(index(Field::age)), kBadAge);
      }
    }
    if (years < 0 && dob) {
      if (*dob > as_of) {
        problem(r.line, static_cast<int>(index(Field::date_of_birth)), kDobAfterAsOf);
      } else {
        int y, mo, d;
        (*dob).ymd(y, mo, d);
        years = ay - y - ((am < mo || (am == mo && ad < d)) ? 1 : 0);
      }
    }

    // Rates over all cases.
    consent.denominator++;
    consent.numerator += cs == static_cast<int>(YesNo::yes);
    risk.denominator++;
    risk.numerator += rk >= 0;
    disability.denominator++;
    disability.numerator += ds >= 0;

    if (rk >= 0 && reg && ass) {
      assess.denominator++;
      assess.numerator += (*ass - *reg) <= lim.assessment_due_days[static_cast<std::size_t>(rk)];
    }
    if (ass) {
      plan.denominator++;
      plan.numerator += cp.has_value();
    }
    if (cp) {
      plan_ok.denominator++;
      plan_ok.numerator += pa == static_cast<int>(YesNo::yes);
    }
    if (is_open && rk >= 0) {
      follow.denominator++;
      const MaybeDate last = fu ? fu : reg;
      if (last) follow.numerator += (as_of - *last) <= lim.followup_days[static_cast<std::size_t>(rk)];
    }
    if (is_closed) {
      reason.denominator++;
      reason.numerator += why >= 0;
      closure_ok.denominator++;
      closure_ok.numerator += ca == static_cast<int>(YesNo::yes);
      if (cd && (as_of - *cd) >= lim.post_closure_review_days) {
        review.denominator++;
        review.numerator += pcr && *pcr >= *cd + lim.post_closure_review_days;
      }
    }

    auto& cell = dis.at(sx >= 0 ? static_cast<Sex>(sx) : Sex::unknown, age_group_of(years),
                        ds >= 0 ? static_cast<std::size_t>(ds) : 2);
    cell.total++;
    cell.open += is_open;

    if (is_open) {
      const std::string_view cw = value(r, Field::caseworker);
      if (!cw.empty()) {
        pending.caseworker = detail::hash_text(cw, seed ^ 0x3C3C3C3C3C3C3C3CULL, true);
        const std::string_view sup = value(r, Field::supervisor);
        if (!sup.empty()) {
          pending.supervisor = detail::hash_text(sup, seed ^ 0xA5A5A5A5A5A5A5A5ULL, true);
          pending.pair = detail::mix64(pending.caseworker ^ (pending.supervisor * 0x9E3779B97F4A7C15ULL)) | 1;
        }
      }
    }
    enqueue(pending);
  }
};

IndicatorCounter::IndicatorCounter(const CaseMapping& mapping, Date as_of, const Limits& limits, std::string file,
                                   bool ragged_rows)
    : s_(new State(mapping, as_of, limits, std::move(file), ragged_rows)) {}

IndicatorCounter::~IndicatorCounter() { delete s_; }

bool IndicatorCounter::add(const Row& row) {
  if (!s_->have_header) {
    if (row.malformed)
      throw CaseDataError(s_->file, row.line, 0, {}, std::string("cannot read the header: ") + row.malformed);
    if (State::all_blank(row)) return true;
    s_->header(row);
    return true;
  }
  s_->row(row);
  return true;
}

bool IndicatorCounter::has_header() const { return s_->have_header; }

void IndicatorCounter::expect_rows(std::uint64_t rows) {
  // A guess may be wrong (a file of blank lines): it never reserves more than 8 MB; a
  // larger table is still grown when the rows are there.
  constexpr std::uint64_t kMaxGuess = 700000;
  s_->ids.reserve(static_cast<std::size_t>(std::min(rows, kMaxGuess)));
}

void IndicatorCounter::continue_from(const IndicatorCounter& earlier) {
  s_->seed = earlier.s_->seed;
  s_->later_part = true;
}

bool IndicatorCounter::can_absorb(IndicatorCounter& later) {
  // Below the limit neither part's check ever filled up, and neither would one pass.
  s_->drain();
  later.s_->drain();
  return !s_->ids.full() && !later.s_->ids.full() &&
         s_->ids.size() + later.s_->ids.size() <= IndicatorReport::kMaxDuplicateCheck;
}

void IndicatorCounter::absorb(IndicatorCounter& later, std::uint64_t line_offset) {
  s_->absorb(*later.s_, line_offset);
}

IndicatorReport IndicatorCounter::finish() {
  State& s = *s_;
  if (!s.have_header) throw CaseDataError(s.file, "the file is empty: no header row");
  s.drain();

  IndicatorReport rep;
  rep.rows = s.rows;
  rep.rows_rejected = s.rejected;
  rep.rows_without_case_id = s.no_id;
  rep.blank_rows = s.blank;
  rep.limits = s.lim;
  rep.duplicate_check_complete = !s.ids.full();

  auto& ind = rep.indicators;
  auto count = [&](const char* id, std::int64_t v) { ind[id] = static_cast<double>(v); };
  auto rate = [&](const char* id, const RateCount& c) {
    rep.counts[id] = c;
    ind[id] = c.denominator > 0 ? std::optional<double>(static_cast<double>(c.numerator) /
                                                        static_cast<double>(c.denominator))
                                : std::nullopt;
  };
  count("cases.total", s.cases);
  count("cases.open", s.open);
  count("cases.closed", s.closed);
  count("cases.duplicate_ids", s.dups);

  std::vector<std::uint32_t> load;
  s.caseworker_open.for_each([&](std::uint64_t, std::uint32_t n) { load.push_back(n); });
  count("caseload.caseworkers", static_cast<std::int64_t>(load.size()));
  if (load.empty()) {
    ind["caseload.max"] = std::nullopt;
    ind["caseload.median"] = std::nullopt;
    ind["caseload.over_limit"] = std::nullopt;
  } else {
    std::sort(load.begin(), load.end());
    const std::size_t n = load.size();
    ind["caseload.max"] = static_cast<double>(load.back());
    ind["caseload.median"] = n % 2 ? static_cast<double>(load[n / 2])
                                   : (static_cast<double>(load[n / 2 - 1]) + static_cast<double>(load[n / 2])) / 2.0;
    count("caseload.over_limit", std::count_if(load.begin(), load.end(), [&](std::uint32_t v) {
            return v > static_cast<std::uint32_t>(std::max(0, s.lim.caseload));
          }));
  }
  std::vector<std::uint32_t> sup;
  s.supervisor_caseworkers.for_each([&](std::uint64_t, std::uint32_t n) { sup.push_back(n); });
  if (sup.empty()) {
    ind["supervision.max"] = std::nullopt;
    ind["supervision.over_limit"] = std::nullopt;
  } else {
    ind["supervision.max"] = static_cast<double>(*std::max_element(sup.begin(), sup.end()));
    count("supervision.over_limit", std::count_if(sup.begin(), sup.end(), [&](std::uint32_t v) {
            return v > static_cast<std::uint32_t>(std::max(0, s.lim.caseworkers_per_supervisor));
          }));
  }
  rate("consent.rate", s.consent);
  rate("risk.recorded_rate", s.risk);
  rate("assessment.timely_rate", s.assess);
  rate("case_plan.rate", s.plan);
  rate("case_plan.approved_rate", s.plan_ok);
  rate("followup.timely_rate", s.follow);
  rate("closure.valid_reason_rate", s.reason);
  rate("closure.approved_rate", s.closure_ok);
  rate("closure.post_review_rate", s.review);
  rate("disability.recorded_rate", s.disability);

  rep.disaggregation = s.dis;
  rep.problems = s.listed;
  rep.problems_total = s.problems;
  for (const auto& [key, n] : s.tally)
    rep.problem_counts.push_back(
        {key.first >= 0 ? s.bind.column_name[static_cast<std::size_t>(key.first)] : std::string(), key.second, n});
  std::stable_sort(rep.problem_counts.begin(), rep.problem_counts.end(),
                   [](const ProblemCount& a, const ProblemCount& b) { return a.count > b.count; });
  for (Field f : all_fields()) {
    if (s.bind.has(f))
      rep.columns[field_name(f)] = s.bind.column_name[index(f)];
    else
      rep.missing_columns.push_back(field_name(f));
  }
  return rep;
}

// ---- JSON ---------------------------------------------------------------------------------

nlohmann::json Disaggregation::to_json() const {
  nlohmann::json j;
  nlohmann::json cells_j = nlohmann::json::array();
  std::array<Cell, kSexes> by_sex{};
  std::array<Cell, kAgeGroups> by_age{};
  std::array<Cell, kDisability> by_dis{};
  for (std::size_t s = 0; s < kSexes; ++s)
    for (std::size_t a = 0; a < kAgeGroups; ++a)
      for (std::size_t d = 0; d < kDisability; ++d) {
        const Cell& c = at(static_cast<Sex>(s), static_cast<AgeGroup>(a), d);
        for (Cell* m : {&by_sex[s], &by_age[a], &by_dis[d]}) {
          m->total += c.total;
          m->open += c.open;
        }
        if (c.total == 0) continue;
        cells_j.push_back({{"sex", kSexNames[s]},
                           {"age_group", age_group_name(static_cast<AgeGroup>(a))},
                           {"disability", kDisabilityNames[d]},
                           {"total", c.total},
                           {"open", c.open}});
      }
  auto margin = [](const auto& arr, auto name) {
    nlohmann::json o = nlohmann::json::object();
    for (std::size_t i = 0; i < arr.size(); ++i) o[name(i)] = {{"total", arr[i].total}, {"open", arr[i].open}};
    return o;
  };
  j["cells"] = cells_j;
  j["by_sex"] = margin(by_sex, [](std::size_t i) { return std::string(kSexNames[i]); });
  j["by_age_group"] = margin(by_age, [](std::size_t i) { return std::string(age_group_name(static_cast<AgeGroup>(i))); });
  j["by_disability"] = margin(by_dis, [](std::size_t i) { return std::string(kDisabilityNames[i]); });
  return j;
}

nlohmann::json IndicatorReport::to_json() const {
  nlohmann::json j;
  j["rows"] = rows;
  nlohmann::json ind = nlohmann::json::object();
  for (const auto& id : indicator_ids()) {
    const auto it = indicators.find(id);
    if (it == indicators.end() || !it->second) {
      ind[id] = nullptr;
    } else if (is_rate(id) || id == "caseload.median") {
      ind[id] = *it->second;
    } else {
      ind[id] = static_cast<std::int64_t>(*it->second);
    }
  }
  j["indicators"] = ind;
  nlohmann::json c = nlohmann::json::object();
  for (const auto& [id, rc] : counts) c[id] = {{"numerator", rc.numerator}, {"denominator", rc.denominator}};
  j["counts"] = c;
  j["disaggregation"] = disaggregation.to_json();
  nlohmann::json p;
  p["total"] = problems_total;
  p["rows_rejected"] = rows_rejected;
  p["rows_without_case_id"] = rows_without_case_id;
  p["blank_rows"] = blank_rows;
  p["duplicate_check_complete"] = duplicate_check_complete;
  nlohmann::json by = nlohmann::json::array();
  for (const auto& pc : problem_counts) by.push_back({{"column", pc.column}, {"reason", pc.reason}, {"count", pc.count}});
  p["by_column"] = by;
  nlohmann::json listed = nlohmann::json::array();
  for (const auto& rp : problems) listed.push_back({{"line", rp.line}, {"column", rp.column}, {"reason", rp.reason}});
  p["listed"] = listed;
  p["all_listed"] = static_cast<std::int64_t>(problems.size()) == problems_total;
  j["problems"] = p;
  j["columns"] = {{"found", columns}, {"missing", missing_columns}};
  j["limits"] = {{"caseload", limits.caseload},
                 {"caseworkers_per_supervisor", limits.caseworkers_per_supervisor},
                 {"assessment_due_days",
                  {{"high", limits.assessment_due_days[0]},
                   {"medium", limits.assessment_due_days[1]},
                   {"low", limits.assessment_due_days[2]}}},
                 {"followup_days",
                  {{"high", limits.followup_days[0]},
                   {"medium", limits.followup_days[1]},
                   {"low", limits.followup_days[2]}}},
                 {"post_closure_review_days", limits.post_closure_review_days}};
  nlohmann::json src = {{"file", source.file},     {"bytes", source.bytes},       {"format", source.format},
                        {"as_of", source.as_of.iso()}, {"mapping", source.mapping}};
  if (source.format == "csv") {
    src["encoding"] = source.encoding;
    src["bom"] = source.bom;
    src["delimiter"] = source.delimiter;
  } else {
    src["sheet"] = source.sheet;
  }
  j["source"] = src;
  return j;
}

nlohmann::json suppress_small(const nlohmann::json& report, int threshold) {
  nlohmann::json j = report;
  const std::string mark = "<" + std::to_string(threshold);
  auto small = [&](const nlohmann::json& v) {
    return v.is_number_integer() && v.get<std::int64_t>() > 0 && v.get<std::int64_t>() < threshold;
  };
  auto hide = [&](nlohmann::json& v) {
    if (small(v)) v = mark;
  };
  if (j.contains("rows")) hide(j["rows"]);
  nlohmann::json suppressed = nlohmann::json::array();
  if (j.contains("indicators")) {
    for (const char* id : {"cases.total", "cases.open", "cases.closed", "cases.duplicate_ids"})
      if (j["indicators"].contains(id)) hide(j["indicators"][id]);
    if (j.contains("counts")) {
      for (auto it = j["counts"].begin(); it != j["counts"].end(); ++it) {
        const bool rate_small = small((*it)["denominator"]);
        hide((*it)["numerator"]);
        hide((*it)["denominator"]);
        if (rate_small && j["indicators"].contains(it.key())) {
          j["indicators"][it.key()] = nullptr;
          suppressed.push_back(it.key());
        }
      }
    }
  }
  if (j.contains("disaggregation")) {
    auto& d = j["disaggregation"];
    for (auto& cell : d["cells"]) {
      hide(cell["total"]);
      hide(cell["open"]);
    }
    for (const char* m : {"by_sex", "by_age_group", "by_disability"})
      if (d.contains(m))
        for (auto& v : d[m]) {
          hide(v["total"]);
          hide(v["open"]);
        }
  }
  if (j.contains("problems")) {
    auto& p = j["problems"];
    p.erase("listed");
    p["all_listed"] = false;
    for (const char* k : {"total", "rows_rejected", "rows_without_case_id", "blank_rows"})
      if (p.contains(k)) hide(p[k]);
    if (p.contains("by_column"))
      for (auto& b : p["by_column"]) hide(b["count"]);
  }
  if (j.contains("source")) j["source"].erase("bytes");
  j["suppressed"] = suppressed;
  j["small_counts_suppressed_below"] = threshold;
  return j;
}

nlohmann::json case_data_import(const IndicatorReport& r, const std::string& imported_at) {
  const nlohmann::json full = r.to_json();
  nlohmann::json imp;
  imp["file"] = r.source.file;
  imp["format"] = r.source.format;
  imp["imported_at"] = imported_at;
  imp["as_of"] = r.source.as_of.iso();
  imp["mapping"] = r.source.mapping;
  imp["rows"] = r.rows;
  nlohmann::json ind = nlohmann::json::object();
  for (const auto& id : indicator_ids()) {
    const nlohmann::json& v = full["indicators"][id];
    const auto c = r.counts.find(id);
    if (c != r.counts.end())
      ind[id] = {{"value", v}, {"numerator", c->second.numerator}, {"denominator", c->second.denominator}};
    else
      ind[id] = v;
  }
  imp["indicators"] = ind;
  imp["limits"] = full["limits"];
  imp["disaggregation"] = full["disaggregation"];
  nlohmann::json p = full["problems"];
  p.erase("listed");  // line numbers stay with the import report, not the assessment
  p.erase("all_listed");
  imp["problems"] = p;
  // Column names and the file name come from the user's file: make them valid UTF-8, so
  // the assessment can always be written.
  return nlohmann::json::parse(imp.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

nlohmann::json add_case_data_import(const nlohmann::json& cd, const nlohmann::json& import) {
  nlohmann::json imports = nlohmann::json::array();
  if (cd.is_array()) {
    imports = cd;
  } else if (cd.is_object() && cd.contains("imports") && cd["imports"].is_array()) {
    imports = cd["imports"];
  } else if (cd.is_object() && !cd.empty()) {
    imports.push_back(cd);  // an older single import (or a bare map of indicators)
  }
  auto same = [&](const nlohmann::json& a) {
    for (const char* k : {"file", "as_of", "mapping"})
      if (!a.is_object() || !a.contains(k) || a[k] != import[k]) return false;
    return true;
  };
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& i : imports)
    if (!same(i)) kept.push_back(i);
  kept.push_back(import);
  nlohmann::json out = cd.is_object() && cd.contains("imports") ? cd : nlohmann::json::object();
  out["format"] = "mizan-case-data";
  out["format_version"] = 1;
  out["imports"] = kept;
  return out;
}

// ---- entry ---------------------------------------------------------------------------------

namespace {

// The first byte after the first line feed at or past the middle of the file (0: none
// found), and a guess at the number of lines in the file from the lines there.
struct Middle {
  std::uint64_t split = 0;
  std::uint64_t lines = 0;
};
Middle find_middle(const std::string& path, std::uint64_t size) {
  Middle m;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return m;
  std::uint64_t at = size / 2;
  std::vector<char> buf(64 * 1024);
  // Look a few megabytes on at most: a file whose middle line is longer is read in one go.
  for (int step = 0; step < 64 && !m.split && at < size; ++step) {
    if (fseeko(f, static_cast<off_t>(at), SEEK_SET) != 0) break;
    const std::size_t n = std::fread(buf.data(), 1, buf.size(), f);
    if (n == 0) break;
    if (const void* nl = std::memchr(buf.data(), '\n', n)) {
      m.split = at + static_cast<std::uint64_t>(static_cast<const char*>(nl) - buf.data()) + 1;
      const auto lines = static_cast<std::uint64_t>(std::count(buf.data(), buf.data() + n, '\n'));
      m.lines = size / (n / lines + 1);
    }
    at += n;
  }
  std::fclose(f);
  if (m.split >= size) m.split = 0;
  return m;
}

// Reads a CSV export into `counter`. A large UTF-8 file is read in two parts at once: this
// thread reads from the start, a helper thread from the first line feed past the middle
// (S) with a counter of its own, which has read the header first. The helper's counts are
// taken in only if this thread's records end exactly at S (that line feed was not inside a
// quoted cell) after the header, the helper read its part to the end without a fault, and
// the duplicate check can be combined exactly; otherwise this thread reads on through the
// second part as one pass would. Either way the figures are those of one pass: every count is a sum, the
// duplicate check and the caseworker and supervisor tables are combined key by key.
void read_csv_counting(const std::string& path, const ReadOptions& options, IndicatorCounter& counter,
                       const std::function<std::unique_ptr<IndicatorCounter>()>& new_counter,
                       std::uint64_t two_parts_from, const ProgressCallback& progress,
                       const std::atomic<bool>* cancel, TableInfo& info) {
  auto add = [&](const Row& r) { return counter.add(r); };
  struct stat st {};
  const bool large = stat(path.c_str(), &st) == 0 && static_cast<std::uint64_t>(st.st_size) >= two_parts_from;
  if (!large || std::thread::hardware_concurrency() < 2) return read_csv(path, options, add, progress, cancel, &info);
  const auto size = static_cast<std::uint64_t>(st.st_size);

  // The helper's counter reads the first rows up to the header, as this thread's will: that
  // gives the header, the encoding and the delimiter.
  std::unique_ptr<IndicatorCounter> later = new_counter();
  later->continue_from(counter);
  TableInfo probe;
  try {
    read_csv(path, options, [&](const Row& r) { return !(later->add(r) && later->has_header()); }, {}, nullptr,
             &probe);
  } catch (...) {
    probe.encoding = Encoding::auto_detect;  // no header that will do: the one pass says why
  }
  const Middle middle =
      probe.encoding == Encoding::utf8 && later->has_header() ? find_middle(path, size) : Middle{};
  const std::uint64_t split = middle.split;
  if (split == 0) return read_csv(path, options, add, progress, cancel, &info);
  counter.expect_rows(middle.lines / 2);  // each part's share
  later->expect_rows(middle.lines / 2);

  CsvPart second;
  second.begin = split;
  second.delimiter = probe.delimiter;
  second.validate_utf8 = options.encoding == Encoding::auto_detect;
  std::atomic<bool> stop_helper{false}, helper_done{false};
  bool helper_ok = false;
  // Progress: the share of the file both threads have read, reported by this thread.
  const double second_starts = static_cast<double>(split) / static_cast<double>(size);
  std::atomic<double> second_read{0.0};
  ProgressCallback second_progress;
  if (progress)
    second_progress = [&](double f) {
      if (!stop_helper) second_read = std::max(0.0, f - second_starts);
    };
  double reported = 0;  // never backwards (when this thread reads on alone, it stands still a while)
  auto report = [&](double f) {
    reported = std::max(reported, std::min(1.0, f));
    progress(reported);
  };
  ProgressCallback first_progress;
  if (progress) first_progress = [&](double f) { report(f + second_read.load()); };
  std::thread helper;
  try {
    helper = std::thread([&] {
      try {
        read_csv_part(path, options, second, [&](const Row& row) { return later->add(row); }, second_progress,
                      &stop_helper, nullptr);
        helper_ok = true;
      } catch (...) {
        // A fault in the second part: this thread reads it again and meets it there.
      }
      helper_done = true;
    });
  } catch (const std::system_error&) {
    return read_csv(path, options, add, progress, cancel, &info);  // no second thread
  }
  struct Join {  // on every way out, the helper is stopped and joined
    std::thread& t;
    std::atomic<bool>& stop;
    ~Join() {
      stop = true;
      if (t.joinable()) t.join();
    }
  } join{helper, stop_helper};

  CsvPart first;
  first.end = split;
  std::uint64_t line_offset = 0;
  bool absorb = false;
  first.stop_at_end = [&](bool at_record_end, std::uint64_t next_line) {
    auto alone = [&] {  // this thread reads on through the second part
      stop_helper = true;
      second_read = 0.0;
      return false;
    };
    // S inside a record, or the header after S (blank lines first): the helper's work is no use.
    if (!at_record_end || !counter.has_header() || !helper.joinable()) return alone();
    double shown = -1;
    while (!helper_done) {  // the helper reads about as much: a short wait
      if (cancel && cancel->load(std::memory_order_relaxed)) stop_helper = true;
      if (progress && second_read.load() != shown) {
        shown = second_read.load();
        report(second_starts + shown);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    helper.join();
    if (!helper_ok || !counter.can_absorb(*later)) return alone();
    line_offset = next_line - 1;
    absorb = true;
    return true;
  };
  read_csv_part(path, options, first, add, first_progress, cancel, &info);
  if (absorb) counter.absorb(*later, line_offset);
}

}  // namespace

IndicatorReport compute_indicators(const std::string& path, const CaseMapping& mapping, Date as_of,
                                   const Limits& limits, ProgressCallback progress,
                                   const std::atomic<bool>* cancel, std::uint64_t two_parts_from) {
  const std::string file = file_name_only(path);
  const FileKind kind = detect_file_kind(path);
  if (kind == FileKind::unknown) throw CaseDataError(file, "cannot open the file");
  auto run = [&](const ReadOptions& options) {
    IndicatorCounter counter(mapping, as_of, limits, file, kind == FileKind::xlsx);
    TableInfo info;
    auto add = [&](const Row& r) { return counter.add(r); };
    if (kind == FileKind::xlsx) {
      read_table(path, options, add, progress, cancel, &info);
    } else {
      read_csv_counting(
          path, options, counter,
          [&] { return std::make_unique<IndicatorCounter>(mapping, as_of, limits, file, false); },
          two_parts_from, progress, cancel, info);
    }
    IndicatorReport rep = counter.finish();
    rep.source.file = file;
    rep.source.bytes = info.bytes;
    rep.source.format = info.kind == FileKind::xlsx ? "xlsx" : "csv";
    rep.source.encoding = encoding_name(info.encoding);
    rep.source.bom = info.bom;
    rep.source.delimiter = info.delimiter ? std::string(1, info.delimiter) : std::string();
    rep.source.sheet = info.sheet;
    rep.source.as_of = as_of;
    rep.source.mapping = mapping.name();
    return rep;
  };
  try {
    return run(mapping.read_options());
  } catch (const NotUtf8AfterAll&) {
    ReadOptions o = mapping.read_options();
    o.encoding = Encoding::cp1256;
    return run(o);
  }
}

}  // namespace mizan::casedata
