// Mock of cppmicroservices/ServiceFactory.h and PrototypeServiceFactory.h
// (CppMicroServices 3.x), trimmed.
#ifndef POOLGUARD_MOCK_CPPMICROSERVICES_SERVICEFACTORY_H
#define POOLGUARD_MOCK_CPPMICROSERVICES_SERVICEFACTORY_H
#include <cppmicroservices/ServiceInterface.h>
namespace cppmicroservices {
class Bundle {};
class ServiceRegistrationBase {};
class ServiceFactory {
public:
  virtual ~ServiceFactory() {}
  virtual InterfaceMapConstPtr
  GetService(const Bundle &bundle,
             const ServiceRegistrationBase &registration) = 0;
  virtual void UngetService(const Bundle &bundle,
                            const ServiceRegistrationBase &registration,
                            const InterfaceMapConstPtr &service) = 0;
};
struct PrototypeServiceFactory : public ServiceFactory {};
} // namespace cppmicroservices
#endif
