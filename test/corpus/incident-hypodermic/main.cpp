#include "Modules.h"

int main() {
  Hypodermic::ContainerBuilder Builder;
  registerAppModule(Builder);
  auto Container = Builder.build();
  return Container ? 0 : 1;
}
