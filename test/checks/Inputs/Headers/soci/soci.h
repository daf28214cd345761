// Mock of soci/soci.h (connection-pool.h, session.h), trimmed.
#ifndef POOLGUARD_MOCK_SOCI_SOCI_H
#define POOLGUARD_MOCK_SOCI_SOCI_H
#include <cstddef>
#include <string>
namespace soci {
class connection_pool;
class session {
public:
  session();
  explicit session(connection_pool &pool);
  session(const std::string &backendName, const std::string &connectString);
  void open(const std::string &backendName, const std::string &connectString);
  void close();
};
class connection_pool {
public:
  explicit connection_pool(std::size_t size);
  ~connection_pool();
  session &at(std::size_t pos);
  std::size_t lease();
  bool try_lease(std::size_t &pos, int timeout);
  void give_back(std::size_t pos);
};
} // namespace soci
#endif
