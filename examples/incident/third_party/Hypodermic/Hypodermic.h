// A pared-down Hypodermic (github.com/ybainier/Hypodermic) with the real
// names and signatures, so the example builds without the library.
#pragma once
#include <memory>
#include <string>

namespace Hypodermic {

class Container {
public:
  template <class T> std::shared_ptr<T> resolve() { return nullptr; }
};

template <class TDescriptorInfo> class RegistrationDescriptorBase {
public:
  template <class TBase> RegistrationDescriptorBase &as() { return *this; }
  RegistrationDescriptorBase &asSelf() { return *this; }
  RegistrationDescriptorBase &singleInstance() { return *this; }
};

class ContainerBuilder {
public:
  template <class T> RegistrationDescriptorBase<T> &registerType() {
    static RegistrationDescriptorBase<T> Descriptor;
    return Descriptor;
  }
  std::shared_ptr<Container> build() { return std::make_shared<Container>(); }
};

} // namespace Hypodermic
