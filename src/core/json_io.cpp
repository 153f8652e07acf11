#include "core/json_io.hpp"

namespace mizan {

namespace {

TextPosition position_of_byte(std::string_view text, size_t byte) {
  TextPosition p{1, 1};
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.col;
    }
  }
  return p;
}

// Refuse absurd nesting before nlohmann builds (and later destroys) the tree.
void check_depth(std::string_view text, const std::string& file) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) {
        auto p = position_of_byte(text, i);
        throw InputError(Problem{file, p.line, p.col, "",
                                 "JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                                     " levels; this is not a Mizan file"});
      }
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
}

}  // namespace

nlohmann::json parse_json_text(std::string_view text, const std::string& file) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    throw InputError(Problem{file, 1, 1, "", "the file is empty"});
  check_depth(text, file);
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    auto p = position_of_byte(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string what = e.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line…";
    // keep only the part after the last ": " that says what went wrong.
    auto colon = what.find("syntax error");
    std::string msg = colon != std::string::npos ? what.substr(colon) : std::string("not valid JSON");
    if (e.id == 316) msg = "invalid UTF-8 text";
    throw InputError(Problem{file, p.line, p.col, "", "not valid JSON: " + msg});
  } catch (const nlohmann::json::exception& e) {
    // out_of_range.406: a number beyond double's range ("1e400"). nlohmann gives no
    // position, only the token ("number overflow parsing '1e400'"): find it in the text.
    std::string what = e.what();
    size_t q1 = what.find('\''), q2 = what.rfind('\'');
    std::string token = q1 != std::string::npos && q2 > q1 ? what.substr(q1 + 1, q2 - q1 - 1) : std::string();
    size_t at = token.empty() ? std::string_view::npos : text.find(token);
    auto p = at == std::string_view::npos ? TextPosition{} : position_of_byte(text, at);
    throw InputError(Problem{file, p.line, p.col, "",
                             e.id == 406 ? "not valid JSON: the number " + token + " is too large"
                                         : std::string("not valid JSON")});
  }
}

void ProblemList::add(const std::string& pointer, std::string message) {
  if (!pos_) pos_.emplace(text_);
  auto p = pos_->at(pointer);
  problems_.push_back(Problem{file_, p.line, p.col, pointer, std::move(message)});
}

}  // namespace mizan
