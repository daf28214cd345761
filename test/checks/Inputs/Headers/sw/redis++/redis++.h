// Mock of sw/redis++/redis++.h (redis.h, connection.h, connection_pool.h).
#ifndef POOLGUARD_MOCK_SW_REDIS_REDIS_H
#define POOLGUARD_MOCK_SW_REDIS_REDIS_H
#include <chrono>
#include <cstddef>
#include <string>
namespace sw {
namespace redis {
enum class ConnectionType { TCP = 0, UNIX };
struct ConnectionOptions {
  ConnectionOptions() = default;
  explicit ConnectionOptions(const std::string &uri);
  ConnectionType type = ConnectionType::TCP;
  std::string host;
  int port = 6379;
  std::string path;
  std::string user = "default";
  std::string password;
  int db = 0;
  bool keep_alive = false;
};
struct ConnectionPoolOptions {
  std::size_t size = 1;
  std::chrono::milliseconds wait_timeout{0};
  std::chrono::milliseconds connection_lifetime{0};
  std::chrono::milliseconds connection_idle_time{0};
};
class Redis {
public:
  explicit Redis(const ConnectionOptions &connection_opts,
                 const ConnectionPoolOptions &pool_opts = {});
  explicit Redis(const std::string &uri);
  void set(const std::string &key, const std::string &val);
};
} // namespace redis
} // namespace sw
#endif
