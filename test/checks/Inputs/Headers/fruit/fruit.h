// Mock of fruit/fruit.h (google/fruit 3.x), trimmed: createComponent()
// returning a PartialComponent with bind/registerProvider/bindInstance/
// addMultibinding/install, Component, NormalizedComponent and Injector.
#ifndef POOLGUARD_MOCK_FRUIT_FRUIT_H
#define POOLGUARD_MOCK_FRUIT_FRUIT_H
namespace fruit {
template <typename... Params> class Component;
template <typename... Bindings> class PartialComponent {
public:
  template <typename AnnotatedI, typename AnnotatedC>
  PartialComponent<Bindings...> bind();
  template <typename Lambda>
  PartialComponent<Bindings...> registerProvider(Lambda lambda) {
    return *this;
  }
  template <typename C> PartialComponent<Bindings...> bindInstance(C &instance);
  template <typename AnnotatedI, typename AnnotatedC>
  PartialComponent<Bindings...> addMultibinding();
  template <typename... OtherComponentParams, typename... FormalArgs,
            typename... Args>
  PartialComponent<Bindings...>
  install(Component<OtherComponentParams...> (*getComponent)(FormalArgs...),
          Args &&...args);
};
template <typename... Params> class Component {
public:
  template <typename... Bindings>
  Component(PartialComponent<Bindings...> &&component);
};
PartialComponent<> createComponent();
template <typename... Params> class NormalizedComponent {
public:
  template <typename... FormalArgs, typename... Args>
  NormalizedComponent(Component<Params...> (*getComponent)(FormalArgs...),
                      Args &&...args);
};
template <typename... P> class Injector {
public:
  template <typename... FormalArgs, typename... Args>
  Injector(Component<P...> (*getComponent)(FormalArgs...), Args &&...args);
  template <typename... NormalizedComponentParams,
            typename... ComponentParams, typename... FormalArgs,
            typename... Args>
  Injector(const NormalizedComponent<NormalizedComponentParams...>
               &normalized_component,
           Component<ComponentParams...> (*getComponent)(FormalArgs...),
           Args &&...args);
  template <typename T> T get();
};
} // namespace fruit
#define INJECT(Signature)                                                      \
  using Inject = Signature;                                                    \
  Signature
#endif
