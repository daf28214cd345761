#include "Modules.h"
#include "PrismaService.h"

// The app module provides the database service...
void registerAppModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<PrismaService>().singleInstance();
  registerUsersModule(Builder);
  registerOrdersModule(Builder);
}
