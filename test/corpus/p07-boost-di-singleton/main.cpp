#include "Services.h"

namespace di = boost::di;

auto storageModule() {
  return di::make_injector(di::bind<PgStore>.in(di::singleton));
}

int main() {
  auto injector = storageModule();
  auto users = injector.create<UsersService>();
  auto orders = injector.create<OrdersService>();
}
