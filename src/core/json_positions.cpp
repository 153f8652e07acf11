#include "core/json_positions.hpp"

#include <vector>

namespace mizan {

std::string pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

namespace {

struct Scanner {
  std::string_view t;
  size_t i = 0;
  int line = 1;
  int col = 1;  // counted in code points
  std::unordered_map<std::string, TextPosition>& out;
  size_t budget;  // pointer bytes still allowed
  int depth = 0;

  bool eof() const { return i >= t.size(); }
  void advance() {
    unsigned char c = static_cast<unsigned char>(t[i++]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  void ws() {
    while (!eof() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) advance();
  }
  bool string(std::string* s) {
    if (eof() || t[i] != '"') return false;
    advance();
    while (!eof() && t[i] != '"') {
      if (t[i] == '\\') {
        advance();
        if (eof()) return false;
        char e = t[i];
        if (e == 'u') {
          // Keys with \u escapes are rare in our files; keep the escape text as-is.
          if (s) *s += "\\u";
          advance();
          continue;
        }
        if (s) {
          switch (e) {
            case 'n': *s += '\n'; break;
            case 't': *s += '\t'; break;
            case 'r': *s += '\r'; break;
            case 'b': *s += '\b'; break;
            case 'f': *s += '\f'; break;
            default: *s += e;
          }
        }
        advance();
        continue;
      }
      if (s) *s += t[i];
      advance();
    }
    if (eof()) return false;
    advance();
    return true;
  }
  bool value(const std::string& ptr) {
    if (++depth > 512) return false;  // deeper files are refused by the loader anyway
    ws();
    if (eof()) return false;
    if (ptr.size() + 1 > budget) return false;  // see kMaxPointerBytes
    budget -= ptr.size() + 1;
    out.emplace(ptr, TextPosition{line, col});
    char c = t[i];
    bool ok = true;
    if (c == '{') {
      advance();
      ws();
      if (!eof() && t[i] == '}') {
        advance();
      } else {
        while (true) {
          ws();
          std::string key;
          if (!string(&key)) { ok = false; break; }
          ws();
          if (eof() || t[i] != ':') { ok = false; break; }
          advance();
          if (!value(ptr + "/" + pointer_escape(key))) { ok = false; break; }
          ws();
          if (eof()) { ok = false; break; }
          if (t[i] == ',') { advance(); continue; }
          if (t[i] == '}') { advance(); break; }
          ok = false;
          break;
        }
      }
    } else if (c == '[') {
      advance();
      ws();
      if (!eof() && t[i] == ']') {
        advance();
      } else {
        for (size_t n = 0;; ++n) {
          if (!value(ptr + "/" + std::to_string(n))) { ok = false; break; }
          ws();
          if (eof()) { ok = false; break; }
          if (t[i] == ',') { advance(); continue; }
          if (t[i] == ']') { advance(); break; }
          ok = false;
          break;
        }
      }
    } else if (c == '"') {
      ok = string(nullptr);
    } else {
      while (!eof() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' &&
             t[i] != '\r' && t[i] != '\t')
        advance();
    }
    --depth;
    return ok;
  }
};

}  // namespace

JsonPositions::JsonPositions(std::string_view text, size_t max_pointer_bytes) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Scanner s{text, 0, 1, 1, pos_, max_pointer_bytes};
  s.value("");
}

TextPosition JsonPositions::at(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    auto it = pos_.find(p);
    if (it != pos_.end()) return it->second;
    if (p.empty()) return {};
    auto slash = p.rfind('/');
    p = slash == std::string::npos ? std::string() : p.substr(0, slash);
  }
}

}  // namespace mizan
