// A pared-down SOCI (github.com/SOCI/soci) with the real names and
// signatures, so the example builds without the library.
#pragma once
#include <cstddef>
#include <string>

namespace soci {
class session {
public:
  void open(const std::string &backendName, const std::string &connectString);
};
class connection_pool {
public:
  explicit connection_pool(std::size_t size);
  session &at(std::size_t pos);
};
} // namespace soci
