#include <drogon/drogon.h>
#include "Services.h"

void registerB(Hypodermic::ContainerBuilder &Builder) {
  Builder.registerType<UserStore>().singleInstance();
}

void openReportsAgain() {
  auto Client = drogon::orm::DbClient::newPgClient("host=db dbname=reports", 2);
}
