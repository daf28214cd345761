#include <drogon/drogon.h>
#include "Services.h"

void registerT(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<UserStore>().singleInstance();
}

void openOrdersAgain() {
  auto Client = drogon::orm::DbClient::newPgClient("host=db dbname=orders", 2);
}
