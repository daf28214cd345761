#include <drogon/drogon.h>
#include "Services.h"

void registerD(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<OrderStore>().singleInstance();
}

void openOrders() {
  auto Client = drogon::orm::DbClient::newPgClient("host=db dbname=orders", 2);
}
