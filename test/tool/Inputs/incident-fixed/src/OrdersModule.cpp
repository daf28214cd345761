#include "Modules.h"

class OrdersRepository {};

void registerOrdersModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<OrdersRepository>();
}
