#include "core/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "core/review.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace mizan {

const char* file_use_id(FileUse u) {
  switch (u) {
    case FileUse::used: return "used";
    case FileUse::duplicate: return "duplicate";
    case FileUse::other_rubric: return "other_rubric";
    case FileUse::unreadable: return "unreadable";
    case FileUse::no_agency: return "no_agency";
  }
  return "used";
}

const char* trend_id(Trend t) {
  switch (t) {
    case Trend::first: return "first";
    case Trend::improved: return "improved";
    case Trend::unchanged: return "unchanged";
    case Trend::fell_back: return "fell_back";
  }
  return "first";
}

size_t CompareResult::used_files() const {
  size_t n = 0;
  for (const auto& f : files) n += f.use == FileUse::used;
  return n;
}

namespace {
void point_into(CompareResult& r) {
  r.dimensions.clear();
  r.sections.clear();
  r.items.clear();
  for (const auto& d : r.rubric.dimensions) {
    r.dimensions.push_back(&d);
    for (const auto& s : d.sections) {
      r.sections.push_back(&s);
      for (const auto& step : s.steps)
        for (const auto& it : step) r.items.push_back(&it);
    }
  }
}
}  // namespace

CompareResult& CompareResult::operator=(const CompareResult& o) {
  if (this == &o) return *this;
  rubric = o.rubric;
  anonymized = o.anonymized;
  files = o.files;
  agencies = o.agencies;
  dimension_distribution = o.dimension_distribution;
  section_distribution = o.section_distribution;
  unmet = o.unmet;
  periods = o.periods;
  warnings = o.warnings;
  point_into(*this);
  return *this;
}

std::string agency_label(const CompareAgency& a, bool anonymized, Lang lang) {
  if (anonymized) return (lang == Lang::ar ? "الجهة " : "Agency ") + a.code;
  return a.name.empty() ? a.code : a.name;
}

// ---- periods -----------------------------------------------------------------------------

bool PeriodKey::operator<(const PeriodKey& o) const {
  if (unknown != o.unknown) return unknown < o.unknown;
  if (end != o.end) return end < o.end;
  return start < o.start;
}

PeriodKey period_key(const std::string& p) {
  int year = 0, n = 0;
  char tail = 0;
  auto key = [&](int first_month, int last_month) { return PeriodKey{0, year * 12 + last_month, year * 12 + first_month}; };
  if (p.size() == 7 && std::sscanf(p.c_str(), "%4d-H%1d%c", &year, &n, &tail) == 2 && (n == 1 || n == 2))
    return key(n == 1 ? 1 : 7, n == 1 ? 6 : 12);
  if (p.size() == 7 && std::sscanf(p.c_str(), "%4d-Q%1d%c", &year, &n, &tail) == 2 && n >= 1 && n <= 4)
    return key(3 * n - 2, 3 * n);
  if (p.size() == 7 && std::isdigit(static_cast<unsigned char>(p[5])) &&
      std::sscanf(p.c_str(), "%4d-%2d%c", &year, &n, &tail) == 2 && n >= 1 && n <= 12)
    return key(n, n);
  if (p.size() == 4 && std::sscanf(p.c_str(), "%4d%c", &year, &tail) == 1 && year >= 1000) return key(1, 12);
  return PeriodKey{1, 0, 0};
}

bool period_before(const std::string& a, const std::string& b) {
  PeriodKey ka = period_key(a), kb = period_key(b);
  if (ka < kb) return true;
  if (kb < ka) return false;
  return a < b;
}

// ---- files ---------------------------------------------------------------------------------

namespace {
bool is_assessment_name(const fs::path& p) {
  const std::string name = p.filename().string();
  const std::string suffix = ".mizan.json";
  return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

std::vector<std::string> collect_assessment_files(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  std::set<std::string> seen;  // canonical paths
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(p, ec);
    std::string key = ec ? p.lexically_normal().string() : canon.string();
    if (seen.insert(key).second) out.push_back(p.generic_string());
  };
  for (const auto& in : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (ec || !fs::exists(st)) throw InputError(Problem{in, 0, 0, "", "no such file or folder"});
    if (fs::is_directory(st)) {
      std::vector<fs::path> found;
      fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) throw InputError(Problem{in, 0, 0, "", "cannot read the folder: " + ec.message()});
      for (; it != end; it.increment(ec)) {
        if (ec) throw InputError(Problem{in, 0, 0, "", "cannot read the folder: " + ec.message()});
        std::error_code fec;
        if (it->is_regular_file(fec) && is_assessment_name(it->path())) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      for (const auto& p : found) add(p);
    } else {
      add(fs::path(in));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ---- comparing ------------------------------------------------------------------------------

namespace {

struct Parsed {
  CompareSource src;
  std::optional<Assessment> a;
  std::vector<Problem> problems;
  std::string sha;
};

void parse_range(std::vector<Parsed>& v, size_t first, size_t last, bool need_sha) {
  for (size_t i = first; i < last; ++i) {
    Parsed& p = v[i];
    if (!p.src.read_error.empty()) {
      p.problems.push_back(Problem{p.src.path, 0, 0, "", p.src.read_error});
      continue;
    }
    try {
      p.a = parse_assessment(p.src.text, p.src.path).assessment;
      if (need_sha) p.sha = sha256_hex(p.src.text);
    } catch (const InputError& e) {
      p.problems = e.problems();
    } catch (const std::exception& e) {
      p.problems.push_back(Problem{p.src.path, 0, 0, "", e.what()});
    }
    std::string().swap(p.src.text);  // the bytes are not needed any more
  }
}

std::vector<Parsed> parse_all(std::vector<CompareSource> sources, bool need_sha) {
  std::sort(sources.begin(), sources.end(),
            [](const CompareSource& a, const CompareSource& b) { return a.path < b.path; });
  std::vector<Parsed> v(sources.size());
  for (size_t i = 0; i < sources.size(); ++i) v[i].src = std::move(sources[i]);
  unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  if (v.size() < 32) threads = 1;
  std::vector<std::thread> pool;
  size_t chunk = (v.size() + threads - 1) / threads;
  for (unsigned t = 1; t < threads; ++t) {
    size_t first = t * chunk, last = std::min(v.size(), first + chunk);
    if (first < last) pool.emplace_back(parse_range, std::ref(v), first, last, need_sha);
  }
  parse_range(v, 0, std::min(v.size(), chunk), need_sha);
  for (auto& th : pool) th.join();
  return v;
}

// Quoted text ('…' or "…") replaced by … : problem messages may quote the file's content.
std::string mask_quotes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      size_t close = s.find(c, i + 1);
      out += c;
      out += "…";
      out += c;
      if (close == std::string::npos) break;
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Every occurrence (ASCII case ignored) of a secret replaced by "…".
struct Scrubber {
  std::vector<std::string> secrets;  // lower-cased, longest first
  void add(const std::string& s) {
    std::string t = s;
    size_t b = t.find_first_not_of(" \t");
    if (b == std::string::npos) return;
    t = ascii_lower(t.substr(b, t.find_last_not_of(" \t") - b + 1));
    if (!t.empty()) secrets.push_back(t);
  }
  void done() {
    std::sort(secrets.begin(), secrets.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    secrets.erase(std::unique(secrets.begin(), secrets.end()), secrets.end());
  }
  std::string operator()(std::string s) const {
    for (const auto& secret : secrets) {
      std::string low = ascii_lower(s);
      size_t at = 0;
      std::string out;
      size_t from = 0;
      while ((at = low.find(secret, from)) != std::string::npos) {
        out += s.substr(from, at - from) + "…";
        from = at + secret.size();
      }
      if (from == 0) continue;
      out += s.substr(from);
      s = out;
    }
    return s;
  }
};

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string last_change(const Assessment& a) {
  std::string t;
  for (const auto& kv : a.items) t = std::max(t, kv.second.changed_at);
  for (const auto& e : a.audit) t = std::max(t, e.at);
  t = std::max(t, a.signoff.at);
  return t;
}

bool is_rate_id(const std::string& id) { return id.size() >= 4 && id.compare(id.size() - 4, 4, "rate") == 0; }

Figure figure(const json* v) {
  Figure f;
  if (v && v->is_number()) {
    f.present = true;
    f.value = v->get<double>();
  }
  return f;
}

// The numbers of the file's last case-data import (shapes as docs/export.md).
std::vector<CaseFigure> case_figures(const json& cd) {
  std::vector<CaseFigure> out;
  if (cd.is_null()) return out;
  const json* imp = &cd;
  if (cd.is_array()) imp = cd.empty() ? nullptr : &cd.back();
  else if (cd.is_object() && cd.contains("imports") && cd["imports"].is_array())
    imp = cd["imports"].empty() ? nullptr : &cd["imports"].back();
  if (!imp || !imp->is_object()) return out;
  const json* ind = imp->contains("indicators") && (*imp)["indicators"].is_object() ? &(*imp)["indicators"] : nullptr;
  if (ind) {
    if (imp->contains("rows") && (*imp)["rows"].is_number()) out.push_back(CaseFigure{"rows", figure(&(*imp)["rows"]), {}, {}});
  } else {
    ind = imp;
  }
  for (auto it = ind->begin(); it != ind->end(); ++it) {
    const json& v = *it;
    CaseFigure f;
    f.id = it.key();
    if (v.is_object()) {
      f.value = figure(v.contains("value") ? &v["value"] : v.contains("rate") ? &v["rate"] : nullptr);
      f.numerator = figure(v.contains("numerator") ? &v["numerator"] : nullptr);
      f.denominator = figure(v.contains("denominator") ? &v["denominator"] : nullptr);
      if (!f.value.present && !f.numerator.present && !f.denominator.present) continue;
    } else if (v.is_number()) {
      f.value = figure(&v);
    } else {
      continue;  // text or nested values are never carried (nothing row-level slips through)
    }
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const CaseFigure& a, const CaseFigure& b) { return a.id < b.id; });
  return out;
}

bool small_count(const Figure& f, int limit) {
  return f.present && f.value >= 1 && f.value < limit && std::floor(f.value) == f.value;
}

// Counts 1..limit-1 become "<limit"; a rate whose numerator or denominator is that small is
// not shown either.
void suppress(std::vector<CaseFigure>& figures, int limit) {
  for (auto& f : figures) {
    const bool rate = is_rate_id(f.id);
    const bool small_parts = small_count(f.numerator, limit) || small_count(f.denominator, limit);
    if (small_count(f.numerator, limit)) f.numerator.suppressed = true;
    if (small_count(f.denominator, limit)) f.denominator.suppressed = true;
    if (rate ? small_parts : small_count(f.value, limit)) f.value.suppressed = true;
    for (Figure* x : {&f.value, &f.numerator, &f.denominator})
      if (x->suppressed) x->value = 0;
  }
}

Text text2(const std::string& en, const std::string& ar) { return Text{ar, en}; }

CompareResult build(std::vector<Parsed>& parsed, const Rubric& rubric, const CompareOptions& o) {
  CompareResult r;
  r.rubric = rubric;
  r.anonymized = o.anonymize;
  point_into(r);
  const size_t n = parsed.size();
  r.files.resize(n);

  // Labels.
  size_t width = 3;
  for (size_t k = n; k >= 1000; k /= 10) ++width;
  for (size_t i = 0; i < n; ++i) {
    CompareFile& f = r.files[i];
    f.path = parsed[i].src.path;
    if (o.anonymize) {
      std::string num = std::to_string(i + 1);
      f.label = "File " + std::string(num.size() < width ? width - num.size() : 0, '0') + num;
    } else {
      f.label = f.path;
    }
  }

  Scrubber scrub;
  std::vector<std::string> keys(n);
  std::vector<size_t> candidates;
  for (size_t i = 0; i < n; ++i) {
    Parsed& p = parsed[i];
    CompareFile& f = r.files[i];
    if (!p.a) {
      f.use = FileUse::unreadable;
      std::string msg;
      for (size_t k = 0; k < p.problems.size() && k < 3; ++k) {
        const Problem& pr = p.problems[k];
        std::string one;
        if (pr.line > 0) one = std::to_string(pr.line) + ":" + std::to_string(pr.col) + ": ";
        one += o.anonymize ? mask_quotes(pr.message) : pr.message;
        if (pr.line == 0 && !pr.pointer.empty() && !o.anonymize) one += " (at " + pr.pointer + ")";
        msg += (msg.empty() ? "" : "; ") + one;
      }
      if (p.problems.size() > 3) msg += "; +" + std::to_string(p.problems.size() - 3) + " more";
      if (msg.empty()) msg = "cannot be read";
      f.reason = text2("cannot be read: " + msg, "تعذّرت قراءة الملف: " + msg);
      continue;
    }
    const Assessment& a = *p.a;
    scrub.add(a.agency_name);
    scrub.add(a.agency_code);
    f.period = trimmed(a.period);
    f.rubric = a.rubric_id + (a.rubric_version.empty() ? "" : " " + a.rubric_version);
    f.last_change = last_change(a);
    f.unknown_items = static_cast<int>(unknown_item_ids(a, rubric).size());
    std::string code = trimmed(a.agency_code), name = trimmed(a.agency_name);
    keys[i] = code.empty() ? name : code;
    if (!o.anonymize) f.agency = name.empty() ? code : code.empty() ? name : name + " (" + code + ")";
    if (a.rubric_id != rubric.id || a.rubric_version != rubric.version) {
      f.use = FileUse::other_rubric;
      std::string want = rubric.id + " " + rubric.version;
      std::string has = a.rubric_id.empty() ? std::string("no rubric") : "rubric " + f.rubric;
      std::string has_ar = a.rubric_id.empty() ? std::string("لا يذكر إطاراً مرجعياً") : "يستخدم الإطار " + f.rubric;
      f.reason = text2("uses " + has + ", not " + want + ": not compared",
                       has_ar + " وليس " + want + "، فلم تتم مقارنته");
      continue;
    }
    if (keys[i].empty()) {
      f.use = FileUse::no_agency;
      f.reason = text2("names no agency (agency.code or agency.name): not compared",
                       "لا يذكر الجهة (agency.code أو agency.name)، فلم تتم مقارنته");
      continue;
    }
    candidates.push_back(i);
  }
  scrub.done();
  if (o.anonymize) {
    for (auto& f : r.files) {
      f.period = scrub(f.period);
      f.rubric = scrub(f.rubric);
      f.reason.en = scrub(f.reason.en);
      f.reason.ar = scrub(f.reason.ar);
    }
  }

  // Duplicates: the latest change wins, a tie goes to the last in path order.
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_pair;
  for (size_t i : candidates) by_pair[{keys[i], r.files[i].period}].push_back(i);
  std::map<std::string, std::vector<size_t>> by_agency;
  for (auto& [pair, idx] : by_pair) {
    size_t win = idx[0];
    for (size_t i : idx)
      if (r.files[i].last_change >= r.files[win].last_change) win = i;  // idx is in path order
    for (size_t i : idx) {
      if (i == win) continue;
      CompareFile& f = r.files[i];
      const CompareFile& w = r.files[win];
      f.use = FileUse::duplicate;
      f.winner = win;
      std::string why_en, why_ar;
      if (w.last_change > f.last_change) {
        why_en = "its last change (" + (w.last_change.empty() ? "none" : w.last_change) + ") is later than this file's (" +
                 (f.last_change.empty() ? "none" : f.last_change) + ")";
        why_ar = "لأن آخر تعديل فيه (" + w.last_change + ") أحدث من آخر تعديل في هذا الملف (" +
                 (f.last_change.empty() ? "لا يوجد" : f.last_change) + ")";
      } else {
        why_en = "both were last changed at the same time (" + (w.last_change.empty() ? "none recorded" : w.last_change) +
                 ") and it comes later in path order";
        why_ar = "لأن آخر تعديل فيهما في الوقت نفسه ويأتي بعده في ترتيب المسارات";
      }
      f.reason = text2("same agency and period (" + f.period + ") as " + w.label + ", which is used instead: " + why_en,
                       "الجهة والفترة (" + f.period + ") نفسهما في " + w.label + "، وقد استُخدم بدلاً منه " + why_ar);
    }
    by_agency[pair.first].push_back(win);
  }

  // Agencies, and their codes when anonymised.
  std::vector<std::string> agency_keys;
  for (auto& kv : by_agency) agency_keys.push_back(kv.first);
  std::vector<std::string> codes(agency_keys.size());
  if (o.anonymize) {
    std::string all;
    for (size_t i = 0; i < n; ++i)
      if (r.files[i].use == FileUse::used) all += parsed[i].sha;
    const std::string salt = sha256_hex(all);
    std::vector<std::pair<std::string, size_t>> order;
    for (size_t k = 0; k < agency_keys.size(); ++k) order.push_back({sha256_hex(salt + "\n" + agency_keys[k]), k});
    std::sort(order.begin(), order.end());
    size_t cw = agency_keys.size() >= 100 ? (agency_keys.size() >= 1000 ? 4 : 3) : 2;
    for (size_t k = 0; k < order.size(); ++k) {
      std::string num = std::to_string(k + 1);
      codes[order[k].second] = "A" + std::string(num.size() < cw ? cw - num.size() : 0, '0') + num;
    }
  }

  const size_t nd = r.dimensions.size(), ns = r.sections.size(), ni = r.items.size();
  for (size_t k = 0; k < agency_keys.size(); ++k) {
    CompareAgency ag;
    std::vector<size_t>& idx = by_agency[agency_keys[k]];
    std::sort(idx.begin(), idx.end(),
              [&](size_t x, size_t y) { return period_before(r.files[x].period, r.files[y].period); });
    for (size_t i : idx) {
      const Assessment& a = *parsed[i].a;
      Score sc = score(rubric, a);
      ComparePeriod p;
      p.period = r.files[i].period;
      p.file = i;
      p.counts = sc.counts;
      for (const Dimension* d : r.dimensions) {
        const DimensionScore& ds = sc.dimensions.at(d->id);
        p.dimension_level.push_back(ds.level);
        p.dimension_progress.push_back(ds.progress);
      }
      for (const Section* s : r.sections) {
        const SectionScore& ss = sc.sections.at(s->id);
        p.section_level.push_back(ss.level);
        p.section_progress.push_back(ss.progress);
      }
      p.items.reserve(ni);
      for (const Item* it : r.items) p.items.push_back(scored_status(a, it->id));
      p.case_data = case_figures(a.case_data);
      if (o.anonymize) suppress(p.case_data, o.small_count_limit);
      if (ag.periods.empty()) {
        p.dimension_trend.assign(nd, Trend::first);
      } else {
        const ComparePeriod& prev = ag.periods.back();
        for (size_t d = 0; d < nd; ++d) {
          Trend t = Trend::unchanged;
          if (p.dimension_level[d] != prev.dimension_level[d])
            t = p.dimension_level[d] > prev.dimension_level[d] ? Trend::improved : Trend::fell_back;
          else if (std::fabs(p.dimension_progress[d] - prev.dimension_progress[d]) >= 0.005)
            t = p.dimension_progress[d] > prev.dimension_progress[d] ? Trend::improved : Trend::fell_back;
          p.dimension_trend.push_back(t);
        }
      }
      ag.periods.push_back(std::move(p));
    }
    const Assessment& latest = *parsed[ag.periods.back().file].a;
    if (o.anonymize) {
      ag.code = codes[k];
    } else {
      std::string code = trimmed(latest.agency_code), name = trimmed(latest.agency_name);
      ag.code = code;
      ag.name = name.empty() ? code : code.empty() ? name : name + " (" + code + ")";
    }
    r.agencies.push_back(std::move(ag));
  }
  std::sort(r.agencies.begin(), r.agencies.end(), [&](const CompareAgency& x, const CompareAgency& y) {
    return o.anonymize ? x.code < y.code : (x.name != y.name ? x.name < y.name : x.code < y.code);
  });
  if (o.anonymize)
    for (auto& ag : r.agencies)
      for (auto& p : ag.periods) r.files[p.file].agency = ag.code;
  if (o.anonymize)
    for (auto& f : r.files)
      if (f.winner) f.agency = r.files[*f.winner].agency;

  // Distribution over the latest period of each agency; the lower median.
  auto distribution = [&](auto level_of, size_t count) {
    std::vector<Distribution> out(count);
    for (size_t d = 0; d < count; ++d) {
      std::vector<Level> levels;
      for (const auto& ag : r.agencies) levels.push_back(level_of(ag.latest(), d));
      for (Level l : levels) ++out[d].count[static_cast<int>(l)];
      if (!levels.empty()) {
        std::sort(levels.begin(), levels.end());
        out[d].median = levels[(levels.size() - 1) / 2];
      }
    }
    return out;
  };
  r.dimension_distribution = distribution([](const ComparePeriod& p, size_t d) { return p.dimension_level[d]; }, nd);
  r.section_distribution = distribution([](const ComparePeriod& p, size_t s) { return p.section_level[s]; }, ns);

  // Items most often unmet.
  std::vector<UnmetItem> unmet(ni);
  for (size_t i = 0; i < ni; ++i) unmet[i].item = i;
  for (const auto& ag : r.agencies) {
    const ComparePeriod& l = ag.latest();
    for (size_t i = 0; i < ni; ++i) {
      switch (l.items[i]) {
        case ItemStatus::not_met: ++unmet[i].not_met; break;
        case ItemStatus::unanswered: ++unmet[i].unanswered; break;
        case ItemStatus::na: ++unmet[i].na; break;
        case ItemStatus::met: break;
      }
    }
    for (const auto& p : ag.periods)
      for (size_t i = 0; i < ni; ++i) unmet[i].not_met_any_period += p.items[i] == ItemStatus::not_met;
  }
  for (auto& u : unmet) {
    u.applicable = static_cast<int>(r.agencies.size()) - u.na;
    if (u.not_met + u.unanswered + u.not_met_any_period > 0) r.unmet.push_back(u);
  }
  std::stable_sort(r.unmet.begin(), r.unmet.end(), [](const UnmetItem& a, const UnmetItem& b) {
    if (a.not_met != b.not_met) return a.not_met > b.not_met;
    if (a.unanswered != b.unanswered) return a.unanswered > b.unanswered;
    return a.not_met_any_period > b.not_met_any_period;
  });

  std::set<std::string> seen_periods;
  for (const auto& ag : r.agencies)
    for (const auto& p : ag.periods) seen_periods.insert(p.period);
  r.periods.assign(seen_periods.begin(), seen_periods.end());
  std::sort(r.periods.begin(), r.periods.end(), period_before);

  // Said aloud.
  for (const auto& f : r.files)
    if (f.use != FileUse::used) r.warnings.push_back(f.label + ": left out: " + f.reason.en);
  for (const auto& p : r.periods)
    if (period_key(p).unknown)
      r.warnings.push_back("period \"" + (p.empty() ? std::string("(none)") : p) +
                           "\" is not YYYY, YYYY-H1/H2, YYYY-Qn or YYYY-MM: ordered after the others");
  return r;
}

// The rubric id+version most files use; a tie goes to the first such file in path order.
std::pair<std::string, std::string> common_rubric(const std::vector<Parsed>& parsed) {
  std::map<std::pair<std::string, std::string>, std::pair<int, size_t>> count;  // -> (files, first)
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (!parsed[i].a || parsed[i].a->rubric_id.empty()) continue;
    auto key = std::make_pair(parsed[i].a->rubric_id, parsed[i].a->rubric_version);
    auto it = count.find(key);
    if (it == count.end()) count[key] = {1, i};
    else ++it->second.first;
  }
  std::pair<std::string, std::string> best;
  int best_n = 0;
  size_t best_first = 0;
  for (const auto& [key, v] : count)
    if (v.first > best_n || (v.first == best_n && v.second < best_first)) {
      best = key;
      best_n = v.first;
      best_first = v.second;
    }
  return best;
}

}  // namespace

CompareResult compare_sources(std::vector<CompareSource> sources, const Rubric& rubric, const CompareOptions& options) {
  auto parsed = parse_all(std::move(sources), options.anonymize);
  return build(parsed, rubric, options);
}

CompareResult compare_sources(std::vector<CompareSource> sources, const CompareOptions& options) {
  if (sources.empty()) throw InputError(Problem{"", 0, 0, "", "no assessment files to compare"});
  auto parsed = parse_all(std::move(sources), options.anonymize);
  Rubric rubric;
  if (!options.rubric_path.empty()) {
    rubric = load_rubric(options.rubric_path);
  } else {
    auto [id, version] = common_rubric(parsed);
    if (id.empty()) {
      std::vector<Problem> all;
      for (const auto& p : parsed)
        for (const auto& pr : p.problems) all.push_back(pr);
      if (all.empty()) all.push_back(Problem{"", 0, 0, "", "no file names its rubric: nothing to compare"});
      throw InputError(all);
    }
    rubric = load_rubric(find_rubric(id, version));
  }
  return build(parsed, rubric, options);
}

CompareResult compare_files(const std::vector<std::string>& paths, const CompareOptions& options) {
  std::vector<CompareSource> sources(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    sources[i].path = paths[i];
    try {
      sources[i].text = read_text_file(paths[i]);
    } catch (const InputError& e) {
      sources[i].read_error = e.problems().empty() ? "cannot be read" : e.problems().front().message;
    } catch (const std::exception& e) {
      sources[i].read_error = e.what();
    }
  }
  return compare_sources(std::move(sources), options);
}

}  // namespace mizan
