#include "Modules.h"
#include "PrismaService.h"

class OrdersRepository {};

// One finding for the group of three registrations, at the first one that is
// not reached first (App, then Orders and Users by file name).
void registerOrdersModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<PrismaService>().singleInstance(); // poolguard-expect: poolguard-duplicate-pooled-provider
  Builder.registerType<OrdersRepository>();
}
