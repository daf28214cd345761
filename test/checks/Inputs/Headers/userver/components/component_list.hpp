// Mock of userver/components/component_list.hpp: real names and signatures,
// trimmed. USERVER_NAMESPACE_BEGIN opens namespace userver.
#ifndef POOLGUARD_MOCK_USERVER_COMPONENT_LIST_HPP
#define POOLGUARD_MOCK_USERVER_COMPONENT_LIST_HPP
#include <string>
#include <string_view>
namespace userver {
namespace components {
class ComponentConfig;

class ComponentContext final {
public:
  template <typename T> T &FindComponent() const;
  template <typename T> T &FindComponent(std::string_view name) const;
};

class ComponentBase {
public:
  ComponentBase(const ComponentConfig &, const ComponentContext &);
  virtual ~ComponentBase();
};

class ComponentList final {
public:
  template <typename Component> ComponentList &Append() &;
  template <typename Component>
  ComponentList &Append(std::string_view name) &;
  template <typename Component, typename... Args>
  ComponentList &&Append(Args &&...) &&;
  bool Contains(std::string_view name) const;
  ComponentList &AppendComponentList(ComponentList &&other) &;
  ComponentList &&AppendComponentList(ComponentList &&other) &&;
};

ComponentList MinimalServerComponentList();
} // namespace components
} // namespace userver
#endif
