#include "Modules.h"
#include "PrismaService.h"

class OrdersRepository {};

void registerOrdersModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<PrismaService>().singleInstance();
  Builder.registerType<OrdersRepository>();
}
