#include "Modules.h"
#include "PrismaService.h"

void registerAppModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<PrismaService>().singleInstance();
  registerUsersModule(Builder);
  registerOrdersModule(Builder);
}
