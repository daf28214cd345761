// Mock of oatpp/core/provider/Pool.hpp and Provider.hpp, trimmed.
#ifndef POOLGUARD_MOCK_OATPP_PROVIDER_POOL_HPP
#define POOLGUARD_MOCK_OATPP_PROVIDER_POOL_HPP
#include "oatpp/core/Types.hpp"
#include <chrono>
#include <memory>
namespace oatpp {
namespace provider {
template <class T> class Provider {
public:
  virtual ~Provider();
  virtual void stop() = 0;
};

template <class TProvider, class TResource, class AcquisitionProxyImpl>
class Pool : public TProvider {
public:
  static std::shared_ptr<Pool>
  createShared(const std::shared_ptr<TProvider> &provider,
               v_int64 maxResources,
               const std::chrono::seconds &maxResourceTTL);
  void stop() override;
};
} // namespace provider
} // namespace oatpp
#endif
