#include "Modules.h"
#include "PrismaService.h"

class UsersRepository {};

// ...and so does each feature module (bug 1): one more instance, one more pool.
void registerUsersModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<PrismaService>().singleInstance();
  Builder.registerType<UsersRepository>();
}
