#include "Services.h"

void registerC(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<OrderStore>().singleInstance();
}
