#include "core/review.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace mizan {

// ---- carry-over ----------------------------------------------------------------------

std::string next_period(const std::string& p) {
  int year = 0, n = 0;
  char tail = 0;
  if (std::sscanf(p.c_str(), "%4d-H%1d%c", &year, &n, &tail) == 2 && p.size() == 7 && (n == 1 || n == 2))
    return n == 1 ? std::to_string(year) + "-H2" : std::to_string(year + 1) + "-H1";
  if (std::sscanf(p.c_str(), "%4d-Q%1d%c", &year, &n, &tail) == 2 && p.size() == 7 && n >= 1 && n <= 4)
    return n < 4 ? std::to_string(year) + "-Q" + std::to_string(n + 1) : std::to_string(year + 1) + "-Q1";
  if (std::sscanf(p.c_str(), "%4d-%2d%c", &year, &n, &tail) == 2 && p.size() == 7 && n >= 1 && n <= 12) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", n == 12 ? year + 1 : year, n == 12 ? 1 : n + 1);
    return buf;
  }
  if (p.size() == 4 && std::sscanf(p.c_str(), "%4d%c", &year, &tail) == 1) return std::to_string(year + 1);
  return "";
}

Assessment new_review_from(const Assessment& prev, const std::string& previous_file,
                           const std::string& previous_sha256, const std::string& period, const std::string& by) {
  Assessment a;
  a.rubric_id = prev.rubric_id;
  a.rubric_version = prev.rubric_version;
  a.agency_name = prev.agency_name;
  a.agency_code = prev.agency_code;
  a.assessors = prev.assessors;
  a.period = period;
  a.extra = prev.extra;
  a.extra.erase("signoff");
  a.baseline = Baseline{previous_file, prev.period, previous_sha256};
  for (const auto& [id, ans] : prev.items) {
    ItemAnswer copy = ans;
    copy.carried_over = true;
    copy.change_reason.clear();
    a.items[id] = std::move(copy);
  }
  for (const auto& act : prev.actions)
    if (act.status != ActionStatus::done && act.status != ActionStatus::dropped) a.actions.push_back(act);
  a.audit.push_back(AuditEntry{now_iso8601(), by, "", "created_from", "",
                               (prev.period.empty() ? std::string("previous review") : prev.period) + " (" +
                                   previous_file + ")"});
  return a;
}

void confirm_carried_over(Assessment& a, const std::string& item, const std::string& by, const std::string& at) {
  auto it = a.items.find(item);
  if (it == a.items.end() || !it->second.carried_over) return;
  ItemAnswer ans = it->second;
  ans.carried_over = false;
  set_answer(a, item, ans, by, at);
}

int carried_over_count(const Assessment& a) {
  int n = 0;
  for (const auto& kv : a.items) n += kv.second.carried_over ? 1 : 0;
  return n;
}

std::string sha256_hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

std::string sha256_file(const std::string& path) { return sha256_hex(read_text_file(path, size_t(1) << 30)); }

// ---- what changed ---------------------------------------------------------------------

const char* change_kind_id(ChangeKind k) {
  switch (k) {
    case ChangeKind::unchanged: return "unchanged";
    case ChangeKind::improved: return "improved";
    case ChangeKind::fell_back: return "fell_back";
    case ChangeKind::newly_na: return "newly_na";
    case ChangeKind::reopened: return "reopened";
    case ChangeKind::still_open: return "still_open";
  }
  return "unchanged";
}

static bool open_status(ItemStatus s) { return s == ItemStatus::not_met || s == ItemStatus::unanswered; }

std::vector<ItemChange> changes_against(const Rubric& r, const Assessment& cur, const Assessment& base) {
  std::vector<ItemChange> out;
  for (const Item* item : r.all_items()) {
    ItemChange c;
    c.item = item->id;
    c.before = base.status(item->id);
    c.after = cur.status(item->id);
    if (const ItemAnswer* ans = cur.answer(item->id)) {
      c.carried_over = ans->carried_over;
      c.reason = ans->change_reason;
    }
    if (c.after == ItemStatus::na && c.before != ItemStatus::na) c.kind = ChangeKind::newly_na;
    else if (c.after == ItemStatus::met && c.before != ItemStatus::met) c.kind = ChangeKind::improved;
    else if (c.before == ItemStatus::met && open_status(c.after)) c.kind = ChangeKind::fell_back;
    else if (c.before == ItemStatus::na && open_status(c.after)) c.kind = ChangeKind::reopened;
    else if (open_status(c.before) && open_status(c.after)) c.kind = ChangeKind::still_open;
    else c.kind = ChangeKind::unchanged;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> changes_missing_reason(const std::vector<ItemChange>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes)
    if (c.needs_reason() && c.reason.find_first_not_of(" \t\r\n") == std::string::npos) out.push_back(c.item);
  return out;
}

// ---- explained scores ----------------------------------------------------------------

SectionExplanation explain_section(const Section& s, const Assessment& a) {
  SectionExplanation e;
  e.section = s.id;
  SectionScore sc = score_section(s, a);
  e.level = sc.level;
  e.if_met = sc.level;
  if (sc.level == Level::good) return e;
  Assessment what_if = a;
  what_if.signoff = SignOff{};
  for (const auto& id : sc.blocking) {
    (scored_status(a, id) == ItemStatus::not_met ? e.not_met : e.unanswered).push_back(id);
    what_if.items[id].status = ItemStatus::met;
  }
  e.if_met = score_section(s, what_if).level;
  return e;
}

namespace {

std::string list_en(const std::vector<std::string>& ids) {
  std::string s;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) s += i + 1 == ids.size() ? " and " : ", ";
    s += ids[i];
  }
  return s;
}

// An id such as "1.g6" inside Arabic text would be split by the bidi algorithm ("1" and
// "g6" reordered around the dot, read as "g6.1"): it goes between LRI and PDI (U+2066,
// U+2069), which keep it left-to-right as a unit. Displays drop the marks once applied.
std::string ltr_ar(const std::string& id) { return "\u2066" + id + "\u2069"; }

std::string list_ar(const std::vector<std::string>& ids) {
  std::string s;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) s += i + 1 == ids.size() ? " و" : "، ";
    s += ltr_ar(ids[i]);
  }
  return s;
}

}  // namespace

std::string explanation_text(const Rubric& r, const SectionExplanation& e, Lang lang) {
  if (e.level == Level::good) return "";
  const std::string& level = r.level_name(e.level).get(lang);
  const std::string& target = r.level_name(e.if_met).get(lang);
  size_t n = e.not_met.size() + e.unanswered.size();
  if (lang == Lang::en) {
    std::string why;
    if (!e.not_met.empty())
      why += list_en(e.not_met) + (e.not_met.size() == 1 ? " is not met" : " are not met");
    if (!e.unanswered.empty()) {
      if (!why.empty()) why += " and ";
      why += list_en(e.unanswered) + (e.unanswered.size() == 1 ? " is not answered yet" : " are not answered yet");
    }
    return e.section + " stays at " + level + " because " + why + "; meeting " + (n == 1 ? "it" : "them") +
           " would raise it to " + target + ".";
  }
  std::string why;
  if (!e.not_met.empty())
    why += (e.not_met.size() == 1 ? "البند " : "البنود ") + list_ar(e.not_met) +
           (e.not_met.size() == 1 ? " غير مستوفى" : " غير مستوفاة");
  if (!e.unanswered.empty()) {
    if (!why.empty()) why += " و";
    why += (e.unanswered.size() == 1 ? "البند " : "البنود ") + list_ar(e.unanswered) + " دون إجابة بعد";
  }
  return "يبقى القسم " + ltr_ar(e.section) + " عند المستوى " + level + " لأن " + why + "؛ واستيفاء " +
         (n == 1 ? "هذا البند" : "هذه البنود") + " يرفعه إلى المستوى " + target + ".";
}

// ---- several assessors ---------------------------------------------------------------

Assessment merge_copies(const Rubric& r, const std::vector<AssessorCopy>& copies, const std::string& lead,
                        const std::string& at) {
  if (copies.empty()) throw std::invalid_argument("nothing to merge");
  Assessment m = copies.front().assessment;
  m.items.clear();
  m.audit.clear();
  m.conflicts.clear();
  m.signoff = SignOff{};
  std::set<std::string> assessors(m.assessors.begin(), m.assessors.end());
  std::set<std::string> ids;
  for (const auto& c : copies) {
    for (const auto& kv : c.assessment.items) ids.insert(kv.first);
    assessors.insert(c.author);
  }
  m.assessors.assign(assessors.begin(), assessors.end());
  (void)r;
  for (const auto& id : ids) {
    std::vector<ConflictAnswer> answered;
    for (const auto& c : copies)
      if (const ItemAnswer* ans = c.assessment.answer(id); ans && ans->status != ItemStatus::unanswered)
        answered.push_back(ConflictAnswer{c.author, *ans});
    bool agree = std::all_of(answered.begin(), answered.end(),
                             [&](const ConflictAnswer& x) { return x.answer.status == answered[0].answer.status; });
    if (answered.empty()) continue;
    if (!agree) {
      m.conflicts.push_back(Conflict{id, answered});
      continue;
    }
    ItemAnswer merged = answered[0].answer;
    if (answered.size() > 1) {
      std::string notes, why;
      std::set<std::string> evidence;
      for (const auto& x : answered) {
        if (!x.answer.note.empty()) notes += (notes.empty() ? "" : "\n") + x.author + ": " + x.answer.note;
        if (!x.answer.justification.empty())
          why += (why.empty() ? "" : "\n") + x.author + ": " + x.answer.justification;
        evidence.insert(x.answer.evidence.begin(), x.answer.evidence.end());
      }
      merged.note = notes;
      merged.justification = why;
      merged.evidence.assign(evidence.begin(), evidence.end());
    }
    merged.carried_over = false;
    m.items[id] = merged;
  }
  std::string names;
  for (const auto& c : copies) names += (names.empty() ? "" : ", ") + c.author;
  m.audit.push_back(AuditEntry{at, lead, "", "merge", "",
                               "merged " + std::to_string(copies.size()) + " copies (" + names + "); " +
                                   std::to_string(m.conflicts.size()) + " conflicts"});
  return m;
}

void resolve_conflict(Assessment& a, const std::string& item, size_t choice, const std::string& lead,
                      const std::string& at) {
  auto it = std::find_if(a.conflicts.begin(), a.conflicts.end(), [&](const Conflict& c) { return c.item == item; });
  if (it == a.conflicts.end()) throw std::invalid_argument("no open conflict on item " + item);
  if (choice >= it->answers.size()) throw std::out_of_range("no such answer for item " + item);
  ConflictAnswer chosen = it->answers[choice];
  set_answer(a, item, chosen.answer, lead, at);
  a.audit.push_back(AuditEntry{at, lead, item, "merge_choice", "", chosen.author});
  a.conflicts.erase(it);
}

// ---- sign-off ------------------------------------------------------------------------

void sign_off(Assessment& a, const std::string& name, const std::string& role, const std::string& date,
              const std::string& at) {
  if (name.find_first_not_of(" \t") == std::string::npos) throw std::invalid_argument("a sign-off needs a name");
  if (!a.conflicts.empty())
    throw std::logic_error(std::to_string(a.conflicts.size()) + " merge conflicts are still open");
  a.signoff = SignOff{name, role, date, at};
  a.audit.push_back(AuditEntry{at, name, "", "signoff", "", role.empty() ? date : role + ", " + date});
}

void reopen(Assessment& a, const std::string& by, const std::string& reason, const std::string& at) {
  if (!a.signed_off()) return;
  a.audit.push_back(AuditEntry{at, by, "", "reopened", a.signoff.name + " " + a.signoff.date, reason});
  a.signoff = SignOff{};
}

}  // namespace mizan
