// UTF-8 <-> UTF-32 that never fails: ill-formed input becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace mizan::text {

inline constexpr char32_t replacement_character = U'\uFFFD';

// Decodes UTF-8. Every maximal ill-formed subpart (stray continuation byte, truncated
// sequence, overlong form, encoded surrogate, value above U+10FFFF, bytes C0, C1, F5-FF)
// becomes one U+FFFD, as the Unicode standard recommends; decoding then resumes at the
// next byte that could start a character. Never throws on bad input.
std::u32string utf8_to_utf32(std::string_view utf8);

// Encodes code points as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
std::string utf32_to_utf8(std::u32string_view utf32);

// Appends one code point (same replacement rules as utf32_to_utf8).
void append_utf8(std::string& out, char32_t code_point);

}  // namespace mizan::text
