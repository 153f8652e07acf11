#include "core/action_plan.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>

#include "core/scoring.hpp"

namespace mizan {

// ---- dates ---------------------------------------------------------------------------

int days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<CalendarDate> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto number = [&](size_t from, size_t len) {
    int v = 0;
    for (size_t i = from; i < from + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  CalendarDate d{number(0, 4), number(5, 2), number(8, 2)};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
    return std::nullopt;
  return d;
}

bool is_valid_date(std::string_view s) { return parse_date(s).has_value(); }

std::string today_date() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// ---- the plan in the file ------------------------------------------------------------

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool is_open(ItemStatus s) { return s != ItemStatus::met && s != ItemStatus::na; }

// Framework position of every item, for ordering the plan.
std::map<std::string, size_t> item_positions(const Rubric& r) {
  std::map<std::string, size_t> pos;
  size_t n = 0;
  for (const Item* it : r.all_items()) pos[it->id] = n++;
  return pos;
}

}  // namespace

bool marked_resolved(const Action& a) {
  auto it = a.extra.find("resolved");
  return it != a.extra.end() && it->is_boolean() && it->get<bool>();
}

bool untouched(const Action& a) {
  if (!blank(a.owner) || !blank(a.due) || !blank(a.resources) || !blank(a.note)) return false;
  if (a.status != ActionStatus::not_started) return false;
  for (auto it = a.extra.begin(); it != a.extra.end(); ++it)
    if (it.key() != "resolved") return false;
  return true;
}

Priority proposed_priority(const Rubric& r, const Assessment& a, const Item& item) {
  const Section* s = r.find_section(item.section);
  Level level = s ? score_section(*s, a).level : Level::critical;
  if (item.step > static_cast<int>(level)) return Priority::low;
  return level == Level::critical ? Priority::high : Priority::medium;
}

std::vector<OpenItem> open_items(const Rubric& r, const Assessment& a) {
  std::vector<OpenItem> out;
  for (const auto& d : r.dimensions) {
    for (const auto& s : d.sections) {
      Level level = score_section(s, a).level;
      if (level == Level::good) continue;
      for (int st = static_cast<int>(level); st < 3; ++st)
        for (const auto& item : s.steps[st])
          if (is_open(scored_status(a, item.id))) out.push_back({item.id, st > static_cast<int>(level)});
    }
  }
  return out;
}

ActionPlanUpdate updated_action_plan(const Rubric& r, const Assessment& a) {
  ActionPlanUpdate up;
  std::set<std::string> open;
  for (const auto& o : open_items(r, a)) open.insert(o.item);
  auto pos = item_positions(r);

  std::vector<Action> known, unknown;
  std::set<std::string> has_action;
  for (Action act : a.actions) {
    if (!pos.count(act.item)) {
      unknown.push_back(std::move(act));
      continue;
    }
    if (open.count(act.item)) {
      if (act.extra.is_object() && act.extra.contains("resolved")) {
        act.extra.erase("resolved");
        up.changes.reopened.push_back(act.item);
      }
      has_action.insert(act.item);
      known.push_back(std::move(act));
    } else if (untouched(act)) {
      up.changes.removed.push_back(act.item);
    } else {
      if (!marked_resolved(act)) {
        if (!act.extra.is_object()) act.extra = nlohmann::json::object();
        act.extra["resolved"] = true;
        up.changes.resolved.push_back(act.item);
      }
      known.push_back(std::move(act));
    }
  }
  for (const auto& id : open) {
    if (has_action.count(id)) continue;
    Action act;
    act.item = id;
    act.priority = proposed_priority(r, a, *r.find_item(id));
    up.changes.added.push_back(id);
    known.push_back(std::move(act));
  }
  std::stable_sort(known.begin(), known.end(),
                   [&](const Action& x, const Action& y) { return pos.at(x.item) < pos.at(y.item); });
  auto by_position = [&](std::vector<std::string>& v) {
    std::stable_sort(v.begin(), v.end(), [&](const std::string& x, const std::string& y) { return pos[x] < pos[y]; });
  };
  by_position(up.changes.added);
  up.actions = std::move(known);
  for (auto& act : unknown) up.actions.push_back(std::move(act));
  return up;
}

ActionPlanChanges regenerate_action_plan(const Rubric& r, Assessment& a) {
  if (a.signed_off())
    throw std::logic_error("the assessment was signed off by " + a.signoff.name +
                           "; reopen it to change the action plan");
  ActionPlanUpdate up = updated_action_plan(r, a);
  a.actions = std::move(up.actions);
  return up.changes;
}

void update_action(Assessment& a, size_t index, Action changed, const std::string& by, const std::string& at) {
  if (a.signed_off())
    throw std::logic_error("the assessment was signed off by " + a.signoff.name +
                           "; reopen it to change the action plan");
  if (index >= a.actions.size()) throw std::invalid_argument("there is no action number " + std::to_string(index + 1));
  if (!changed.due.empty() && !is_valid_date(changed.due))
    throw std::invalid_argument("due date \"" + changed.due + "\" is not a date (YYYY-MM-DD)");
  Action& before = a.actions[index];
  auto record = [&](const char* field, const std::string& from, const std::string& to) {
    if (from != to) a.audit.push_back(AuditEntry{at, by, changed.item, std::string("action.") + field, from, to});
  };
  record("item", before.item, changed.item);
  record("owner", before.owner, changed.owner);
  record("due", before.due, changed.due);
  record("priority", priority_id(before.priority), priority_id(changed.priority));
  record("status", action_status_id(before.status), action_status_id(changed.status));
  record("resources", before.resources, changed.resources);
  record("note", before.note, changed.note);
  if (!changed.extra.is_object()) changed.extra = nlohmann::json::object();
  before = std::move(changed);
}

// ---- the rows people see -------------------------------------------------------------

bool is_overdue(const Action& action, std::string_view today) {
  if (action.status == ActionStatus::done || action.status == ActionStatus::dropped) return false;
  if (!is_valid_date(today) || !is_valid_date(action.due)) return false;
  return action.due < today;  // same fixed width: text order is date order
}

namespace {

std::string folded(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  std::string out = s.substr(b, e - b + 1);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::vector<ActionRow> action_rows(const Rubric& r, const Assessment& a, std::string_view today,
                                   const ActionFilter& filter) {
  auto pos = item_positions(r);
  std::map<std::string, Level> section_level;
  for (const auto& d : r.dimensions)
    for (const auto& s : d.sections) section_level[s.id] = score_section(s, a).level;
  std::string owner = folded(filter.owner);

  std::vector<ActionRow> rows;
  for (size_t i = 0; i < a.actions.size(); ++i) {
    const Action& act = a.actions[i];
    ActionRow row;
    row.index = i;
    row.action = &act;
    row.item = r.find_item(act.item);
    if (row.item) {
      const Section* s = r.find_section(row.item->section);
      row.section = s->id;
      row.dimension = s->dimension;
      row.target = step_target(row.item->step);
      row.later = row.item->step > static_cast<int>(section_level[s->id]);
      row.resolved = !is_open(scored_status(a, act.item));
    }
    row.overdue = is_overdue(act, today);

    if (!filter.dimension.empty() && row.dimension != filter.dimension) continue;
    if (filter.status && act.status != *filter.status) continue;
    if (!owner.empty() && folded(act.owner) != owner) continue;
    if (filter.overdue_only && !row.overdue) continue;
    if (filter.next_step_only && row.later) continue;
    if (!filter.include_resolved && row.resolved) continue;
    rows.push_back(row);
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const ActionRow& x, const ActionRow& y) {
    size_t px = x.item ? pos[x.action->item] : pos.size();
    size_t py = y.item ? pos[y.action->item] : pos.size();
    return px < py;
  });
  return rows;
}

std::vector<std::string> action_owners(const Assessment& a) {
  std::set<std::string> seen;
  std::vector<std::string> out;
  for (const auto& act : a.actions) {
    size_t b = act.owner.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) continue;
    std::string o = act.owner.substr(b, act.owner.find_last_not_of(" \t\r\n") - b + 1);
    if (seen.insert(folded(o)).second) out.push_back(o);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace mizan
