// Mock of cppmicroservices/BundleContext.h (CppMicroServices 3.x), trimmed.
#ifndef POOLGUARD_MOCK_CPPMICROSERVICES_BUNDLECONTEXT_H
#define POOLGUARD_MOCK_CPPMICROSERVICES_BUNDLECONTEXT_H
#include <cppmicroservices/ServiceInterface.h>
#include <memory>
namespace cppmicroservices {
class ServiceProperties {};
template <class S, class... Others> class ServiceRegistration {};
class BundleContext {
public:
  template <class I1, class... Interfaces, class Impl>
  ServiceRegistration<I1, Interfaces...>
  RegisterService(const std::shared_ptr<Impl> &impl,
                  const ServiceProperties &props = ServiceProperties());
};
} // namespace cppmicroservices
#endif
