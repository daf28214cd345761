// Mock of ozo/connection_pool.h (yandex/ozo), trimmed.
#ifndef POOLGUARD_MOCK_OZO_CONNECTION_POOL_H
#define POOLGUARD_MOCK_OZO_CONNECTION_POOL_H
#include <chrono>
#include <cstddef>
#include <string>
namespace ozo {
struct connection_pool_config {
  std::size_t capacity = 10;
  std::size_t queue_capacity = 128;
  std::chrono::seconds idle_timeout = std::chrono::seconds(60);
};
class connection_info {
public:
  explicit connection_info(std::string conn_str);
};
template <typename Source> class connection_pool {
public:
  connection_pool(Source source, const connection_pool_config &config);
};
} // namespace ozo
#endif
