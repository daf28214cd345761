#pragma once
#include <Hypodermic/Hypodermic.h>

void registerAppModule(Hypodermic::ContainerBuilder &Builder);
void registerUsersModule(Hypodermic::ContainerBuilder &Builder);
void registerOrdersModule(Hypodermic::ContainerBuilder &Builder);
