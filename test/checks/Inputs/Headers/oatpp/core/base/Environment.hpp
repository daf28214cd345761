// Mock of oatpp/core/base/Environment.hpp: the component registry, trimmed.
#ifndef POOLGUARD_MOCK_OATPP_ENVIRONMENT_HPP
#define POOLGUARD_MOCK_OATPP_ENVIRONMENT_HPP
#include "oatpp/core/Types.hpp"
#include <string>
namespace oatpp {
namespace base {
class Environment {
public:
  /// A component registered under its type name and a qualifier; the same
  /// pair twice throws "Component with given name already exists".
  template <typename T> class Component {
  private:
    std::string m_type;
    std::string m_name;
    T m_object;

  public:
    Component(const std::string &name, const T &object);
    Component(const T &object);
    ~Component();
    T getObject();
  };

  static void init();
  static void destroy();
  static void *getComponent(const std::string &typeName);
  static void *getComponent(const std::string &typeName,
                            const std::string &componentName);
};
} // namespace base
} // namespace oatpp
#endif
