// Mock of Hypodermic/ContainerBuilder.h: real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_HYPODERMIC_CONTAINERBUILDER_H
#define POOLGUARD_MOCK_HYPODERMIC_CONTAINERBUILDER_H
#include <memory>
#include <string>

namespace Hypodermic {

class Container {
public:
  template <class T> std::shared_ptr<T> resolve();
};

class ComponentContext {
public:
  template <class T> std::shared_ptr<T> resolve();
};

template <class TDescriptorInfo> class RegistrationDescriptorBase {
public:
  template <class TBase> RegistrationDescriptorBase &as();
  RegistrationDescriptorBase &asSelf();
  RegistrationDescriptorBase &singleInstance();
  RegistrationDescriptorBase &named(const std::string &name);
  template <class TDependency, class TProvidedDependency>
  RegistrationDescriptorBase &with();
};

class ContainerBuilder {
public:
  template <class T> RegistrationDescriptorBase<T> &registerType();

  template <class T>
  RegistrationDescriptorBase<T> &
  registerInstance(const std::shared_ptr<T> &instance);

  template <class TCallable>
  RegistrationDescriptorBase<TCallable> &
  registerInstanceFactory(const TCallable &instanceFactory) {
    static RegistrationDescriptorBase<TCallable> Descriptor;
    return Descriptor;
  }

  void addRegistrations(const ContainerBuilder &containerBuilder);
  std::shared_ptr<Container> build();
  std::shared_ptr<Container>
  buildNestedContainerFrom(const Container &parentScope);
};

} // namespace Hypodermic
#endif
