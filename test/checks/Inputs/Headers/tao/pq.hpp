// Mock of tao/pq.hpp (taocpp/taopq connection_pool.hpp), trimmed.
#ifndef POOLGUARD_MOCK_TAO_PQ_HPP
#define POOLGUARD_MOCK_TAO_PQ_HPP
#include <memory>
#include <string>
namespace tao {
namespace pq {
class connection {};
namespace internal {
template <typename T> class pool {};
auto getenv(const std::string &name) -> std::string;
} // namespace internal
class connection_pool : public internal::pool<connection> {
public:
  template <typename T = connection_pool>
  [[nodiscard]] static auto create(const std::string &connection_info)
      -> std::shared_ptr<T>;
  [[nodiscard]] auto connection() -> std::shared_ptr<pq::connection>;
};
} // namespace pq
} // namespace tao
#endif
