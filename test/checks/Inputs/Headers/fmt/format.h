// Mock of {fmt}'s fmt/format.h (v10): real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_FMT_FORMAT_H
#define POOLGUARD_MOCK_FMT_FORMAT_H
#include <string>
#include <string_view>
namespace fmt {
inline namespace v10 {
template <typename T> struct type_identity { using type = T; };
template <typename T> using type_identity_t = typename type_identity<T>::type;
template <typename Char, typename... Args> class basic_format_string {
public:
  template <typename S> constexpr basic_format_string(const S &s) : str(s) {}

private:
  const Char *str;
};
template <typename... Args>
using format_string = basic_format_string<char, type_identity_t<Args>...>;
template <typename... T>
std::string format(format_string<T...> fmt, T &&...args);
} // namespace v10
} // namespace fmt
#endif
