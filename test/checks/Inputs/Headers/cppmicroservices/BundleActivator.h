// Mock of cppmicroservices/BundleActivator.h (CppMicroServices 3.x).
#ifndef POOLGUARD_MOCK_CPPMICROSERVICES_BUNDLEACTIVATOR_H
#define POOLGUARD_MOCK_CPPMICROSERVICES_BUNDLEACTIVATOR_H
#include <cppmicroservices/BundleContext.h>
namespace cppmicroservices {
struct BundleActivator {
  virtual ~BundleActivator();
  virtual void Start(BundleContext context) = 0;
  virtual void Stop(BundleContext context) = 0;
};
} // namespace cppmicroservices
#define CPPMICROSERVICES_EXPORT_BUNDLE_ACTIVATOR(_activator_type)              \
  extern "C" cppmicroservices::BundleActivator *_cppmicroservices_activator() { \
    return new _activator_type();                                             \
  }
#endif
