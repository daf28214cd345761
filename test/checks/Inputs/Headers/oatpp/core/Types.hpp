// Mock of oatpp/core/Types.hpp: the DTO wrapper types, trimmed.
#ifndef POOLGUARD_MOCK_OATPP_TYPES_HPP
#define POOLGUARD_MOCK_OATPP_TYPES_HPP
#include <memory>
#include <string>
typedef long long v_int64;
typedef int v_int32;
namespace oatpp {
class String {
public:
  String();
  String(const char *str);
  String(const std::string &str);
  std::string *operator->() const;
  operator std::string() const;
};
template <class T> class Object {
public:
  Object();
  T *operator->() const;
  T &operator*() const;
};
} // namespace oatpp
#endif
