#include "core/assessment.hpp"

#include <ctime>
#include <stdexcept>

#include "core/atomic_file.hpp"
#include "core/json_io.hpp"

using nlohmann::json;

namespace mizan {

const char* status_id(ItemStatus s) {
  switch (s) {
    case ItemStatus::met: return "met";
    case ItemStatus::not_met: return "not_met";
    case ItemStatus::na: return "na";
    case ItemStatus::unanswered: return "";
  }
  return "";
}

std::optional<ItemStatus> parse_status(std::string_view s) {
  if (s == "met") return ItemStatus::met;
  if (s == "not_met") return ItemStatus::not_met;
  if (s == "na") return ItemStatus::na;
  if (s.empty() || s == "unanswered") return ItemStatus::unanswered;
  return std::nullopt;
}

const char* action_status_id(ActionStatus s) {
  switch (s) {
    case ActionStatus::not_started: return "not_started";
    case ActionStatus::in_progress: return "in_progress";
    case ActionStatus::done: return "done";
    case ActionStatus::dropped: return "dropped";
  }
  return "not_started";
}
std::optional<ActionStatus> parse_action_status(std::string_view s) {
  for (auto v : {ActionStatus::not_started, ActionStatus::in_progress, ActionStatus::done, ActionStatus::dropped})
    if (s == action_status_id(v)) return v;
  return std::nullopt;
}
const char* priority_id(Priority p) {
  switch (p) {
    case Priority::high: return "high";
    case Priority::medium: return "medium";
    case Priority::low: return "low";
  }
  return "medium";
}
std::optional<Priority> parse_priority(std::string_view s) {
  for (auto v : {Priority::high, Priority::medium, Priority::low})
    if (s == priority_id(v)) return v;
  return std::nullopt;
}

bool ItemAnswer::empty() const {
  return status == ItemStatus::unanswered && note.empty() && justification.empty() && evidence.empty() &&
         !carried_over && change_reason.empty() && extra.empty();
}

bool ItemAnswer::same_content(const ItemAnswer& o) const {
  return status == o.status && note == o.note && justification == o.justification && evidence == o.evidence;
}

const ItemAnswer* Assessment::answer(const std::string& id) const {
  auto it = items.find(id);
  return it == items.end() ? nullptr : &it->second;
}

ItemStatus Assessment::status(const std::string& id) const {
  const ItemAnswer* a = answer(id);
  return a ? a->status : ItemStatus::unanswered;
}

Assessment new_assessment(const Rubric& rubric) {
  Assessment a;
  a.rubric_id = rubric.id;
  a.rubric_version = rubric.version;
  return a;
}

std::string now_iso8601() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// Known keys are read out of a copy of the object; what is left is `extra`.
struct Fields {
  json obj;
  ProblemList& probs;
  std::string ptr;

  std::string str(const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) return {};
    std::string out;
    if (it->is_string()) out = it->get<std::string>();
    else if (!it->is_null()) probs.add(ptr + "/" + key, std::string("\"") + key + "\" must be a string");
    obj.erase(it);
    return out;
  }
  std::vector<std::string> strings(const char* key) {
    std::vector<std::string> out;
    auto it = obj.find(key);
    if (it == obj.end()) return out;
    if (it->is_array()) {
      for (size_t i = 0; i < it->size(); ++i) {
        if ((*it)[i].is_string()) out.push_back((*it)[i].get<std::string>());
        else probs.add(ptr + "/" + key + "/" + std::to_string(i), "must be a string");
      }
    } else if (it->is_string()) {
      out.push_back(it->get<std::string>());
    } else if (!it->is_null()) {
      probs.add(ptr + "/" + key, std::string("\"") + key + "\" must be a list of strings");
    }
    obj.erase(it);
    return out;
  }
  bool boolean(const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) return false;
    bool out = false;
    if (it->is_boolean()) out = it->get<bool>();
    else if (!it->is_null()) probs.add(ptr + "/" + key, std::string("\"") + key + "\" must be true or false");
    obj.erase(it);
    return out;
  }
  json take_object(const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) return json::object();
    json v = *it;
    obj.erase(it);
    if (!v.is_object()) {
      probs.add(ptr + "/" + key, std::string("\"") + key + "\" must be an object");
      return json::object();
    }
    return v;
  }
};

}  // namespace

LoadedAssessment parse_assessment(std::string_view text, const std::string& file, const Rubric* rubric) {
  json doc = parse_json_text(text, file);
  if (!doc.is_object()) throw InputError(Problem{file, 1, 1, "", "an assessment must be a JSON object"});
  ProblemList probs(file, text);
  LoadedAssessment out;
  Assessment& a = out.assessment;

  // Refuse newer formats politely before reading anything else.
  if (auto fv = doc.find("format_version"); fv != doc.end()) {
    if (!fv->is_number_integer()) {
      probs.add("/format_version", "\"format_version\" must be an integer");
    } else if (fv->get<long long>() > kAssessmentFormatVersion) {
      probs.add("/format_version", "this file was written by a newer Mizan (format_version " + fv->dump() +
                                       "); this version reads " + std::to_string(kAssessmentFormatVersion) +
                                       ". The file was not changed.");
      throw InputError(probs.problems());
    } else if (fv->get<long long>() < 1) {
      probs.add("/format_version", "format_version must be 1 or more");
    }
  } else {
    probs.add("", "missing \"format_version\"");
  }
  if (auto f = doc.find("format"); f == doc.end() || !f->is_string() || *f != "mizan-assessment")
    probs.add(f == doc.end() ? "" : "/format", "\"format\" must be \"mizan-assessment\"");

  Fields top{doc, probs, ""};
  top.obj.erase("format");
  top.obj.erase("format_version");
  {
    json r = top.take_object("rubric");
    Fields rf{r, probs, "/rubric"};
    a.rubric_id = rf.str("id");
    a.rubric_version = rf.str("version");
    if (!rf.obj.empty()) a.extra["rubric"] = rf.obj;  // kept: unknown keys inside "rubric"
  }
  {
    json ag = top.take_object("agency");
    Fields af{ag, probs, "/agency"};
    a.agency_name = af.str("name");
    a.agency_code = af.str("code");
    if (!af.obj.empty()) a.extra["agency"] = af.obj;
  }
  a.period = top.str("period");
  a.assessment_date = top.str("assessment_date");
  a.assessors = top.strings("assessors");

  if (auto it = top.obj.find("items"); it != top.obj.end()) {
    if (!it->is_object()) {
      probs.add("/items", "\"items\" must be an object keyed by item id");
    } else {
      for (auto ii = it->begin(); ii != it->end(); ++ii) {
        std::string ip = "/items/" + pointer_escape(ii.key());
        if (!ii->is_object()) {
          probs.add(ip, "item \"" + ii.key() + "\" must be an object");
          continue;
        }
        Fields f{*ii, probs, ip};
        ItemAnswer ans;
        std::string st = f.str("status");
        auto parsed = parse_status(st);
        if (!parsed) probs.add(ip + "/status", "unknown status \"" + st + "\" (use met, not_met or na)");
        else ans.status = *parsed;
        ans.note = f.str("note");
        ans.justification = f.str("justification");
        ans.evidence = f.strings("evidence");
        ans.changed_by = f.str("changed_by");
        ans.changed_at = f.str("changed_at");
        ans.change_reason = f.str("change_reason");
        ans.carried_over = f.boolean("carried_over");
        ans.extra = f.obj;
        a.items[ii.key()] = std::move(ans);
      }
    }
    top.obj.erase(it);
  }

  if (auto it = top.obj.find("actions"); it != top.obj.end()) {
    if (!it->is_array()) {
      probs.add("/actions", "\"actions\" must be an array");
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        std::string ap = "/actions/" + std::to_string(i);
        if (!(*it)[i].is_object()) {
          probs.add(ap, "an action must be an object");
          continue;
        }
        Fields f{(*it)[i], probs, ap};
        Action act;
        act.item = f.str("item");
        act.owner = f.str("owner");
        act.due = f.str("due");
        std::string pr = f.str("priority");
        if (!pr.empty()) {
          if (auto p = parse_priority(pr)) act.priority = *p;
          else probs.add(ap + "/priority", "unknown priority \"" + pr + "\" (use high, medium or low)");
        }
        std::string st = f.str("status");
        if (!st.empty()) {
          if (auto s = parse_action_status(st)) act.status = *s;
          else probs.add(ap + "/status", "unknown action status \"" + st + "\"");
        }
        act.resources = f.str("resources");
        act.note = f.str("note");
        act.extra = f.obj;
        a.actions.push_back(std::move(act));
      }
    }
    top.obj.erase(it);
  }

  if (auto it = top.obj.find("audit"); it != top.obj.end()) {
    if (!it->is_array()) {
      probs.add("/audit", "\"audit\" must be an array");
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        std::string ap = "/audit/" + std::to_string(i);
        if (!(*it)[i].is_object()) {
          probs.add(ap, "an audit entry must be an object");
          continue;
        }
        Fields f{(*it)[i], probs, ap};
        AuditEntry e{f.str("at"), f.str("by"), f.str("item"), f.str("field"), f.str("from"), f.str("to")};
        a.audit.push_back(std::move(e));
      }
    }
    top.obj.erase(it);
  }
  if (top.obj.contains("baseline")) {
    json b = top.take_object("baseline");
    Fields bf{b, probs, "/baseline"};
    a.baseline = Baseline{bf.str("file"), bf.str("period"), bf.str("sha256")};
    if (!bf.obj.empty()) a.extra["baseline"] = bf.obj;
  }
  if (top.obj.contains("signoff")) {
    json so = top.take_object("signoff");
    Fields sf{so, probs, "/signoff"};
    a.signoff = SignOff{sf.str("name"), sf.str("role"), sf.str("date"), sf.str("at")};
    if (!sf.obj.empty()) a.extra["signoff"] = sf.obj;
  }
  if (auto it = top.obj.find("conflicts"); it != top.obj.end()) {
    if (!it->is_array()) {
      probs.add("/conflicts", "\"conflicts\" must be an array");
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        std::string cp = "/conflicts/" + std::to_string(i);
        const json& cj = (*it)[i];
        if (!cj.is_object() || !cj.contains("item") || !cj["item"].is_string() || !cj.contains("answers") ||
            !cj["answers"].is_array()) {
          probs.add(cp, "a conflict must be {\"item\": …, \"answers\": [{\"author\": …, \"status\": …}]}");
          continue;
        }
        Conflict c;
        c.item = cj["item"].get<std::string>();
        for (size_t k = 0; k < cj["answers"].size(); ++k) {
          std::string ap = cp + "/answers/" + std::to_string(k);
          if (!cj["answers"][k].is_object()) {
            probs.add(ap, "an answer must be an object");
            continue;
          }
          Fields f{cj["answers"][k], probs, ap};
          ConflictAnswer ca;
          ca.author = f.str("author");
          std::string st = f.str("status");
          if (auto ps = parse_status(st)) ca.answer.status = *ps;
          else probs.add(ap + "/status", "unknown status \"" + st + "\"");
          ca.answer.note = f.str("note");
          ca.answer.justification = f.str("justification");
          ca.answer.evidence = f.strings("evidence");
          c.answers.push_back(std::move(ca));
        }
        a.conflicts.push_back(std::move(c));
      }
    }
    top.obj.erase(it);
  }
  if (auto it = top.obj.find("case_data"); it != top.obj.end()) {
    a.case_data = *it;
    top.obj.erase(it);
  }
  for (auto it = top.obj.begin(); it != top.obj.end(); ++it) a.extra[it.key()] = it.value();

  if (!probs.empty()) throw InputError(probs.problems());

  // Non-fatal: things a person should hear about, with nothing dropped.
  ProblemList warn(file, text);
  for (const auto& [id, ans] : a.items)
    if (ans.status == ItemStatus::na && ans.justification.find_first_not_of(" \t\r\n") == std::string::npos)
      warn.add("/items/" + pointer_escape(id),
               "item " + id + " is marked not applicable without a justification; it counts as unanswered");
  if (rubric) {
    if (!a.rubric_id.empty() && a.rubric_id != rubric->id)
      warn.add("/rubric/id", "the assessment uses rubric \"" + a.rubric_id + "\", not \"" + rubric->id + "\"");
    else if (!a.rubric_version.empty() && a.rubric_version != rubric->version)
      warn.add("/rubric/version", "the assessment uses rubric version " + a.rubric_version + ", scored with " +
                                      rubric->version);
    for (const auto& id : unknown_item_ids(a, *rubric))
      warn.add("/items/" + pointer_escape(id), "unknown item id \"" + id + "\" (kept, not scored)");
  }
  out.warnings = warn.problems();
  return out;
}

LoadedAssessment load_assessment(const std::string& path, const Rubric* rubric) {
  return parse_assessment(read_text_file(path), path, rubric);
}

std::vector<std::string> unknown_item_ids(const Assessment& a, const Rubric& rubric) {
  std::vector<std::string> out;
  for (const auto& kv : a.items)
    if (!rubric.find_item(kv.first)) out.push_back(kv.first);
  return out;
}

json assessment_to_json(const Assessment& a) {
  json doc = json::object();
  doc["format"] = "mizan-assessment";
  doc["format_version"] = kAssessmentFormatVersion;
  json rubric = a.extra.contains("rubric") && a.extra["rubric"].is_object() ? a.extra["rubric"] : json::object();
  rubric["id"] = a.rubric_id;
  rubric["version"] = a.rubric_version;
  doc["rubric"] = rubric;
  json agency = a.extra.contains("agency") && a.extra["agency"].is_object() ? a.extra["agency"] : json::object();
  agency["name"] = a.agency_name;
  agency["code"] = a.agency_code;
  doc["agency"] = agency;
  doc["period"] = a.period;
  if (!a.assessment_date.empty()) doc["assessment_date"] = a.assessment_date;
  if (!a.assessors.empty()) doc["assessors"] = a.assessors;
  json items = json::object();
  for (const auto& [id, ans] : a.items) {
    if (ans.empty()) continue;
    json j = ans.extra.is_object() ? ans.extra : json::object();
    if (ans.status != ItemStatus::unanswered) j["status"] = status_id(ans.status);
    if (!ans.note.empty()) j["note"] = ans.note;
    if (!ans.justification.empty()) j["justification"] = ans.justification;
    if (!ans.evidence.empty()) j["evidence"] = ans.evidence;
    if (!ans.changed_by.empty()) j["changed_by"] = ans.changed_by;
    if (!ans.changed_at.empty()) j["changed_at"] = ans.changed_at;
    if (ans.carried_over) j["carried_over"] = true;
    if (!ans.change_reason.empty()) j["change_reason"] = ans.change_reason;
    items[id] = j;
  }
  doc["items"] = items;
  if (!a.actions.empty()) {
    json acts = json::array();
    for (const auto& act : a.actions) {
      json j = act.extra.is_object() ? act.extra : json::object();
      j["item"] = act.item;
      j["owner"] = act.owner;
      j["due"] = act.due;
      j["priority"] = priority_id(act.priority);
      j["status"] = action_status_id(act.status);
      j["resources"] = act.resources;
      j["note"] = act.note;
      acts.push_back(j);
    }
    doc["actions"] = acts;
  }
  if (!a.audit.empty()) {
    json au = json::array();
    for (const auto& e : a.audit)
      au.push_back({{"at", e.at}, {"by", e.by}, {"item", e.item}, {"field", e.field}, {"from", e.from}, {"to", e.to}});
    doc["audit"] = au;
  }
  if (!a.case_data.is_null()) doc["case_data"] = a.case_data;
  if (!a.conflicts.empty()) {
    json cs = json::array();
    for (const auto& c : a.conflicts) {
      json answers = json::array();
      for (const auto& ca : c.answers) {
        json j{{"author", ca.author}, {"status", status_id(ca.answer.status)}};
        if (!ca.answer.note.empty()) j["note"] = ca.answer.note;
        if (!ca.answer.justification.empty()) j["justification"] = ca.answer.justification;
        if (!ca.answer.evidence.empty()) j["evidence"] = ca.answer.evidence;
        answers.push_back(j);
      }
      cs.push_back({{"item", c.item}, {"answers", answers}});
    }
    doc["conflicts"] = cs;
  }
  auto nested = [&](const char* key) {
    return a.extra.contains(key) && a.extra[key].is_object() ? a.extra[key] : json::object();
  };
  if (!a.baseline.empty()) {
    json b = nested("baseline");
    b["file"] = a.baseline.file;
    b["period"] = a.baseline.period;
    b["sha256"] = a.baseline.sha256;
    doc["baseline"] = b;
  }
  if (!a.signoff.empty()) {
    json so = nested("signoff");
    so["name"] = a.signoff.name;
    so["role"] = a.signoff.role;
    so["date"] = a.signoff.date;
    so["at"] = a.signoff.at;
    doc["signoff"] = so;
  }
  for (auto it = a.extra.begin(); it != a.extra.end(); ++it) {
    if (it.key() == "rubric" || it.key() == "agency" || it.key() == "baseline" || it.key() == "signoff") continue;
    if (!doc.contains(it.key())) doc[it.key()] = it.value();
  }
  return doc;
}

std::string assessment_to_text(const Assessment& a) {
  return assessment_to_json(a).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void save_assessment(const std::string& path, const Assessment& a) {
  write_file_atomic(path, assessment_to_text(a), true);
}

ItemAnswer set_answer(Assessment& a, const std::string& id, ItemAnswer answer, const std::string& by,
                      const std::string& at) {
  if (a.signed_off())
    throw std::logic_error("the assessment was signed off by " + a.signoff.name + "; reopen it to change answers");
  if (answer.status == ItemStatus::na && answer.justification.find_first_not_of(" \t\r\n") == std::string::npos)
    throw std::invalid_argument("item " + id + ": not applicable needs a written justification");
  ItemAnswer before;
  if (auto it = a.items.find(id); it != a.items.end()) before = it->second;
  auto record = [&](const char* field, const std::string& from, const std::string& to) {
    if (from != to) a.audit.push_back(AuditEntry{at, by, id, field, from, to});
  };
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& e : v) s += (s.empty() ? "" : "\n") + e;
    return s;
  };
  record("status", status_id(before.status), status_id(answer.status));
  record("note", before.note, answer.note);
  record("justification", before.justification, answer.justification);
  record("evidence", join(before.evidence), join(answer.evidence));
  record("change_reason", before.change_reason, answer.change_reason);
  if (before.carried_over && !answer.carried_over) record("carried_over", "true", "false");
  if (!before.same_content(answer)) {
    answer.changed_by = by;
    answer.changed_at = at;
    answer.carried_over = false;  // someone has looked at it now
  }
  if (answer.extra.is_null()) answer.extra = json::object();
  if (answer.empty()) a.items.erase(id);
  else a.items[id] = std::move(answer);
  return before;
}

}  // namespace mizan
