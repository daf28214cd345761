// Mock of cppmicroservices/ServiceInterface.h (CppMicroServices 3.x), trimmed.
#ifndef POOLGUARD_MOCK_CPPMICROSERVICES_SERVICEINTERFACE_H
#define POOLGUARD_MOCK_CPPMICROSERVICES_SERVICEINTERFACE_H
#include <memory>
#include <string>
namespace cppmicroservices {
class ServiceFactory;
class InterfaceMap {};
using InterfaceMapPtr = std::shared_ptr<InterfaceMap>;
using InterfaceMapConstPtr = std::shared_ptr<const InterfaceMap>;
template <class I1, class... Interfaces> class MakeInterfaceMap {
public:
  template <class Impl> MakeInterfaceMap(const std::shared_ptr<Impl> &impl);
  MakeInterfaceMap(const std::shared_ptr<ServiceFactory> &factory);
  operator InterfaceMapPtr();
  operator InterfaceMapConstPtr();
};
template <class T>
std::shared_ptr<ServiceFactory> ToFactory(const std::shared_ptr<T> &factory);
} // namespace cppmicroservices
#endif
