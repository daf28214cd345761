// Mock of boost/di.hpp (boost-ext/di 1.3), trimmed: bind<I>.to<C>().in(scope),
// make_injector, injector::create, the scopes and the inline namespace of the
// real header (BOOST_DI_NAMESPACE_BEGIN).
#ifndef POOLGUARD_MOCK_BOOST_DI_HPP
#define POOLGUARD_MOCK_BOOST_DI_HPP
#include <memory>
namespace boost {
namespace di {
inline namespace v1_3_0 {
namespace scopes {
class deduce {};
class unique {};
class singleton {};
class instance {};
} // namespace scopes
namespace core {
struct no_name {};
template <class TScope, class TExpected, class TGiven = TExpected,
          class TName = no_name, class TPriority = void>
class dependency {
public:
  template <class T> auto to() const noexcept {
    return dependency<TScope, TExpected, T, TName, TPriority>{};
  }
  template <class T> auto to(T &&object) const noexcept {
    return dependency<scopes::instance, TExpected, T, TName, TPriority>{};
  }
  template <class T> auto in(const T &) const noexcept {
    return dependency<T, TExpected, TGiven, TName, TPriority>{};
  }
  template <class T> auto named(const T &) const noexcept {
    return dependency<TScope, TExpected, TGiven, T, TPriority>{};
  }
};
} // namespace core
template <class... TDeps> class injector {
public:
  template <class T> T create() const;
};
template <class TExpected>
constexpr core::dependency<scopes::deduce, TExpected> bind{};
constexpr scopes::deduce deduce{};
constexpr scopes::unique unique{};
constexpr scopes::singleton singleton{};
template <class... TDeps> injector<TDeps...> make_injector(TDeps &&...deps);
namespace extension {
namespace detail {
class shared {};
} // namespace detail
static constexpr detail::shared shared{};
} // namespace extension
} // namespace v1_3_0
} // namespace di
} // namespace boost
#endif
