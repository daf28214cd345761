// Mock of sqlpp11/postgresql/connection_pool.h (rbock/sqlpp11 0.6x),
// trimmed: connection_pool(config, initial cache size).
#ifndef POOLGUARD_MOCK_SQLPP11_POSTGRESQL_CONNECTION_POOL_H
#define POOLGUARD_MOCK_SQLPP11_POSTGRESQL_CONNECTION_POOL_H
#include <cstddef>
#include <memory>
#include <string>
namespace sqlpp {
namespace postgresql {
struct connection_config {
  std::string host;
  unsigned port = 5432;
  std::string dbname;
  std::string user;
  std::string password;
};
class connection {};
class connection_pool {
public:
  connection_pool() = default;
  connection_pool(const std::shared_ptr<connection_config> &config,
                  std::size_t capacity);
  void initialize(const std::shared_ptr<connection_config> &config,
                  std::size_t capacity);
  connection get();
};
} // namespace postgresql
} // namespace sqlpp
#endif
