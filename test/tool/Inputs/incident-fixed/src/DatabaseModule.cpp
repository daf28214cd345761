#include "Modules.h"
#include "PrismaService.h"

// Fixed: one global module provides the database service, once.
void registerDatabaseModule(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<PrismaService>().singleInstance();
}
