// Mock of absl/strings/str_cat.h: real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_ABSL_STRINGS_STR_CAT_H
#define POOLGUARD_MOCK_ABSL_STRINGS_STR_CAT_H
#include <string>
#include <string_view>
namespace absl {
class AlphaNum {
public:
  AlphaNum(int x);
  AlphaNum(long x);
  AlphaNum(unsigned x);
  AlphaNum(const char *c_str);
  AlphaNum(std::string_view pc);
  template <typename A>
  AlphaNum(const std::basic_string<char, std::char_traits<char>, A> &str);
};
std::string StrCat();
std::string StrCat(const AlphaNum &a);
std::string StrCat(const AlphaNum &a, const AlphaNum &b);
std::string StrCat(const AlphaNum &a, const AlphaNum &b, const AlphaNum &c);
template <typename... AV>
std::string StrCat(const AlphaNum &a, const AlphaNum &b, const AlphaNum &c,
                   const AlphaNum &d, const AV &...args);
void StrAppend(std::string *dest, const AlphaNum &a);
void StrAppend(std::string *dest, const AlphaNum &a, const AlphaNum &b);
void StrAppend(std::string *dest, const AlphaNum &a, const AlphaNum &b,
               const AlphaNum &c);
} // namespace absl
#endif
