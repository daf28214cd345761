// Mock of kgr/kangaru.hpp (gracicot/kangaru 4.x), trimmed: service
// definitions are classes deriving from kgr::single_service<T, deps>.
#ifndef POOLGUARD_MOCK_KGR_KANGARU_HPP
#define POOLGUARD_MOCK_KGR_KANGARU_HPP
namespace kgr {
template <typename... Dependencies> struct dependency {};
template <typename Type, typename Deps = dependency<>> struct single_service {
  Type &forward();
};
template <typename Type, typename Deps = dependency<>> struct service {
  Type forward();
};
template <typename... Types> struct overrides {};
class container {
public:
  template <typename T, typename... Args> decltype(auto) service(Args &&...) {
    return static_cast<T *>(nullptr)->forward();
  }
  template <typename T, typename... Args> bool emplace(Args &&...args);
  container fork() const;
  void merge(container &&other);
};
} // namespace kgr
#endif
