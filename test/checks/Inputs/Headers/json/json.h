// Mock of JsonCpp's json/json.h (Drogon's configuration values), trimmed.
#ifndef POOLGUARD_MOCK_JSON_JSON_H
#define POOLGUARD_MOCK_JSON_JSON_H
#include <string>
namespace Json {
class Value {
public:
  Value();
  const Value &operator[](const char *key) const;
  std::string asString() const;
  unsigned int asUInt() const;
};
} // namespace Json
#endif
