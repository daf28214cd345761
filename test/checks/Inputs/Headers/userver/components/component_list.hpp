// Mock of userver/components/component_list.hpp: real names and signatures,
// trimmed. USERVER_NAMESPACE_BEGIN opens namespace userver. The Append
// templates are defined inline as in the real header: `Append() &` and
// `Append(Args&&...) &&` forward to `Append<Component>(...)` there.
#ifndef POOLGUARD_MOCK_USERVER_COMPONENT_LIST_HPP
#define POOLGUARD_MOCK_USERVER_COMPONENT_LIST_HPP
#include <memory>
#include <string>
#include <string_view>
#include <utility>
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

namespace impl {
class ComponentAdderBase {
public:
  explicit ComponentAdderBase(std::string name);
  virtual ~ComponentAdderBase();
};
using ComponentAdderPtr = std::unique_ptr<const ComponentAdderBase>;
template <typename Component>
class ComponentAdder final : public ComponentAdderBase {
public:
  explicit ComponentAdder(std::string name) : ComponentAdderBase(name) {}
};
template <typename Component>
constexpr std::string_view NameRegistrationFromComponentType() {
  return Component::kName;
}
} // namespace impl

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
  ComponentList &Append(impl::ComponentAdderPtr &&added) &;
};

template <typename Component> ComponentList &ComponentList::Append() & {
  return Append<Component>(impl::NameRegistrationFromComponentType<Component>());
}

template <typename Component>
ComponentList &ComponentList::Append(std::string_view name) & {
  using Adder = impl::ComponentAdder<Component>;
  auto adder = std::make_unique<const Adder>(std::string{name});
  return Append(std::move(adder));
}

template <typename Component, typename... Args>
ComponentList &&ComponentList::Append(Args &&...args) && {
  return std::move(Append<Component>(std::forward<Args>(args)...));
}

ComponentList MinimalServerComponentList();
} // namespace components
} // namespace userver
#endif
