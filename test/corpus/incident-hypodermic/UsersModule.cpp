#include "Modules.h"
#include "PrismaService.h"

class UsersRepository {};

void registerUsersModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<PrismaService>().singleInstance();
  Builder.registerType<UsersRepository>();
}
