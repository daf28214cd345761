#include "Modules.h"

class UsersRepository {};

// Fixed: the feature module injects PrismaService instead of providing it.
void registerUsersModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<UsersRepository>();
}
