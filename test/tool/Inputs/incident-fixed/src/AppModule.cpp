#include "Modules.h"

void registerAppModule(Hypodermic::ContainerBuilder &Builder) {
  registerDatabaseModule(Builder);
  registerUsersModule(Builder);
  registerOrdersModule(Builder);
}
